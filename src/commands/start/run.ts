// study start ROADMAP [--on DATE] [--hours N] [--pace min|mid|max] [--yes]: put a roadmap
// on the calendar from the week that contains DATE (a new version of its plan, when it is
// started already).
import { dayFromWords, planWeekRange, weekLabel } from '../../core/calendar.js';
import { resolveDone } from '../../core/progress.js';
import { schedule } from '../../core/schedule.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { findRoadmapId, roadmapArg, stateOf, storeWithRoadmaps, todayOf } from '../shared.js';
import type { StartOptions } from './index.js';

export default async function start(run: Run, args: string[], opts: StartOptions): Promise<number> {
  const wanted = roadmapArg(args[0])!;
  const store = await storeWithRoadmaps(run);
  const id = findRoadmapId(store, wanted);
  const { today, settings } = todayOf(run, store);
  const startDay = opts.on === undefined ? today : dayFromWords(opts.on, today)!;
  const current = store.plans.current().find((p) => p.roadmapId === id);
  // A stopped plan starts again without asking; a running one is re-planned only when confirmed.
  const existing = current && stateOf(current.kind) !== 'stopped' ? current : undefined;
  if (existing && !opts.yes) {
    if (!run.canPrompt) throw new StudyError(`${id} is already started (on ${existing.startDay}); pass --yes to re-plan it from ${startDay}`);
    const { confirm } = await import('@inquirer/prompts');
    const { promptOutput } = await import('../../cli/prompt.js');
    const question = `${id} was started on ${existing.startDay}; re-plan it from ${startDay}? (progress is kept)`;
    if (!(await confirm({ message: question, default: false }, { input: run.ctx.stdin, output: promptOutput(run) }))) {
      run.note('nothing changed');
      return 1;
    }
  }

  const { roadmap } = store.roadmaps.model(id)!;
  const marked = new Set(store.items.subtree(id).filter((r) => r.completed).map((r) => r.id));
  const done = resolveDone(roadmap, marked);
  const hoursPerWeek = opts.hours ?? settings.hoursPerWeek;
  const plan = schedule(roadmap, { hoursPerWeek, pace: opts.pace }, done);
  store.plans.addVersion(
    { roadmapId: id, kind: 'start', effectiveDay: today, at: timestampOf(run.now), startDay, hoursPerWeek, pace: opts.pace, schedule: plan },
    roadmap,
    done,
  );

  const [firstDay] = planWeekRange(startDay, 1, settings.weekStart);
  const finish = plan.totalWeeks > 0 ? planWeekRange(startDay, plan.totalWeeks, settings.weekStart)[1] : null;
  if (run.json) {
    run.out(JSON.stringify({ roadmap: id, startedOn: startDay, firstWeek: weekLabel(firstDay, settings.weekStart), weeks: plan.totalWeeks, finish, pace: opts.pace, hoursPerWeek }));
    return 0;
  }
  const what = plan.totalWeeks > 0 ? `${plan.totalWeeks} weeks, ${firstDay} to ${finish}` : 'nothing left to schedule';
  run.out(`${existing ? 'Re-planned' : current ? 'Started again' : 'Started'} ${id}: ${what} (week 1 is ${weekLabel(firstDay, settings.weekStart)})`);
  const unscheduled = Object.values(plan.sections).filter((r) => r === null).length;
  if (unscheduled > 0 && (roadmap.kind === 'weekly' || roadmap.kind === 'phased')) {
    run.note(`${unscheduled} section${unscheduled === 1 ? ' has' : 's have'} no weeks (ongoing or optional); study show ${id} lists them`);
  }
  run.note('see this week: study today');
  return 0;
}
