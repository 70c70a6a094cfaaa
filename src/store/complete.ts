// What shell completion offers (`study __complete KIND PREFIX`), read by index from a
// store opened read-only (open.ts openDbReadOnly): roadmap ids, started plans, open
// items of the started plans (by id, id tail or title), problems, habits. Each answer is
// at most `limit` rows; the shell filters them by what was typed again.
import { fold } from '../core/match.js';
import { lazy, type Db } from './db.js';

/** A candidate and what it is (shown beside it by zsh and fish). */
export interface Candidate {
  readonly value: string;
  readonly description: string;
}

/** An item as completion offers it. */
export interface OpenItem {
  readonly id: string;
  readonly title: string;
}

/** The upper bound of the strings that begin with `prefix` (SQLite compares UTF-8 bytes). */
const upper = (prefix: string): string => `${prefix}\u{10ffff}`;

/** The kind of the current version of the plan of roadmap `id` (NULL when it is not started): 'stop' when it is stopped. */
const planKind = (id: string): string => `(SELECT v.kind FROM plan_versions v WHERE v.roadmap_id = ${id} ORDER BY v.version DESC LIMIT 1)`;

/** An item not done, of a plan that is started and not stopped. */
const OPEN_ITEM = `k.done_in_file = 0 AND k.done_day IS NULL AND ${planKind('k.roadmap_id')} <> 'stop'`;

export function completionReadsOf(db: Db) {
  const st = lazy({
    roadmaps: () => db.prepare<[string, string, number], Candidate>('SELECT id AS value, title AS description FROM roadmaps WHERE id >= ? AND id < ? ORDER BY id LIMIT ?'),
    plans: () =>
      db.prepare<[string, string, number], Candidate>(
        `SELECT p.roadmap_id AS value, r.title AS description FROM plans p JOIN roadmaps r ON r.id = p.roadmap_id
          WHERE p.roadmap_id >= ? AND p.roadmap_id < ? AND ${planKind('p.roadmap_id')} <> 'stop' ORDER BY p.roadmap_id LIMIT ?`,
      ),
    current: () =>
      db.prepare<[], { roadmap_id: string; version: number; kind: string }>(
        'SELECT roadmap_id, version, kind FROM plan_versions v WHERE version = (SELECT max(version) FROM plan_versions WHERE roadmap_id = v.roadmap_id)',
      ),
    openEntries: () =>
      db.prepare<[string, number, number], OpenItem & { due: number }>(
        `SELECT item_id AS id, title, due_week AS due FROM plan_entries
          WHERE roadmap_id = ? AND version = ? AND open = 1 ORDER BY due_week, rank, position LIMIT ?`,
      ),
    byId: () => db.prepare<[string, string, number], OpenItem>(`SELECT k.id, k.title FROM item_keys k WHERE k.id >= ? AND k.id < ? AND ${OPEN_ITEM} ORDER BY k.id LIMIT ?`),
    byTail: () =>
      db.prepare<[string, string, number], OpenItem>(`SELECT k.id, k.title FROM item_keys k WHERE k.reversed >= ? AND k.reversed < ? AND ${OPEN_ITEM} ORDER BY k.reversed LIMIT ?`),
    byTitle: () =>
      db.prepare<[string, string, number], OpenItem>(`SELECT k.id, k.title FROM item_keys k WHERE k.folded >= ? AND k.folded < ? AND ${OPEN_ITEM} ORDER BY k.folded LIMIT ?`),
    // The catalogue (store version 7), and the problems logged that it does not have.
    problems: () =>
      db.prepare<[string, string, string, string, string, number], { name: string; title: string | null; difficulty: string | null }>(
        `SELECT slug AS name, title, difficulty FROM leet_problems WHERE slug >= ? AND slug < ?
         UNION
         SELECT coalesce(slug, problem) AS name, max(title), max(difficulty) FROM sessions
          WHERE habit_id = ? AND number IS NULL AND coalesce(slug, problem) >= ? AND coalesce(slug, problem) < ?
          GROUP BY coalesce(slug, problem)
         ORDER BY name LIMIT ?`,
      ),
    habits: () => db.prepare<[], string>('SELECT habits FROM roadmap_habits ORDER BY roadmap_id').pluck(),
  });

  return {
    /** Loaded roadmaps whose id begins with `prefix`. */
    roadmaps(prefix: string, limit: number): Candidate[] {
      return st.roadmaps.all(prefix, upper(prefix), limit);
    },

    /** Started plans (not stopped) whose id begins with `prefix`. */
    plans(prefix: string, limit: number): Candidate[] {
      return st.plans.all(prefix, upper(prefix), limit);
    },

    /** Open entries of the current version of every started plan (not stopped): the most overdue first, then by priority and file order. */
    openEntries(limit: number): OpenItem[] {
      const all = st.current
        .all()
        .filter((v) => v.kind !== 'stop')
        .flatMap((v) => st.openEntries.all(v.roadmap_id, v.version, limit));
      return all.sort((a, b) => a.due - b.due).slice(0, limit).map(({ id, title }) => ({ id, title }));
    },

    /** Open items of started plans (not stopped) whose id begins with `prefix`. */
    openById(prefix: string, limit: number): OpenItem[] {
      return st.byId.all(prefix, upper(prefix), limit);
    },

    /** Open items of started plans (not stopped) whose last id segment begins with `prefix` (case-insensitive). */
    openByTail(prefix: string, limit: number): OpenItem[] {
      const p = prefix.toLowerCase();
      return st.byTail.all(p, upper(p), limit);
    },

    /** Open items of started plans (not stopped) whose title begins with `prefix` (folded, as study done matches words). */
    openByTitle(prefix: string, limit: number): OpenItem[] {
      const p = fold(prefix);
      return st.byTitle.all(p, upper(p), limit);
    },

    /**
     * Problems whose slug begins with `prefix`: the catalogue's, and those logged that it
     * does not have (by the name typed when they have no slug).
     */
    problems(habitId: string, prefix: string, limit: number): { name: string; title: string | null; difficulty: string | null }[] {
      return st.problems.all(prefix, upper(prefix), habitId, prefix, upper(prefix), limit);
    },

    /** The habits roadmaps declare, in roadmap order. */
    habits(): { id: string; title: string }[] {
      return st.habits.all().flatMap((json) => JSON.parse(json) as { id: string; title: string }[]);
    },

    /** The SQL of these statements, for EXPLAIN QUERY PLAN in tests. */
    sql: {
      roadmaps: () => st.roadmaps.source,
      plans: () => st.plans.source,
      openEntries: () => st.openEntries.source,
      byId: () => st.byId.source,
      byTail: () => st.byTail.source,
      byTitle: () => st.byTitle.source,
      problems: () => st.problems.source,
    },
  };
}

export type CompletionReads = ReturnType<typeof completionReadsOf>;
