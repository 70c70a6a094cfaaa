// A partial id tail (issue 12): `study done w01-02/horizontal` finds
// system-architecture-12w/w01-02/horizontal-vs-vertical-scaling when no other item's id
// ends that way; several: exit 1 listing them (a picker on a terminal); the segments before
// the last are whole segments, in place.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialTail } from '../../src/core/match.js';
import { cli, tempDir } from '../support/cli.js';

const ID = 'system-architecture-12w/w01-02/horizontal-vs-vertical-scaling';

describe('partialTail', () => {
  it.each([
    ['w01-02/horizontal', true],
    ['w01-02/h', true],
    ['w01-02/horizontal-vs-vertical-scaling', true],
    ['system-architecture-12w/w01-02/horiz', true],
    ['w01/horizontal', false],
    ['w01-02/vertical', false],
    ['w03-04/horizontal', false],
    ['x/system-architecture-12w/w01-02/horizontal', false],
    ['w01-02/', false],
    ['/horizontal', false],
  ])('%s: %s', (tail, yes) => {
    expect(partialTail(ID, tail)).toBe(yes);
  });
});

describe('study done with a partial id tail', () => {
  const NOW = '2026-11-04T09:00';
  async function started(): Promise<string> {
    const db = join(tempDir(), 'study.db');
    expect((await cli(['start', 'system-architecture-12w', '--on', '2026-11-02'], { db, now: NOW })).code).toBe(0);
    return db;
  }

  it('unique: marks that item', async () => {
    const db = await started();
    for (const task of ['w01-02/horizontal', 'system-architecture-12w/w01-02/horiz', 'W01-02/Horizontal']) {
      const r = await cli(['done', task], { db, now: NOW });
      expect(r.code, r.err).toBe(0);
      expect(r.err, task).toMatch(/^study: (✓|already done:) Horizontal vs vertical scaling/);
    }
  });

  it('ambiguous: exit 1 listing the items it names, nothing written', async () => {
    const db = await started();
    const r = await cli(['done', 'w01-02/clean'], { db, now: NOW });
    expect(r).toEqual({
      code: 1,
      out: '',
      err: [
        'study: "w01-02/clean" matches 2 items; say which:',
        '  clean-architecture-layers    Clean architecture layers  (system-architecture-12w)',
        "  clean-architecture-o-reilly  Clean Architecture (O'Reilly)  (system-architecture-12w)",
        '',
      ].join('\n'),
    });
    const today = JSON.parse((await cli(['--json', 'today'], { db, now: NOW })).out) as { plans: { progress: { done: number } }[] };
    expect(today.plans[0]!.progress.done).toBe(0);
  });

  it('a segment before the last cut short names nothing', async () => {
    const db = await started();
    const r = await cli(['done', 'w01/horizontal'], { db, now: NOW });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^study: no item matches "w01\/horizontal"; the closest:\n {2}horizontal-vs-vertical-scaling /);
  });
});
