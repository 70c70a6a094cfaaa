// study pause | resume | stop PLAN: a new version of a plan that changes its state. A
// pause keeps the schedule and stops the weeks counting against the plan; a resume moves
// the open work forward by the weeks it was paused; a stop ends it (its history and the
// reports of its weeks stay; study start starts it again).
import { planWeekOf } from '../core/calendar.js';
import { resumeAfter } from '../core/plan.js';
import { resolveDone } from '../core/progress.js';
import type { PlanVersionKind } from '../core/records.js';
import { timestampOf } from '../cli/clock.js';
import { StudyError } from '../cli/errors.js';
import type { Run } from '../cli/run.js';
import { plural } from '../render/text.js';
import { findRoadmapId, roadmapArg, stateOf, storeWithRoadmaps, todayOf } from './shared.js';

export async function changePlanState(run: Run, args: string[], kind: Extract<PlanVersionKind, 'pause' | 'resume' | 'stop'>): Promise<number> {
  const wanted = roadmapArg(args[0])!;
  const store = await storeWithRoadmaps(run);
  const id = findRoadmapId(store, wanted);
  const { today, settings } = todayOf(run, store);
  const plan = store.plans.current().find((p) => p.roadmapId === id);
  if (!plan) throw new StudyError(`${id} is not started; run: study start ${id}`);
  const state = stateOf(plan.kind);
  if (state === 'stopped') throw new StudyError(`${id} is stopped; start it again with: study start ${id}`);
  if (kind === 'pause' && state === 'paused') throw new StudyError(`${id} is paused already (since ${plan.effectiveDay}); resume it with: study resume ${id}`);
  if (kind === 'resume' && state !== 'paused') throw new StudyError(`${id} is not paused`);

  const { roadmap } = store.roadmaps.model(id)!;
  const done = resolveDone(roadmap, new Set(store.items.subtree(id).filter((r) => r.completed).map((r) => r.id)));
  let schedule = store.plans.schedule(id, plan.version)!;
  let shift = 0;
  if (kind === 'resume') {
    // The weeks between the week it was paused in and this one do not count against it.
    const pausedWeek = planWeekOf(plan.startDay, plan.effectiveDay, settings.weekStart);
    shift = Math.max(0, planWeekOf(plan.startDay, today, settings.weekStart) - pausedWeek);
    schedule = resumeAfter(roadmap, schedule, done, pausedWeek, shift);
  }
  store.plans.addVersion(
    { roadmapId: id, kind, effectiveDay: today, at: timestampOf(run.now), startDay: plan.startDay, hoursPerWeek: plan.hoursPerWeek, pace: plan.pace, schedule },
    roadmap,
    done,
  );
  if (run.json) {
    run.out(JSON.stringify({ roadmap: id, state: stateOf(kind), day: today, ...(kind === 'resume' ? { shift, weeks: schedule.totalWeeks } : {}) }));
    return 0;
  }
  if (kind === 'pause') run.note(`paused ${id} from ${today}; its weeks do not count against it until: study resume ${id}`);
  else if (kind === 'stop') run.note(`stopped ${id}; its history and reports stay (study start ${id} starts it again)`);
  else run.note(`resumed ${id}: the open work moved ${plural(shift, 'week')} forward; it now runs ${plural(schedule.totalWeeks, 'week')}`);
  return 0;
}
