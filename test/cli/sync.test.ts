// study sync between machines, through a bare repository in a temp folder and real git:
// they converge, the later of done and undo wins, history before sync travels.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exported, world, type Machine } from '../support/sync.js';

/** What the daily commands say, as JSON, on a machine (a session's number is this machine's own). */
async function views(m: Machine) {
  return {
    today: await m.json(['today']),
    report: await m.json(['report']),
    streak: await m.json(['streak']),
    leet: (await m.json<Record<string, unknown>[]>(['leet', 'list'])).map(({ id: _, ...s }) => s),
  };
}

const SYS = 'system-architecture-12w';

describe('study sync', () => {
  it('two machines that worked apart hold the same data once both have synced', async () => {
    const w = world();
    const a = await w.machine('laptop');
    const b = await w.machine('desktop');
    // A, in the morning: loads, starts a plan, finishes two items, logs LeetCode, sets a setting.
    await a.run(['load']);
    await a.run(['start', SYS]);
    expect((await a.run(['done', 'monolith-vs-microservices'], '2026-11-23T09:30')).code).toBe(0);
    await a.run(['done', 'clean-architecture-layers'], '2026-11-23T09:40');
    await a.run(['leet', 'log', '20', '--minutes', '12'], '2026-11-23T09:50');
    await a.run(['config', 'set', 'rest-days', 'sun'], '2026-11-23T09:55');
    // B, offline the same day: its own roadmap, a plan, a LeetCode session, a list.
    await b.run(['load'], '2026-11-23T08:00');
    await b.run(['start', 'backend-realtime-phases'], '2026-11-23T08:10');
    await b.run(['leet', 'log', 'two-sum', '--minutes', '20'], '2026-11-23T08:20');
    await b.run(['leet', 'start', 'blind75'], '2026-11-23T08:30');
    await b.run(['done', 'horizontal-vs-vertical-scaling'], '2026-11-23T08:40'); // not started on B: refused, nothing written
    await a.sync('2026-11-23T10:00');
    const first = await b.sync('2026-11-23T10:05');
    expect(first.out).toMatch(/^Synced: sent \d+ changes; applied \d+ changes from [a-z0-9-]+\.\n$/);
    await a.sync('2026-11-23T10:10');

    expect(await exported(a)).toEqual(await exported(b));
    expect(await views(a)).toEqual(await views(b));
    const today = (await a.json<{ plans: { roadmap: string }[] }>(['today'])).plans.map((p) => p.roadmap);
    expect(today).toEqual(['backend-realtime-phases', SYS]);
    // Once more: nothing to send, nothing to apply.
    expect((await a.sync('2026-11-23T10:20')).out).toBe('Synced: nothing new to send; nothing new from other machines.\n');
  });

  it('done on one machine and undone on the other: both end with the later action, whichever syncs first', async () => {
    for (const order of ['a-first', 'b-first'] as const) {
      for (const later of ['done', 'undo'] as const) {
        const w = world();
        const a = await w.machine('a');
        const b = await w.machine('b');
        await a.run(['load']);
        await a.run(['start', SYS]);
        await a.run(['done', 'monolith-vs-microservices'], '2026-11-23T09:30');
        await a.sync('2026-11-23T09:31');
        await b.sync('2026-11-23T09:32');
        // A takes it back and marks it done again; B takes it back: at 10:00 or 11:00.
        await a.run(['done', 'monolith-vs-microservices', '--undo'], '2026-11-23T09:40');
        await a.run(['done', 'monolith-vs-microservices'], later === 'done' ? '2026-11-23T11:00' : '2026-11-23T10:00');
        expect((await b.run(['done', 'monolith-vs-microservices', '--undo'], later === 'done' ? '2026-11-23T10:00' : '2026-11-23T11:00')).code).toBe(0);
        const [x, y] = order === 'a-first' ? [a, b] : [b, a];
        await x.sync('2026-11-23T12:00');
        await y.sync('2026-11-23T12:01');
        await x.sync('2026-11-23T12:02');
        const state = async (m: Machine) => (await m.json<{ plans: { progress: { done: number } }[] }>(['today'])).plans[0]!.progress.done;
        expect(await state(a), `${order}, ${later} later`).toBe(later === 'done' ? 1 : 0);
        expect(await state(b), `${order}, ${later} later`).toBe(later === 'done' ? 1 : 0);
        expect(await exported(a)).toEqual(await exported(b));
      }
    }
  }, 60_000);

  it('what undo did travels as what it means: a done taken back and put back again', async () => {
    const w = world();
    const a = await w.machine('a');
    const b = await w.machine('b');
    await a.run(['load']);
    await a.run(['start', SYS]);
    await a.run(['done', 'monolith-vs-microservices'], '2026-11-23T09:30');
    await a.run(['done', 'monolith-vs-microservices', '--undo'], '2026-11-23T09:31');
    expect((await a.run(['undo'], '2026-11-23T09:32')).err).toMatch(/^study: undid: reopened: Monolith vs Microservices/);
    await a.run(['leet', 'log', '20'], '2026-11-23T09:33');
    await a.run(['undo'], '2026-11-23T09:34');
    await a.sync('2026-11-23T10:00');
    await b.sync('2026-11-23T10:01');
    expect(await exported(b)).toEqual(await exported(a));
    expect((await b.json<{ plans: { progress: { done: number } }[] }>(['today'])).plans[0]!.progress.done).toBe(1);
    expect(await b.json(['leet', 'list'])).toEqual([]);
  });

  it('undo takes back the plan version it made, also when another machine\'s came before it since', async () => {
    const w = world();
    const a = await w.machine('a');
    const b = await w.machine('b');
    await a.run(['load'], '2026-11-23T08:00');
    await a.run(['start', SYS], '2026-11-23T09:00');
    await a.sync('2026-11-23T09:01');
    await b.sync('2026-11-23T09:02');
    expect((await b.run(['pause', SYS], '2026-11-23T09:03')).code).toBe(0);
    expect((await a.run(['start', SYS, '--on', '2026-11-30', '--yes'], '2026-11-23T09:05')).code).toBe(0);
    await b.sync('2026-11-23T09:10');
    await a.sync('2026-11-23T09:11'); // A's re-start is now version 3, after B's pause
    const undone = await a.run(['undo'], '2026-11-23T09:12');
    expect(undone.err).toMatch(/^study: undid: started system-architecture-12w \(plan version 2\)/);
    // what is left: started on 11-23, paused by B (not A's re-start from 11-30)
    const plan = (await a.json<{ plans: Record<string, unknown>[] }>(['today'])).plans[0]!;
    expect(plan).toMatchObject({ pausedSince: '2026-11-23', progress: { status: 'paused', plannedFinish: '2027-02-14' } });
    await a.sync('2026-11-23T09:20');
    await b.sync('2026-11-23T09:21');
    expect(await exported(b)).toEqual(await exported(a));
  });

  it('a store with history from before sync sends it on its first sync: nothing recorded before is lost', async () => {
    const w = world();
    const a = await w.machine('old');
    // A store as study 4 wrote it (fixtures/README.md): no events at all; opening it migrates it.
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'store-v4.db'), a.db);
    const r = await a.run(['sync'], '2026-12-07T09:00');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/your history before sync went to the journal: \d+ events/);
    const b = await w.machine('new', '2026-12-07T10:00');
    await b.sync();
    expect(await exported(b)).toEqual(await exported(a));
    expect(await b.json<unknown[]>(['leet', 'list'])).toHaveLength(4);
    // and the history is sent once: a second sync writes nothing more
    expect((await a.sync('2026-12-07T11:00')).out).toBe('Synced: nothing new to send; nothing new from other machines.\n');
  });

  it("after a restore, the next sync reads this machine's own journal again and sends only what it lacks", async () => {
    const w = world();
    const a = await w.machine('a');
    const b = await w.machine('b');
    await a.run(['load']);
    await a.run(['start', SYS]);
    await a.run(['done', 'monolith-vs-microservices'], '2026-11-23T09:30');
    await a.sync('2026-11-23T09:40');
    const backup = join(w.dir, 'backup.json');
    await a.run(['export', '--out', backup], '2026-11-23T09:45');
    expect((await a.run(['import-backup', backup, '--force'], '2026-11-23T09:50')).code).toBe(0);
    expect((await a.sync('2026-11-23T10:00')).code).toBe(0);
    expect((await a.sync('2026-11-23T10:05')).out).toBe('Synced: nothing new to send; nothing new from other machines.\n');
    await b.sync('2026-11-23T10:10');
    expect(await exported(b)).toEqual(await exported(a));
    expect((await b.json<{ plans: { progress: { done: number } }[] }>(['today'])).plans[0]!.progress.done).toBe(1);
  });

  it('--status says where sync stands, and changes nothing', async () => {
    const w = world();
    const a = await w.machine('a');
    const b = await w.machine('b');
    await a.run(['load']);
    await a.run(['leet', 'log', '20'], '2026-11-23T09:10');
    const before = await a.json<Record<string, any>>(['sync', '--status']);
    expect(before).toMatchObject({ device: expect.stringMatching(/^[a-z0-9-]+-[0-9a-f]{8}$/), remote: w.remote, branch: 'main', lastSync: null, toPush: { events: 6, commits: 1 }, toApply: 0 });
    await a.sync('2026-11-23T09:20');
    expect(await b.json(['sync', '--status'])).toMatchObject({ toPush: { events: 0 }, toApply: 0 });
    w.git(join(w.dir, 'b', 'study-sync'), 'fetch', '--quiet', 'origin');
    expect(await b.json(['sync', '--status'])).toMatchObject({ toApply: 6, lastSync: null });
    await b.sync('2026-11-23T09:30');
    expect(await b.json(['sync', '--status'])).toMatchObject({ toApply: 0, lastSync: '2026-11-23T09:30:00+00:00' });
    const text = (await b.run(['sync', '--status'])).out;
    expect(text).toMatch(/^device {4}[a-z0-9-]+\nremote {4}.*remote\.git \(main\)\nfolder {4}.*study-sync\nlast sync 2026-11-23 09:30\nto push {3}0 changes\nto apply {2}0 changes\n$/);
  });

  it('says how to set it up when it is not, and refuses another remote than the one it syncs with', async () => {
    const w = world();
    const a = await w.machine('a');
    const other = await a.run(['sync', 'init', join(w.dir, 'elsewhere.git')]);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/^study: .*study-sync already syncs with .*remote\.git; remove that folder to sync with .*elsewhere\.git\n$/);
    const again = await a.run(['sync', 'init', w.remote]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.err).toMatch(/sync is set up already/);
    const lone = await a.run(['--db', join(w.dir, 'lone', 'study.db'), 'sync']);
    expect(lone).toEqual({ code: 1, out: '', err: 'study: sync is not set up for this store; run: study sync init REMOTE (a git URL or the path of a bare repository)\n' });
    expect(existsSync(join(w.dir, 'lone', 'study-sync'))).toBe(false);
    expect(readdirSync(join(w.dir, 'a'))).toContain('study-sync');
    expect(readFileSync(join(w.dir, 'a', 'study-sync', '.gitignore'), 'utf8')).toContain('.study-tmp-');
  });
});
