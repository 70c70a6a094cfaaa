// What `study import` writes must be what `study load` reads back (issue 13, item 13):
// a roadmap over load's 1 MiB limit is reported on import (and refused with --load,
// before anything is written), and hostile text (bidi controls, C0/C1 controls, quotes,
// `#`, `: `, emoji, Bengali) is written as YAML that loads back to exactly the same text.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Item } from '../../src/core/model.js';
import { importMarkdown, roadmapToYaml } from '../../src/import/index.js';
import type { RawRoadmap } from '../../src/roadmap/schema.js';
import { MAX_FILE_BYTES, parseRoadmapText } from '../../src/roadmap/file.js';
import { cli, tempDir } from '../support/cli.js';

/** Characters that do not show as themselves, which the YAML must hold only as escapes. */
const UNSEEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

const HOSTILE = [
  '\u202eevil',
  'tail\u202e',
  '\u2066isolated\u2069 and \u200fmarked',
  'bell\u0007 and escape\u001b[31m',
  'C1 \u0085 next line and \u009b csi',
  '#hash at the start',
  'key: value',
  'quote "double" and \'single\'',
  '👩‍💻 pair programming 🇧🇩',
  'বাংলায় ব্যাকএন্ড শেখা',
  '- dash, ? question, @at, `tick`, & amp, * star',
  'null',
  'true',
  '123',
];

function titles(items: readonly Item[]): string[] {
  return items.flatMap((it) => [it.title, ...titles(it.children)]);
}

describe('hostile text round-trips through the YAML', () => {
  it('import -> YAML -> the roadmap reader gives the same titles, and the YAML shows no hidden character', () => {
    const md = ['# \u202eevil plan', '', ...HOSTILE.flatMap((t, i) => [`## Section ${i + 1} ${t.replace(/^#/, '\\#')}`, `- ${t.replace(/^[#\-*]/, '\\$&')}`, ''])].join('\n');
    const r = importMarkdown(md, { fileName: 'hostile.md' });
    const yaml = roadmapToYaml(r.roadmap, '\u202ehostile.md');
    for (const line of yaml.split('\n')) expect(line).not.toMatch(UNSEEN);
    const parsed = parseRoadmapText(yaml, 'hostile.yaml', 'hostile');
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    const raw = r.roadmap.sections.map((s) => [s.title, ...(s.items ?? []).map((i) => (typeof i === 'string' ? i : i.title))]);
    expect(parsed.roadmap.title).toBe(r.roadmap.title);
    expect(parsed.roadmap.sections.map((s) => [s.title, ...titles(s.items)])).toEqual(raw);
    // The importer keeps the words as written (Markdown trims the edges).
    expect(raw.map((s) => s[1])).toEqual(HOSTILE.map((t) => t.trim()));
  });

  it('titles with spaces at either end stay exact in the YAML; the reader trims them, as it does any file', () => {
    const items = ['  two leading', 'two trailing  ', ' both ', '\u00a0nbsp', ...HOSTILE];
    const roadmap: RawRoadmap = { id: 'x', title: ' T ', kind: 'checklist', sections: [{ title: 'S', items }] };
    const yaml = roadmapToYaml(roadmap);
    for (const line of yaml.split('\n')) expect(line).not.toMatch(UNSEEN);
    expect(parse(yaml).sections[0].items).toEqual(items);
    const parsed = parseRoadmapText(yaml, 'x.yaml', 'x');
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.roadmap.sections[0]!.items.map((i) => i.title)).toEqual(items.map((t) => t.trim()));
  });
});

describe('a roadmap too big for study load', () => {
  const LINKS = 20_000;
  const plan = ['# Link Hoard', '', '## Links', ...Array.from({ length: LINKS }, (_, i) => `- [Link ${i + 1}](https://example.com/${i + 1})`), ''].join('\n');

  it('is a warning on import (and an error with --strict), with the size and the limit', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'links.md'), plan);
    expect(Buffer.byteLength(plan)).toBeLessThan(MAX_FILE_BYTES);
    const r = await cli(['import', 'links.md', '--out', 'links.yaml'], { db, cwd: dir });
    expect(r.code).toBe(0);
    const size = readFileSync(join(dir, 'links.yaml')).length;
    expect(size).toBeGreaterThan(MAX_FILE_BYTES);
    expect(r.err).toBe(
      `study: links.md: warning: the roadmap YAML is ${size.toLocaleString('en-US')} bytes, over the 1 MiB (1,048,576 bytes) that study load accepts; split the plan into smaller files\n` +
        `study: wrote links.yaml: links (checklist, 1 section, ${LINKS} items)\n`,
    );
    const load = await cli(['load', 'links.yaml'], { db, cwd: dir });
    expect(load.code).toBe(1);
    expect(load.err).toContain('over the 1 MiB');
    const strict = await cli(['import', 'links.md', '--out', 'strict.yaml', '--strict'], { db, cwd: dir });
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, 'strict.yaml'))).toBe(false);
  });

  it('with --load: refused before anything is written, the store untouched', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'links.md'), plan);
    const r = await cli(['import', 'links.md', '--load'], { db, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^study: links\.md: the roadmap YAML is [\d,]+ bytes, over the 1 MiB \(1,048,576 bytes\) that study load accepts; split the plan into smaller files; nothing written\n$/);
    expect(existsSync(join(dir, 'links.yaml'))).toBe(false);
    expect(existsSync(db)).toBe(false);
  });
});
