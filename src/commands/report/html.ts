// The data of `study report --format html`: the report itself (what `report --json`
// gives, unchanged), and what only the page draws, read from the store by index: a year
// of study days, each started plan's burn-up, and the year's LeetCode (core/pictures.ts
// shapes them).
import type { Day } from '../../core/calendar.js';
import { LEETCODE_HABIT } from '../../core/habits.js';
import { burnupOf, heatmapDays, leetcodeYearOf, patternsFromTags, yearRange, type PatternsOf } from '../../core/pictures.js';
import type { Report } from '../../core/report.js';
import type { Settings } from '../../core/settings.js';
import { effectiveTarget } from '../../core/streak.js';
import type { HtmlReportData } from '../../render/html/types.js';
import type { Store } from '../../store/index.js';
import type { JudgedPlan } from './run.js';

/**
 * The days from..to that a streak freeze covered. Streak freezes come with issue 14 (in
 * core/streak.ts streakOf); until then there are none. When they land, pass the frozen
 * days of the LeetCode streak as of `report.asOf` here (see `htmlReportData`).
 */
export type FrozenDays = (from: Day, to: Day) => ReadonlySet<Day>;
export const noFreezes: FrozenDays = () => new Set();

/** Where the page's extras come from that later issues will change; the defaults are what the store holds now. */
export interface HtmlSources {
  /** Frozen days: none until issue 14's streak freezes. */
  readonly frozenDays?: FrozenDays;
  /** The patterns of a problem: its session's tags until issue 14's problem catalogue gives each one its pattern. */
  readonly patternsOf?: PatternsOf;
}

/**
 * The page's data: `report` (spread as it is, so the page's numbers are the JSON report's)
 * and the extras. `plans`: the plans the report judged, each with the version it judged by.
 */
export function htmlReportData(store: Store, report: Report, plans: readonly JudgedPlan[], today: Day, settings: Settings, sources: HtmlSources = {}): HtmlReportData {
  const weekStartsOn = settings.weekStart;
  const range = yearRange(report.from, report.to, today, weekStartsOn);
  const perDay = store.sessions.countsBetween(LEETCODE_HABIT, range.from, range.to);
  const heatmap = heatmapDays({
    ...range,
    sessions: perDay,
    completions: store.completions.countsBetween(range.from, range.to),
    restDays: settings.restDays,
    frozen: (sources.frozenDays ?? noFreezes)(range.from, range.to),
  });
  const burnups = plans.map(({ id, title, plan }) => {
    const judged = report.roadmaps.find((r) => r.id === id)!;
    const done = store.progress.doneOverTime(id);
    return burnupOf({
      id,
      title,
      weekStartsOn,
      asOf: report.asOf,
      plan,
      versions: store.plans.versions(id).map((v) => ({ version: v.version, effectiveDay: v.effectiveDay, startDay: v.startDay, due: store.progress.dueByWeek(id, v.version) })),
      total: judged.total,
      doneInFile: done.inFile,
      doneByDay: done.byDay,
      plannedFinish: judged.plannedFinish,
      forecastFinish: judged.projectedFinish,
    });
  });
  const sessions = store.sessions.between(LEETCODE_HABIT, range.from, range.to);
  return {
    ...report,
    today,
    weekStartsOn,
    dailyTarget: effectiveTarget(settings.dailyTarget),
    heatmap,
    burnups,
    leetcodeYear: leetcodeYearOf(range, perDay, sessions, weekStartsOn, sources.patternsOf ?? patternsFromTags),
  };
}
