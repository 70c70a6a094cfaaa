// study today: the agenda for the study day. Also what `study` with no command runs.
// It is typed many times a day, so it reads only what it shows (issue #7): the store's
// agenda index gives each started plan's week and overdue entries by index, never a
// roadmap model or a schedule, and short ids are looked up for the entries shown only.
import { nextTask, type PlanToday } from '../core/agenda.js';
import { planTodayFromIndex, weekOf } from '../core/agenda-index.js';
import { weekLabel } from '../core/calendar.js';
import { allHabits, habitStatusesOf } from '../core/habits.js';
import { leetcodeDayEndsLocal } from '../core/streak.js';
import type { Run } from '../run.js';
import type { Store } from '../store/store.js';
import { habitStreak } from './habit-streaks.js';
import { storeWithRoadmaps, todayOf } from './shared.js';

export default async function today(run: Run): Promise<number> {
  return todayWith(run, await storeWithRoadmaps(run));
}

/** study today on a store that is open (src/today-entry.ts opens it itself). */
export async function todayWith(run: Run, store: Store): Promise<number> {
  const { today: day, settings } = todayOf(run, store);
  const plans = store.agendaPlans();
  const views: PlanToday[] = plans.map((p) => {
    const week = weekOf(p, day, settings.weekStart);
    const [tasks, overdue, upcoming] = [store.agendaWeek(p, week), store.agendaOverdue(p.roadmapId, week), store.agendaUpcoming(p.roadmapId, week)];
    return planTodayFromIndex(p, week, tasks, overdue, upcoming, settings.weekStart);
  });
  const next = nextTask(views);
  const habitList = allHabits(plans.map((p) => ({ id: p.roadmapId, habits: p.habits })));
  const habits = habitStatusesOf(habitList, (id) => habitStreak(store, id, day, settings));

  if (run.json) {
    run.out(
      JSON.stringify({
        date: day,
        week: weekLabel(day, settings.weekStart),
        habits: habits.map((h) => ({ id: h.id, title: h.title, doneToday: h.doneToday, current: h.current, longest: h.longest, atRisk: h.atRisk })),
        plans: views.map((v) => ({
          roadmap: v.roadmap,
          title: v.title,
          week: v.week,
          of: v.of,
          from: v.from,
          to: v.to,
          sections: v.sections,
          tasks: v.tasks.map((t) => ({ id: t.id, title: t.title, done: t.done })),
          overdue: v.overdue.map((t) => ({ id: t.id, title: t.title, dueWeek: t.due })),
        })),
        next: next ? { id: next.id, title: next.title, roadmap: next.roadmap } : null,
      }),
    );
    return 0;
  }

  const { renderToday } = await import('../render/today.js');
  // The ids printed: every task of the week, the first 8 overdue of each plan, the next one.
  const shown = views.flatMap((v) => [...v.tasks, ...v.overdue.slice(0, 8)].map((e) => e.id));
  const ids = store.shortIdsFor(next ? [...shown, next.id] : shown);
  const loaded = plans.length === 0 ? store.roadmapSummaries() : [];
  run.out(
    renderToday(
      {
        day,
        week: weekLabel(day, settings.weekStart),
        plans: views,
        next,
        habits,
        leetcodeEnds: leetcodeDayEndsLocal(run.now.offsetMinutes),
        loaded,
      },
      ids,
      run.chalk,
      run.columns,
    ),
  );
  return 0;
}
