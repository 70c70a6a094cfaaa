// The entries of plan versions as `today`, `schedule` and `report` list them, read by
// index from plan_entries: a week's entries, what is overdue, what comes next.
import type { EntryState } from '../core/plan.js';
import { lazy, type Db } from './db.js';

interface EntryDbRow {
  item_id: string;
  title: string;
  section: string;
  first_week: number;
  due_week: number;
  rank: number;
  position: number;
  open: number;
}

const COLUMNS = 'item_id, title, section, first_week, due_week, rank, position, open';

const entryOf = (r: EntryDbRow): EntryState => ({
  id: r.item_id,
  title: r.title,
  sectionTitle: r.section,
  firstWeek: r.first_week,
  dueWeek: r.due_week,
  rank: r.rank,
  order: r.position,
  done: r.open === 0,
});

/** A plan version, as the queries below need it. */
export interface VersionRef {
  readonly roadmapId: string;
  readonly version: number;
  readonly maxSpan: number;
}

export function agendaOf(db: Db) {
  const st = lazy({
    weeks: () =>
      db.prepare<[string, number, number, number, number], EntryDbRow>(
        `SELECT ${COLUMNS} FROM plan_entries
          WHERE roadmap_id = ? AND version = ? AND first_week BETWEEN ? AND ? AND due_week >= ? ORDER BY position`,
      ),
    overdue: () =>
      db.prepare<[string, number, number, number], EntryDbRow>(
        `SELECT ${COLUMNS} FROM plan_entries WHERE roadmap_id = ? AND version = ? AND open = 1 AND due_week < ?
          ORDER BY due_week, rank, position LIMIT ?`,
      ),
    overdueCount: () =>
      db.prepare<[string, number, number], number>('SELECT count(*) FROM plan_entries WHERE roadmap_id = ? AND version = ? AND open = 1 AND due_week < ?').pluck(),
    upcoming: () =>
      db.prepare<[string, number, number], EntryDbRow>(
        `SELECT ${COLUMNS} FROM plan_entries WHERE roadmap_id = ? AND version = ? AND open = 1 AND first_week > ?
          ORDER BY first_week, rank, position LIMIT 1`,
      ),
    after: () =>
      db.prepare<[string, number, number], EntryDbRow>(
        `SELECT ${COLUMNS} FROM plan_entries WHERE roadmap_id = ? AND version = ? AND first_week > ?
          ORDER BY first_week, rank, position`,
      ),
  });

  return {
    /** The entries worked on in any of plan weeks from..to, in file order. */
    inWeeks(v: VersionRef, from: number, to: number): EntryState[] {
      return st.weeks.all(v.roadmapId, v.version, from - v.maxSpan, to, from).map(entryOf);
    },

    /** The open entries due before plan week `week`: the oldest first, then by priority and file order; at most `limit`. */
    overdue(v: Pick<VersionRef, 'roadmapId' | 'version'>, week: number, limit = -1): EntryState[] {
      return st.overdue.all(v.roadmapId, v.version, week, limit).map(entryOf);
    },

    /** How many open entries are due before plan week `week`. */
    overdueCount(v: Pick<VersionRef, 'roadmapId' | 'version'>, week: number): number {
      return st.overdueCount.get(v.roadmapId, v.version, week)!;
    },

    /** The first open entry that starts after plan week `week`: by first week, priority and file order. */
    upcoming(v: Pick<VersionRef, 'roadmapId' | 'version'>, week: number): EntryState | null {
      const r = st.upcoming.get(v.roadmapId, v.version, week);
      return r ? entryOf(r) : null;
    },

    /**
     * The first entry that starts after plan week `week` and that `wasOpen` (open now or
     * not): what came next as of a day in the past, when entries done since were open.
     */
    upcomingWhere(v: Pick<VersionRef, 'roadmapId' | 'version'>, week: number, wasOpen: (e: EntryState) => boolean): EntryState | null {
      for (const r of st.after.iterate(v.roadmapId, v.version, week)) {
        const e = entryOf(r);
        if (wasOpen(e)) return e;
      }
      return null;
    },

    /** The SQL of these statements, for EXPLAIN QUERY PLAN in tests. */
    sql: { weeks: () => st.weeks.source, overdue: () => st.overdue.source, overdueCount: () => st.overdueCount.source, upcoming: () => st.upcoming.source },
  };
}

export type Agenda = ReturnType<typeof agendaOf>;
