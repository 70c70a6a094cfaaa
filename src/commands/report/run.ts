// study report [--week YYYY-Www | --date D] [--format text|markdown|json|html] [--out FILE]:
// the weekly progress report, one object from core/report.ts rendered four ways (the HTML
// page adds pictures: ./html.ts).
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { addDaysTo, dayFromWords, parseWeekLabel, planWeekOf, weekStartOf, type Day } from '../../core/calendar.js';
import { LEETCODE_HABIT } from '../../core/habits.js';
import type { PatternStats } from '../../core/leet/stats.js';
import { buildReport, type Report, type ReportPlan } from '../../core/report.js';
import type { Settings } from '../../core/settings.js';
import { UsageError } from '../../cli/errors.js';
import { checkTarget, writeWhole } from '../../cli/files.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import type { CurrentPlan, Store } from '../../store/index.js';
import { habitStreak, progressFor, storeWithRoadmaps, todayOf } from '../shared.js';
import type { ReportOptions } from './index.js';

export default async function report(run: Run, _args: string[], opts: ReportOptions): Promise<number> {
  const format = run.json ? 'json' : opts.format;
  if (opts.force && opts.out === undefined) throw new UsageError('--force goes with --out FILE');
  const out = opts.out === undefined ? undefined : resolve(run.ctx.cwd, opts.out);
  const target = { force: opts.force === true, shown: safe(opts.out ?? '') };
  // Checked before anything is read or written: a file that is there stays as it is.
  if (out !== undefined) checkTarget(out, target);
  const store = await storeWithRoadmaps(run, 'read');
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
  writeWhole(out!, text.endsWith('\n') ? text : `${text}\n`, target);
  run.note(`wrote ${target.shown}: the report of ${data.week}`);
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
 * the current one.
 */
export function judgedPlans(store: Store, from: Day, today: Day): JudgedPlan[] {
  const to = addDaysTo(from, 6);
  const over = to < today;
  return store.plans
    .current()
    .map((now) => ({ id: now.roadmapId, title: now.title, plan: over ? store.plans.versionAt(now.roadmapId, to)! : now }))
    // A plan stopped before the week began is not in its report; nor, once the week is
    // over, one started after it for a later day: it had no part in it.
    .filter(({ plan }) => !(plan.kind === 'stop' && plan.effectiveDay < from) && !(over && plan.effectiveDay > to && plan.startDay > to));
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
    // Entries open then: open now means open then (marks only accumulate); one done now may
    // have been done after the week.
    const openThen = (e: { id: string; done: boolean }): boolean => !e.done || (over && !store.items.doneAsOf(e.id, to));
    const planned = store.agenda.inWeeks(plan, nextWeek, nextWeek);
    const nextWeekEntries = planned.filter(openThen).map((e) => ({ id: e.id, title: e.title, dueWeek: e.dueWeek }));
    const next = over ? store.agenda.upcomingWhere(plan, nextWeek, openThen) : store.agenda.upcoming(plan, nextWeek);
    plans.push({
      roadmap: id,
      title,
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
