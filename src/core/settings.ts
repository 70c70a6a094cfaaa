// User settings (SPEC section 3): names, defaults, validation. Stored as text in the
// store; read back into `Settings` for the core. Pure.

export interface Settings {
  /** Minutes after midnight when the study day starts (04:00 = 240). */
  readonly dayStart: number;
  /** 0 = Sunday ... 6 = Saturday. */
  readonly weekStart: number;
  readonly restDays: ReadonlySet<number>;
  readonly hoursPerWeek: number;
  readonly dailyTarget: number;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const SETTING_KEYS = ['day-start', 'week-start', 'rest-days', 'hours-per-week', 'daily-target'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const DEFAULTS: Readonly<Record<SettingKey, string>> = {
  'day-start': '04:00',
  'week-start': 'mon',
  'rest-days': 'none',
  'hours-per-week': '8',
  'daily-target': '1',
};

export const SETTING_HELP: Readonly<Record<SettingKey, string>> = {
  'day-start': 'when the study day starts, HH:MM (a session at 01:30 counts for the day before)',
  'week-start': 'first day of the week: mon, sun, sat, ... (week labels are ISO when it is mon)',
  'rest-days': 'weekdays that neither break nor extend a streak: e.g. sun or sat,sun, or none',
  'hours-per-week': 'study hours per week used to schedule checklists and tracks',
  'daily-target': 'sessions a day needs to count for a streak',
};

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

function weekday(text: string): number | null {
  const t = text.trim().toLowerCase().slice(0, 3);
  const i = (WEEKDAYS as readonly string[]).indexOf(t);
  return i >= 0 && text.trim().length >= 3 && WEEKDAYS[i]!.startsWith(t) ? i : null;
}

/**
 * A setting's value in canonical form (`4:00` -> `04:00`, `Sat, SUN` -> `sat,sun`), or
 * an `error` that says what was expected.
 */
export function canonicalSetting(key: SettingKey, value: string): { value: string } | { error: string } {
  const v = value.trim();
  switch (key) {
    case 'day-start': {
      const m = /^(\d{1,2}):(\d{2})$/.exec(v);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { error: 'expected a time HH:MM, like 04:00' };
      return { value: `${m[1]!.padStart(2, '0')}:${m[2]}` };
    }
    case 'week-start': {
      const d = weekday(v);
      return d === null ? { error: `expected a weekday: ${WEEKDAYS.join(', ')}` } : { value: WEEKDAYS[d]! };
    }
    case 'rest-days': {
      if (v.toLowerCase() === 'none' || v === '') return { value: 'none' };
      const days = new Set<number>();
      for (const part of v.split(',')) {
        const d = weekday(part);
        if (d === null) return { error: `expected weekdays separated by commas (like sat,sun) or none, got "${part.trim()}"` };
        days.add(d);
      }
      if (days.size === 7) return { error: 'every day cannot be a rest day' };
      return { value: [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => WEEKDAYS[d]).join(',') };
    }
    case 'hours-per-week': {
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 168) return { error: 'expected hours per week above 0 and at most 168, like 8' };
      return { value: String(n) };
    }
    case 'daily-target': {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > 100) return { error: 'expected a whole number of sessions from 1 to 100' };
      return { value: String(n) };
    }
  }
}

/** Settings from stored text (missing keys take their defaults; stored values are canonical). */
export function settingsFrom(stored: Readonly<Record<string, string>>): Settings {
  const get = (k: SettingKey): string => stored[k] ?? DEFAULTS[k];
  const [h, m] = get('day-start').split(':').map(Number);
  const rest = get('rest-days');
  return {
    dayStart: h! * 60 + m!,
    weekStart: (WEEKDAYS as readonly string[]).indexOf(get('week-start')),
    restDays: new Set(rest === 'none' ? [] : rest.split(',').map((d) => (WEEKDAYS as readonly string[]).indexOf(d))),
    hoursPerWeek: Number(get('hours-per-week')),
    dailyTarget: Number(get('daily-target')),
  };
}
