// study report [--week YYYY-Www | --date D] [--format text|markdown|json|html] [--out FILE]:
// the weekly progress report, one object from core/report.ts rendered four ways (the HTML
// page adds pictures: ./html.ts).
import { Chalk } from 'chalk';
import { addDaysTo, dayFromWords, parseWeekLabel, planWeekOf, weekStartOf, type Day } from '../../core/calendar.js';
import { LEETCODE_HABIT } from '../../core/habits.js';
import { buildReport, type Report, type ReportPlan } from '../../core/report.js';
import type { Settings } from '../../core/settings.js';
import { UsageError } from '../../cli/errors.js';
import { checkOutFile, writeOutFile } from '../../cli/out-file.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import type { CurrentPlan, Store } from '../../store/index.js';
import { habitStreak, progressFor, storeWithRoadmaps, todayOf } from '../shared.js';
import type { ReportOptions } from './index.js';

export default async function report(run: Run, _args: string[], opts: ReportOptions): Promise<number> {
  const format = run.json ? 'json' : opts.format;
  if (opts.force && opts.out === undefined) throw new UsageError('--force goes with --out FILE');
  // Checked before anything is read or written: a file that is there stays as it is.
  if (opts.out !== undefined) checkOutFile(run.ctx.cwd, opts.out, opts.force === true);
  const store = await storeWithRoadmaps(run);
  const { today, settings } = todayOf(run, store);
  const from = opts.week !== undefined ? parseWeekLabel(opts.week, settings.weekStart)! : weekStartOf(opts.date === undefined ? today : dayFromWords(opts.date, today)!, settings.weekStart);
  const plans = judgedPlans(store, from, today);
  const data = reportData(store, from, today, settings, plans);
  let text: string;
  if (format === 'json') {
    text = JSON.stringify(data);
  } else if (format === 'html') {
    const [{ htmlReportData }, { renderHtmlReport }] = await Promise.all([import('./html.js'), import('../../render/html/index.js')]);
    text = renderHtmlReport(htmlReportData(store, data, plans, today, settings));
  } else {
    const render = await import('../../render/report.js');
    // A file gets plain text, as wide as a terminal that is not one.
    const chalk = opts.out === undefined ? run.chalk : new Chalk({ level: 0 });
    text = format === 'markdown' ? render.reportMarkdown(data) : render.reportText(data, chalk, opts.out === undefined ? run.columns : 80);
  }
  if (opts.out === undefined) {
    if (format === 'html') run.ctx.stdout.write(text);
    else run.out(text);
    return 0;
  }
  writeOutFile(run.ctx.cwd, opts.out, text.endsWith('\n') ? text : `${text}\n`, opts.force === true);
  run.note(`wrote ${safe(opts.out)}: the report of ${data.week}`);
  return 0;
}

/** A started plan and the version of its schedule a report judges it by. */
export interface JudgedPlan {
  readonly id: string;
  /** Its title now. */
  readonly title: string;
  readonly plan: Pick<CurrentPlan, 'version' | 'kind' | 'effectiveDay' | 'startDay' | 'totalWeeks' | 'maxSpan' | 'roadmapId'>;
}

/**
 * The started plans a report of the week that begins on `from` speaks of, each with the
 * version it judges it by: the one in force at the week's end once the week is over, else
 * the current one. A plan stopped before the week began is not among them.
 */
export function judgedPlans(store: Store, from: Day, today: Day): JudgedPlan[] {
  const to = addDaysTo(from, 6);
  const over = to < today;
  return store.plans
    .current()
    .map((now) => ({ id: now.roadmapId, title: now.title, plan: over ? store.plans.versionAt(now.roadmapId, to)! : now }))
    .filter(({ plan }) => !(plan.kind === 'stop' && plan.effectiveDay < from));
}

/**
 * The report of the week that begins on `from`: as of now while the week is not over,
 * else as of its last day, each plan judged by the version of its schedule in force then.
 */
export function reportData(store: Store, from: Day, today: Day, settings: Settings, judged = judgedPlans(store, from, today)): Report {
  const to = addDaysTo(from, 6);
  const over = to < today;
  const asOfDay = over ? to : today;
  const minutes = store.completions.minutesBetween(from, to);
  const plans: ReportPlan[] = [];
  for (const { id, title, plan } of judged) {
    const progress = progressFor(store, id, plan, today, settings, to);
    const nextWeek = planWeekOf(plan.startDay, from, settings.weekStart) + 1;
    // Entries worked on next week that were open then: open now means open then (marks only
    // accumulate); one done now may have been done later.
    const nextWeekEntries = store.agenda
      .inWeeks(plan, nextWeek, nextWeek)
      .filter((e) => !e.done || (over && !store.items.doneAsOf(e.id, to)))
      .map((e) => ({ id: e.id, title: e.title, dueWeek: e.dueWeek }));
    const next = store.agenda.upcoming(plan, nextWeek);
    plans.push({
      roadmap: id,
      title,
      progress,
      nextWeek,
      nextWeekEntries,
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
  });
}
