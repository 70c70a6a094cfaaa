import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDaysTo, weekdayOf } from '../../src/core/calendar.js';
import { computeStreak } from './streak-from-counts.js';
import {
  countByStudyDay,
  heatmapGrid,
  leetcodeDayEndsLocal,
  leetcodeDayOf,
  shadeLevel,
  studyDayOf,
  studyDayOfLocal,
  utcOffsetMinutesOf,
  type Day,
  type StreakSettings,
} from '../../src/core/streak.js';

// Day arithmetic lives in core/calendar.ts (tested in calendar.test.ts). Here, day numbers
// (days since 1970-01-01) only generate test data; they come from UTC Date, not the code
// under test.
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of day number n. */
function dayFromNumber(n: number): Day {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a 'YYYY-MM-DD'. */
function dayNumber(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

// 2026-11-23 is a Monday; 2026-11-22 a Sunday; 2026-11-25 a Wednesday.
const SUN = 0;
const WED = 3;
const FRI = 5;
const SAT = 6;

function settings(restDays: number[] = [], dailyTarget = 1): StreakSettings {
  return { restDays: new Set(restDays), dailyTarget };
}

/** counts from [day, count] pairs. */
function counts(...entries: [Day, number][]): Map<Day, number> {
  return new Map(entries);
}

/** `n` consecutive days from `from`, each with `count` sessions. */
function run(from: Day, n: number, count = 1): [Day, number][] {
  return Array.from({ length: n }, (_, i) => [addDaysTo(from, i), count] as [Day, number]);
}

describe('computeStreak rules', () => {
  const today = '2026-11-25'; // Wednesday

  it('empty history is 0/0, not at risk', () => {
    expect(computeStreak(new Map(), today, settings())).toEqual({
      current: 0,
      longest: 0,
      doneToday: false,
      atRisk: false,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('plain run ending today', () => {
    expect(computeStreak(counts(...run('2026-11-21', 5)), today, settings())).toEqual({
      current: 5,
      longest: 5,
      doneToday: true,
      atRisk: false,
      todayCount: 1,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('only today done is a streak of 1', () => {
    expect(computeStreak(counts([today, 3]), today, settings())).toEqual({
      current: 1,
      longest: 1,
      doneToday: true,
      atRisk: false,
      todayCount: 3,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('today still open: streak from yesterday, at risk, not broken', () => {
    expect(computeStreak(counts(...run('2026-11-21', 4)), today, settings())).toEqual({
      current: 4,
      longest: 4,
      doneToday: false,
      atRisk: true,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('today done after an open morning extends the same run', () => {
    const c = counts(...run('2026-11-21', 4));
    c.set(today, 1);
    expect(computeStreak(c, today, settings())).toMatchObject({ current: 5, doneToday: true, atRisk: false });
  });

  it('a missed non-rest day breaks the streak', () => {
    // 11-21 missing
    const c = counts(...run('2026-11-18', 3), ...run('2026-11-22', 4));
    expect(computeStreak(c, today, settings())).toMatchObject({ current: 4, longest: 4 });
  });

  it('yesterday missed and today open: current 0, not at risk, longest kept', () => {
    const c = counts(...run('2026-11-20', 4)); // 20..23
    expect(computeStreak(c, today, settings())).toEqual({
      current: 0,
      longest: 4,
      doneToday: false,
      atRisk: false,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('longest in the past is longer than current', () => {
    const c = counts(...run('2026-11-10', 10), ...run('2026-11-21', 5)); // 11-20 missing
    expect(computeStreak(c, today, settings())).toMatchObject({ current: 5, longest: 10, doneToday: true });
  });

  it('an empty rest day neither breaks nor extends', () => {
    // Thu 19, Fri 20, Sat 21, (Sun 22 empty), Mon 23, Tue 24, Wed 25
    const c = counts(...run('2026-11-19', 3), ...run('2026-11-23', 3));
    expect(computeStreak(c, today, settings([SUN]))).toMatchObject({ current: 6, longest: 6 });
    // without the rest day, the empty Sunday breaks it
    expect(computeStreak(c, today, settings())).toMatchObject({ current: 3, longest: 3 });
  });

  it('a rest day with a qualifying session counts like any day', () => {
    const c = counts(...run('2026-11-19', 7));
    expect(computeStreak(c, today, settings([SUN]))).toMatchObject({ current: 7, longest: 7 });
  });

  it('a rest day below the daily target is skipped like an empty rest day', () => {
    const c = counts(...run('2026-11-19', 7, 2));
    c.set('2026-11-22', 1); // Sunday: 1 of 2
    expect(computeStreak(c, today, settings([SUN], 2))).toEqual({
      current: 6,
      longest: 6,
      doneToday: true,
      atRisk: false,
      todayCount: 2,
      freezesLeft: 0,
      frozenDays: [],
    });
    // not a rest day: the short Sunday breaks the run
    expect(computeStreak(c, today, settings([], 2))).toMatchObject({ current: 3, longest: 3 });
  });

  it('daily target 2: a day with one session does not qualify', () => {
    const c = counts(['2026-11-22', 2], ['2026-11-23', 2], ['2026-11-24', 1], [today, 1]);
    expect(computeStreak(c, today, settings([], 2))).toEqual({
      current: 0,
      longest: 2,
      doneToday: false,
      atRisk: false,
      todayCount: 1,
      freezesLeft: 0,
      frozenDays: [],
    });
    c.set('2026-11-24', 2);
    expect(computeStreak(c, today, settings([], 2))).toEqual({
      current: 3,
      longest: 3,
      doneToday: false,
      atRisk: true,
      todayCount: 1,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('today is a rest day: open today is skipped and not at risk; a session counts', () => {
    const c = counts(...run('2026-11-20', 5)); // Fri..Tue
    expect(computeStreak(c, today, settings([WED]))).toEqual({
      current: 5,
      longest: 5,
      doneToday: false,
      atRisk: false,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
    c.set(today, 1);
    expect(computeStreak(c, today, settings([WED]))).toMatchObject({ current: 6, doneToday: true });
  });

  it('a run bridges several rest days in a row', () => {
    // Mon 16..Thu 19, Fri 20/Sat 21/Sun 22 rest and empty, Mon 23..Wed 25
    const c = counts(...run('2026-11-16', 4), ...run('2026-11-23', 3));
    expect(computeStreak(c, today, settings([FRI, SAT, SUN]))).toMatchObject({ current: 7, longest: 7 });
    // and two weekends in a row
    const c2 = counts(...run('2026-11-09', 5), ...run('2026-11-16', 5), ...run('2026-11-23', 2));
    expect(computeStreak(c2, today, settings([SAT, SUN]))).toMatchObject({ current: 12, atRisk: true });
  });

  it('every weekday a rest day: nothing ever breaks', () => {
    const c = counts(['2026-01-05', 1], ['2026-06-01', 1], ['2026-11-20', 1]);
    expect(computeStreak(c, today, settings([0, 1, 2, 3, 4, 5, 6]))).toEqual({
      current: 3,
      longest: 3,
      doneToday: false,
      atRisk: false,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('days after today are ignored', () => {
    const c = counts(...run('2026-11-22', 3), ...run('2026-11-26', 10));
    expect(computeStreak(c, today, settings())).toEqual({
      current: 3,
      longest: 3,
      doneToday: false,
      atRisk: true,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('zero and negative counts are no sessions', () => {
    const c = counts(['2026-11-23', 1], ['2026-11-24', 0], [today, -1]);
    expect(computeStreak(c, today, settings())).toEqual({
      current: 0,
      longest: 1,
      doneToday: false,
      atRisk: false,
      todayCount: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
  });

  it('crosses month and year ends (2026-12-31 -> 2027-01-01)', () => {
    const c = counts(...run('2026-11-28', 5)); // 11-28 .. 12-02
    expect(computeStreak(c, '2026-12-02', settings())).toMatchObject({ current: 5 });
    const y = counts(...run('2026-12-29', 5)); // 12-29 .. 2027-01-02
    expect(y.has('2026-12-31') && y.has('2027-01-01')).toBe(true);
    expect(computeStreak(y, '2027-01-02', settings())).toMatchObject({ current: 5, longest: 5 });
    expect(computeStreak(y, '2027-01-03', settings())).toMatchObject({ current: 5, atRisk: true });
    y.delete('2026-12-31');
    expect(computeStreak(y, '2027-01-02', settings())).toMatchObject({ current: 2, longest: 2 });
  });

  it('leap day 2028-02-29 is a real day', () => {
    const c = counts(['2028-02-27', 1], ['2028-02-28', 1], ['2028-02-29', 1], ['2028-03-01', 1]);
    expect(computeStreak(c, '2028-03-01', settings())).toMatchObject({ current: 4, longest: 4 });
    c.delete('2028-02-29'); // a Tuesday
    expect(computeStreak(c, '2028-03-01', settings())).toMatchObject({ current: 1, longest: 2 });
    expect(computeStreak(c, '2028-03-01', settings([2]))).toMatchObject({ current: 3, longest: 3 });
  });

  it('sessions logged at 01:30 belong to the day before', () => {
    const stamps = [
      '2026-11-23T01:30:00+06:00', // study day 11-22
      '2026-11-23T20:00:00+06:00', // 11-23
      '2026-11-25T02:10:00+06:00', // 11-24
    ];
    const c = countByStudyDay(stamps, 240);
    expect([...c.entries()]).toEqual([
      ['2026-11-22', 1],
      ['2026-11-23', 1],
      ['2026-11-24', 1],
    ]);
    // "now" is 2026-11-25T02:30 local: still study day 11-24, which is done
    const now = studyDayOfLocal('2026-11-25T02:30', 240);
    expect(now).toBe('2026-11-24');
    expect(computeStreak(c, now, settings())).toMatchObject({ current: 3, doneToday: true, atRisk: false });
  });

  it('counts a ten-year unbroken run exactly', () => {
    const c = new Map<Day, number>();
    let day = '2016-11-26';
    for (let i = 0; i < 3650; i++) {
      if (i !== 1000) c.set(day, 1 + (i % 3));
      day = addDaysTo(day, 1);
    }
    const end = addDaysTo(day, -1);
    expect(computeStreak(c, end, settings())).toMatchObject({ current: 2649, longest: 2649, doneToday: true });
  });

  it('ignores keys that are not real days and rejects a bad today', () => {
    const c = counts(...run('2026-11-23', 3), ['2026-11-24x', 5], ['2026-02-30', 5], ['2026-11-3', 5]);
    expect(computeStreak(c, today, settings())).toMatchObject({ current: 3, longest: 3 });
    expect(() => computeStreak(c, '2026-11-31', settings())).toThrow(RangeError);
    expect(() => heatmapGrid(c, '2026-11-31', 0, 1)).toThrow(RangeError);
  });

  it('is not shifted by a day that the local time zone skipped', () => {
    // 1994-12-31 (a Saturday) does not exist in Pacific/Kiritimati, 2011-12-30 (a Friday)
    // not in Pacific/Apia: local Dates for them land on the next day.
    const saved = process.env.TZ;
    try {
      for (const [zone, skipped] of [
        ['Pacific/Kiritimati', '1994-12-31'],
        ['Pacific/Apia', '2011-12-30'],
      ] as const) {
        process.env.TZ = zone;
        const c = counts(...run(addDaysTo(skipped, -3), 7)); // 3 days before .. 3 days after
        expect(c.size).toBe(7);
        expect(computeStreak(c, addDaysTo(skipped, 3), settings()), zone).toMatchObject({ current: 7, longest: 7 });
        c.delete(skipped);
        expect(computeStreak(c, addDaysTo(skipped, 3), settings()), zone).toMatchObject({ current: 3, longest: 3 });
        const rest = [weekdayOf(skipped)];
        expect(computeStreak(c, addDaysTo(skipped, 3), settings(rest)), zone).toMatchObject({ current: 6, longest: 6 });
        const grid = heatmapGrid(c, addDaysTo(skipped, 1), 1, weekdayOf(skipped));
        expect(grid[0]?.cells.slice(0, 3), zone).toEqual([
          { date: skipped, count: 0 },
          { date: addDaysTo(skipped, 1), count: 1 },
          null,
        ]);
        expect(studyDayOf(`${addDaysTo(skipped, 1)}T01:00:00+14:00`, 240), zone).toBe(skipped);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('studyDayOf / studyDayOfLocal', () => {
  it('splits the day at day-start on the wall clock of the logged offset', () => {
    expect(studyDayOf('2026-11-23T01:30:00+06:00', 240)).toBe('2026-11-22');
    expect(studyDayOf('2026-11-23T03:59:59+06:00', 240)).toBe('2026-11-22');
    expect(studyDayOf('2026-11-23T04:00:00+06:00', 240)).toBe('2026-11-23');
    expect(studyDayOf('2026-11-23T23:59:00+06:00', 240)).toBe('2026-11-23');
    expect(studyDayOf('2026-11-23T01:30:00+06:00')).toBe('2026-11-22'); // default 04:00
  });

  it('negative offsets use their own wall clock, not UTC', () => {
    // 23:30 in New York is 04:30 UTC next day — still the 22nd locally
    expect(studyDayOf('2026-11-22T23:30:00-05:00', 240)).toBe('2026-11-22');
    expect(studyDayOf('2026-11-23T02:00:00-08:00', 240)).toBe('2026-11-22');
    expect(studyDayOf('2026-11-23T10:00:00-09:30', 240)).toBe('2026-11-23');
    expect(studyDayOf('2026-11-23T03:00:00+05:45', 180)).toBe('2026-11-23');
    expect(studyDayOf('2026-11-23T02:59:00+0545', 180)).toBe('2026-11-22');
    expect(studyDayOf('2026-11-23T01:00:00Z', 240)).toBe('2026-11-22');
    expect(studyDayOf('2026-11-23T01:00:00.123+14:00', 0)).toBe('2026-11-23');
  });

  it('crosses year ends and leap days', () => {
    expect(studyDayOf('2027-01-01T01:00:00+01:00', 240)).toBe('2026-12-31');
    expect(studyDayOf('2027-01-01T04:00:00+01:00', 240)).toBe('2027-01-01');
    expect(studyDayOf('2028-03-01T03:00:00+09:00', 240)).toBe('2028-02-29');
    expect(studyDayOf('2027-03-01T03:00:00+09:00', 240)).toBe('2027-02-28');
    expect(studyDayOf('2026-12-01T00:30:00-03:00', 60)).toBe('2026-11-30');
  });

  it('local "now" without offset', () => {
    expect(studyDayOfLocal('2026-11-23T09:30', 240)).toBe('2026-11-23');
    expect(studyDayOfLocal('2026-11-23T03:30', 240)).toBe('2026-11-22');
    expect(studyDayOfLocal('2026-11-23T00:00:00', 0)).toBe('2026-11-23');
    expect(studyDayOfLocal('2026-11-23T05:59', 360)).toBe('2026-11-22');
  });

  it('rejects bad input', () => {
    expect(() => studyDayOf('2026-11-23', 240)).toThrow(RangeError);
    expect(() => studyDayOf('2026-11-31T10:00:00+01:00', 240)).toThrow(RangeError);
    expect(() => studyDayOf('2026-11-23T25:00:00+01:00', 240)).toThrow(RangeError);
    expect(() => studyDayOf('2026-11-23T10:00:00+25:00', 240)).toThrow(RangeError);
    expect(() => studyDayOf('2026-11-23T10:00:00+01:00', 1440)).toThrow(RangeError);
    expect(() => studyDayOfLocal('2026-11-23T10:00+01:00', 240)).toThrow(RangeError);
  });

  it('reads offsets and LeetCode (UTC) days', () => {
    expect(utcOffsetMinutesOf('2026-11-23T01:30:00+06:00')).toBe(360);
    expect(utcOffsetMinutesOf('2026-11-23T01:30:00-05:30')).toBe(-330);
    expect(utcOffsetMinutesOf('2026-11-23T01:30:00Z')).toBe(0);
    expect(utcOffsetMinutesOf('2026-11-23T01:30:00')).toBeNull();
    expect(leetcodeDayOf('2026-11-23T01:30:00+06:00')).toBe('2026-11-22');
    expect(leetcodeDayOf('2026-11-23T06:00:00+06:00')).toBe('2026-11-23');
    expect(leetcodeDayOf('2026-11-22T20:00:00-05:00')).toBe('2026-11-23');
    expect(leetcodeDayOf('2026-12-31T19:00:00-05:00')).toBe('2027-01-01');
  });

  it('LeetCode day end in local time', () => {
    expect(leetcodeDayEndsLocal(360)).toBe('06:00');
    expect(leetcodeDayEndsLocal(-300)).toBe('19:00');
    expect(leetcodeDayEndsLocal(0)).toBe('00:00');
    expect(leetcodeDayEndsLocal(330)).toBe('05:30');
    expect(leetcodeDayEndsLocal(345)).toBe('05:45');
    expect(leetcodeDayEndsLocal(-570)).toBe('14:30');
    expect(leetcodeDayEndsLocal(840)).toBe('14:00');
    expect(leetcodeDayEndsLocal(-720)).toBe('12:00');
  });

  it('property: moving day-start moves the study day by at most one day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2099-12-31') }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (n, minuteOfDay, sec, offset, start1, start2) => {
          const pad = (x: number) => String(x).padStart(2, '0');
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const date = dayFromNumber(n);
          const stamp = `${date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:${pad(sec)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
          const d1 = dayNumber(studyDayOf(stamp, start1));
          const d2 = dayNumber(studyDayOf(stamp, start2));
          expect(Math.abs(d1 - d2)).toBeLessThanOrEqual(1);
          // always the logged local date or the day before
          expect(n - d1 === 0 || n - d1 === 1).toBe(true);
          expect(d1).toBe(minuteOfDay < start1 ? n - 1 : n);
        },
      ),
    );
  });
});

describe('heatmapGrid', () => {
  it('weeks start on Monday and end with the week of today', () => {
    const c = counts(['2026-11-09', 2], ['2026-11-24', 1], ['2026-11-25', 4], ['2026-11-26', 9]);
    const grid = heatmapGrid(c, '2026-11-25', 3, 1);
    expect(grid).toHaveLength(3);
    expect(grid.map((col) => col.month)).toEqual(['Nov', '', '']);
    expect(grid[0]?.cells[0]).toEqual({ date: '2026-11-09', count: 2 });
    expect(grid[0]?.cells[6]).toEqual({ date: '2026-11-15', count: 0 });
    expect(grid[2]?.cells).toEqual([
      { date: '2026-11-23', count: 0 },
      { date: '2026-11-24', count: 1 },
      { date: '2026-11-25', count: 4 },
      null,
      null,
      null,
      null,
    ]);
  });

  it('weeks start on Sunday', () => {
    const grid = heatmapGrid(new Map(), '2026-11-25', 1, 0);
    expect(grid[0]?.cells.map((cell) => cell?.date ?? null)).toEqual([
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      null,
      null,
      null,
    ]);
  });

  it('labels the columns that contain the 1st of a month', () => {
    const grid = heatmapGrid(new Map(), '2026-12-02', 3, 1);
    expect(grid.map((col) => col.month)).toEqual(['Nov', '', 'Dec']); // 11-16, 11-23, 11-30 (Dec 1)
    const year = heatmapGrid(new Map(), '2027-01-01', 2, 1);
    expect(year.map((col) => col.month)).toEqual(['Dec', 'Jan']);
    expect(year[1]?.cells.map((cell) => cell?.date ?? null)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      null,
      null,
    ]);
    // a 1st still in the future does not label the column
    expect(heatmapGrid(new Map(), '2026-12-30', 2, 1).map((col) => col.month)).toEqual(['Dec', '']);
    // the first column names the month whose 1st it contains
    expect(heatmapGrid(new Map(), '2026-02-03', 1, 1).map((col) => col.month)).toEqual(['Feb']);
    expect(heatmapGrid(new Map(), '2028-03-01', 1, 1)[0]?.cells[1]).toEqual({ date: '2028-02-29', count: 0 });
  });

  it('rejects bad arguments', () => {
    expect(heatmapGrid(new Map(), '2026-11-25', 0, 1)).toEqual([]);
    expect(() => heatmapGrid(new Map(), '2026-11-25', -1, 1)).toThrow(RangeError);
    expect(() => heatmapGrid(new Map(), '2026-11-25', 2, 7)).toThrow(RangeError);
  });

  it('property: weeks columns of 7, ends with today, counts match', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: -500, max: 10 }), fc.integer({ min: 1, max: 9 })), { maxLength: 80 }),
        (todayN, weeks, weekStartsOn, entries) => {
          const today = dayFromNumber(todayN);
          const c = new Map(entries.map(([off, n]) => [dayFromNumber(todayN + off), n] as [Day, number]));
          const grid = heatmapGrid(c, today, weeks, weekStartsOn);
          expect(grid).toHaveLength(weeks);
          const flat = grid.flatMap((col) => {
            expect(col.cells).toHaveLength(7);
            return col.cells;
          });
          const firstNull = flat.indexOf(null);
          const filled = firstNull === -1 ? flat : flat.slice(0, firstNull);
          expect(flat.slice(filled.length).every((cell) => cell === null)).toBe(true);
          expect(filled.at(-1)?.date).toBe(today);
          expect(flat.length - filled.length).toBeLessThan(7);
          expect(weekdayOf(filled[0]?.date ?? '')).toBe(weekStartsOn);
          filled.forEach((cell, i) => {
            expect(cell?.date).toBe(dayFromNumber(dayNumber(filled[0]?.date ?? '') + i));
            expect(cell?.count).toBe(c.get(cell?.date ?? '') ?? 0);
          });
          expect(grid[0]?.month).not.toBe('');
        },
      ),
    );
  });
});

describe('shadeLevel', () => {
  it('grades counts against the daily target', () => {
    expect([0, 1, 2, 3, 4].map((n) => shadeLevel(n, 1))).toEqual([0, 2, 3, 4, 4]);
    expect([0, 1, 2, 3, 4, 5].map((n) => shadeLevel(n, 2))).toEqual([0, 1, 2, 3, 3, 4]);
    expect([1, 2, 3, 4, 6, 7].map((n) => shadeLevel(n, 3))).toEqual([1, 1, 2, 3, 3, 4]);
    expect(shadeLevel(1, 0)).toBe(2); // target < 1 counts as 1
  });
});

// ---------------------------------------------------------------------------------------
// Property tests for computeStreak against a day-by-day reference model of SPEC §4.

/** Straightforward O(days) model: walk every calendar day applying the rules literally. */
function referenceStreak(c: ReadonlyMap<Day, number>, today: Day, s: StreakSettings) {
  const target = Math.max(1, s.dailyTarget);
  const todayN = dayNumber(today);
  const q = (n: number) => (c.get(dayFromNumber(n)) ?? 0) >= target;
  const rest = (n: number) => s.restDays.has(weekdayOf(dayFromNumber(n)));
  const past = [...c.keys()].map(dayNumber).filter((n) => n <= todayN && q(n));
  const start = Math.min(todayN, ...past);
  let longest = 0;
  let r = 0;
  for (let n = start; n <= todayN; n++) {
    if (q(n)) r++;
    else if (!rest(n) && n < todayN) r = 0;
    longest = Math.max(longest, r);
  }
  let current = 0;
  for (let n = todayN; n >= start; n--) {
    if (q(n)) current++;
    else if (n === todayN || rest(n)) continue;
    else break;
  }
  return { current, longest };
}

const historyArb = fc.record({
  todayN: fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2030-12-31') }),
  entries: fc.array(fc.tuple(fc.integer({ min: -45, max: 5 }), fc.integer({ min: 0, max: 4 })), { maxLength: 60 }),
  restDays: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
  dailyTarget: fc.integer({ min: 1, max: 3 }),
});

interface History {
  todayN: number;
  entries: [number, number][];
  restDays: number[];
  dailyTarget: number;
}

function build(h: History) {
  const today = dayFromNumber(h.todayN);
  const c = new Map<Day, number>();
  for (const [off, n] of h.entries) c.set(dayFromNumber(h.todayN + off), n);
  return { today, c, s: settings(h.restDays, h.dailyTarget) };
}

describe('computeStreak properties', () => {
  it('matches the day-by-day reference model', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const { today, c, s } = build(h);
        const r = computeStreak(c, today, s);
        expect({ current: r.current, longest: r.longest }).toEqual(referenceStreak(c, today, s));
        expect(r.todayCount).toBe(c.get(today) ?? 0);
        expect(r.doneToday).toBe((c.get(today) ?? 0) >= s.dailyTarget);
        expect(r.atRisk).toBe(!r.doneToday && r.current > 0 && !s.restDays.has(weekdayOf(today)));
      }),
      { numRuns: 300 },
    );
  });

  it('current <= qualifying days, longest >= current', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const { today, c, s } = build(h);
        const r = computeStreak(c, today, s);
        const qualifying = [...c].filter(([d, n]) => d <= today && n >= s.dailyTarget).length;
        expect(r.current).toBeLessThanOrEqual(qualifying);
        expect(r.longest).toBeLessThanOrEqual(qualifying);
        expect(r.longest).toBeGreaterThanOrEqual(r.current);
        if (r.doneToday) expect(r.current).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('adding a session never shortens the current (or longest) streak', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -45, max: 5 }), (h, off) => {
        const { today, c, s } = build(h);
        const before = computeStreak(c, today, s);
        const day = dayFromNumber(h.todayN + off);
        c.set(day, (c.get(day) ?? 0) + 1);
        const after = computeStreak(c, today, s);
        expect(after.current).toBeGreaterThanOrEqual(before.current);
        expect(after.longest).toBeGreaterThanOrEqual(before.longest);
      }),
    );
  });

  it('marking as rest a weekday with no sessions never shortens a streak and adds no days', () => {
    // It can lengthen one (the empty days of that weekday stop breaking runs), but the
    // streak still only counts qualifying days: the rest days themselves never count.
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 6 }), (h, w) => {
        const { today, c, s } = build(h);
        for (const d of [...c.keys()]) if (weekdayOf(d) === w) c.delete(d);
        const before = computeStreak(c, today, s);
        const after = computeStreak(c, today, settings([...s.restDays, w], s.dailyTarget));
        const qualifying = [...c].filter(([d, n]) => d <= today && n >= s.dailyTarget).length;
        expect(after.current).toBeGreaterThanOrEqual(before.current);
        expect(after.longest).toBeGreaterThanOrEqual(before.longest);
        expect(after.longest).toBeLessThanOrEqual(qualifying);
      }),
    );
  });

  it('marking as rest a weekday on which every day qualifies changes neither current nor longest', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 6 }), (h, w) => {
        const { today, c, s } = build(h);
        // fill every w-day from 60 days back through yesterday
        for (let n = h.todayN - 60; n < h.todayN; n++) {
          const d = dayFromNumber(n);
          if (weekdayOf(d) === w) c.set(d, s.dailyTarget);
        }
        const before = computeStreak(c, today, s);
        const after = computeStreak(c, today, settings([...s.restDays, w], s.dailyTarget));
        expect(after.current).toBe(before.current);
        expect(after.longest).toBe(before.longest);
      }),
    );
  });
});
