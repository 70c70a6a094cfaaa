// study today: the agenda for the study day. Also what `study` with no command runs.
import { nextTask, planToday, type PlanToday } from '../core/agenda.js';
import { weekLabel } from '../core/calendar.js';
import { allHabits, habitStatuses } from '../core/habits.js';
import { shortIds } from '../core/ids.js';
import { allItems } from '../core/normalize.js';
import { leetcodeDayEndsLocal } from '../core/streak.js';
import type { Run } from '../run.js';
import { loadPlans, storeWithRoadmaps, todayOf } from './shared.js';

export default async function today(run: Run): Promise<number> {
  const store = await storeWithRoadmaps(run);
  const { today: day, settings } = todayOf(run, store);
  const plans = loadPlans(store);
  const views: PlanToday[] = plans.map((p) => planToday(p, day, settings.weekStart));
  const next = nextTask(views);
  const habitList = allHabits(plans.map((p) => p.roadmap));
  const habits = habitStatuses(habitList, (id) => store.sessionCounts(id), day, settings);

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
  const ids = shortIds(plans.flatMap((p) => [...allItems(p.roadmap)].map(({ item }) => item.id)));
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
