// Streak freezes (issue 14, item 7): a budget per calendar month; a missed day that is not
// a rest day uses one while a streak runs; frozen days neither extend nor break a run; a
// back-dated session on a frozen day gives its freeze back (nothing is stored).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysTo, weekdayOf, type Day } from '../../src/core/calendar.js';
import type { StreakSettings } from '../../src/core/streak.js';
import { computeStreak } from './streak-from-counts.js';

const settings = (freezesPerMonth: number, restDays: number[] = []): StreakSettings => ({ restDays: new Set(restDays), dailyTarget: 1, freezesPerMonth });

/** One session on each day given. */
const on = (...days: Day[]): Map<Day, number> => new Map(days.map((d) => [d, 1]));

/** Every day from `from` to `to` (inclusive) but those in `skip`. */
function daysFrom(from: Day, to: Day, skip: Day[] = []): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDaysTo(d, 1)) if (!skip.includes(d)) out.push(d);
  return out;
}

// 2026-11-25 is a Wednesday.
const TODAY = '2026-11-25';

describe('streak freezes', () => {
  it('a missed day uses the month’s freeze: the run goes on, the frozen day does not count', () => {
    const history = on(...daysFrom('2026-11-20', TODAY, ['2026-11-23']));
    expect(computeStreak(history, TODAY, settings(0))).toMatchObject({ current: 2, longest: 3, freezesLeft: 0, frozenDays: [] });
    expect(computeStreak(history, TODAY, settings(1))).toMatchObject({ current: 5, longest: 5, freezesLeft: 0, frozenDays: ['2026-11-23'] });
    expect(computeStreak(history, TODAY, settings(2))).toMatchObject({ current: 5, freezesLeft: 1, frozenDays: ['2026-11-23'] });
  });

  it('a second missed day in the month, with one freeze, breaks the streak; the used freeze stays used', () => {
    const history = on(...daysFrom('2026-11-10', TODAY, ['2026-11-15', '2026-11-21']));
    const s = computeStreak(history, TODAY, settings(1));
    expect(s).toMatchObject({ current: 4, longest: 10, freezesLeft: 0, frozenDays: ['2026-11-15'] });
  });

  it('the budget is per calendar month', () => {
    const history = on(...daysFrom('2026-11-25', '2026-12-05', ['2026-11-30', '2026-12-01']));
    expect(computeStreak(history, '2026-12-05', settings(1))).toMatchObject({
      current: 9,
      freezesLeft: 0,
      frozenDays: ['2026-11-30', '2026-12-01'],
    });
    // a new month: its freeze is whole again
    expect(computeStreak(on(...daysFrom('2026-12-20', '2027-01-02')), '2027-01-02', settings(1)).freezesLeft).toBe(1);
  });

  it('a back-dated session on a frozen day gives the freeze back', () => {
    const days = daysFrom('2026-11-20', TODAY, ['2026-11-23']);
    expect(computeStreak(on(...days), TODAY, settings(1))).toMatchObject({ current: 5, freezesLeft: 0, frozenDays: ['2026-11-23'] });
    expect(computeStreak(on(...days, '2026-11-23'), TODAY, settings(1))).toMatchObject({ current: 6, freezesLeft: 1, frozenDays: [] });
  });

  it('yesterday missed, today open: yesterday is frozen and the streak is alive (at risk), today is never frozen', () => {
    const history = on(...daysFrom('2026-11-18', '2026-11-23'));
    expect(computeStreak(history, TODAY, settings(0))).toMatchObject({ current: 0, atRisk: false });
    expect(computeStreak(history, TODAY, settings(1))).toMatchObject({ current: 6, atRisk: true, freezesLeft: 0, frozenDays: ['2026-11-24'] });
  });

  it('rest days use no freeze; missed days with no streak running use none either', () => {
    // Sunday 11-22 is a rest day: nothing to freeze
    const history = on(...daysFrom('2026-11-19', TODAY, ['2026-11-22']));
    expect(computeStreak(history, TODAY, settings(1, [0]))).toMatchObject({ current: 6, freezesLeft: 1, frozenDays: [] });
    // long before the first session, and after a break, nothing is frozen
    const late = on(...daysFrom('2026-11-24', TODAY));
    expect(computeStreak(late, TODAY, settings(3))).toMatchObject({ current: 2, freezesLeft: 3, frozenDays: [] });
  });

  it('no freezes (0 or a bad value) is the plain streak', () => {
    const history = on(...daysFrom('2026-11-20', TODAY, ['2026-11-23']));
    for (const budget of [0, -1, 1.5, Number.NaN]) expect(computeStreak(history, TODAY, settings(budget))).toMatchObject({ current: 2, freezesLeft: 0, frozenDays: [] });
  });
});

describe('streak freezes: properties', () => {
  // 120 days of random history ending on a random day of early 2027, random rest days.
  const START = '2026-10-01';
  const history = fc.record({
    present: fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
    rest: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
    budget: fc.integer({ min: 0, max: 4 }),
    todayIndex: fc.integer({ min: 0, max: 119 }),
  });
  const build = (h: { present: boolean[]; todayIndex: number }) => {
    const counts = new Map<Day, number>();
    h.present.forEach((p, i) => p && counts.set(addDaysTo(START, i), 1));
    return { counts, today: addDaysTo(START, h.todayIndex) };
  };

  it('freezes never exceed the monthly budget, and only missed working days before today are frozen', () => {
    fc.assert(
      fc.property(history, (h) => {
        const { counts, today } = build(h);
        const s = computeStreak(counts, today, settings(h.budget, h.rest));
        const perMonth = new Map<string, number>();
        for (const d of s.frozenDays) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
        for (const n of perMonth.values()) expect(n).toBeLessThanOrEqual(h.budget);
        for (const d of s.frozenDays) {
          expect(d < today).toBe(true);
          expect(counts.has(d)).toBe(false);
          expect(h.rest.includes(weekdayOf(d))).toBe(false);
        }
        expect(s.freezesLeft).toBe(h.budget - (perMonth.get(today.slice(0, 7)) ?? 0));
        expect(s.freezesLeft).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a streak with freezes is never shorter than without (current and longest)', () => {
    fc.assert(
      fc.property(history, (h) => {
        const { counts, today } = build(h);
        const without = computeStreak(counts, today, settings(0, h.rest));
        const withFreezes = computeStreak(counts, today, settings(h.budget, h.rest));
        expect(withFreezes.current).toBeGreaterThanOrEqual(without.current);
        expect(withFreezes.longest).toBeGreaterThanOrEqual(without.longest);
        expect(withFreezes.longest).toBeGreaterThanOrEqual(withFreezes.current);
        // frozen days extend nothing: a run is never longer than its qualifying days
        expect(withFreezes.longest).toBeLessThanOrEqual([...counts.keys()].filter((d) => d <= today).length);
      }),
    );
  });
});
