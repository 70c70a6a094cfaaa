// The counts progress is computed from (core/progress.ts ProgressCounts), by index: a plan
// version's leaves per due week with how many are done now (plan_counts, kept by every
// completion), or as of a past day (counted from plan_leaves and item_keys).
import { addDaysTo as addDays, type Day } from '../core/calendar.js';
import type { ProgressCounts } from '../core/progress.js';
import { lazy, type Db } from './db.js';
import { under } from './read-models.js';

type WeekCount = { week: number; due: number; done: number };

export function progressOf(db: Db) {
  const st = lazy({
    now: () => db.prepare<[string, number], WeekCount>('SELECT week, due, done FROM plan_counts WHERE roadmap_id = ? AND version = ? ORDER BY week'),
    asOf: () =>
      db.prepare<[string, string, number], WeekCount>(
        `SELECT l.due_week AS week, count(*) AS due,
                count(CASE WHEN k.done_in_file = 1 OR k.done_day <= ? THEN 1 END) AS done
           FROM plan_leaves l JOIN item_keys k ON k.id = l.item_id
          WHERE l.roadmap_id = ? AND l.version = ? GROUP BY l.due_week ORDER BY l.due_week`,
      ),
    recent: () =>
      db.prepare<[string, string, string], number>('SELECT count(*) FROM item_keys WHERE roadmap_id = ? AND leaf = 1 AND done_day BETWEEN ? AND ?').pluck(),
    doneInFile: () => db.prepare<[string], number>('SELECT count(*) FROM item_keys WHERE roadmap_id = ? AND leaf = 1 AND done_in_file = 1').pluck(),
    doneDays: () =>
      db
        .prepare<[string], [string, number]>(
          'SELECT done_day, count(*) FROM item_keys WHERE roadmap_id = ? AND leaf = 1 AND done_day IS NOT NULL AND done_in_file = 0 GROUP BY done_day',
        )
        .raw(),
    leaves: () =>
      db.prepare<[string, string, string], { total: number; done: number }>(
        `SELECT count(*) AS total, count(CASE WHEN done_in_file = 1 OR done_day <= ? THEN 1 END) AS done
           FROM item_keys WHERE id >= ? AND id < ? AND leaf = 1`,
      ),
  });

  const recentTo = (roadmapId: string, day: Day): number => {
    const from = addDays(day, -27);
    return st.recent.get(roadmapId, from, day)!;
  };

  return {
    /**
     * The counts of a started plan's version, as of the end of study day `day`. `now`:
     * nothing was completed after `day` (it is today), so the kept counts are read.
     */
    ofPlan(roadmapId: string, version: number, day: Day, now: boolean): ProgressCounts {
      const weeks = now ? st.now.all(roadmapId, version) : st.asOf.all(day, roadmapId, version);
      let total = 0;
      let done = 0;
      for (const w of weeks) {
        total += w.due;
        done += w.done;
      }
      return { total, done, weeks, recent: recentTo(roadmapId, day) };
    },

    /** The counts of a roadmap that is not started, as of the end of study day `day`. */
    ofRoadmap(roadmapId: string, day: Day): ProgressCounts {
      const r = st.leaves.get(day, ...under(roadmapId))!;
      return { total: r.total, done: r.done, weeks: [], recent: recentTo(roadmapId, day) };
    },

    /**
     * A roadmap's done leaf items over time (for a burn-up): those marked done in its file
     * (done from the start), and the others by the study day of their completion.
     */
    doneOverTime(roadmapId: string): { inFile: number; byDay: Map<Day, number> } {
      return { inFile: st.doneInFile.get(roadmapId)!, byDay: new Map(st.doneDays.all(roadmapId)) };
    },

    /** A plan version's leaf items due per plan week (week 0: not scheduled). */
    dueByWeek(roadmapId: string, version: number): { week: number; due: number }[] {
      return st.now.all(roadmapId, version).map(({ week, due }) => ({ week, due }));
    },

    /** The SQL of these statements, for EXPLAIN QUERY PLAN in tests. */
    sql: { doneInFile: () => st.doneInFile.source, doneDays: () => st.doneDays.source, now: () => st.now.source, asOf: () => st.asOf.source, recent: () => st.recent.source, leaves: () => st.leaves.source },
  };
}

export type ProgressReads = ReturnType<typeof progressOf>;
