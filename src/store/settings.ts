// Settings (SPEC section 3), kept as canonical text by key.
import { lazy, write, type Db } from './db.js';
import { recordChange } from './changes.js';
import { countHabitDays } from './read-models.js';

export function settingsOf(db: Db) {
  const st = lazy({
    all: () => db.prepare<[], [string, string]>('SELECT key, value FROM settings').raw(),
    get: () => db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    set: () => db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    sessionTimes: () => db.prepare<[], { id: number; at: string }>('SELECT id, at FROM sessions'),
    setSessionDay: () => db.prepare<[string, number]>('UPDATE sessions SET day = ? WHERE id = ?'),
  });

  return {
    /** Every stored setting (missing keys have their defaults: core/settings.ts). */
    all(): Record<string, string> {
      return Object.fromEntries(st.all.all());
    },

    /**
     * Sets a setting. `studyDayOf` (for day-start) recomputes every session's study day in
     * the same transaction.
     */
    set(key: string, value: string, at: string, studyDayOf?: (at: string) => string): void {
      write(db, () => {
        const previous = st.get.get(key) ?? null;
        const change = recordChange(db, 'setting', `set ${key} to ${value}${previous === null ? '' : ` (was ${previous})`}`, at, { op: 'setting', key, value: previous });
        change.event('setting.changed', { key, value });
        st.set.run(key, value);
        if (studyDayOf) {
          for (const r of st.sessionTimes.all()) st.setSessionDay.run(studyDayOf(r.at), r.id);
          countHabitDays(db);
        }
      });
    },
  };
}

export type SettingsStore = ReturnType<typeof settingsOf>;
