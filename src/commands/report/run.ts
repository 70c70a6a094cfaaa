// study report [--week YYYY-Www | --date D] [--format text|markdown|json]: the weekly
// progress report, one object from core/report.ts rendered three ways.
import { addDaysTo, dayFromWords, parseWeekLabel, planWeekOf, weekStartOf, type Day } from '../../core/calendar.js';
import { LEETCODE_HABIT } from '../../core/habits.js';
import type { PatternStats } from '../../core/leet/stats.js';
import { buildReport, type Report, type ReportPlan } from '../../core/report.js';
import type { Settings } from '../../core/settings.js';
import type { Run } from '../../cli/run.js';
import type { Store } from '../../store/index.js';
import { habitStreak, progressFor, storeWithRoadmaps, todayOf } from '../shared.js';
import type { ReportOptions } from './index.js';

export default async function report(run: Run, _args: string[], opts: ReportOptions): Promise<number> {
  const format = run.json ? 'json' : opts.format;
  const store = await storeWithRoadmaps(run, 'read');
  const { today, settings } = todayOf(run, store);
  const from = opts.week !== undefined ? parseWeekLabel(opts.week, settings.weekStart)! : weekStartOf(opts.date === undefined ? today : dayFromWords(opts.date, today)!, settings.weekStart);
  const data = reportData(store, from, today, settings);
  if (format === 'json') {
    run.out(JSON.stringify(data));
    return 0;
  }
  const render = await import('../../render/report.js');
  run.out(format === 'markdown' ? render.reportMarkdown(data) : render.reportText(data, run.chalk, run.columns));
  return 0;
}

/**
 * The report of the week that begins on `from`: as of now while the week is not over,
 * else as of its last day, each plan judged by the version of its schedule in force then.
 */
export function reportData(store: Store, from: Day, today: Day, settings: Settings): Report {
  const to = addDaysTo(from, 6);
  const over = to < today;
  const asOfDay = over ? to : today;
  const current = new Map(store.plans.current().map((p) => [p.roadmapId, p]));
  const minutes = store.completions.minutesBetween(from, to);
  const plans: ReportPlan[] = [];
  for (const [id, now] of current) {
    const plan = over ? store.plans.versionAt(id, to)! : now;
    // A plan stopped before the week began is not in its report.
    if (plan.kind === 'stop' && plan.effectiveDay < from) continue;
    // Nor, once the week is over, one started after it for a later day: it had no part in it.
    if (over && plan.effectiveDay > to && plan.startDay > to) continue;
    const progress = progressFor(store, id, plan, today, settings, to);
    const nextWeek = planWeekOf(plan.startDay, from, settings.weekStart) + 1;
    // Entries open then: open now means open then (marks only accumulate); one done now may
    // have been done after the week.
    const openThen = (e: { id: string; done: boolean }): boolean => !e.done || (over && !store.items.doneAsOf(e.id, to));
    const planned = store.agenda.inWeeks(plan, nextWeek, nextWeek);
    const nextWeekEntries = planned.filter(openThen).map((e) => ({ id: e.id, title: e.title, dueWeek: e.dueWeek }));
    const next = over ? store.agenda.upcomingWhere(plan, nextWeek, openThen) : store.agenda.upcoming(plan, nextWeek);
    plans.push({
      roadmap: id,
      title: now.title,
      progress,
      nextWeek,
      nextWeekEntries,
      nextWeekPlanned: planned.length,
      upcoming: next ? { id: next.id, title: next.title, section: next.sectionTitle, firstWeek: next.firstWeek } : null,
      minutes: minutes.get(id) ?? 0,
    });
  }
  return buildReport({
    from,
    weekStartsOn: settings.weekStart,
    asOf: asOfDay,
    plans,
    completed: store.completions.between(from, to).map((c) => ({ id: c.itemId, title: c.title, roadmap: c.roadmapId, date: c.day })),
    sessions: store.sessions.between(LEETCODE_HABIT, from, to),
    streak: habitStreak(store, LEETCODE_HABIT, asOfDay, settings),
    habitMinutes: store.sessions.minutesBetween(from, to),
    leet: {
      reviews: store.leet.weekReviews(from, to, today),
      patterns: patternsAsOf(store, asOfDay),
      weeklyTarget: settings.leetWeeklyTarget,
    },
  });
}

/** Per pattern of the catalogue: problems, and the reviews, lapses and problems solved up to `day` (by the read model). */
function patternsAsOf(store: Store, day: Day): PatternStats[] {
  const counts = new Map(store.leet.patternCounts(day).map((c) => [c.pattern, c]));
  return [...store.leet.patternTotals()].map(([pattern, total]) => {
    const c = counts.get(pattern);
    const reviews = c?.reviews ?? 0;
    const lapses = c?.lapses ?? 0;
    return { pattern, total, solved: c?.solved ?? 0, reviews, lapses, retention: reviews === 0 ? null : (reviews - lapses) / reviews };
  });
}
