// Study days, streaks and the streak heatmap. Pure: no I/O, no clock — "today" is always
// passed in. Days are 'YYYY-MM-DD' strings; all day arithmetic (validating, adding,
// differences, weekdays) goes through core/calendar.ts, so neither the time zone nor
// daylight saving can shift a day.
//
// Streak rules (SPEC §4): a study day qualifies when it has at least `dailyTarget`
// sessions. The current streak counts qualifying days back from today, or from yesterday
// while today is still open (then it is "at risk", not broken). A rest day without a
// qualifying session neither breaks nor extends a streak; a rest day with a qualifying
// session counts like any day. A past non-rest day that does not qualify breaks it.
// The longest streak uses the same rules over all history (days after today ignored).
//
// Streak freezes (`freezes-per-month`, default 0): while a streak runs, a missed day that
// is not a rest day uses a freeze, if its calendar month has one left, instead of breaking
// the streak; a frozen day, like a rest day, neither breaks nor extends it. Days are
// walked in order, so a freeze once used stays used even when a later missed day breaks
// the streak anyway. Nothing is stored: a back-dated session that fills a frozen day
// makes it a qualifying day, and its month has the freeze back.

import { addDaysTo, dayNumberOf, daysBetween, parseDay, weekdayOf, weekStartOf, type Day } from './calendar.js';

/** A study day 'YYYY-MM-DD'. */
export type { Day };

export interface StreakSettings {
  /** Weekdays that are rest days: 0 = Sunday ... 6 = Saturday. */
  restDays: ReadonlySet<number>;
  /** Sessions a day needs to qualify (>= 1). */
  dailyTarget: number;
  /** Streak freezes each calendar month (default 0: none). */
  freezesPerMonth?: number;
}

export interface StreakResult {
  /** Qualifying days in the current streak. */
  current: number;
  /** Longest streak over all history (same rules), >= current. */
  longest: number;
  /** Today already qualifies. */
  doneToday: boolean;
  /** Today is a working day, not done yet, and the streak (from yesterday back) is alive and > 0. */
  atRisk: boolean;
  /** Sessions today. */
  todayCount: number;
  /** Freezes left in today's calendar month (0 without freezes). */
  freezesLeft: number;
  /** The days that used a freeze, oldest first, over all history up to yesterday. */
  frozenDays: Day[];
}

export interface HeatCell {
  date: Day;
  count: number;
  /** A missed day a streak freeze covered. */
  frozen?: boolean;
}

export interface HeatColumn {
  month: string;
  cells: (HeatCell | null)[];
}

export const DEFAULT_DAY_START_MINUTES = 240;

const MINUTES_PER_DAY = 1440;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// ---------------------------------------------------------------------------------------
// Streaks

/** True when `day` falls on one of the rest weekdays. */
export function isRestDay(day: Day, restDays: ReadonlySet<number>): boolean {
  return restDays.has(weekdayOf(day));
}

/** Sessions a day needs to qualify: `daily-target`, or 1 when it is not a number >= 1. */
export function effectiveTarget(dailyTarget: number): number {
  return Number.isFinite(dailyTarget) && dailyTarget >= 1 ? dailyTarget : 1;
}

/** Rest weekdays as a lookup by day number: 1970-01-01 (day 0) was a Thursday. */
function restLookup(restDays: ReadonlySet<number>): { isRest: (n: number) => boolean; every: boolean } {
  const rest: boolean[] = [];
  for (let w = 0; w < 7; w++) rest.push(restDays.has(w));
  return { isRest: (n) => rest[(((n + 4) % 7) + 7) % 7] === true, every: rest.every(Boolean) };
}

/** True when every day strictly between day numbers a < b is a rest day. */
function onlyRestBetween(a: number, b: number, rest: ReturnType<typeof restLookup>): boolean {
  const gap = b - a - 1;
  if (gap <= 0) return true;
  if (gap >= 7) return rest.every;
  for (let n = a + 1; n < b; n++) if (!rest.isRest(n)) return false;
  return true;
}

/** The freezes used so far, per calendar month, while days are walked in order. */
class Freezes {
  readonly used = new Map<string, number>();
  readonly days: number[] = [];
  constructor(
    readonly budget: number,
    private readonly rest: ReturnType<typeof restLookup>,
  ) {}

  /**
   * True when the days strictly between day numbers a < b are rest days, or missed days
   * that each get a freeze of their month; the freezes are used up to the first missed
   * day that gets none (and the run breaks there).
   */
  bridge(a: number, b: number): boolean {
    if (onlyRestBetween(a, b, this.rest)) return true;
    for (let n = a + 1; n < b; n++) {
      if (this.rest.isRest(n)) continue;
      const month = monthOf(n);
      const used = this.used.get(month) ?? 0;
      if (used >= this.budget) return false;
      this.used.set(month, used + 1);
      this.days.push(n);
    }
    return true;
  }
}

/** 'YYYY-MM' of a day number. */
const monthOf = (n: number): string => addDaysTo(EPOCH, n).slice(0, 7);
const EPOCH = '1970-01-01';

/** Freezes a month from the setting: a whole number >= 0 (anything else is none). */
function freezeBudget(n: number | undefined): number {
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : 0;
}

/** A walk over qualifying days (oldest first): the longest run, the run ending with the last day walked, and that day. */
interface Walk {
  longest: number;
  run: number;
  last: number | null;
}

/**
 * The current and longest streak and today's status, from the study days of a habit that
 * qualify (at least `dailyTarget` sessions) up to today, as day numbers
 * (calendar.dayNumberOf), ascending and each once, and today's session count. The store
 * gives both by index. A rest day without a qualifying day neither breaks nor extends a
 * run; days after today are ignored.
 */
export function streakOf(qualifyingDays: readonly number[], todaySessions: number, today: Day, settings: StreakSettings): StreakResult {
  weekdayOf(today); // throws RangeError unless today is a real day
  const todayNumber = dayNumberOf(today)!;
  const target = effectiveTarget(settings.dailyTarget);
  const rest = restLookup(settings.restDays);
  const budget = freezeBudget(settings.freezesPerMonth);
  const freezes = budget > 0 ? new Freezes(budget, rest) : null;
  // Whether a run that reached day number a goes on to b: only rest days (or, with
  // freezes, rest and frozen days) between them.
  const bridged = (a: number, b: number): boolean => (freezes ? freezes.bridge(a, b) : onlyRestBetween(a, b, rest));
  const walk: Walk = { longest: 0, run: 0, last: null };
  for (const n of qualifyingDays) {
    if (n > todayNumber) break;
    walk.run = walk.run > 0 && walk.last !== null && bridged(walk.last, n) ? walk.run + 1 : 1;
    if (walk.run > walk.longest) walk.longest = walk.run;
    walk.last = n;
  }
  const todayCount = Number.isFinite(todaySessions) && todaySessions > 0 ? todaySessions : 0;
  const doneToday = todayCount >= target;

  // The last run is current when nothing but rest days (and today, while open) lies after it.
  // (Today itself is never frozen: it is open until it ends.)
  let current = 0;
  if (walk.run > 0 && walk.last !== null && (doneToday || bridged(walk.last, todayNumber))) current = walk.run;

  const atRisk = !doneToday && current > 0 && !rest.isRest(todayNumber);
  const freezesLeft = freezes ? budget - (freezes.used.get(today.slice(0, 7)) ?? 0) : 0;
  const frozenDays = freezes ? freezes.days.map((n) => addDaysTo(EPOCH, n)) : [];
  return { current, longest: walk.longest, doneToday, atRisk, todayCount, freezesLeft, frozenDays };
}

// ---------------------------------------------------------------------------------------
// Study days of timestamps

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const STAMP_RE =
  /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function checkDayStart(dayStartMinutes: number): void {
  if (!Number.isInteger(dayStartMinutes) || dayStartMinutes < 0 || dayStartMinutes >= MINUTES_PER_DAY) {
    throw new RangeError(`day start must be whole minutes in 0..1439, got ${dayStartMinutes}`);
  }
}

/**
 * The study day of a local wall-clock date-time 'YYYY-MM-DDTHH:mm[:ss[.sss]]' (no offset):
 * the local date of (local time - dayStartMinutes). Used for "now".
 */
export function studyDayOfLocal(localDateTime: string, dayStartMinutes: number = DEFAULT_DAY_START_MINUTES): Day {
  checkDayStart(dayStartMinutes);
  const m = LOCAL_RE.exec(localDateTime);
  const date = m?.[1];
  const hh = Number(m?.[2]);
  const mm = Number(m?.[3]);
  const ss = m?.[4] === undefined ? 0 : Number(m[4]);
  if (date === undefined || parseDay(date) === null || hh > 23 || mm > 59 || ss > 59) {
    throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${JSON.stringify(localDateTime)}`);
  }
  return hh * 60 + mm < dayStartMinutes ? addDaysTo(date, -1) : date;
}

/**
 * The study day a session belongs to. `timestamp` is an ISO local date-time with its UTC
 * offset as logged ('2026-11-23T01:30:00+06:00'); the study day is taken on the wall clock
 * of that offset: the local date of (local time - dayStartMinutes). 'Z' means UTC; a
 * timestamp without an offset is read as local wall-clock time.
 */
export function studyDayOf(timestamp: string, dayStartMinutes: number = DEFAULT_DAY_START_MINUTES): Day {
  const m = STAMP_RE.exec(timestamp);
  const local = m?.[1];
  if (local === undefined || (m?.[2] !== undefined && Number.isNaN(parseOffset(m[2])))) {
    throw new RangeError(`not an ISO date-time with offset: ${JSON.stringify(timestamp)}`);
  }
  return studyDayOfLocal(local, dayStartMinutes);
}

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return Number.NaN;
  const h = Number(m[2]);
  const min = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || min > 59) return Number.NaN;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

/** The UTC offset in minutes written in an ISO timestamp ('+06:00' -> 360, 'Z' -> 0); null when it has none. */
export function utcOffsetMinutesOf(timestamp: string): number | null {
  const m = STAMP_RE.exec(timestamp);
  if (!m) throw new RangeError(`not an ISO date-time: ${JSON.stringify(timestamp)}`);
  if (m[2] === undefined) return null;
  const off = parseOffset(m[2]);
  if (Number.isNaN(off)) throw new RangeError(`bad UTC offset in ${JSON.stringify(timestamp)}`);
  return off;
}

/** The UTC calendar day of a timestamp with offset — the day LeetCode counts it on. */
export function leetcodeDayOf(timestamp: string): Day {
  const m = STAMP_RE.exec(timestamp);
  const local = m?.[1];
  const off = utcOffsetMinutesOf(timestamp);
  if (local === undefined || off === null) {
    throw new RangeError(`timestamp needs a UTC offset: ${JSON.stringify(timestamp)}`);
  }
  const date = local.slice(0, 10);
  const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) - off;
  return addDaysTo(date, Math.floor(minutes / MINUTES_PER_DAY));
}

/** When LeetCode's UTC day ends, as local wall-clock 'HH:mm', for a UTC offset in minutes (+360 -> '06:00', -300 -> '19:00'). */
export function leetcodeDayEndsLocal(offsetMinutes: number): string {
  if (!Number.isInteger(offsetMinutes)) throw new RangeError(`UTC offset must be whole minutes, got ${offsetMinutes}`);
  const m = ((offsetMinutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The line that warns how LeetCode (which counts days in UTC) differs here, or null when
 * it would say nothing new: its day ends at local midnight (or when the study day does)
 * and, right now, it is the same day there as the study day. `timestamp`: now, with its
 * offset; `studyDay`: today's study day; `dayStartMinutes`: the day-start setting.
 */
export function leetcodeNote(timestamp: string, studyDay: Day, dayStartMinutes: number): string | null {
  const offset = utcOffsetMinutesOf(timestamp) ?? 0;
  const ends = leetcodeDayEndsLocal(offset);
  const there = leetcodeDayOf(timestamp);
  if (there > studyDay) return `on LeetCode it is ${there} already (its day ends at ${ends} here)`;
  if (there === studyDay && (ends === '00:00' || ends === leetcodeDayEndsLocal(dayStartMinutes))) return null;
  return `LeetCode's day ends at ${ends} here`;
}

/** Sessions per study day, from session timestamps (with offsets). */
export function countByStudyDay(
  timestamps: Iterable<string>,
  dayStartMinutes: number = DEFAULT_DAY_START_MINUTES,
): Map<Day, number> {
  const counts = new Map<Day, number>();
  for (const t of timestamps) {
    const day = studyDayOf(t, dayStartMinutes);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

// ---------------------------------------------------------------------------------------
// Heatmap

/**
 * Heatmap grid for the last `weeks` weeks ending with the week containing today. One column
 * per week, oldest first; 7 cells each in weekday order from `weekStartsOn` (0 = Sunday);
 * null for days after today. A column's `month` is the 3-letter month of a 1st-of-month it
 * contains (on or before today), else for the first column the month of its first day, else ''.
 * Days in `frozen` (streakOf's frozenDays) are marked.
 */
export function heatmapGrid(
  counts: ReadonlyMap<Day, number>,
  today: Day,
  weeks: number,
  weekStartsOn: number,
  frozen: ReadonlySet<Day> = new Set(),
): HeatColumn[] {
  if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`weeks must be a whole number >= 0, got ${weeks}`);
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new RangeError(`week start must be 0..6, got ${weekStartsOn}`);
  }
  // The oldest column's first day (weekStartOf throws RangeError unless today is a real day).
  const first = addDaysTo(weekStartOf(today, weekStartsOn), -7 * (weeks - 1));
  const todayIndex = daysBetween(first, today); // cells after it are in the future
  const columns: HeatColumn[] = [];
  for (let c = 0; c < weeks; c++) {
    const cells: (HeatCell | null)[] = [];
    let month = '';
    for (let i = 0; i < 7; i++) {
      const index = 7 * c + i;
      if (index > todayIndex) {
        cells.push(null);
        continue;
      }
      const date = addDaysTo(first, index);
      const raw = counts.get(date) ?? 0;
      const cell: HeatCell = { date, count: Number.isFinite(raw) && raw > 0 ? raw : 0 };
      if (frozen.has(date)) cell.frozen = true;
      cells.push(cell);
      if (date.endsWith('-01')) month = monthName(date);
    }
    if (c === 0 && month === '') month = monthName(first);
    columns.push({ month, cells });
  }
  return columns;
}

function monthName(day: Day): string {
  return MONTHS[Number(day.slice(5, 7)) - 1] ?? '';
}

/** Shade level 0..4 for a count against dailyTarget: 0 none, 1 below target, 2 at target, 3 up to 2x target, 4 above 2x. */
export function shadeLevel(count: number, dailyTarget: number): number {
  const target = effectiveTarget(dailyTarget);
  if (!(count > 0)) return 0;
  if (count < target) return 1;
  if (count === target) return 2;
  if (count <= 2 * target) return 3;
  return 4;
}
