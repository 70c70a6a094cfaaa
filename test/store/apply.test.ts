// Applying events to the store (store/apply.ts) against the merge rules (core/replay.ts
// replayAll): random events from three machines, applied in random batches and orders,
// some twice, leave the store's tables as the rules say for the set of them.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayloads, EventType } from '../../src/core/events.js';
import { formatTs } from '../../src/core/hlc.js';
import { itemRecords } from '../../src/core/load-diff.js';
import { replayAll, roadmapState, type AnyEvent } from '../../src/core/replay.js';
import { schedule } from '../../src/core/schedule.js';
import { loadCardEngine, openStore, type Store } from '../../src/store/index.js';
import { roadmapOfYaml } from '../../src/sync/schema.js';
import { tempDir } from '../support/cli.js';
import { sha256 } from '../sync/samples.js';

const NOV = Date.UTC(2026, 10, 23, 8, 0);
const DEVICES = ['aaa-1', 'bbb-2', 'ccc-3'];
const R = 'sys-arch';
const V1 = `id: ${R}\ntitle: System Architecture\nkind: weekly\nsections:\n  - id: w01-02\n    title: Core\n    weeks: 1-2\n    topics:\n      - Redis sessions\n      - Caching\n`;
const V2 = `id: ${R}\ntitle: System Architecture, again\nkind: weekly\nsections:\n  - id: w01-02\n    title: Core\n    weeks: 1-2\n    topics:\n      - Caching\n  - id: w03\n    title: More\n    weeks: 3\n    topics:\n      - Queues\n`;
const parse = (yaml: string) => {
  const r = roadmapOfYaml(yaml, `${R}.yaml`);
  if (typeof r === 'string') throw new Error(r);
  return r;
};
const ITEMS_OF = new Map([V1, V2].map((y) => [sha256(y), new Set(itemRecords(parse(y)).map((i) => i.id))]));
const LEAVES = [`${R}/w01-02/redis-sessions`, `${R}/w01-02/caching`, `${R}/w03/queues`];
const SCHEDULES = [V1, V2].map((y) => schedule(parse(y), { hoursPerWeek: 8, pace: 'mid' }, new Set()));

const moment = (ms: number): string => new Date(ms + 3600_000).toISOString().slice(0, 19) + '+01:00';

/** An event drawn by the test: its type, a payload choice and where it goes in time. */
const draw = fc.record({
  kind: fc.constantFrom('load', 'load', 'remove', 'done', 'done', 'done', 'undone', 'undone', 'session', 'unsession', 'start', 'replan', 'pause', 'resume', 'stop', 'unplan', 'setting', 'list'),
  device: fc.constantFrom(...DEVICES),
  minute: fc.integer({ min: 0, max: 40 }),
  counter: fc.integer({ min: 0, max: 2 }),
  pick: fc.nat(99),
});

type Draw = typeof draw extends fc.Arbitrary<infer T> ? T : never;

/** The events drawn, each a real event (a removal of a session or plan version names one drawn before it). */
function eventsOf(draws: readonly Draw[]): AnyEvent[] {
  const out: AnyEvent[] = [];
  let n = 0;
  for (const d of draws) {
    const ms = NOV + d.minute * 60_000;
    const at = moment(ms);
    const make = <T extends EventType>(type: T, payload: EventPayloads[T]): AnyEvent =>
      ({ id: (n++).toString(16).padStart(32, '0'), device: d.device, ts: formatTs({ ms, counter: d.counter }), type, payload }) as AnyEvent;
    const item = LEAVES[d.pick % LEAVES.length]!;
    const sessions = out.filter((e) => e.type === 'session.added');
    const versions = out.filter((e) => e.type.startsWith('plan.') && e.type !== 'plan.undone');
    const sched = SCHEDULES[d.pick % 2]!;
    switch (d.kind) {
      case 'load': {
        const yaml = d.pick % 2 ? V2 : V1;
        out.push(make('roadmap.loaded', { roadmapId: R, file: `${R}.yaml`, yaml, hash: sha256(yaml), at }));
        break;
      }
      case 'remove':
        out.push(make('roadmap.removed', { roadmapId: R, at }));
        break;
      case 'done':
        out.push(make('completion.done', { itemId: item, day: '2026-11-23', at, minutes: d.pick % 3 ? null : d.pick + 1 }));
        break;
      case 'undone':
        out.push(make('completion.undone', { itemId: item, day: '2026-11-23', at }));
        break;
      case 'session': {
        const leet = d.pick % 2 === 0;
        // at noon: the same study day whatever day-start the settings say
        const noon = `2026-11-${String(20 + (d.pick % 5)).padStart(2, '0')}T12:00:00+01:00`;
        out.push(
          make('session.added', {
            habitId: leet ? 'leetcode' : 'reading',
            day: noon.slice(0, 10),
            at: noon,
            problem: leet ? String(1 + (d.pick % 3)) : null,
            number: leet ? 1 + (d.pick % 3) : null,
            slug: null,
            title: null,
            difficulty: leet ? 'easy' : null,
            minutes: 10 + d.pick,
            result: leet ? 'solved' : null,
            tags: [],
            note: null,
            rating: leet ? 'good' : null,
          }),
        );
        break;
      }
      case 'unsession':
        if (sessions.length) out.push(make('session.removed', { sessionId: sessions[d.pick % sessions.length]!.id }));
        break;
      case 'start':
        out.push(make('plan.started', { roadmapId: R, startDay: '2026-11-23', hoursPerWeek: 4 + (d.pick % 5), pace: 'mid', schedule: sched, at, effectiveDay: '2026-11-23' }));
        break;
      case 'replan':
        out.push(make('plan.replanned', { roadmapId: R, schedule: sched, effectiveDay: '2026-11-30', at }));
        break;
      case 'pause':
      case 'stop':
        out.push(make(d.kind === 'pause' ? 'plan.paused' : 'plan.stopped', { roadmapId: R, day: '2026-11-25', at }));
        break;
      case 'resume':
        out.push(make('plan.resumed', { roadmapId: R, day: '2026-11-27', at, schedule: sched }));
        break;
      case 'unplan':
        if (versions.length) out.push(make('plan.undone', { roadmapId: R, eventId: versions[d.pick % versions.length]!.id }));
        break;
      case 'setting':
        out.push(make('setting.changed', { key: d.pick % 2 ? 'day-start' : 'week-start', value: d.pick % 5 === 0 ? null : d.pick % 2 ? ['04:00', '05:00', '06:00'][d.pick % 3]! : ['mon', 'sun'][d.pick % 2]! }));
        break;
      case 'list':
        out.push(make('leet.list.started', { list: d.pick % 2 ? 'blind75' : 'neetcode150', startDay: '2026-11-23', perDay: 1 + (d.pick % 3), at }));
        break;
    }
  }
  return out;
}

async function apply(store: Store, events: readonly AnyEvent[]): Promise<void> {
  (await store.sync()).apply({ events, local: [], through: 0, commit: null, at: moment(NOV), nowMs: NOV + 86_400_000, parseRoadmap: (yaml) => parse(yaml), copyPath: (id) => `/sync/roadmaps/${id}.yaml` });
}

/** What the store holds, in the shape of core/replay.ts ReplayView. */
function viewOfStore(store: Store) {
  const t = store.backup.tables();
  return {
    roadmaps: t.roadmaps.map((r) => ({ id: r.id, hash: r.source_hash, at: r.loaded_at })),
    completions: t.completions
      .map((c) => ({ itemId: c.item_id, eventId: c.event_id, day: c.day, at: c.at, minutes: c.minutes, undoneAt: c.undone_at }))
      .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    plans: t.plans.map((p) => ({
      roadmapId: p.roadmap_id,
      versions: t.plan_versions
        .filter((v) => v.roadmap_id === p.roadmap_id)
        .map((v) => ({ eventId: v.event_id, kind: v.kind, effectiveDay: v.effective_day, at: v.at, startDay: v.start_day, hoursPerWeek: v.hours_per_week, pace: v.pace, schedule: JSON.parse(v.schedule) })),
    })),
    sessions: t.sessions.map(({ id: _, habit_id: habitId, tags, event_id: eventId, ...s }) => ({ habitId, ...s, tags: JSON.parse(tags), eventId })),
    settings: Object.fromEntries(t.settings.map((s) => [s.key, s.value])),
    leetList: t.leet_lists.map((l) => ({ list: l.list, startDay: l.start_day, perDay: l.per_day, startedAt: l.started_at }))[0] ?? null,
  };
}

/** The rules' view of `events`, in the store's canonical order. */
function expected(events: readonly AnyEvent[]) {
  const state = roadmapState(events.filter((e) => e.type === 'roadmap.loaded' || e.type === 'roadmap.removed'));
  const items = new Set(state.loads.flatMap((l) => [...ITEMS_OF.get(l.payload.hash)!]));
  const view = replayAll(events, (id) => items.has(id));
  const byItemAndAt = [...view.completions].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { ...view, completions: byItemAndAt, sessions: [...view.sessions].sort((a, b) => (a.eventId < b.eventId ? -1 : 1)) };
}

/** Every user table, without the row ids each store gives its own completions and sessions. */
function tablesOf(store: Store) {
  const t = store.backup.tables();
  const byEvent = (a: { event_id?: string | null }, b: { event_id?: string | null }) => ((a.event_id ?? '') < (b.event_id ?? '') ? -1 : 1);
  return {
    ...t,
    completions: t.completions.map(({ id: _, ...c }) => c).sort(byEvent),
    sessions: t.sessions.map(({ id: _, ...c }) => c).sort(byEvent),
  };
}

const sortSessions = <T extends { sessions: { eventId: string | null | undefined }[] }>(v: T): T => ({ ...v, sessions: [...v.sessions].sort((a, b) => ((a.eventId ?? '') < (b.eventId ?? '') ? -1 : 1)) });

describe('applying events to the store', () => {
  it('leaves the tables as the merge rules say, for any batches in any order, each event applied once', async () => {
    await loadCardEngine();
    let run = 0;
    const batches = fc.tuple(fc.array(fc.nat(), { minLength: 24, maxLength: 24 }), fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }));
    const property = fc.asyncProperty(fc.array(draw, { minLength: 1, maxLength: 24 }), batches, fc.boolean(), async (draws, [keys, ends], again) => {
      const events = eventsOf(draws);
      const store = openStore(join(tempDir(), `s${run++}.db`));
      try {
        // the events in the order of `keys`, in batches that end where `ends` says
        const order = events.map((e, i) => [keys[i]!, e] as const).sort(([a], [b]) => a - b).map(([, e]) => e);
        let batch: AnyEvent[] = [];
        for (const [i, e] of order.entries()) {
          batch.push(e);
          if (ends[i] || i === order.length - 1) {
            await apply(store, batch);
            batch = [];
          }
        }
        if (again) await apply(store, events);
        const want = expected(events);
        const have = sortSessions(viewOfStore(store));
        expect(have.roadmaps).toEqual(want.roadmaps);
        expect(have.completions).toEqual(want.completions);
        expect(have.plans).toEqual(want.plans);
        expect(have.sessions).toEqual(want.sessions);
        expect(have.settings).toEqual(want.settings);
        expect(have.leetList).toEqual(want.leetList);
        // the items: those of every load since the latest removal
        const loads = roadmapState(events.filter((e) => e.type.startsWith('roadmap.'))).loads;
        const ids = store.backup.tables().items.map((i) => i.id).sort();
        expect(ids).toEqual([...new Set(loads.flatMap((l) => [...ITEMS_OF.get(l.payload.hash)!]))].sort());
        // and every table as a store that got all the events at once has it (its own row ids aside)
        const once = openStore(join(tempDir(), `once${run}.db`));
        try {
          await apply(once, events);
          expect(tablesOf(store)).toEqual(tablesOf(once));
        } finally {
          once.close();
        }
      } finally {
        store.close();
      }
    });
    await fc.assert(property, { numRuns: 100 });
  }, 60_000);
});
