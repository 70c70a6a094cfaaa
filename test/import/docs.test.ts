// docs/import.md stays true: its worked example, imported through the real command,
// gives the YAML and the stderr line the page shows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli.js';

const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'import.md'), 'utf8');

/** The fenced blocks of the worked example, in order. */
function exampleBlocks(): string[] {
  const section = page.slice(page.indexOf('## A worked example'), page.indexOf('## What is recognised'));
  return [...section.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('docs/import.md', () => {
  it('the worked example imports to the YAML and summary it shows', async () => {
    const [markdown, yaml, stderr] = exampleBlocks();
    const dir = tempDir();
    writeFileSync(join(dir, 'go-plan.md'), markdown!);
    const r = await cli(['import', 'go-plan.md'], { db: join(dir, 'study.db'), cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe(yaml);
    expect(r.err).toBe(stderr);
  });

  it('names the warnings and notes the importer prints', () => {
    const sources = ['attributes', 'builder', 'events', 'finish', 'items', 'lists', 'parse', 'source', 'tables', 'vocabulary'].map((f) =>
      readFileSync(join(import.meta.dirname, '..', '..', 'src', 'import', `${f}.ts`), 'utf8'),
    );
    // Fixed words of each warning and note the importer prints.
    const phrases = [
      'cannot read', 'which is not a web address', 'has nothing under it; skipped', 'end before they start', 'plan weeks start at 1',
      'the row was imported as a section without', 'table row with nothing in its', 'indented text was read as a code block', 'image skipped',
      'list nested deeper than', 'lists nested too deeply', 'not valid UTF-8', 'was not imported', 'no title (a "# Title" heading) found',
      'table of contents skipped', 'taken as done', 'read as bullets, not as done',
    ];
    for (const p of phrases) {
      expect(sources.some((s) => s.includes(p)), p).toBe(true);
      expect(page, p).toContain(p);
    }
  });
});
