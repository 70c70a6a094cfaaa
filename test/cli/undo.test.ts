// study undo (issue 12): any number of times back, each saying what it took back, across
// done, done --undo, leet log, log, start, re-plan, pause and config set; the store as it
// was after each; nothing left is a clear exit 1; a load is passed over and said; undo
// never goes back past a removal or a restore. study done --undo alone: the last done.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const DSA = `id: dsa
title: My DSA
kind: weekly
sections:
  - {title: Arrays, weeks: 1, items: [Two pointers, Sliding window]}
  - {title: Trees, weeks: 2, items: [BFS, DFS]}
  - {title: Graphs, weeks: 3, items: [Dijkstra]}
habits:
  - {id: reading, title: Read a paper, every: day}
`;
const NOW = '2026-11-18T09:00';

function setup(): { dir: string; db: string; run: (args: string[]) => ReturnType<typeof cli> } {
  const dir = tempDir();
  writeFileSync(join(dir, 'dsa.yaml'), DSA);
  const db = join(dir, 'study.db');
  return { dir, db, run: (args) => cli(args, { db, now: NOW, cwd: dir }) };
}

interface Today {
  plans: { roadmap: string; week: number; of: number; pausedSince?: string; progress: { done: number } }[];
  habits: { id: string; current: number }[];
}

describe('study undo', () => {
  it('taking back a LeetCode session reschedules its problem as if it had never been logged', async () => {
    const { db } = setup();
    type Logged = { reviews: number; nextReview: string; rating: string };
    const log = (args: string[], now: string) => cliJson<Logged>(['leet', 'log', ...args], { db, now });
    const first = await log(['two-sum', '--rating', 'good'], '2026-11-10T09:00');
    expect(first.reviews).toBe(1);
    await log(['two-sum', '--rating', 'again'], '2026-11-12T09:00');
    expect((await cli(['undo'], { db, now: '2026-11-12T09:05' })).err).toMatch(/^study: undid: logged LeetCode 1\. Two Sum for 2026-11-12 /);
    // the card is the one after the first review alone: the next review counts 2, not 3,
    // and lands where it would have without the one taken back
    const again = await log(['two-sum', '--rating', 'good'], '2026-11-14T09:00');
    const fresh = join(tempDir(), 'fresh.db');
    await cliJson(['leet', 'log', 'two-sum', '--rating', 'good'], { db: fresh, now: '2026-11-10T09:00' });
    const expected = await cliJson<Logged>(['leet', 'log', 'two-sum', '--rating', 'good'], { db: fresh, now: '2026-11-14T09:00' });
    expect(again).toMatchObject({ reviews: 2, nextReview: expected.nextReview });
    // the only session of a problem taken back: no card is left (its next log is its first)
    await log(['lru-cache'], '2026-11-14T10:00');
    await cli(['undo'], { db, now: '2026-11-14T10:01' });
    expect((await log(['lru-cache'], '2026-11-14T11:00')).reviews).toBe(1);
  });

  it('walks back every kind of change, one at a time, saying what it took back', async () => {
    const { db, run } = setup();
    const ok = async (args: string[]): Promise<void> => {
      const r = await run(args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    };
    await ok(['load', 'dsa.yaml']);
    await ok(['start', 'dsa', '--on', '2026-11-02']);
    await ok(['done', 'two-pointers']);
    await ok(['done', 'two-pointers', '--undo']);
    await ok(['leet', 'log', 'two-sum']);
    await ok(['log', 'reading', '--minutes', '5']);
    await ok(['schedule', '--replan']);
    await ok(['pause', 'dsa']);
    await ok(['config', 'set', 'day-start', '05:00']);

    const today = () => cliJson<Today>(['today'], { db, now: NOW });
    const undo = async (said: string): Promise<void> => {
      const r = await run(['undo']);
      expect(r).toEqual({ code: 0, out: '', err: `study: undid: ${said} (2026-11-18 09:00)\n` });
    };

    await undo('set day-start to 05:00');
    expect((await run(['config', 'get', 'day-start'])).out).toBe('04:00\n');
    await undo('paused dsa (plan version 3)');
    expect((await today()).plans[0]!.pausedSince).toBeUndefined();
    expect((await today()).plans[0]!.of).toBe(5);
    await undo('re-planned dsa (plan version 2)');
    expect((await today()).plans[0]).toMatchObject({ week: 3, of: 3 });
    await undo('logged Read a paper for 2026-11-18');
    expect((await today()).habits.find((h) => h.id === 'reading')!.current).toBe(0);
    await undo('logged LeetCode 1. Two Sum for 2026-11-18');
    expect((await today()).habits.find((h) => h.id === 'leetcode')!.current).toBe(0);
    await undo('reopened: Two pointers');
    expect((await today()).plans[0]!.progress.done).toBe(1);
    await undo('done: Two pointers');
    expect((await today()).plans[0]!.progress.done).toBe(0);
    await undo('started dsa (plan version 1)');
    expect((await today()).plans).toEqual([]);

    // Nothing left but the load, which undo does not take back.
    const none = await run(['undo']);
    expect(none).toEqual({ code: 1, out: '', err: 'study: nothing to undo: a load is not taken back (load the file as it was)\n' });
    expect((await run(['undo'])).code).toBe(1);
  });

  it('a brand-new store: nothing to undo, exit 1', async () => {
    const { run } = setup();
    expect(await run(['undo'])).toEqual({ code: 1, out: '', err: 'study: nothing to undo\n' });
  });

  it('passes over a load, and says so', async () => {
    const { run, dir } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['done', 'bfs']);
    writeFileSync(join(dir, 'dsa.yaml'), DSA.replace('[Dijkstra]', '[Dijkstra, Floyd]'));
    expect((await run(['load', 'dsa.yaml'])).code).toBe(0);
    const r = await run(['undo']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('study: passed over (undo does not take it back): loaded dsa\nstudy: undid: done: BFS (2026-11-18 09:00)\n');
  });

  it('done --undo alone takes back the last done, past later sessions', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['start', 'dsa', '--on', '2026-11-02']);
    await run(['done', 'bfs']);
    await run(['done', 'dfs']);
    await run(['log', 'reading']);
    expect((await run(['done', '--undo'])).err).toBe('study: undid: done: DFS (2026-11-18 09:00)\n');
    expect((await run(['done', '--undo'])).err).toBe('study: undid: done: BFS (2026-11-18 09:00)\n');
    // The session stands; no done is left.
    expect((await cliJson<Today>(['today'], { db, now: NOW })).habits.find((h) => h.id === 'reading')!.current).toBe(1);
    expect(await run(['done', '--undo'])).toEqual({ code: 1, out: '', err: 'study: no done to take back\n' });
  });

  it('--json: what it undid and what it passed over', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['log', 'reading', '--minutes', '10']);
    const r = await run(['--json', 'undo']);
    expect(JSON.parse(r.out)).toEqual({ undone: { kind: 'session', summary: 'logged Read a paper for 2026-11-18', at: '2026-11-18T09:00:00+00:00' }, passed: [] });
  });

  it('never goes back past a restore', async () => {
    const { dir, db, run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['start', 'dsa', '--on', '2026-11-02']);
    await run(['done', 'bfs']);
    expect((await run(['export', '--out', 'b.json'])).code).toBe(0);
    await run(['done', 'dfs']);
    expect((await run(['import-backup', join(dir, 'b.json'), '--force'])).code).toBe(0);
    const r = await run(['undo']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('study: nothing to undo since restored a backup (2026-11-18 09:00): undo does not go back past a removal or a restore\n');
    // BFS, done before the backup, is done still.
    const show = await cliJson<{ sections: { items: { title: string; done: boolean }[] }[] }>(['show', 'dsa'], { db, now: NOW });
    expect(show.sections[1]!.items.map((i) => [i.title, i.done])).toEqual([
      ['BFS', true],
      ['DFS', false],
    ]);
    // Changes after the restore are undone as usual.
    await run(['done', 'dijkstra']);
    expect((await run(['undo'])).err).toBe('study: undid: done: Dijkstra (2026-11-18 09:00)\n');
  });

  it('never goes back past a removal', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['load']);
    await run(['start', 'dsa', '--on', '2026-11-02']);
    await run(['done', 'bfs']);
    expect((await run(['remove', 'dsa', '--yes'])).code).toBe(0);
    const r = await run(['undo']);
    expect(r).toEqual({ code: 1, out: '', err: 'study: nothing to undo since removed dsa (2026-11-18 09:00): undo does not go back past a removal or a restore\n' });
  });
});
