// study schedule [ROADMAP] [--weeks N] [--replan]: the coming weeks of each started plan,
// or moving the unfinished work of past weeks forward.
import { comingWeeks, entriesOf, replan, weekEnd, type WeekView } from '../core/agenda.js';
import { planWeekOf } from '../core/calendar.js';
import { timestampOf } from '../clock.js';
import { StudyError, UsageError } from '../errors.js';
import type { Run } from '../run.js';
import { safe } from '../text.js';
import { findRoadmapId, loadPlans, roadmapArg, storeWithRoadmaps, todayOf } from './shared.js';

interface ScheduleOptions {
  weeks?: string;
  replan?: boolean;
}

export default async function scheduleCommand(run: Run, args: string[], opts: ScheduleOptions): Promise<number> {
  const wanted = roadmapArg(args[0]);
  let count = 4;
  if (opts.weeks !== undefined) {
    count = Number(opts.weeks);
    if (!/^\d+$/.test(opts.weeks) || count < 1 || count > 520) throw new UsageError(`--weeks: expected a number of weeks from 1 to 520, got "${safe(opts.weeks)}"`);
  }
  const store = await storeWithRoadmaps(run);
  const roadmapId = wanted === undefined ? undefined : findRoadmapId(store, wanted);
  const { today, settings } = todayOf(run, store);
  let plans = loadPlans(store, roadmapId);
  if (plans.length === 0) {
    const id = roadmapId ?? store.roadmapIds()[0] ?? 'ROADMAP';
    throw new StudyError(roadmapId ? `${roadmapId} is not started; run: study start ${id}` : `no plan is started; run: study start ${id}`);
  }

  const replans: { roadmap: string; moved: number; shift: number; finishBefore: string | null; finishAfter: string | null }[] = [];
  if (opts.replan) {
    const at = timestampOf(run.now);
    for (const p of plans) {
      const week = planWeekOf(p.startDay, today, settings.weekStart);
      const r = replan(p, week);
      const finish = (total: number): string | null => (total > 0 ? weekEnd(p.startDay, total, settings.weekStart) : null);
      replans.push({
        roadmap: p.roadmap.id,
        moved: r.moved,
        shift: r.shift,
        finishBefore: finish(p.schedule.totalWeeks),
        finishAfter: finish(r.schedule.totalWeeks),
      });
      if (r.shift > 0) store.savePlan({ ...p.row, schedule: JSON.stringify(r.schedule), replannedAt: at });
    }
    plans = loadPlans(store, roadmapId);
  }

  const out = plans.map((p) => {
    const week = planWeekOf(p.startDay, today, settings.weekStart);
    const weeks = comingWeeks(p, week, count, settings.weekStart);
    const open = entriesOf(p).filter((e) => !e.done);
    return {
      roadmap: p.roadmap.id,
      title: p.roadmap.title,
      startedOn: p.startDay,
      week,
      of: p.schedule.totalWeeks,
      finish: p.schedule.totalWeeks > 0 ? weekEnd(p.startDay, p.schedule.totalWeeks, settings.weekStart) : null,
      open: open.length,
      weeks,
    };
  });

  if (run.json) {
    run.out(
      JSON.stringify({
        ...(opts.replan ? { replanned: replans } : {}),
        plans: out.map((p) => ({
          ...p,
          weeks: p.weeks.map((w: WeekView) => ({ ...w, entries: undefined, items: w.entries.map((e) => ({ id: e.id, title: e.title, done: e.done, dueWeek: e.due })) })),
        })),
      }),
    );
    return 0;
  }

  for (const r of replans) {
    if (r.shift === 0) run.note(`${r.roadmap}: nothing from past weeks is open; the plan stays as it is`);
    else run.note(`${r.roadmap}: moved ${r.moved} overdue item${r.moved === 1 ? '' : 's'} and the rest of the plan ${r.shift} week${r.shift === 1 ? '' : 's'} forward; projected finish ${r.finishAfter} (was ${r.finishBefore})`);
  }
  const { renderSchedule } = await import('../render/schedule.js');
  run.out(renderSchedule(out, run.chalk, run.columns));
  return 0;
}
