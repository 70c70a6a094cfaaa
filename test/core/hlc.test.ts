import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockFrom, compareTs, formatTs, INITIAL_CLOCK, MAX_COUNTER, MAX_MS, parseTs, receive, tick, TS_LENGTH, type HlcState } from '../../src/core/hlc.js';
import { compareEvents } from '../../src/core/events.js';

const NOV = Date.UTC(2026, 10, 23, 8, 30);

// Wall-clock readings around a day in November 2026, going forwards and backwards.
const nowArb = fc.integer({ min: NOV - 86_400_000, max: NOV + 86_400_000 });
const tsArb = fc.record({ ms: nowArb, counter: fc.integer({ min: 0, max: MAX_COUNTER }) }).map((s) => formatTs(s));

type Op = { kind: 'tick'; now: number } | { kind: 'receive'; now: number; remote: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), now: nowArb }),
  fc.record({ kind: fc.constant('receive' as const), now: nowArb, remote: tsArb }),
);

describe('hybrid logical clock', () => {
  it('writes sortable, fixed-width, readable timestamps', () => {
    expect(formatTs({ ms: NOV, counter: 7 })).toBe('2026-11-23T08:30:00.000Z-00007');
    expect(formatTs({ ms: 0, counter: 0 })).toHaveLength(TS_LENGTH);
    expect(formatTs({ ms: MAX_MS, counter: MAX_COUNTER })).toBe('9999-12-31T23:59:59.999Z-99999');
    expect(() => formatTs({ ms: -1, counter: 0 })).toThrow(RangeError);
  });

  it('parses what it writes and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MS }), fc.integer({ min: 0, max: MAX_COUNTER }), (ms, counter) => {
        expect(parseTs(formatTs({ ms, counter }))).toEqual({ ms, counter });
      }),
    );
    for (const bad of ['2026-11-23T08:30:00.000Z-7', '2026-02-30T08:30:00.000Z-00000', '2026-11-23T08:30:00Z-00000', '2026-11-23T08:30:00.000+01:00-00000', ' 2026-11-23T08:30:00.000Z-00000']) {
      expect(parseTs(bad), bad).toBeNull();
    }
  });

  it('orders timestamps as strings exactly as (ms, counter) numbers', () => {
    fc.assert(
      fc.property(tsArb, tsArb, (a, b) => {
        const pa = parseTs(a)!;
        const pb = parseTs(b)!;
        const numeric = pa.ms - pb.ms || pa.counter - pb.counter;
        expect(Math.sign(compareTs(a, b))).toBe(Math.sign(numeric));
      }),
    );
  });

  it('follows the wall clock when it is ahead', () => {
    const t = tick({ ms: NOV - 5000, counter: 3 }, NOV);
    expect(t.ts).toBe('2026-11-23T08:30:00.000Z-00000');
    expect(t.state).toEqual({ ms: NOV, counter: 0 });
  });

  it('keeps counting when the wall clock stands still or runs backwards', () => {
    const a = tick(INITIAL_CLOCK, NOV);
    const b = tick(a.state, NOV);
    const c = tick(b.state, NOV - 60_000);
    expect([a.ts, b.ts, c.ts]).toEqual(['2026-11-23T08:30:00.000Z-00000', '2026-11-23T08:30:00.000Z-00001', '2026-11-23T08:30:00.000Z-00002']);
  });

  it('carries a full counter into the next millisecond', () => {
    const t = tick({ ms: NOV, counter: MAX_COUNTER }, NOV);
    expect(t.state).toEqual({ ms: NOV + 1, counter: 0 });
    expect(compareTs(t.ts, formatTs({ ms: NOV, counter: MAX_COUNTER }))).toBe(1);
  });

  it('is monotonic per device whatever the wall clock and what it receives', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), (ops) => {
        let clock: HlcState = INITIAL_CLOCK;
        let last = formatTs(clock);
        for (const op of ops) {
          const next = op.kind === 'tick' ? tick(clock, op.now) : receive(clock, op.remote, op.now);
          expect(compareTs(next.ts, last)).toBe(1);
          expect(next.ts).toBe(formatTs(next.state));
          clock = next.state;
          last = next.ts;
        }
      }),
    );
  });

  it('puts a receive, and every later local event, after what was received', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 20 }), tsArb, nowArb, nowArb, (history, remote, at, later) => {
        let clock: HlcState = INITIAL_CLOCK;
        for (const op of history) clock = (op.kind === 'tick' ? tick(clock, op.now) : receive(clock, op.remote, op.now)).state;
        const r = receive(clock, remote, at);
        expect(compareTs(r.ts, remote)).toBe(1);
        expect(compareTs(r.ts, formatTs(clock))).toBe(1);
        expect(compareTs(tick(r.state, later).ts, remote)).toBe(1);
      }),
    );
  });

  it('stays within a millisecond of the wall clock when nothing runs ahead of it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 50 }), (steps) => {
        let clock: HlcState = INITIAL_CLOCK;
        let now = NOV;
        for (const s of steps) {
          now += s;
          clock = tick(clock, now).state;
          expect(clock.ms).toBe(now);
        }
      }),
    );
  });

  it('gives a total order over (timestamp, device, id): deterministic whatever the arrival order', () => {
    const eventArb = fc.record({ ts: tsArb, device: fc.constantFrom('a', 'ab', 'b', 'laptop-1', 'laptop'), id: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.uniqueArray(eventArb, { selector: (e) => e.id, maxLength: 30 }), fc.infiniteStream(fc.nat()), (events, seeds) => {
        const sorted = [...events].sort(compareEvents);
        const shuffled = [...events].map((e) => ({ e, k: seeds.next().value })).sort((x, y) => x.k - y.k).map((x) => x.e);
        expect(shuffled.sort(compareEvents)).toEqual(sorted);
        for (let i = 1; i < sorted.length; i++) expect(compareEvents(sorted[i - 1]!, sorted[i]!)).toBe(-1);
      }),
    );
  });

  it('reads a kept clock back, and starts over from a value that is not one', () => {
    expect(clockFrom(JSON.parse(JSON.stringify({ ms: NOV, counter: 4 })))).toEqual({ ms: NOV, counter: 4 });
    expect(clockFrom({ ms: 'x', counter: 0 })).toEqual(INITIAL_CLOCK);
    expect(clockFrom(null)).toEqual(INITIAL_CLOCK);
    expect(clockFrom({ ms: NOV, counter: MAX_COUNTER + 1 })).toEqual(INITIAL_CLOCK);
  });
});
