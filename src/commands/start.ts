// study start ROADMAP [--on DATE] [--hours N] [--pace min|mid|max] [--yes]: put a roadmap
// on the calendar from the week that contains DATE.
import { planWeekRange, weekLabel } from '../core/calendar.js';
import { resolveDone } from '../core/progress.js';
import { PACES, schedule, type Pace } from '../core/schedule.js';
import { timestampOf } from '../clock.js';
import { StudyError, UsageError } from '../errors.js';
import type { Run } from '../run.js';
import { safe } from '../text.js';
import { dayOption, findRoadmapId, roadmapArg, storeWithRoadmaps, todayOf } from './shared.js';

interface StartOptions {
  on?: string;
  hours?: string;
  pace?: string;
  yes?: boolean;
}

export default async function start(run: Run, args: string[], opts: StartOptions): Promise<number> {
  const wanted = roadmapArg(args[0])!;
  const on = dayOption('--on', opts.on);
  let hours: number | undefined;
  if (opts.hours !== undefined) {
    hours = Number(opts.hours);
    if (!/^\d+(\.\d+)?$/.test(opts.hours.trim()) || !(hours > 0) || hours > 168) {
      throw new UsageError(`--hours: expected study hours per week between 0 and 168, got "${safe(opts.hours)}"`);
    }
  }
  const pace = (opts.pace ?? 'mid') as Pace;
  if (!(PACES as readonly string[]).includes(pace)) throw new UsageError(`--pace: expected min, mid or max, got "${safe(String(opts.pace))}"`);

  const store = await storeWithRoadmaps(run);
  const id = findRoadmapId(store, wanted);
  const { today, settings } = todayOf(run, store);
  const startDay = on ?? today;
  const existing = store.plans().find((p) => p.roadmapId === id);
  if (existing && !opts.yes) {
    const question = `${id} was started on ${existing.startDay}; re-plan it from ${startDay}? (progress is kept)`;
    if (!run.canPrompt) throw new StudyError(`${id} is already started (on ${existing.startDay}); pass --yes to re-plan it from ${startDay}`);
    const { confirm } = await import('@inquirer/prompts');
    if (!(await confirm({ message: question, default: false }, { input: run.ctx.stdin, output: run.ctx.stderr as NodeJS.WritableStream }))) {
      run.note('nothing changed');
      return 1;
    }
  }

  const stored = store.getRoadmap(id)!;
  const hoursPerWeek = hours ?? settings.hoursPerWeek;
  const plan = schedule(stored.roadmap, { hoursPerWeek, pace }, resolveDone(stored.roadmap, stored.marked));
  store.savePlan({
    roadmapId: id,
    startDay,
    hoursPerWeek,
    pace,
    schedule: JSON.stringify(plan),
    startedAt: timestampOf(run.now),
    replannedAt: null,
  });

  const [firstDay] = planWeekRange(startDay, 1, settings.weekStart);
  const finish = plan.totalWeeks > 0 ? planWeekRange(startDay, plan.totalWeeks, settings.weekStart)[1] : null;
  if (run.json) {
    run.out(JSON.stringify({ roadmap: id, startedOn: startDay, firstWeek: weekLabel(firstDay, settings.weekStart), weeks: plan.totalWeeks, finish, pace, hoursPerWeek }));
    return 0;
  }
  const what = plan.totalWeeks > 0 ? `${plan.totalWeeks} weeks, ${firstDay} to ${finish}` : 'nothing left to schedule';
  run.out(`${existing ? 'Re-planned' : 'Started'} ${id}: ${what} (week 1 is ${weekLabel(firstDay, settings.weekStart)})`);
  const unscheduled = Object.entries(plan.sections).filter(([, r]) => r === null).length;
  if (unscheduled > 0 && (stored.roadmap.kind === 'weekly' || stored.roadmap.kind === 'phased')) {
    run.note(`${unscheduled} section${unscheduled === 1 ? ' has' : 's have'} no weeks (ongoing or optional); study show ${id} lists them`);
  }
  run.note('see this week: study today');
  return 0;
}
