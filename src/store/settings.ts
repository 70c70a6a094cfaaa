// Settings (SPEC section 3), kept as canonical text by key.
import { lazy, write, type Db } from './db.js';
import { rebuildLeetCards } from './leet-cards.js';
import { countHabitDays } from './read-models.js';

/** Settings the LeetCode cards are scheduled by: changing one reschedules them (the FSRS engine must be loaded). */
export const CARD_SETTINGS: ReadonlySet<string> = new Set(['day-start', 'fsrs-retention', 'fsrs-maximum-interval']);

export function settingsOf(db: Db) {
  const st = lazy({
    all: () => db.prepare<[], [string, string]>('SELECT key, value FROM settings').raw(),
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
     * the same transaction. A setting in CARD_SETTINGS reschedules the LeetCode cards.
     */
    set(key: string, value: string, studyDayOf?: (at: string) => string): void {
      write(db, () => {
        st.set.run(key, value);
        if (studyDayOf) {
          for (const r of st.sessionTimes.all()) st.setSessionDay.run(studyDayOf(r.at), r.id);
          countHabitDays(db);
        }
        if (CARD_SETTINGS.has(key)) rebuildLeetCards(db);
      });
    },
  };
}

export type SettingsStore = ReturnType<typeof settingsOf>;
