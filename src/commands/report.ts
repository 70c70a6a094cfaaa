// study report [--week YYYY-Www | --date D] [--format text|markdown|json]: the weekly
// progress report, one object from core/report.ts rendered three ways.
import { addDaysTo, parseWeekLabel, planWeekOf, weekStartOf, type Day } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import { reportFromIndex, type IndexedPlan, type Report } from '../core/report.js';
import type { Settings } from '../core/settings.js';
import { UsageError } from '../errors.js';
import type { Run } from '../run.js';
import type { Store } from '../store/store.js';
import { safe } from '../text.js';
import { habitStreak } from './habit-streaks.js';
import { dayOption, storeWithRoadmaps, todayOf } from './shared.js';

interface ReportOptions {
  week?: string;
  date?: string;
  format?: string;
}

const FORMATS = ['text', 'markdown', 'json'] as const;

export default async function report(run: Run, _args: string[], opts: ReportOptions): Promise<number> {
  const format = run.json ? 'json' : (opts.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected text, markdown or json, got "${safe(format)}"`);
  if (opts.week !== undefined && opts.date !== undefined) throw new UsageError('--week and --date both pick the week; give one');
  const date = dayOption('--date', opts.date);
  // Whether a week exists does not depend on the week-start setting: check before the store.
  if (opts.week !== undefined && parseWeekLabel(opts.week, 1) === null) {
    throw new UsageError(`--week: expected a week like 2026-W48 that exists, got "${safe(opts.week)}"`);
  }

  const store = await storeWithRoadmaps(run);
  const { today, settings } = todayOf(run, store);
  let from: string;
  if (opts.week !== undefined) {
    from = parseWeekLabel(opts.week, settings.weekStart)!;
  } else {
    from = weekStartOf(date ?? today, settings.weekStart);
  }
  const data = reportData(store, from, today, settings);

  if (format === 'json') {
    run.out(JSON.stringify(data));
    return 0;
  }
  const render = await import('../render/report.js');
  run.out(format === 'markdown' ? render.reportMarkdown(data) : render.reportText(data, run.chalk, run.columns));
  return 0;
}

/**
 * The report of the week that begins on `from`, with progress as it stood at the end of
 * that week, read by index (issue #7): each started plan from the agenda index and the
 * item index (leaf counts as of a day, the entries of the next week), the week's first
 * completions and sessions by day, the streak from a saved walk. No roadmap model is
 * parsed and no history outside the weeks reported is read. core/report.ts buildReport,
 * over the models and every completion, is the reference (test/perf.test.ts).
 */
export function reportData(store: Store, from: Day, today: Day, settings: Settings): Report {
  const to = addDaysTo(from, 6);
  const paceFrom = addDaysTo(from, -21);
  const plans: IndexedPlan[] = store.agendaPlans().map((head) => {
    const week = planWeekOf(head.startDay, from, settings.weekStart);
    // Entries worked on next week that were open at the end of this one: open now means
    // open then (marks only accumulate); one done now may have been done later.
    const nextWeek = store
      .agendaWeek(head, week + 1)
      .sort((a, b) => a.order - b.order)
      .filter((e) => e.open || !store.doneAsOf(e.id, to))
      .map((e) => ({ id: e.id, title: e.title, dueWeek: e.dueWeek }));
    return {
      roadmapId: head.roadmapId,
      title: head.title,
      startDay: head.startDay,
      totalWeeks: head.totalWeeks,
      leaves: store.leafTotals(head.roadmapId),
      doneAsOf: store.leavesDoneAsOf(head.roadmapId, to, week, paceFrom),
      nextWeek,
    };
  });
  const asOf = today < to ? today : to;
  return reportFromIndex({
    from,
    weekStartsOn: settings.weekStart,
    plans,
    completed: store.firstCompletionsIn(from, to).map((c) => ({ id: c.itemId, title: c.title, roadmap: c.roadmapId, date: c.day })),
    sessions: store.sessionsBetween(LEETCODE_HABIT, from, to),
    dayCounts: store.sessionCountsBetween(LEETCODE_HABIT, from, to),
    streak: habitStreak(store, LEETCODE_HABIT, asOf, settings),
  });
}
