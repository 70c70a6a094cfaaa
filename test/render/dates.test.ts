// Dates in text output are spelled out by hand (making the first Intl.DateTimeFormat of a
// process costs milliseconds of start-up), exactly as en-GB Intl spells them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRange, dateRangeWithYear, longDate, shortDate, weekdayDate, weekdayName } from '../../src/render/dates.js';

const DAY_MS = 86_400_000;
const oracleDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

describe('dates in text output, spelled out as en-GB Intl spells them', () => {
  const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekdayShort = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const at = (day: string): Date => new Date(`${day}T00:00:00Z`);

  it('longDate, shortDate, weekdayDate, weekdayName and dateRange', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), fc.integer({ min: 0, max: 40 }), (n, span) => {
        const day = oracleDay(n);
        expect(longDate(day)).toBe(long.format(at(day)).replace(',', ''));
        expect(shortDate(day)).toBe(dayMonth.format(at(day)));
        expect(weekdayDate(day)).toBe(weekdayShort.format(at(day)).replace(',', ''));
        expect(weekdayName(day)).toBe(weekday.format(at(day)));
        // '23–29 Nov', '30 Nov – 6 Dec', '28 Dec 2026 – 3 Jan 2027', spelled from Intl's parts
        const to = oracleDay(n + span);
        const expected =
          day.slice(0, 4) !== to.slice(0, 4)
            ? `${dayMonth.format(at(day))} ${day.slice(0, 4)} – ${dayMonth.format(at(to))} ${to.slice(0, 4)}`
            : day.slice(0, 7) === to.slice(0, 7)
              ? `${Number(day.slice(8))}–${dayMonth.format(at(to))}`
              : `${dayMonth.format(at(day))} – ${dayMonth.format(at(to))}`;
        expect(dateRange(day, to)).toBe(expected);
        expect(dateRangeWithYear(day, to)).toBe(day.slice(0, 4) === to.slice(0, 4) ? `${expected} ${to.slice(0, 4)}` : expected);
      }),
    );
  });
});

