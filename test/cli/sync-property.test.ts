// Three machines doing random things and syncing in random orders (fast-check, small runs):
// once each has synced after the last change, all hold the same data, every event each
// made is on every machine, none twice.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exported, world, type Machine } from '../support/sync.js';

const TASKS = ['monolith-vs-microservices', 'clean-architecture-layers', 'horizontal-vs-vertical-scaling', 'refactor-a-django-app-using'];
const SYS = 'system-architecture-12w';

const op = fc.oneof(
  fc.record({ kind: fc.constant('done' as const), task: fc.constantFrom(...TASKS) }),
  fc.record({ kind: fc.constant('reopen' as const), task: fc.constantFrom(...TASKS) }),
  fc.record({ kind: fc.constant('leet' as const), problem: fc.constantFrom('1', '20', 'two-sum', '146') }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('setting' as const), value: fc.constantFrom('sun', 'mon', 'sat') }),
  fc.record({ kind: fc.constant('pause' as const) }),
  fc.record({ kind: fc.constant('resume' as const) }),
  fc.record({ kind: fc.constant('list' as const), list: fc.constantFrom('blind75', 'neetcode150') }),
  fc.record({ kind: fc.constant('sync' as const) }),
  fc.record({ kind: fc.constant('sync' as const) }),
);
const step = fc.record({ machine: fc.nat(2), op });

function argsOf(o: { kind: string; task?: string; problem?: string; value?: string; list?: string }): string[] {
  switch (o.kind) {
    case 'done':
      return ['done', o.task!];
    case 'reopen':
      return ['done', o.task!, '--undo'];
    case 'leet':
      return ['leet', 'log', o.problem!];
    case 'undo':
      return ['undo'];
    case 'setting':
      return ['config', 'set', 'week-start', o.value!];
    case 'pause':
      return ['pause', SYS];
    case 'resume':
      return ['resume', SYS];
    case 'list':
      return ['leet', 'start', o.list!];
    default:
      return ['sync'];
  }
}

/** The ids of the events a machine's store has. */
function eventIds(m: Machine): string[] {
  const db = new Database(m.db, { readonly: true });
  try {
    return db.prepare<[], string>('SELECT id FROM events ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
}

describe('three machines', () => {
  it('random work and syncs in random orders: all converge, every event on every machine once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const w = world();
        const machines = [await w.machine('a'), await w.machine('b'), await w.machine('c')];
        const [a] = machines as [Machine];
        await a.run(['load']);
        await a.run(['start', SYS]);
        let minute = 10;
        const at = () => `2026-11-23T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        for (const m of machines) await m.sync(at());
        for (const s of steps) {
          minute += 1;
          const r = await machines[s.machine]!.run(argsOf(s.op), at());
          expect(r.err).not.toMatch(/internal error/);
          if (s.op.kind === 'sync') expect(r.code, r.err).toBe(0);
        }
        // each syncs after the last change, then each once more to take what the others sent last
        for (const m of [...machines, ...machines]) await m.sync(at());
        const docs = await Promise.all(machines.map(exported));
        expect(docs[1]).toEqual(docs[0]);
        expect(docs[2]).toEqual(docs[0]);
        const ids = machines.map(eventIds);
        expect(ids[1]).toEqual(ids[0]);
        expect(ids[2]).toEqual(ids[0]);
        expect(new Set(ids[0]).size).toBe(ids[0]!.length);
        const today = await Promise.all(machines.map((m) => m.json(['today'])));
        expect(today[1]).toEqual(today[0]);
        expect(today[2]).toEqual(today[0]);
      }),
      { numRuns: 6 },
    );
  }, 240_000);
});
