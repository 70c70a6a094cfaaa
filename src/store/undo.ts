// `study undo`: takes back the latest change that can be (a done, a reopen, a session, a
// plan version, a setting), in one transaction, as a change of its own; each undo goes
// one change further back. Loads cannot be undone this way (undo passes over them);
// removals and restores neither, and undo does not go back past one. Taking back a
// LeetCode session or a setting the cards are scheduled by needs the FSRS engine loaded.
import { DEFAULTS, isSettingKey } from '../core/settings.js';
import { studyDayOf } from '../core/streak.js';
import type { ChangeKind, Inverse } from '../core/events.js';
import { markUndone, nextToUndo, recordChange, type ChangeRow, type Recorder } from './changes.js';
import { lazy, write, type Db } from './db.js';
import { leetSessionRemoved, rebuildLeetCards } from './leet-cards.js';
import { completionsChanged, countHabitDays, indexRoadmap } from './read-models.js';
import { CARD_SETTINGS } from './settings.js';
import { LEETCODE_HABIT } from '../core/habits.js';

export function undoOf(db: Db) {
  const st = lazy({
    completion: () => db.prepare<[number], { item_id: string; day: string; undone_at: string | null }>('SELECT item_id, day, undone_at FROM completions WHERE id = ?'),
    active: () => db.prepare<[string], number>('SELECT 1 FROM completions WHERE item_id = ? AND undone_at IS NULL').pluck(),
    close: () => db.prepare<[string, number]>('UPDATE completions SET undone_at = ? WHERE id = ? AND undone_at IS NULL'),
    reopen: () => db.prepare<[number]>('UPDATE completions SET undone_at = NULL WHERE id = ?'),
    session: () => db.prepare<[number], { habit_id: string; day: string; event_id: string | null }>('SELECT habit_id, day, event_id FROM sessions WHERE id = ?'),
    deleteSession: () => db.prepare<[number]>('DELETE FROM sessions WHERE id = ?'),
    uncount: () => db.prepare<[string, string]>('UPDATE habit_days SET sessions = sessions - 1 WHERE habit_id = ? AND day = ?'),
    dropEmptyDays: () => db.prepare('DELETE FROM habit_days WHERE sessions <= 0'),
    version: () => db.prepare<[string, number], { event_id: string | null }>('SELECT event_id FROM plan_versions WHERE roadmap_id = ? AND version = ?'),
    planEventOf: () => db.prepare<[string], string>("SELECT id FROM events WHERE change_id = ? AND type LIKE 'plan.%' LIMIT 1").pluck(),
    versionOfEvent: () => db.prepare<[string, string], number>('SELECT version FROM plan_versions WHERE roadmap_id = ? AND event_id = ?').pluck(),
    deleteVersion: () => db.prepare<[string, number]>('DELETE FROM plan_versions WHERE roadmap_id = ? AND version = ?'),
    versionsLeft: () => db.prepare<[string], number>('SELECT count(*) FROM plan_versions WHERE roadmap_id = ?').pluck(),
    deletePlan: () => db.prepare<[string]>('DELETE FROM plans WHERE roadmap_id = ?'),
    setSetting: () => db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    deleteSetting: () => db.prepare<[string]>('DELETE FROM settings WHERE key = ?'),
    sessionTimes: () => db.prepare<[], { id: number; at: string }>('SELECT id, at FROM sessions'),
    setSessionDay: () => db.prepare<[string, number]>('UPDATE sessions SET day = ? WHERE id = ?'),
  });

  /** Takes one change back, recording what it does as events of `undo`. */
  const apply = (changeId: string, inverse: Inverse, undo: Recorder, at: string): void => {
    switch (inverse.op) {
      case 'reopen': {
        const items: string[] = [];
        for (const id of inverse.completions) {
          const c = st.completion.get(id);
          if (!c || c.undone_at !== null) continue;
          st.close.run(at, id);
          items.push(c.item_id);
          undo.event('completion.undone', { itemId: c.item_id, day: c.day, at });
        }
        completionsChanged(db, items, null);
        return;
      }
      case 'reactivate': {
        for (const id of inverse.completions) {
          const c = st.completion.get(id);
          // Done again since: that completion stands.
          if (!c || c.undone_at === null || st.active.get(c.item_id) !== undefined) continue;
          st.reopen.run(id);
          undo.event('completion.done', { itemId: c.item_id, day: c.day, at, minutes: null });
          completionsChanged(db, [c.item_id], c.day);
        }
        return;
      }
      case 'remove-session': {
        const s = st.session.get(inverse.session);
        if (!s) return;
        if (s.habit_id === LEETCODE_HABIT) leetSessionRemoved(db, inverse.session);
        st.deleteSession.run(inverse.session);
        st.uncount.run(s.habit_id, s.day);
        st.dropEmptyDays.run();
        if (s.event_id !== null) undo.event('session.removed', { sessionId: s.event_id });
        return;
      }
      case 'drop-plan-version': {
        // `study sync` renumbers versions when another machine's come before: the version
        // is the one the change's event made, wherever it is now.
        const made = st.planEventOf.get(changeId);
        const version = made === undefined ? inverse.version : st.versionOfEvent.get(inverse.roadmapId, made);
        if (version === undefined) return;
        const v = st.version.get(inverse.roadmapId, version);
        if (!v) return;
        st.deleteVersion.run(inverse.roadmapId, version);
        if (st.versionsLeft.get(inverse.roadmapId) === 0) st.deletePlan.run(inverse.roadmapId);
        indexRoadmap(db, inverse.roadmapId);
        if (v.event_id !== null) undo.event('plan.undone', { roadmapId: inverse.roadmapId, eventId: v.event_id });
        return;
      }
      case 'setting': {
        if (inverse.value === null) st.deleteSetting.run(inverse.key);
        else st.setSetting.run(inverse.key, inverse.value);
        undo.event('setting.changed', { key: inverse.key, value: inverse.value });
        if (inverse.key === 'day-start') {
          const text = inverse.value ?? (isSettingKey(inverse.key) ? DEFAULTS[inverse.key] : '04:00');
          const minutes = Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
          for (const r of st.sessionTimes.all()) st.setSessionDay.run(studyDayOf(r.at, minutes), r.id);
          countHabitDays(db);
        }
        if (CARD_SETTINGS.has(inverse.key)) rebuildLeetCards(db);
        return;
      }
    }
  };

  return {
    /**
     * Takes back the latest change that can be (of one of `kinds`, when given), as of
     * `at`, in one transaction. Returns it (null when there is nothing to undo), the later
     * changes undo passed over (they cannot be undone), and the removal or restore it
     * stopped at, if any: undo does not go back past one.
     */
    last(at: string, kinds?: readonly ChangeKind[]): { undone: ChangeRow | null; passed: ChangeRow[]; barrier: ChangeRow | null } {
      return write(db, () => {
        const { change, cannot, barrier } = nextToUndo(db, kinds);
        if (change === null) return { undone: null, passed: cannot, barrier };
        const undo = recordChange(db, 'undo', `undid: ${change.summary}`, at, null);
        apply(change.id, change.inverse!, undo, at);
        markUndone(db, change.id, undo.changeId);
        return { undone: change, passed: cannot, barrier: null };
      });
    },

    /** The change `last` would take back, without taking it back. */
    peek(kinds?: readonly ChangeKind[]): ChangeRow | null {
      return nextToUndo(db, kinds).change;
    },
  };
}

export type Undo = ReturnType<typeof undoOf>;
