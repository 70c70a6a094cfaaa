// study schedule [ROADMAP] [--weeks N] [--replan]: the coming weeks of each started plan,
// or moving the unfinished work of past weeks forward (a new version of the plan).
import { planWeekRange, weekLabel } from '../../core/calendar.js';
import { plannedFinish, replan } from '../../core/plan.js';
import { resolveDone } from '../../core/progress.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural } from '../../render/text.js';
import type { WeekView } from '../../render/schedule.js';
import { findRoadmapId, progressFor, roadmapArg, stateOf, storeWithRoadmaps, todayOf } from '../shared.js';
import type { ScheduleOptions } from './index.js';

export default async function scheduleCommand(run: Run, args: string[], opts: ScheduleOptions): Promise<number> {
  const wanted = roadmapArg(args[0]);
  const store = await storeWithRoadmaps(run);
  const roadmapId = wanted === undefined ? undefined : findRoadmapId(store, wanted);
  const { today, settings } = todayOf(run, store);
  // A stopped plan has no coming weeks; a paused one cannot be re-planned until it is resumed.
  const plansNow = () => store.plans.current().filter((p) => (roadmapId === undefined || p.roadmapId === roadmapId) && stateOf(p.kind) !== 'stopped');
  let plans = plansNow();
  if (plans.length === 0 && roadmapId !== undefined && store.plans.current().some((p) => p.roadmapId === roadmapId)) {
    throw new StudyError(`${roadmapId} is stopped; start it again with: study start ${roadmapId}`);
  }
  if (plans.length === 0) {
    const id = roadmapId ?? store.roadmaps.ids()[0] ?? 'ROADMAP';
    throw new StudyError(roadmapId ? `${roadmapId} is not started; run: study start ${id}` : `no plan is started; run: study start ${id}`);
  }

  const replans: { roadmap: string; moved: number; shift: number; finishBefore: string | null; finishAfter: string | null }[] = [];
  if (opts.replan) {
    const at = timestampOf(run.now);
    for (const p of plans) {
      if (stateOf(p.kind) === 'paused') {
        run.note(`${p.roadmapId} is paused; resume it first (study resume ${p.roadmapId})`);
        continue;
      }
      const { roadmap } = store.roadmaps.model(p.roadmapId)!;
      const marked = new Set(store.items.subtree(p.roadmapId).filter((r) => r.completed).map((r) => r.id));
      const done = resolveDone(roadmap, marked);
      const week = progressFor(store, p.roadmapId, p, today, settings).week;
      const r = replan(roadmap, store.plans.schedule(p.roadmapId, p.version)!, done, week);
      replans.push({
        roadmap: p.roadmapId,
        moved: r.moved,
        shift: r.shift,
        finishBefore: plannedFinish(p.startDay, p.totalWeeks, settings.weekStart),
        finishAfter: plannedFinish(p.startDay, r.schedule.totalWeeks, settings.weekStart),
      });
      if (r.shift > 0) {
        store.plans.addVersion(
          { roadmapId: p.roadmapId, kind: 'replan', effectiveDay: today, at, startDay: p.startDay, hoursPerWeek: p.hoursPerWeek, pace: p.pace, schedule: r.schedule },
          roadmap,
          done,
        );
      }
    }
    plans = plansNow();
  }

  const out = plans.map((p) => {
    const progress = progressFor(store, p.roadmapId, p, today, settings);
    const first = Math.max(1, progress.week);
    const last = Math.min(Math.max(first, p.totalWeeks), first + opts.weeks - 1);
    const entries = store.agenda.inWeeks(p, first, last);
    const weeks: WeekView[] = [];
    for (let w = first; w <= last && w <= Math.max(p.totalWeeks, first); w++) {
      const [from, to] = planWeekRange(p.startDay, w, settings.weekStart);
      const here = entries.filter((e) => e.firstWeek <= w && w <= e.dueWeek);
      weeks.push({ week: w, label: weekLabel(from, settings.weekStart), from, to, sections: [...new Set(here.map((e) => e.sectionTitle))], entries: here });
    }
    return {
      roadmap: p.roadmapId,
      title: p.title,
      startedOn: p.startDay,
      week: progress.week,
      of: p.totalWeeks,
      finish: progress.plannedFinish,
      progress,
      weeks: p.totalWeeks > 0 && first > p.totalWeeks ? [] : weeks,
    };
  });

  if (run.json) {
    run.out(
      JSON.stringify({
        ...(opts.replan ? { replanned: replans } : {}),
        plans: out.map((p) => ({
          ...p,
          weeks: p.weeks.map((w) => ({ ...w, entries: undefined, items: w.entries.map((e) => ({ id: e.id, title: e.title, done: e.done, dueWeek: e.dueWeek })) })),
        })),
      }),
    );
    return 0;
  }

  for (const r of replans) {
    if (r.shift === 0) run.note(`${r.roadmap}: nothing from past weeks is open; the plan stays as it is`);
    else run.note(`${r.roadmap}: moved ${plural(r.moved, 'overdue item')} and the rest of the plan ${plural(r.shift, 'week')} forward; projected finish ${r.finishAfter} (was ${r.finishBefore})`);
  }
  const { renderSchedule } = await import('../../render/schedule.js');
  run.out(renderSchedule(out, run.chalk, run.columns));
  return 0;
}
