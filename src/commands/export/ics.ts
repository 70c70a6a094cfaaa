// The data of `study export --format ics`: each started plan's current version, week by
// week, with the sections and items worked on that week (read by index: store.agenda),
// for render/ics.ts, which writes the calendar.
import { planWeekRange } from '../../core/calendar.js';
import type { Settings } from '../../core/settings.js';
import { plannedFinish } from '../../core/plan.js';
import type { CalendarData, CalendarPlan } from '../../render/ics.js';
import type { CurrentPlan, Store } from '../../store/index.js';

function calendarPlan(store: Store, plan: CurrentPlan, weekStartsOn: number): CalendarPlan {
  const weeks = [];
  for (let week = 1; week <= plan.totalWeeks; week++) {
    const [from, to] = planWeekRange(plan.startDay, week, weekStartsOn);
    const entries = store.agenda.inWeeks(plan, week, week);
    weeks.push({ week, from, to, sections: [...new Set(entries.map((e) => e.sectionTitle))], items: entries.map((e) => e.title) });
  }
  return {
    id: plan.roadmapId,
    title: plan.title,
    weeks,
    plannedFinish: plannedFinish(plan.startDay, plan.totalWeeks, weekStartsOn),
    // Raised by every new version (a re-plan, a new start): calendars take the change.
    revision: plan.version - 1,
  };
}

/** The calendar of `plans` (current versions), made at `stamp` (the moment, with its offset). */
export function calendarData(store: Store, plans: readonly CurrentPlan[], settings: Settings, stamp: string): CalendarData {
  return { plans: plans.map((p) => calendarPlan(store, p, settings.weekStart)), stamp };
}
