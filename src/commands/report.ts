// study report [--week YYYY-Www | --date D] [--format text|markdown|json]: the weekly
// progress report, one object from core/report.ts rendered three ways.
import { addDaysTo, parseWeekLabel, weekStartOf } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import { resolveDone } from '../core/progress.js';
import { buildReport } from '../core/report.js';
import { UsageError } from '../errors.js';
import type { Run } from '../run.js';
import { safe } from '../text.js';
import { dayOption, loadPlans, storeWithRoadmaps, todayOf } from './shared.js';

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
  const to = addDaysTo(from, 6);
  // Progress as it stood at the end of the reported week: completions up to its last day.
  const asOf = store.completionsBetween('0000-01-01', to);
  const markedAsOf = new Set(asOf.map((c) => c.itemId));
  const plans = loadPlans(store).map((p) => ({ ...p, done: resolveDone(p.roadmap, markedAsOf) }));
  const paceFrom = addDaysTo(from, -21);
  const completions = asOf
    .filter((c) => c.day >= paceFrom)
    .map((c) => ({ id: c.itemId, title: c.title, roadmap: c.roadmapId, date: c.day }));
  const sessions = store.sessionsSince(LEETCODE_HABIT, from).filter((s) => s.day <= to);
  const data = buildReport({
    from,
    weekStartsOn: settings.weekStart,
    today,
    plans,
    completions,
    sessions,
    sessionCounts: store.sessionCounts(LEETCODE_HABIT),
    streakSettings: settings,
  });

  if (format === 'json') {
    run.out(JSON.stringify(data));
    return 0;
  }
  const render = await import('../render/report.js');
  run.out(format === 'markdown' ? render.reportMarkdown(data) : render.reportText(data, run.chalk, run.columns));
  return 0;
}
