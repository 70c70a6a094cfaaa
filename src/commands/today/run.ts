// study today: the agenda for the study day. Also what `study` with no command runs. It
// reads only what it shows, by index: each started plan's week and overdue entries, its
// progress counts, and each habit's streak.
import { dayFromWords, weekLabel } from '../../core/calendar.js';
import { allHabits, habitStatuses } from '../../core/habits.js';
import { MAX_OVERDUE, nextTask, planDay, type PlanDay } from '../../core/today.js';
import { leetcodeDayEndsLocal } from '../../core/streak.js';
import type { Run } from '../../cli/run.js';
import { renderToday } from '../../render/today.js';
import { typeableIds } from '../ids.js';
import { habitStreak, progressFor, stateOf, storeWithRoadmaps, todayOf } from '../shared.js';
import type { TodayOptions } from './index.js';

export default async function today(run: Run, _args: string[], opts: TodayOptions): Promise<number> {
  const store = await storeWithRoadmaps(run);
  const { today: now, settings } = todayOf(run, store);
  const day = opts.date === undefined ? now : dayFromWords(opts.date, now)!;
  // A stopped plan has ended: today is about the others. A paused one is shown as such.
  const current = store.plans.current().filter((p) => stateOf(p.kind) !== 'stopped');
  const plans: PlanDay[] = current.map((p) => {
    const progress = progressFor(store, p.roadmapId, p, day, settings);
    const week = Math.max(1, progress.week);
    if (stateOf(p.kind) === 'paused') {
      return planDay({ roadmap: p.roadmapId, title: p.title, startDay: p.startDay, totalWeeks: p.totalWeeks, week: progress.week, weekEntries: [], overdue: [], overdueTotal: 0, upcoming: null, progress, weekStartsOn: settings.weekStart, pausedSince: p.effectiveDay });
    }
    return planDay({
      roadmap: p.roadmapId,
      title: p.title,
      startDay: p.startDay,
      totalWeeks: p.totalWeeks,
      week: progress.week,
      weekEntries: store.agenda.inWeeks(p, week, week),
      overdue: store.agenda.overdue(p, progress.week, MAX_OVERDUE),
      overdueTotal: store.agenda.overdueCount(p, progress.week),
      upcoming: store.agenda.upcoming(p, week),
      progress,
      weekStartsOn: settings.weekStart,
    });
  });
  const next = nextTask(plans);
  const habitsByRoadmap = new Map(store.roadmaps.habits().map((r) => [r.id, r.habits]));
  const habitList = allHabits(current.map((p) => ({ id: p.roadmapId, habits: habitsByRoadmap.get(p.roadmapId) ?? [] })));
  const habits = habitStatuses(habitList, (id) => habitStreak(store, id, day, settings));

  if (run.json) {
    const entry = (e: { id: string; title: string; done: boolean; dueWeek: number }) => ({ id: e.id, title: e.title, done: e.done, dueWeek: e.dueWeek });
    run.out(
      JSON.stringify({
        date: day,
        week: weekLabel(day, settings.weekStart),
        habits: habits.map((h) => ({ id: h.id, title: h.title, doneToday: h.doneToday, current: h.current, longest: h.longest, atRisk: h.atRisk })),
        plans: plans.map((p) => ({
          roadmap: p.roadmap,
          title: p.title,
          week: p.week,
          of: p.of,
          from: p.from,
          to: p.to,
          sections: p.sections,
          tasks: p.tasks.map(entry),
          tasksTotal: p.tasksTotal,
          overdue: p.overdue.map(entry),
          overdueTotal: p.overdueTotal,
          progress: p.progress,
          ...(p.pausedSince ? { pausedSince: p.pausedSince } : {}),
        })),
        next: next ? { id: next.id, title: next.title, roadmap: next.roadmap } : null,
      }),
    );
    return 0;
  }

  run.out(
    renderToday(
      {
        day,
        week: weekLabel(day, settings.weekStart),
        plans,
        next,
        habits,
        leetcodeEnds: leetcodeDayEndsLocal(run.now.offsetMinutes),
        dayEnds: leetcodeDayEndsLocal(settings.dayStart),
        // While nothing is started: the loaded roadmaps and how many items each has.
        loaded: current.length === 0 ? store.roadmaps.list().map((r) => ({ ...r, items: progressFor(store, r.id, null, day, settings).total })) : [],
      },
      typeableIds(store),
      run.chalk,
      run.columns,
    ),
  );
  return 0;
}

