// The merge rules of study sync (core/replay.ts): what a set of events leaves, whatever
// order they arrive in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventPayloads, EventType } from '../../src/core/events.js';
import { completionsOf, leetListOf, planVersionsOf, replayAll, roadmapState, settingOf, type AnyEvent } from '../../src/core/replay.js';
import { ev, NOV, SAMPLES } from '../sync/samples.js';

const A = 'laptop-1a2b';
const B = 'desktop-9f9f';
const MIN = 60_000;
const ITEM = SAMPLES['completion.done'].itemId;

const at = (ms: number): string => new Date(ms + 3600_000).toISOString().slice(0, 19) + '+01:00';
const done = (device: string, ms: number, itemId = ITEM) => ev('completion.done', device, ms, { itemId, day: '2026-11-23', at: at(ms), minutes: null }, 0);
const undone = (device: string, ms: number, itemId = ITEM) => ev('completion.undone', device, ms, { itemId, day: '2026-11-23', at: at(ms) }, 0);
const of = <T extends EventType>(type: T, device: string, ms: number, payload: Partial<EventPayloads[T]> = {}) => ev(type, device, ms, { ...SAMPLES[type], ...payload }, 0);

/** Every order of `events` gives `expected`. */
function everyOrder<T>(events: readonly AnyEvent[], f: (events: AnyEvent[]) => T, expected: T): void {
  fc.assert(
    fc.property(fc.shuffledSubarray([...events], { minLength: events.length }), (order) => {
      expect(f(order)).toEqual(expected);
    }),
    { numRuns: 30 },
  );
}

describe('completions', () => {
  it('done on one machine and undone on the other: the later action wins, whichever arrives first', () => {
    const d = done(A, NOV);
    const u = undone(B, NOV + MIN);
    everyOrder([d, u], completionsOf, [{ eventId: d.id, day: '2026-11-23', at: d.payload.at, minutes: null, undoneAt: u.payload.at }]);
    const again = done(A, NOV + 2 * MIN);
    everyOrder([d, u, again], (es) => completionsOf(es).filter((c) => c.undoneAt === null).map((c) => c.eventId), [again.id]);
    // an undo made before the done it would take back changes nothing
    const early = undone(B, NOV - MIN);
    everyOrder([early, d], (es) => completionsOf(es).map((c) => c.undoneAt), [null]);
  });

  it('two machines mark the same item done: one completion, the first, until an undo', () => {
    const first = done(B, NOV);
    const second = done(A, NOV + MIN);
    everyOrder([second, first], (es) => completionsOf(es).map((c) => c.eventId), [first.id]);
    const u = undone(A, NOV + 2 * MIN);
    everyOrder([first, second, u], (es) => completionsOf(es).map((c) => [c.eventId, c.undoneAt]), [[first.id, u.payload.at]]);
  });

  it('at the same millisecond, the device id decides, the same way everywhere', () => {
    const d = done('aaa', NOV);
    const u = undone('bbb', NOV);
    everyOrder([u, d], (es) => completionsOf(es).map((c) => c.undoneAt !== null), [true]);
  });
});

describe('roadmaps and what hangs on them', () => {
  it('a removal takes the roadmap, its completions and its plan; a load after it brings the roadmap back alone', () => {
    const load = of('roadmap.loaded', A, NOV);
    const d = done(A, NOV + MIN);
    const start = of('plan.started', A, NOV + MIN);
    const rm = of('roadmap.removed', B, NOV + 2 * MIN);
    const reload = of('roadmap.loaded', A, NOV + 3 * MIN);
    everyOrder([load, d, start, rm], (es) => replayAll(es), { roadmaps: [], completions: [], plans: [], sessions: [], settings: {}, leetList: null });
    everyOrder([load, d, start, rm, reload], (es) => replayAll(es).roadmaps.map((r) => r.at), [reload.payload.at]);
    everyOrder([load, d, start, rm, reload], (es) => [replayAll(es).completions.length, replayAll(es).plans.length], [0, 0]);
    expect(roadmapState([reload, rm, load]).loads.map((e) => e.id)).toEqual([reload.id]);
  });
});

describe('plans', () => {
  it('versions in order; each carries what the one before it set; one taken back by undo is gone', () => {
    const start = of('plan.started', A, NOV);
    const pause = of('plan.paused', B, NOV + MIN);
    const replan = of('plan.replanned', A, NOV + 2 * MIN);
    const undo = of('plan.undone', A, NOV + 3 * MIN, { eventId: replan.id });
    const kinds = (es: AnyEvent[]) => planVersionsOf(es).map((v) => [v.kind, v.startDay, v.schedule.totalWeeks]);
    everyOrder([replan, pause, start], kinds, [
      ['start', '2026-11-23', 12],
      ['pause', '2026-11-23', 12],
      ['replan', '2026-11-23', 13],
    ]);
    everyOrder([undo, replan, pause, start], kinds, [
      ['start', '2026-11-23', 12],
      ['pause', '2026-11-23', 12],
    ]);
    // a re-plan from before any start is passed over
    expect(planVersionsOf([of('plan.replanned', A, NOV - MIN), start]).map((v) => v.kind)).toEqual(['start']);
  });
});

describe('settings, sessions, the LeetCode list', () => {
  it('the latest change of a setting wins; null is its default', () => {
    const five = of('setting.changed', A, NOV, { value: '05:00' });
    const six = of('setting.changed', B, NOV + MIN, { value: '06:00' });
    const back = of('setting.changed', A, NOV + 2 * MIN, { value: null });
    everyOrder([six, five], settingOf, '06:00');
    everyOrder([six, back, five], settingOf, null);
    expect(settingOf([])).toBeUndefined();
  });

  it('sessions from every machine are kept; a removal holds even when it arrives first', () => {
    const s1 = of('session.added', A, NOV);
    const s2 = of('session.added', B, NOV + MIN);
    const rm = of('session.removed', B, NOV + 2 * MIN, { sessionId: s1.id });
    everyOrder([rm, s2, s1], (es) => replayAll(es).sessions.map((s) => s.eventId), [s2.id]);
    everyOrder([s2, s1], (es) => replayAll(es).sessions.map((s) => s.eventId), [s1.id, s2.id]);
  });

  it('the latest list started wins', () => {
    const n = of('leet.list.started', A, NOV);
    const b = of('leet.list.started', B, NOV + MIN, { list: 'blind75' });
    everyOrder([b, n], (es) => leetListOf(es)?.list, 'blind75');
  });

  it('the whole state of a set of events is the same for every order and with duplicates', () => {
    const events = [of('roadmap.loaded', A, NOV), done(A, NOV + 1), undone(B, NOV + 2), of('session.added', B, NOV + 3), of('setting.changed', A, NOV + 4), of('plan.started', B, NOV + 5)];
    const expected = replayAll(events);
    fc.assert(fc.property(fc.array(fc.constantFrom(...events), { minLength: events.length * 2 }), (picked) => {
      const all = [...picked, ...events];
      expect(replayAll(all)).toEqual(expected);
    }));
  });
});
