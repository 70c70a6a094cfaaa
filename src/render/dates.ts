// Human dates for text output ('Monday 23 November 2026', '23–29 Nov'), from 'YYYY-MM-DD'.

const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayShort = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);

export const longDate = (day: string): string => long.format(utc(day)).replace(',', '');
export const shortDate = (day: string): string => dayMonth.format(utc(day));
export const weekdayDate = (day: string): string => weekdayShort.format(utc(day)).replace(',', '');

/** '23–29 Nov', '30 Nov – 6 Dec', '28 Dec 2026 – 3 Jan 2027'. */
export function dateRange(from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${shortDate(from)} ${from.slice(0, 4)} – ${shortDate(to)} ${to.slice(0, 4)}`;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${shortDate(to)}`;
  return `${shortDate(from)} – ${shortDate(to)}`;
}
