// Sessions of habits (LeetCode's and those roadmaps declare): logging them, and reading
// them back by habit and study day, by index (per day: the habit_days read model).
import type { Day } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import type { NewSession, Session } from '../core/records.js';
import { lazy, write, type Db } from './db.js';
import { leetSessionAdded, ratingOf, type Reviewed } from './leet-cards.js';
import { sessionAdded } from './read-models.js';

interface SessionDbRow {
  id: number;
  habit_id: string;
  at: string;
  day: string;
  problem: string | null;
  number: number | null;
  slug: string | null;
  title: string | null;
  difficulty: string | null;
  minutes: number | null;
  result: string | null;
  tags: string;
  note: string | null;
  rating: string | null;
}

const COLUMNS = 'id, habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note, rating';

const sessionOf = (r: SessionDbRow): Session => ({
  id: r.id,
  habitId: r.habit_id,
  at: r.at,
  day: r.day,
  problem: r.problem,
  number: r.number,
  slug: r.slug,
  title: r.title,
  difficulty: r.difficulty,
  minutes: r.minutes,
  result: r.result,
  tags: JSON.parse(r.tags) as string[],
  note: r.note,
  rating: r.rating,
});

export function sessionsOf(db: Db) {
  const st = lazy({
    insert: () =>
      db.prepare(
        `INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note, rating)
         VALUES (@habitId, @at, @day, @problem, @number, @slug, @title, @difficulty, @minutes, @result, @tags, @note, @rating)`,
      ),
    between: () => db.prepare<[string, string, string], SessionDbRow>(`SELECT ${COLUMNS} FROM sessions WHERE habit_id = ? AND day >= ? AND day <= ? ORDER BY day, at, id`),
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
    countOn: () => db.prepare<[string, string], number>('SELECT coalesce(sum(sessions), 0) FROM habit_days WHERE habit_id = ? AND day = ?').pluck(),
  });

  /** Inserts a session and writes its read models; a LeetCode one is a review of its problem. In the caller's transaction. */
  const insert = (session: NewSession): { id: number; reviewed: Reviewed | null } => {
    const leet = session.habitId === LEETCODE_HABIT;
    const rating = leet ? ratingOf(session) : (session.rating ?? null);
    const id = Number(st.insert.run({ ...session, rating, tags: JSON.stringify(session.tags) }).lastInsertRowid);
    sessionAdded(db, session.habitId, session.day);
    return { id, reviewed: leet ? leetSessionAdded(db, id, { ...session, rating }) : null };
  };

  return {
    /**
     * Logs a session; returns its id. A LeetCode session needs the FSRS engine loaded
     * (store/leet-cards.ts loadCardEngine): it schedules its problem's next review.
     */
    add(session: NewSession): number {
      return write(db, () => insert(session).id);
    },

    /** Logs a LeetCode session; returns its id and what it did to its problem's card. */
    addReview(session: NewSession): { id: number; reviewed: Reviewed } {
      if (session.habitId !== LEETCODE_HABIT) throw new Error(`addReview: not a LeetCode session (${session.habitId})`);
      return write(db, () => {
        const r = insert(session);
        return { id: r.id, reviewed: r.reviewed! };
      });
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
