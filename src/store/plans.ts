// Plans: a started roadmap and every version of its schedule (plan_versions), each with
// the day it took effect. A new version (start, re-plan) writes its read models in the
// same transaction.
import type { Day } from '../core/calendar.js';
import type { Roadmap } from '../core/model.js';
import { planVersionOfRow, type PlanVersion, type PlanVersionRow, type PlanVersionWithSchedule } from '../core/records.js';
import type { Schedule } from '../core/schedule.js';
import { planVersionProblems, refusal } from '../core/record-rules.js';
import { StudyError } from '../cli/errors.js';
import { lazy, write, type Db } from './db.js';
import { recordChange } from './changes.js';
import { indexPlanVersion } from './read-models.js';

/** The version of a plan in force now, with what `today` needs to show it. */
export interface CurrentPlan extends PlanVersion {
  readonly title: string;
  readonly totalWeeks: number;
  /** The longest an entry is worked on, in weeks, minus one. */
  readonly maxSpan: number;
}

const VERSION_COLUMNS = 'v.roadmap_id, v.version, v.kind, v.effective_day, v.at, v.start_day, v.hours_per_week, v.pace';

export function plansOf(db: Db) {
  const st = lazy({
    insertPlan: () => db.prepare<[string, string]>('INSERT OR IGNORE INTO plans (roadmap_id, started_at) VALUES (?, ?)'),
    nextVersion: () => db.prepare<[string], number>('SELECT coalesce(max(version), 0) + 1 FROM plan_versions WHERE roadmap_id = ?').pluck(),
    insertVersion: () =>
      db.prepare(
        `INSERT INTO plan_versions (roadmap_id, version, kind, effective_day, at, start_day, hours_per_week, pace, schedule, event_id)
         VALUES (@roadmapId, @version, @kind, @effectiveDay, @at, @startDay, @hoursPerWeek, @pace, @schedule, @eventId)`,
      ),
    current: () =>
      db.prepare<[], PlanVersionRow & { title: string; total_weeks: number; max_span: number }>(
        `SELECT ${VERSION_COLUMNS}, r.title, h.total_weeks, h.max_span
           FROM plans p JOIN roadmaps r ON r.id = p.roadmap_id
           JOIN plan_versions v ON v.roadmap_id = p.roadmap_id
             AND v.version = (SELECT max(version) FROM plan_versions WHERE roadmap_id = p.roadmap_id)
           JOIN plan_heads h ON h.roadmap_id = v.roadmap_id AND h.version = v.version
          ORDER BY p.roadmap_id`,
      ),
    versions: () => db.prepare<[string], PlanVersionRow>(`SELECT ${VERSION_COLUMNS} FROM plan_versions v WHERE v.roadmap_id = ? ORDER BY v.version`),
    versionAt: () =>
      db.prepare<[string, string, string], PlanVersionRow & { total_weeks: number; max_span: number }>(
        `SELECT ${VERSION_COLUMNS}, h.total_weeks, h.max_span FROM plan_versions v
           JOIN plan_heads h ON h.roadmap_id = v.roadmap_id AND h.version = v.version
          WHERE v.roadmap_id = ?
            AND v.version = coalesce((SELECT max(version) FROM plan_versions WHERE roadmap_id = ? AND effective_day <= ?), 1)`,
      ),
    schedule: () => db.prepare<[string, number], string>('SELECT schedule FROM plan_versions WHERE roadmap_id = ? AND version = ?').pluck(),
    ids: () => db.prepare<[], string>('SELECT roadmap_id FROM plans ORDER BY roadmap_id').pluck(),
  });

  return {
    /**
     * A new version of a plan (its first: the plan starts), with its read models, recorded
     * as one change. `roadmap` and `done` (the items done now, resolved) are what its
     * entries and counts come from.
     */
    addVersion(v: Omit<PlanVersionWithSchedule, 'version'>, roadmap: Roadmap, done: ReadonlySet<string>): number {
      const refused = refusal(`the plan of ${v.roadmapId}`, planVersionProblems(v));
      if (refused) throw new StudyError(refused);
      return write(db, () => {
        st.insertPlan.run(v.roadmapId, v.at);
        const version = st.nextVersion.get(v.roadmapId)!;
        const words = { start: 'started', replan: 're-planned', pause: 'paused', resume: 'resumed', stop: 'stopped' } as const;
        const change = recordChange(db, v.kind, `${words[v.kind]} ${v.roadmapId} (plan version ${version})`, v.at, {
          op: 'drop-plan-version',
          roadmapId: v.roadmapId,
          version,
        });
        const eventId =
          v.kind === 'start'
            ? change.event('plan.started', {
                roadmapId: v.roadmapId,
                startDay: v.startDay,
                hoursPerWeek: v.hoursPerWeek,
                pace: v.pace,
                schedule: v.schedule,
                at: v.at,
                effectiveDay: v.effectiveDay,
              })
            : v.kind === 'replan'
              ? change.event('plan.replanned', { roadmapId: v.roadmapId, schedule: v.schedule, effectiveDay: v.effectiveDay, at: v.at })
              : v.kind === 'resume'
                ? change.event('plan.resumed', { roadmapId: v.roadmapId, day: v.effectiveDay, at: v.at, schedule: v.schedule })
                : change.event(v.kind === 'pause' ? 'plan.paused' : 'plan.stopped', { roadmapId: v.roadmapId, day: v.effectiveDay, at: v.at });
        st.insertVersion.run({ ...v, version, schedule: JSON.stringify(v.schedule), eventId });
        indexPlanVersion(db, v.roadmapId, version, roadmap, v.schedule, done);
        return version;
      });
    },

    /** The plans, each as its latest version has it, by roadmap id. */
    current(): CurrentPlan[] {
      return st.current.all().map((r) => ({ ...planVersionOfRow(r), title: r.title, totalWeeks: r.total_weeks, maxSpan: r.max_span }));
    },

    /** Every version of a plan, oldest first. */
    versions(roadmapId: string): PlanVersion[] {
      return st.versions.all(roadmapId).map(planVersionOfRow);
    },

    /** The version of a plan in force on `day`: the latest that took effect by then, else the first. Null if not started. */
    versionAt(roadmapId: string, day: Day): (PlanVersion & { totalWeeks: number; maxSpan: number }) | null {
      const r = st.versionAt.get(roadmapId, roadmapId, day);
      return r ? { ...planVersionOfRow(r), totalWeeks: r.total_weeks, maxSpan: r.max_span } : null;
    },

    /** The schedule of one version. */
    schedule(roadmapId: string, version: number): Schedule | null {
      const json = st.schedule.get(roadmapId, version);
      return json === undefined ? null : (JSON.parse(json) as Schedule);
    },

    /** Ids of the started roadmaps. */
    startedIds(): string[] {
      return st.ids.all();
    },

    /** The SQL of these statements, for EXPLAIN QUERY PLAN in tests. */
    sql: { current: () => st.current.source, versionAt: () => st.versionAt.source },
  };
}

export type Plans = ReturnType<typeof plansOf>;
