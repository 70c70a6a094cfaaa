// Calendar arithmetic on study days ('YYYY-MM-DD' strings) and weeks.
//
// ISO week labels are date-fns' arithmetic; days and plan weeks (parseDay, addDaysTo,
// daysBetween, weekdayOf, weekStartOf, planWeekRange, planWeekOf) count whole days, below.
// date-fns reads and writes a Date's local fields, so every Date here is a UtcDate
// (below), whose local fields are its UTC fields: no time zone, no daylight saving and no
// skipped or repeated day can shift a result. A week starts on `weekStartsOn`
// (0 = Sunday ... 6 = Saturday, default 1 = Monday, as in SPEC section 3).
//
// date-fns is imported by subpath only: the package index would load all of it at start-up.

import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { lastDayOfWeek } from 'date-fns/lastDayOfWeek';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfWeek } from 'date-fns/startOfWeek';

/** A calendar date as 'YYYY-MM-DD'. */
export type Day = string;

/** Monday, the default first day of the week. */
export const DEFAULT_WEEK_STARTS_ON = 1;

/** A valid week start, as date-fns types it. */
type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_LABEL_RE = /^(\d{4})-W(\d{2})$/;

/**
 * A Date whose local fields are its UTC fields. date-fns builds every intermediate Date
 * with the constructor of its argument (`new date.constructor(value)`), so on a UtcDate
 * all of its arithmetic runs on a clock with no offset and no daylight saving, whatever
 * TZ is. Local noon would not be enough: some zones skipped whole days (1994-12-31 does
 * not exist in Pacific/Kiritimati, nor 2011-12-30 in Pacific/Apia), and a local Date for
 * such a day lands on the next one. Same idea as @date-fns/utc's UTCDate.
 */
class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(...args: [year: number, month?: number, date?: number]): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: [month: number, date?: number]): number {
    return this.setUTCMonth(...args);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(...args: [hours: number, min?: number, sec?: number, ms?: number]): number {
    return this.setUTCHours(...args);
  }
  override setMinutes(...args: [min: number, sec?: number, ms?: number]): number {
    return this.setUTCMinutes(...args);
  }
  override setSeconds(...args: [sec: number, ms?: number]): number {
    return this.setUTCSeconds(...args);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

/** Midnight of year-month-day (month 0-based); years 0..99 stay as given. */
function utcDate(year: number, monthIndex: number, day: number): UtcDate {
  const date = new UtcDate(0);
  date.setFullYear(year, monthIndex, day); // unlike the Date constructor, no 0..99 -> 19xx
  return date;
}

/** The date of a strict 'YYYY-MM-DD', or null (no 2026-02-30, no 2026-13-01). */
function dateOrNull(s: string): UtcDate | null {
  if (typeof s !== 'string') return null;
  const m = DAY_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const date = utcDate(y, mo, d);
  // an impossible month or day rolls over into another date
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
}

function toDate(day: Day): UtcDate {
  const date = dateOrNull(day);
  if (date === null) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return date;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatYear(y: number): string {
  return y < 0 ? '-' + pad(-y, 4) : pad(y, 4);
}

function format(date: Date): Day {
  if (Number.isNaN(date.getTime())) throw new RangeError('date out of range');
  return `${formatYear(date.getFullYear())}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

function checkWeekStart(weekStartsOn: number): asserts weekStartsOn is WeekStart {
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new RangeError(`weekStartsOn must be an integer 0..6, got ${weekStartsOn}`);
  }
}

function checkInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

// Plain day arithmetic. Streaks walk every day of years of history and `study today`
// runs many times a day (issue #7), so days are counted as whole numbers, with no Date at
// all: the number of a day is its count of days from 1970-01-01 in the proleptic
// Gregorian calendar (the one Date and date-fns use). test/perf.test.ts holds these and
// date-fns to the same answers.

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The day number of a strict 'YYYY-MM-DD' (see parseDay), or NaN. */
function dayNumberOrNaN(s: string): number {
  if (typeof s !== 'string') return Number.NaN;
  const m = DAY_RE.exec(s);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1]!)) return Number.NaN;
  // Days from civil (H. Hinnant): years counted from March, so the leap day ends a year.
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Days from 1970-01-01 to a strict 'YYYY-MM-DD' (negative before it), or null when it is
 * not a real date (see parseDay). daysBetween(a, b) === dayNumberOf(b) - dayNumberOf(a).
 */
export function dayNumberOf(day: Day): number | null {
  const n = dayNumberOrNaN(day);
  return Number.isNaN(n) ? null : n;
}

function dayNumber(day: Day): number {
  const n = dayNumberOrNaN(day);
  if (Number.isNaN(n)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return n;
}

/** The day of a day number (civil from days, H. Hinnant). */
function dayOfNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  if (!Number.isFinite(y) || Math.abs(y) > 275_000) throw new RangeError('date out of range');
  return `${formatYear(y)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/**
 * A valid 'YYYY-MM-DD' date, or null. Strict: two-digit month and day, a real date
 * (no 2026-02-30, no 2026-13-01, no '2026-1-1'), no surrounding space.
 */
export function parseDay(s: string): Day | null {
  return Number.isNaN(dayNumberOrNaN(s)) ? null : s;
}

/** The day n days after `day` (n may be negative). */
export function addDaysTo(day: Day, n: number): Day {
  checkInteger(n, 'n');
  return dayOfNumber(dayNumber(day) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  const later = dayNumber(to);
  return later - dayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** The first day of the week containing `day`. */
export function weekStartOf(day: Day, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): Day {
  checkWeekStart(weekStartsOn);
  return dayOfNumber(weekStartNumber(dayNumber(day), weekStartsOn));
}

/** The day number of the first day of the week holding day number n. */
function weekStartNumber(n: number, weekStartsOn: number): number {
  const weekday = (((n + 4) % 7) + 7) % 7;
  return n - ((weekday - weekStartsOn + 7) % 7);
}

/**
 * 'YYYY-Www' of the week containing `day`: the ISO week (with its ISO week-numbering
 * year) of the Monday inside that week. For weeks starting on Monday this is the plain
 * ISO 8601 week: 2026-12-31 -> '2026-W53', 2027-01-04 -> '2027-W01'.
 */
export function weekLabel(day: Day, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): string {
  checkWeekStart(weekStartsOn);
  // The week's last day lies in the ISO week of the Monday inside the week: that Monday
  // is on or before it, and at most 6 days before.
  const last = lastDayOfWeek(toDate(day), { weekStartsOn });
  return `${formatYear(getISOWeekYear(last))}-W${pad(getISOWeek(last), 2)}`;
}

/**
 * The first day of the week labelled 'YYYY-Www' (see weekLabel), or null for bad syntax
 * ('W47', '2026-W1'), W00, W54, or W53 in a year that has only 52 ISO weeks.
 */
export function parseWeekLabel(label: string, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): Day | null {
  checkWeekStart(weekStartsOn);
  if (typeof label !== 'string') return null;
  const m = WEEK_LABEL_RE.exec(label);
  if (!m) return null;
  const jan4 = utcDate(Number(m[1]), 0, 4); // ISO week 1 holds January 4th
  const week = Number(m[2]);
  if (week < 1 || week > getISOWeeksInYear(jan4)) return null;
  const monday = startOfISOWeek(setISOWeek(jan4, week));
  // the week (starting on weekStartsOn) that holds this Monday
  return format(startOfWeek(monday, { weekStartsOn }));
}

/**
 * Plan week n (1-based) of a plan started in the week containing `start`:
 * [first day, last day]. Week 1 is the whole week containing `start`.
 */
export function planWeekRange(start: Day, n: number, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): [Day, Day] {
  checkWeekStart(weekStartsOn);
  checkInteger(n, 'plan week');
  const first = weekStartNumber(dayNumber(start), weekStartsOn) + 7 * (n - 1);
  return [dayOfNumber(first), dayOfNumber(first + 6)];
}

/** The 1-based plan week containing `day`: 0 or negative before the start week. */
export function planWeekOf(start: Day, day: Day, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): number {
  checkWeekStart(weekStartsOn);
  const first = weekStartNumber(dayNumber(start), weekStartsOn);
  return (weekStartNumber(dayNumber(day), weekStartsOn) - first) / 7 + 1;
}

const WEEKDAY_WORDS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * A day as people say it, relative to `today`: `today`, `yesterday`, a weekday (`mon`,
 * `monday`: the latest one on or before today), `-N` (N days ago), or a date YYYY-MM-DD.
 * Null when `text` is none of these (or a date that does not exist).
 */
export function dayFromWords(text: string, today: Day): Day | null {
  const t = text.trim().toLowerCase();
  if (t === 'today') return today;
  if (t === 'yesterday') return addDaysTo(today, -1);
  const back = /^-(\d{1,4})$/.exec(t);
  if (back) return addDaysTo(today, -Number(back[1]));
  if (t.length >= 3) {
    const w = WEEKDAY_WORDS.findIndex((d) => d.startsWith(t));
    if (w >= 0) return addDaysTo(today, -((weekdayOf(today) - w + 7) % 7));
  }
  return parseDay(t);
}
