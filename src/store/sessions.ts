// Sessions of habits (LeetCode's and those roadmaps declare): logging them, and reading
// them back by habit and study day, by index (per day: the habit_days read model).
import type { Day } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import { sessionOfRow, type NewSession, type Session, type SessionRow } from '../core/records.js';
import { refusal, sessionProblems } from '../core/record-rules.js';
import { StudyError } from '../cli/errors.js';
import { lazy, write, type Db } from './db.js';
import { recordChange, setInverse } from './changes.js';
import { leetSessionAdded, ratingOf, type Reviewed } from './leet-cards.js';
import { sessionAdded } from './read-models.js';

/** A session row as SQLite returns it: its tags a JSON string. */
export type SessionDbRow = Omit<SessionRow, 'tags'> & { tags: string };

/** The columns of a session row, and the row as a record: for every reader of sessions (also store/sync.ts). */
export const SESSION_COLUMNS = 'id, habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note, rating';

export const sessionOf = (r: SessionDbRow): Session => sessionOfRow({ ...r, tags: JSON.parse(r.tags) as string[] });

export function sessionsOf(db: Db) {
  const st = lazy({
    insert: () =>
      db.prepare(
        `INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note, rating, event_id)
         VALUES (@habitId, @at, @day, @problem, @number, @slug, @title, @difficulty, @minutes, @result, @tags, @note, @rating, @eventId)`,
      ),
    between: () => db.prepare<[string, string, string], SessionDbRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE habit_id = ? AND day >= ? AND day <= ? ORDER BY day, at, id`),
    countsBetween: () =>
      db.prepare<[string, string, string], [string, number]>('SELECT day, sessions FROM habit_days WHERE habit_id = ? AND day BETWEEN ? AND ?').raw(),
    // julianday() - 2440587.5 is the day number from 1970-01-01; date(day) = day keeps real dates only.
    qualifying: () =>
      db
        .prepare<[string, string, number], number>(
          `SELECT CAST(julianday(day) - 2440587.5 AS INTEGER) FROM habit_days
            WHERE habit_id = ? AND day <= ? AND sessions >= ? AND date(day) = day ORDER BY day`,
        )
        .pluck(),
    minutes: () =>
      db.prepare<[string, string], { habit_id: string; minutes: number }>(
        'SELECT habit_id, sum(minutes) AS minutes FROM sessions WHERE minutes IS NOT NULL AND day BETWEEN ? AND ? GROUP BY habit_id',
      ),
    countOn: () => db.prepare<[string, string], number>('SELECT coalesce(sum(sessions), 0) FROM habit_days WHERE habit_id = ? AND day = ?').pluck(),
  });

  /**
   * Inserts a session as one change (`label`: what it was, for `study undo` to say) and
   * writes its read models; a LeetCode one is a review of its problem. In the caller's
   * transaction.
   */
  const insert = (session: NewSession, label: string): { id: number; reviewed: Reviewed | null } => {
    const refused = refusal('the session', sessionProblems(session));
    if (refused) throw new StudyError(refused);
    const leet = session.habitId === LEETCODE_HABIT;
    const rating = leet ? ratingOf(session) : (session.rating ?? null);
    const change = recordChange(db, 'session', `logged ${label} for ${session.day}`, session.at, null);
    const { habitId, day, at, problem, number, slug, title, difficulty, minutes, result, tags, note } = session;
    const eventId = change.event('session.added', { habitId, day, at, problem, number, slug, title, difficulty, minutes, result, tags, note, rating });
    const id = Number(st.insert.run({ ...session, rating, tags: JSON.stringify(session.tags), eventId }).lastInsertRowid);
    setInverse(db, change.changeId, { op: 'remove-session', session: id });
    sessionAdded(db, session.habitId, session.day);
    return { id, reviewed: leet ? leetSessionAdded(db, id, { ...session, rating }) : null };
  };

  return {
    /** Logs a session (`label`: what it was, for `study undo` to say); returns its id. One change. */
    add(session: NewSession, label: string): number {
      return write(db, () => insert(session, label).id);
    },

    /** Logs a LeetCode session (`label` as for add); returns its id and what it did to its problem's card. */
    addReview(session: NewSession, label: string): { id: number; reviewed: Reviewed } {
      if (session.habitId !== LEETCODE_HABIT) throw new Error(`addReview: not a LeetCode session (${session.habitId})`);
      return write(db, () => {
        const r = insert(session, label);
        return { id: r.id, reviewed: r.reviewed! };
      });
    },

    /** Minutes logged per habit on study days from..to (the sessions that recorded them). */
    minutesBetween(from: Day, to: Day): Map<string, number> {
      return new Map(st.minutes.all(from, to).map((r) => [r.habit_id, r.minutes]));
    },

    /** A habit's sessions on study days from..to (inclusive), oldest first. */
    between(habitId: string, from: Day, to: Day): Session[] {
      return st.between.all(habitId, from, to).map(sessionOf);
    },

    /** Every session of a habit, oldest first. */
    all(habitId: string): Session[] {
      return st.between.all(habitId, '0000-01-01', '9999-12-31').map(sessionOf);
    },

    /** Sessions per study day of a habit, on days from..to (inclusive). */
    countsBetween(habitId: string, from: Day, to: Day): Map<Day, number> {
      return new Map(st.countsBetween.all(habitId, from, to));
    },

    /**
     * The study days of a habit with at least `minSessions` sessions, up to `through`, as
     * day numbers (core/calendar.ts dayNumberOf), ascending: what a streak needs of years
     * of history, computed by SQLite on the index.
     */
    qualifyingDays(habitId: string, minSessions: number, through: Day): number[] {
      return st.qualifying.all(habitId, through, minSessions);
    },

    /** Sessions of a habit on one study day. */
    countOn(habitId: string, day: Day): number {
      return st.countOn.get(habitId, day)!;
    },

    /** The SQL of the statements on hot paths, for EXPLAIN QUERY PLAN in tests. */
    sql: { qualifying: () => st.qualifying.source, countsBetween: () => st.countsBetween.source, between: () => st.between.source, countOn: () => st.countOn.source },
  };
}

export type Sessions = ReturnType<typeof sessionsOf>;
