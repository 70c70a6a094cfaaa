// study load of files it loaded before: unchanged ones are reported without being parsed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

describe('study load of files it loaded before, unchanged', () => {
  it('reports them unchanged without parsing, as a parsed load would', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.yaml`), `title: Plan ${name}\nkind: checklist\nsections:\n  - title: S\n    items: [One, Two, {title: Three, items: [x, y]}]\n`);
    const first = await cliJson<{ roadmaps: { id: string; items: number }[] }>(['load', dir], { db });
    expect(first.roadmaps.map((r) => [r.id, r.items])).toEqual([['a', 5], ['b', 5]]);
    const again = await cliJson(['load', dir], { db });
    expect(again).toEqual({
      roadmaps: [
        { id: 'a', items: 5, added: 0, updated: 0, unchanged: 5, archived: 0 },
        { id: 'b', items: 5, added: 0, updated: 0, unchanged: 5, archived: 0 },
      ],
    });
    const text = await cli(['load', dir], { db });
    expect(text.out).toMatch(/^a +5 items +unchanged\nb +5 items +unchanged\n$/);
  });

  it('reads and validates every file again when one of them changed', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'a.yaml'), 'title: A\nkind: checklist\nsections:\n  - title: S\n    items: [One]\n');
    writeFileSync(join(dir, 'b.yaml'), 'title: B\nkind: checklist\nsections:\n  - title: S\n    items: [One]\n');
    await cli(['load', dir], { db });
    writeFileSync(join(dir, 'b.yaml'), 'title: B\nkind: checklist\ncolour: red\nsections:\n  - title: S\n    items: [One]\n');
    const r = await cli(['load', dir], { db });
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown key "colour"');
  });
});
