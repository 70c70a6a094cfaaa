// The Markdown importer's public entry: a study plan written in Markdown -> a raw roadmap
// (the YAML shape of SPEC section 1), plus warnings for what could not be placed. Pure:
// text in, data out. `study import` uses this module only.
//
// The stages, each a module of this folder:
//   source.ts       bytes -> text: encoding, BOM, mojibake (mojibake.ts), front matter
//   parse.ts        text -> markdown-it tokens, a part at a time, -> events.ts: events
//                   (headings, fields, prose, lists, tables); or, for a plan with no
//                   Markdown structure, outline.ts: events by indentation
//   shape.ts        where the title and the plan's sections are; marks.ts: done marks
//                   and tables of contents, settled per list
//   builder.ts      events -> plan (sections and items; with lists.ts, tables.ts,
//                   prose.ts, items.ts, attributes.ts and the plan's types in plan.ts)
//   finish.ts       plan -> raw roadmap: kind, timeline, ids, habits, title
//   to-yaml.ts      raw roadmap -> YAML text
// and the words they share: vocabulary.ts (labels, fields, weeks, phases, priority,
// difficulty and effort values), classify.ts (what a line says), inline.ts, text.ts.
import { Builder } from './builder.js';
import { mergeSubtitles } from './events.js';
import { finishPlan } from './finish.js';
import { settleDoneMarks } from './marks.js';
import { documentEvents } from './parse.js';
import { normaliseSource } from './source.js';
import type { ImportOptions, ImportResult } from './types.js';

export { decodeWindows1252 } from './mojibake.js';
export { decodePlanBytes } from './source.js';
export { roadmapToYaml } from './to-yaml.js';
export { NothingToImportError, type ImportOptions, type ImportResult, type ImportWarning } from './types.js';

/** Markdown text -> the raw roadmap and what could not be placed. */
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  const { text, repaired, frontTitle } = normaliseSource(source);
  const builder = new Builder();
  const evs = documentEvents(text, builder.warn);
  mergeSubtitles(evs);
  const bullets = settleDoneMarks(evs);
  builder.run(evs);
  const { roadmap, warnings, notices } = finishPlan(builder, frontTitle, options, bullets);
  return { roadmap, warnings, notices, repaired };
}
