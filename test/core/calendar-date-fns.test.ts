// Day arithmetic (core/calendar.ts counts whole days, without Date or date-fns, because
// streaks walk years of days) agrees with date-fns on every day from year 1 to 9999.
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarWeeks } from 'date-fns/differenceInCalendarWeeks';
import { lastDayOfWeek } from 'date-fns/lastDayOfWeek';
import { startOfWeek } from 'date-fns/startOfWeek';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysTo, dayNumberOf, daysBetween, parseDay, planWeekOf, planWeekRange, weekdayOf, weekStartOf } from '../../src/core/calendar.js';

const DAY_MS = 86_400_000;

describe('plain day arithmetic agrees with date-fns', () => {
  class Utc extends Date {}
  const utc = (day: string): Date => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Utc(0);
    date.setUTCFullYear(y, m - 1, d);
    return date;
  };
  const iso = (d: Date): string => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  // 0001-01-01 .. 9999-12-31
  const dayArb = fc.integer({ min: -719_162, max: 2_932_896 }).map((n) => iso(new Date(n * DAY_MS)));

  it('addDaysTo, daysBetween, weekdayOf, dayNumberOf', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: -3000, max: 3000 }), (a, b, n) => {
        const later = iso(addDays(utc(a), n));
        if (later.length === 10 && later <= '9999-12-31' && later >= '0001-01-01') expect(addDaysTo(a, n)).toBe(later);
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(utc(b), utc(a)));
        expect(weekdayOf(a)).toBe(utc(a).getUTCDay());
        expect(dayNumberOf(a)).toBe(Math.round(utc(a).getTime() / DAY_MS));
      }),
    );
  });

  it('weekStartOf, planWeekRange and planWeekOf', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: -60, max: 600 }), (start, day, ws, n) => {
        const weekStart = startOfWeek(utc(start), { weekStartsOn: ws as 0 });
        expect(weekStartOf(start, ws)).toBe(iso(weekStart));
        const first = addWeeks(weekStart, n - 1);
        const range = [iso(first), iso(lastDayOfWeek(first, { weekStartsOn: ws as 0 }))];
        if (range.every((d) => d.length === 10 && d >= '0001-01-01' && d <= '9999-12-31')) expect(planWeekRange(start, n, ws)).toEqual(range);
        expect(planWeekOf(start, day, ws)).toBe(differenceInCalendarWeeks(utc(day), utc(start), { weekStartsOn: ws as 0 }) + 1);
      }),
    );
  });

  it('rejects what parseDay rejects', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', ' 2026-01-01', 'x']) {
      expect(parseDay(bad)).toBeNull();
      expect(dayNumberOf(bad)).toBeNull();
      expect(() => daysBetween(bad, '2026-01-01')).toThrow(RangeError);
    }
  });
});

