// Human dates for text output ('Monday 23 November 2026', '23–29 Nov'), from 'YYYY-MM-DD'.
//
// Spelled out by hand, as en-GB writes them (Intl.DateTimeFormat 'en-GB' with Node's
// ICU: 'Sept' for September): making the first DateTimeFormat of a process loads ICU
// data, which cost `study today` about 10 ms of its start-up (issue #7). Years before 1
// (which ICU writes as BC) still go through Intl, made on first use.
import { weekdayOf } from '../core/calendar.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

let intl: { long: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; weekdayShort: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat } | undefined;
function viaIntl(): NonNullable<typeof intl> {
  intl ??= {
    weekday: new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }),
    long: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    dayMonth: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    weekdayShort: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
  };
  return intl;
}

const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);
const parts = (day: string): { year: number; month: number; date: number } => ({
  year: Number(day.slice(0, 4)),
  month: Number(day.slice(5, 7)),
  date: Number(day.slice(8, 10)),
});

export function longDate(day: string): string {
  const { year, month, date } = parts(day);
  if (!(year >= 1)) return viaIntl().long.format(utc(day)).replace(',', '');
  return `${WEEKDAYS[weekdayOf(day)]} ${date} ${MONTHS[month - 1]} ${year}`;
}

export function shortDate(day: string): string {
  const { year, month, date } = parts(day);
  if (!(year >= 1)) return viaIntl().dayMonth.format(utc(day));
  return `${date} ${SHORT_MONTHS[month - 1]}`;
}

export function weekdayDate(day: string): string {
  const { year } = parts(day);
  if (!(year >= 1)) return viaIntl().weekdayShort.format(utc(day)).replace(',', '');
  return `${WEEKDAYS[weekdayOf(day)]!.slice(0, 3)} ${shortDate(day)}`;
}

/** 'Mon'. */
export function weekdayName(day: string): string {
  const { year } = parts(day);
  if (!(year >= 1)) return viaIntl().weekday.format(utc(day));
  return WEEKDAYS[weekdayOf(day)]!.slice(0, 3);
}

/** '23–29 Nov', '30 Nov – 6 Dec', '28 Dec 2026 – 3 Jan 2027'. */
export function dateRange(from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${shortDate(from)} ${from.slice(0, 4)} – ${shortDate(to)} ${to.slice(0, 4)}`;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${shortDate(to)}`;
  return `${shortDate(from)} – ${shortDate(to)}`;
}

/** dateRange with the year: '23–29 Nov 2026', '28 Dec 2026 – 3 Jan 2027'. */
export function dateRangeWithYear(from: string, to: string): string {
  return from.slice(0, 4) === to.slice(0, 4) ? `${dateRange(from, to)} ${to.slice(0, 4)}` : dateRange(from, to);
}
