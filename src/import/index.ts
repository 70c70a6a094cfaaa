// The Markdown importer's public entry: a study plan written in Markdown -> a raw roadmap
// (the YAML shape of SPEC section 1), plus warnings for what could not be placed. Pure:
// text in, data out. `study import` uses this module only.
//
// The stages, each a module of this folder:
//   source.ts       bytes -> text: encoding, BOM, mojibake (mojibake.ts), front matter
//   events.ts       markdown-it tokens -> events (headings, fields, prose, lists, tables);
//   outline.ts      or, for a plan with no Markdown structure, events by indentation
//   builder.ts      events -> plan (sections and items; with items.ts, attributes.ts,
//                   tables.ts and the plan's data types in plan.ts)
//   finish.ts       plan -> raw roadmap: kind, timeline, ids, habits, title
//   to-yaml.ts      raw roadmap -> YAML text
// and the words they share: vocabulary.ts (labels, fields, weeks, phases, priority,
// difficulty and effort values), classify.ts (what a line says), inline.ts, text.ts.
import { Builder } from './builder.js';
import { markdownEvents, md, mergeSubtitles } from './events.js';
import { finishPlan } from './finish.js';
import { settleDoneMarks } from './marks.js';
import { outlineEvents } from './outline.js';
import { normaliseSource } from './source.js';
import type { ImportOptions, ImportResult } from './types.js';

export { decodeWindows1252 } from './mojibake.js';
export { decodePlanBytes } from './source.js';
export { roadmapToYaml } from './to-yaml.js';
export { NothingToImportError, type ImportOptions, type ImportResult, type ImportWarning } from './types.js';

/** Markdown text -> the raw roadmap and what could not be placed. */
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  const { text, repaired, frontTitle } = normaliseSource(source);
  const tokens = md.parse(text, {});
  const builder = new Builder();
  const structured = tokens.some((t) => t.type === 'heading_open' || t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'table_open');
  // markdown-it stops reading a block nested past its limit: say so rather than lose it quietly.
  const limit = (md.options.maxNesting ?? 100) - 2;
  const deepest = tokens.filter((t) => t.level >= limit && t.map).pop();
  if (deepest) builder.warn(deepest.map![0] + 1, 'lists nested too deeply to read from here on; the rest of this list (and what follows it) was not imported');
  const evs = structured ? markdownEvents(tokens, builder.warn) : outlineEvents(tokens, text.split(/\r\n|\r|\n/));
  mergeSubtitles(evs);
  const bullets = settleDoneMarks(evs);
  builder.run(evs);
  const { roadmap, warnings, notices } = finishPlan(builder, frontTitle, options, bullets);
  return { roadmap, warnings, notices, repaired };
}
