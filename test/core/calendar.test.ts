import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import {
  addDaysTo,
  daysBetween,
  parseDay,
  parseWeekLabel,
  planWeekOf,
  planWeekRange,
  weekdayOf,
  weekLabel,
  weekStartOf,
} from '../../src/core/calendar.js';

// These tests set no time zone: run them under several (TZ=America/New_York,
// TZ=Asia/Dhaka, TZ=Australia/Lord_Howe) to prove the module never depends on it.

const DAY_MS = 86_400_000;

/** Oracle: the day `n` days after 1970-01-01, computed through Date in UTC. */
function oracleDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A local-noon Date for date-fns' ISO week functions (local noon is never skipped). */
function localNoon(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(y, m - 1, d);
  return date;
}

// 1900-01-01 .. 2199-12-31 as day numbers
const dayNumberArb = fc.integer({ min: -25567, max: 83_965 });
const dayArb = dayNumberArb.map(oracleDay);
const weekStartArb = fc.integer({ min: 0, max: 6 });

describe('parseDay', () => {
  it('accepts real dates', () => {
    expect(parseDay('2026-11-23')).toBe('2026-11-23');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2000-02-29')).toBe('2000-02-29');
    expect(parseDay('2026-12-31')).toBe('2026-12-31');
    expect(parseDay('2026-01-01')).toBe('2026-01-01');
  });

  it('rejects impossible dates and loose syntax', () => {
    for (const s of [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-04-31',
      '2026-1-1',
      '2026-01-1',
      '26-01-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01T00:00',
      '2026/01/01',
      '20260101',
      '',
      '２０２６-01-01',
    ]) {
      expect(parseDay(s), s).toBeNull();
    }
  });

  it('round-trips every formatted day', () => {
    fc.assert(fc.property(dayArb, (d) => parseDay(d) === d));
  });
});

describe('addDaysTo', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDaysTo('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysTo('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysTo('2026-11-23', 0)).toBe('2026-11-23');
    expect(addDaysTo('2026-11-23', 365)).toBe('2027-11-23');
  });

  it('is not shifted by daylight-saving changes', () => {
    // America/New_York: 2026-03-08 and 2026-11-01; Lord Howe: 2026-04-05, 2026-10-04;
    // Europe: 2026-03-29, 2026-10-25.
    expect(addDaysTo('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDaysTo('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDaysTo('2026-03-01', 14)).toBe('2026-03-15');
    expect(addDaysTo('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDaysTo('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDaysTo('2026-04-04', 2)).toBe('2026-04-06');
    expect(addDaysTo('2026-10-03', 2)).toBe('2026-10-05');
    expect(addDaysTo('2026-03-28', 7)).toBe('2026-04-04');
    expect(addDaysTo('2026-10-24', 7)).toBe('2026-10-31');
  });

  it('rejects a bad day or a fractional count', () => {
    expect(() => addDaysTo('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDaysTo('2026-02-01', 1.5)).toThrow(RangeError);
  });

  it('agrees with UTC Date arithmetic', () => {
    fc.assert(
      fc.property(dayNumberArb, fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        expect(addDaysTo(oracleDay(n), k)).toBe(oracleDay(n + k));
        expect(daysBetween(oracleDay(n), oracleDay(n + k))).toBe(k);
      }),
    );
  });
});

describe('weekdayOf', () => {
  it('knows some days', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-11-23')).toBe(1); // Monday
    expect(weekdayOf('2026-11-22')).toBe(0); // Sunday
    expect(weekdayOf('2026-12-26')).toBe(6); // Saturday
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('agrees with Date.getUTCDay', () => {
    fc.assert(fc.property(dayNumberArb, (n) => weekdayOf(oracleDay(n)) === new Date(n * DAY_MS).getUTCDay()));
  });
});

describe('weekStartOf', () => {
  it('finds the first day of the week for each start day', () => {
    // 2026-11-25 is a Wednesday
    expect(weekStartOf('2026-11-25', 1)).toBe('2026-11-23');
    expect(weekStartOf('2026-11-25', 0)).toBe('2026-11-22');
    expect(weekStartOf('2026-11-25', 6)).toBe('2026-11-21');
    expect(weekStartOf('2026-11-25', 3)).toBe('2026-11-25');
    expect(weekStartOf('2026-11-25', 4)).toBe('2026-11-19');
    expect(weekStartOf('2026-11-22', 1)).toBe('2026-11-16'); // a Sunday, Monday weeks
    expect(weekStartOf('2026-11-22', 0)).toBe('2026-11-22');
    expect(weekStartOf('2027-01-02', 1)).toBe('2026-12-28'); // across the year end
  });

  it('defaults to Monday', () => {
    expect(weekStartOf('2026-11-25')).toBe('2026-11-23');
  });

  it('rejects a bad week start', () => {
    expect(() => weekStartOf('2026-11-25', 7)).toThrow(RangeError);
    expect(() => weekStartOf('2026-11-25', -1)).toThrow(RangeError);
  });

  it('is on the week start day, at most 6 days before, and idempotent', () => {
    fc.assert(
      fc.property(dayArb, weekStartArb, (d, ws) => {
        const s = weekStartOf(d, ws);
        expect(weekdayOf(s)).toBe(ws);
        const gap = daysBetween(s, d);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(6);
        expect(weekStartOf(s, ws)).toBe(s);
      }),
    );
  });
});

describe('weekLabel', () => {
  it('gives ISO weeks for Monday weeks, with the year end right', () => {
    expect(weekLabel('2026-11-23', 1)).toBe('2026-W48');
    expect(weekLabel('2026-11-29', 1)).toBe('2026-W48');
    expect(weekLabel('2026-12-28', 1)).toBe('2026-W53');
    expect(weekLabel('2026-12-31', 1)).toBe('2026-W53');
    expect(weekLabel('2027-01-03', 1)).toBe('2026-W53');
    expect(weekLabel('2027-01-04', 1)).toBe('2027-W01');
    expect(weekLabel('2026-01-01', 1)).toBe('2026-W01'); // a Thursday
    expect(weekLabel('2025-12-29', 1)).toBe('2026-W01');
    expect(weekLabel('2025-12-28', 1)).toBe('2025-W52');
    expect(weekLabel('2021-01-03', 1)).toBe('2020-W53');
    expect(weekLabel('2027-12-31', 1)).toBe('2027-W52');
  });

  it('labels other week starts by the Monday inside the week', () => {
    // Sunday weeks: 2026-11-22 (Sun) .. 2026-11-28 holds Monday 2026-11-23
    expect(weekLabel('2026-11-22', 0)).toBe('2026-W48');
    expect(weekLabel('2026-11-28', 0)).toBe('2026-W48');
    expect(weekLabel('2026-11-29', 0)).toBe('2026-W49');
    // Saturday weeks: 2027-01-02 (Sat) .. 2027-01-08 holds Monday 2027-01-04
    expect(weekLabel('2027-01-02', 6)).toBe('2027-W01');
    expect(weekLabel('2027-01-01', 6)).toBe('2026-W53');
    // Sunday weeks: 2027-01-03 (Sun) .. holds Monday 2027-01-04
    expect(weekLabel('2027-01-03', 0)).toBe('2027-W01');
    expect(weekLabel('2027-01-02', 0)).toBe('2026-W53');
  });

  it('matches date-fns ISO weeks for Monday weeks', () => {
    fc.assert(
      fc.property(dayArb, (d) => {
        const date = localNoon(d);
        const expected = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
        expect(weekLabel(d, 1)).toBe(expected);
      }),
    );
  });

  it('is the same for every day of one week and different for the next', () => {
    fc.assert(
      fc.property(dayArb, weekStartArb, fc.integer({ min: 0, max: 6 }), (d, ws, k) => {
        const s = weekStartOf(d, ws);
        expect(weekLabel(addDaysTo(s, k), ws)).toBe(weekLabel(s, ws));
        expect(weekLabel(addDaysTo(s, 7), ws)).not.toBe(weekLabel(s, ws));
      }),
    );
  });
});

describe('parseWeekLabel', () => {
  it('gives the first day of the labelled week', () => {
    expect(parseWeekLabel('2026-W48', 1)).toBe('2026-11-23');
    expect(parseWeekLabel('2026-W48', 0)).toBe('2026-11-22');
    expect(parseWeekLabel('2026-W48', 6)).toBe('2026-11-21');
    expect(parseWeekLabel('2026-W53', 1)).toBe('2026-12-28');
    expect(parseWeekLabel('2027-W01', 1)).toBe('2027-01-04');
    expect(parseWeekLabel('2026-W01', 1)).toBe('2025-12-29');
    expect(parseWeekLabel('2020-W53', 1)).toBe('2020-12-28');
    expect(parseWeekLabel('2026-W48')).toBe('2026-11-23');
  });

  it('rejects weeks that do not exist and bad syntax', () => {
    for (const s of [
      '2026-W00',
      '2026-W54',
      '2027-W53',
      '2025-W53',
      'W47',
      '2026-W1',
      '2026-W001',
      '2026W48',
      '2026-w48',
      '2026-48',
      ' 2026-W48',
      '2026-W48 ',
      '26-W48',
      '',
    ]) {
      expect(parseWeekLabel(s, 1), s).toBeNull();
    }
  });

  it('accepts W53 exactly in the years that have one (date-fns)', () => {
    for (let year = 1990; year <= 2060; year++) {
      const has53 = getISOWeeksInYear(localNoon(`${year}-07-01`)) === 53;
      expect(parseWeekLabel(`${year}-W53`, 1) !== null, String(year)).toBe(has53);
    }
  });

  it('round-trips with weekLabel for every week start', () => {
    fc.assert(
      fc.property(dayArb, weekStartArb, (d, ws) => {
        const label = weekLabel(d, ws);
        expect(parseWeekLabel(label, ws)).toBe(weekStartOf(d, ws));
      }),
    );
  });
});

describe('planWeekRange and planWeekOf', () => {
  it('counts plan weeks from the week containing the start day', () => {
    // started on Wednesday 2026-11-25, Monday weeks
    expect(planWeekRange('2026-11-25', 1, 1)).toEqual(['2026-11-23', '2026-11-29']);
    expect(planWeekRange('2026-11-25', 2, 1)).toEqual(['2026-11-30', '2026-12-06']);
    expect(planWeekRange('2026-11-25', 6, 1)).toEqual(['2026-12-28', '2027-01-03']);
    expect(planWeekRange('2026-11-25', 1, 0)).toEqual(['2026-11-22', '2026-11-28']);
    expect(planWeekOf('2026-11-25', '2026-11-23', 1)).toBe(1);
    expect(planWeekOf('2026-11-25', '2026-11-29', 1)).toBe(1);
    expect(planWeekOf('2026-11-25', '2026-11-30', 1)).toBe(2);
    expect(planWeekOf('2026-11-25', '2027-01-03', 1)).toBe(6);
    expect(planWeekOf('2026-11-25', '2027-01-04', 1)).toBe(7);
    expect(planWeekOf('2026-11-25', '2026-11-22', 1)).toBe(0);
    expect(planWeekOf('2026-11-25', '2026-11-15', 1)).toBe(-1);
    expect(planWeekOf('2026-11-25', '2026-11-29', 0)).toBe(2); // Sunday weeks
  });

  it('is not shifted by daylight-saving changes', () => {
    // New York springs forward 2026-03-08 and falls back 2026-11-01 (both Sundays)
    expect(planWeekOf('2026-03-02', '2026-03-08', 1)).toBe(1);
    expect(planWeekOf('2026-03-02', '2026-03-09', 1)).toBe(2);
    expect(planWeekOf('2026-03-01', '2026-03-08', 0)).toBe(2);
    expect(planWeekOf('2026-03-01', '2026-03-07', 0)).toBe(1);
    expect(planWeekOf('2026-10-26', '2026-11-01', 1)).toBe(1);
    expect(planWeekOf('2026-10-26', '2026-11-02', 1)).toBe(2);
    expect(planWeekRange('2026-02-23', 3, 1)).toEqual(['2026-03-09', '2026-03-15']);
    expect(planWeekRange('2026-10-19', 3, 0)).toEqual(['2026-11-01', '2026-11-07']);
    // Lord Howe: half-hour shifts on 2026-04-05 and 2026-10-04
    expect(planWeekRange('2026-03-30', 2, 1)).toEqual(['2026-04-06', '2026-04-12']);
    expect(planWeekOf('2026-09-28', '2026-10-04', 1)).toBe(1);
    expect(planWeekOf('2026-09-28', '2026-10-05', 1)).toBe(2);
  });

  it('are inverse to each other', () => {
    fc.assert(
      fc.property(dayArb, weekStartArb, fc.integer({ min: -60, max: 200 }), fc.integer({ min: 0, max: 6 }), (start, ws, n, k) => {
        const [first, last] = planWeekRange(start, n, ws);
        expect(daysBetween(first, last)).toBe(6);
        expect(weekdayOf(first)).toBe(ws);
        expect(planWeekOf(start, addDaysTo(first, k), ws)).toBe(n);
        if (n === 1) expect(planWeekOf(start, start, ws)).toBe(1);
      }),
    );
  });
});

describe('day cases formerly in core/streak.ts', () => {
  it('knows weekdays, month/year ends and leap days', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysTo('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDaysTo('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDaysTo('2026-11-30', 1)).toBe('2026-12-01');
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('2027-02-29')).toBeNull();
    expect(parseDay('2100-02-29')).toBeNull();
    expect(parseDay('2000-02-29')).toBe('2000-02-29');
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('2026-11-3')).toBeNull();
    expect(() => daysBetween('1970-01-01', 'yesterday')).toThrow(RangeError);
    expect(() => weekdayOf('yesterday')).toThrow(RangeError);
  });

  it('agrees with UTC Date over six centuries (1422 .. 2517)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const day = addDaysTo('1970-01-01', n);
        expect(day).toBe(oracleDay(n));
        expect(daysBetween('1970-01-01', day)).toBe(n);
        expect(parseDay(day)).toBe(day);
        expect(weekdayOf(day)).toBe(new Date(n * DAY_MS).getUTCDay());
      }),
    );
  });
});

describe('years 0000 .. 0099', () => {
  it('are not read as 19xx', () => {
    expect(parseDay('0000-02-29')).toBe('0000-02-29'); // 0 is a leap year (divisible by 400)
    expect(parseDay('0100-02-29')).toBeNull();
    expect(addDaysTo('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDaysTo('0001-01-01', -1)).toBe('0000-12-31');
    expect(daysBetween('0000-01-01', '1970-01-01')).toBe(719_528);
    expect(weekdayOf('0000-01-01')).toBe(6);
    expect(weekLabel('0004-01-01', 1)).toBe('0004-W01'); // a Thursday
    expect(parseWeekLabel('0004-W01', 1)).toBe('0003-12-29');
  });
});

describe('time-zone independence', () => {
  // Whole days that some zones skipped: a Date for them in local time, even at local noon,
  // lands on the next day. The module must not care which zone the process runs in.
  const SKIPPED = [
    ['Pacific/Kiritimati', '1994-12-31'],
    ['Pacific/Apia', '2011-12-30'],
    ['Pacific/Kwajalein', '1993-08-21'],
    ['Asia/Manila', '1844-12-31'],
  ] as const;

  it('handles days the local zone skipped', () => {
    const saved = process.env.TZ;
    try {
      for (const [zone, day] of SKIPPED) {
        process.env.TZ = zone;
        // the premise: this zone really has no local noon on that day
        expect(localNoon(day).getDate(), zone).not.toBe(Number(day.slice(8)));
        const n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
        const before = oracleDay(n - 1);
        const after = oracleDay(n + 1);
        expect(parseDay(day), zone).toBe(day);
        expect(addDaysTo(before, 1), zone).toBe(day);
        expect(addDaysTo(after, -1), zone).toBe(day);
        expect(addDaysTo(day, 0), zone).toBe(day);
        expect(daysBetween(before, after), zone).toBe(2);
        expect(daysBetween(day, after), zone).toBe(1);
        expect(weekdayOf(day), zone).toBe(new Date(n * DAY_MS).getUTCDay());
        const ws = weekdayOf(day);
        expect(weekStartOf(after, ws), zone).toBe(day);
        expect(planWeekRange(after, 1, ws), zone).toEqual([day, oracleDay(n + 6)]);
        expect(planWeekOf(day, oracleDay(n + 7), ws), zone).toBe(2);
        expect(parseWeekLabel(weekLabel(after, ws), ws), zone).toBe(day);
        for (let k = -7; k <= 7; k++) {
          const d = oracleDay(n + k);
          expect(weekLabel(d, 1), `${zone} ${d}`).toBe(isoLabelUtc(n + k));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

/** ISO 8601 week label of day number n, computed on UTC fields (Thursday rule). */
function isoLabelUtc(n: number): string {
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // 0 = Monday
  const thursday = n - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return `${year}-W${String(Math.floor((thursday - jan1) / 7) + 1).padStart(2, '0')}`;
}
