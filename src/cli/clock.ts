// The clock: real time, or STUDY_NOW for reproducible runs. Commands receive a `Now`
// and pass plain strings into the core; nothing below the commands reads the clock.

/** A moment as the user's wall clock shows it. */
export interface Now {
  /** Local date-time 'YYYY-MM-DDTHH:mm:ss'. */
  readonly local: string;
  /** The UTC offset of that wall clock, in minutes east of UTC (+360 for Dhaka). */
  readonly offsetMinutes: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The wall clock of a real instant in this process's time zone. */
export function nowFromDate(d: Date): Now {
  const local =
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return { local, offsetMinutes: -d.getTimezoneOffset() };
}

const NOW_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * STUDY_NOW as a `Now`: 'YYYY-MM-DD', 'YYYY-MM-DDTHH:mm[:ss]', optionally with 'Z' or
 * '+HH:MM'. Without an offset, the process's zone gives it. Null when malformed or impossible.
 */
export function parseNow(text: string): Now | null {
  const m = NOW_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const probe = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo! - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const local = `${m[1]}-${m[2]}-${m[3]}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  const zone = m[7];
  let offsetMinutes: number;
  if (zone === undefined) {
    offsetMinutes = -new Date(y!, mo! - 1, d!, h, mi, s).getTimezoneOffset();
  } else if (zone === 'Z') {
    offsetMinutes = 0;
  } else {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return { local, offsetMinutes };
}

/** 'YYYY-MM-DDTHH:mm:ss+HH:MM': a moment with its offset, as stored for sessions and completions. */
export function timestampOf(now: Now): string {
  const sign = now.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(now.offsetMinutes);
  return `${now.local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
