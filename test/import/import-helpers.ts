// Shared by the import tests: import a fixture through the real pipeline (Markdown ->
// raw roadmap -> YAML -> the validator) and show the result as a compact outline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item, Roadmap } from '../../src/core/model.js';
import { importMarkdown, type ImportOptions } from '../../src/import/index.js';
import { roadmapToYaml } from '../../src/import/to-yaml.js';
import { parseRoadmapText } from '../../src/roadmap/file.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export interface Imported {
  readonly roadmap: Roadmap;
  readonly yaml: string;
  /** `line: message`. */
  readonly warnings: string[];
  /** `line: message` (line 0: the whole file). */
  readonly notices: string[];
  readonly repaired: number;
}

/** Markdown text imported, written as YAML and read back by the roadmap validator (which must accept it). */
export function importText(text: string, options: ImportOptions = {}): Imported {
  const r = importMarkdown(text, options);
  const yaml = roadmapToYaml(r.roadmap, options.fileName ?? 'plan.md');
  const parsed = parseRoadmapText(yaml, 'imported.yaml', 'x');
  if ('problems' in parsed) {
    throw new Error(`the imported YAML does not validate:\n${parsed.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n')}\n${yaml}`);
  }
  return {
    roadmap: parsed.roadmap,
    yaml,
    warnings: r.warnings.map((w) => `${w.line}: ${w.message}`),
    notices: r.notices.map((n) => `${n.line}: ${n.message}`),
    repaired: r.repaired,
  };
}

export function importFixture(name: string, options: ImportOptions = {}): Imported {
  return importText(readFileSync(join(FIXTURES, name), 'utf8'), { fileName: name, ...options });
}

function itemLine(it: Item): string {
  const attrs = [it.priority && `priority ${it.priority}`, it.difficulty && `difficulty ${it.difficulty}`, it.effort && `effort ${it.effort}`].filter(Boolean);
  return [
    `${it.kind}${it.doneInFile ? ' ✓' : ''}: ${it.title}`,
    attrs.length ? ` {${attrs.join(', ')}}` : '',
    it.url ? ` <${it.url}>` : '',
    it.notes.length ? ` (${it.notes.join(' | ')})` : '',
  ].join('');
}

/**
 * The roadmap as lines a person can check at a glance:
 * `# Title [kind]`, `## Section {weeks 1-2}`, then `  task ✓: Title {priority high} <url>`,
 * children indented under their parent.
 */
export function outline(r: Roadmap): string {
  const lines = [`# ${r.title} [${r.kind}]`];
  for (const s of r.sections) {
    const when = [s.weeks && `weeks ${s.weeks[0]}-${s.weeks[1]}`, s.duration && `duration ${s.duration.text}`].filter(Boolean);
    const attrs = [s.priority && `priority ${s.priority}`, s.difficulty && `difficulty ${s.difficulty}`, s.effort && `effort ${s.effort}`].filter(Boolean);
    lines.push(`## ${s.title}${when.length ? ` {${when.join(', ')}}` : ''}${attrs.length ? ` {${attrs.join(', ')}}` : ''}`);
    const walk = (items: readonly Item[], depth: number): void => {
      for (const it of items) {
        lines.push(`${'  '.repeat(depth)}${itemLine(it)}`);
        walk(it.children, depth + 1);
      }
    };
    walk(s.items, 1);
  }
  return lines.join('\n');
}
