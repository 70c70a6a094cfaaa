// What only the HTML report draws (`study report --format html`), from plain counts the
// store gives by index: a year of study days (the heatmap), each started plan's burn-up
// (leaf items done by each week's end against those its schedule had due by then), and
// the year's LeetCode. The rest of the page is the report itself (core/report.ts). Pure.
import { addDaysTo, daysBetween, planWeekOf, planWeekRange, weekdayOf, weekLabel, weekStartOf, type Day } from './calendar.js';
import { leetStats, problemKey, type SessionLike } from './leet.js';

/** Weeks the heatmap and the year's LeetCode cover. */
export const YEAR_WEEKS = 52;

/**
 * The days of the year the page shows: from the first day of the week 51 weeks before the
 * reported one, through the reported week's last day, or today when that is earlier.
 */
export function yearRange(reportFrom: Day, reportTo: Day, today: Day, weekStartsOn: number): { from: Day; to: Day } {
  const from = addDaysTo(weekStartOf(reportFrom, weekStartsOn), -7 * (YEAR_WEEKS - 1));
  return { from, to: today < reportTo ? (today < from ? from : today) : reportTo };
}

export interface HeatDay {
  readonly date: Day;
  /** LeetCode sessions that study day. */
  readonly sessions: number;
  /** Items marked done that day (active completions, as the report lists them). */
  readonly completions: number;
  /** A rest weekday. */
  readonly rest: boolean;
  /** A missed day a streak freeze covered. */
  readonly frozen: boolean;
}

export interface HeatInput {
  readonly from: Day;
  readonly to: Day;
  readonly sessions: ReadonlyMap<Day, number>;
  readonly completions: ReadonlyMap<Day, number>;
  /** Rest weekdays, 0 = Sunday. */
  readonly restDays: ReadonlySet<number>;
  /** Days a streak freeze covered (none until streak freezes exist: issue 14). */
  readonly frozen: ReadonlySet<Day>;
}

/** One HeatDay per day from..to, oldest first. */
export function heatmapDays(input: HeatInput): HeatDay[] {
  const n = daysBetween(input.from, input.to) + 1;
  const first = weekdayOf(input.from);
  return Array.from({ length: Math.max(0, n) }, (_, i) => {
    const date = addDaysTo(input.from, i);
    return {
      date,
      sessions: input.sessions.get(date) ?? 0,
      completions: input.completions.get(date) ?? 0,
      rest: input.restDays.has((first + i) % 7),
      frozen: input.frozen.has(date),
    };
  });
}

// ---------------------------------------------------------------------------------------
// Burn-up

export interface BurnupWeek {
  /** Plan week, 1-based. */
  readonly week: number;
  /** Its calendar week, '2026-W48'. */
  readonly label: string;
  readonly from: Day;
  readonly to: Day;
  /** Leaf items done by the end of the week (by the day the report speaks as of, for its week); null for weeks to come. */
  readonly done: number | null;
  /** Leaf items the schedule in force had due by the end of the week. */
  readonly planned: number;
}

export interface PlanBurnup {
  readonly id: string;
  readonly title: string;
  readonly total: number;
  readonly weeks: readonly BurnupWeek[];
  readonly plannedFinish: Day | null;
  readonly forecastFinish: Day | null;
}

/** A version of a plan's schedule, as the burn-up needs it. */
export interface BurnupVersion {
  readonly version: number;
  readonly effectiveDay: Day;
  readonly startDay: Day;
  /** Leaf items due per plan week (week 0: not scheduled). */
  readonly due: readonly { readonly week: number; readonly due: number }[];
}

export interface BurnupInput {
  readonly id: string;
  readonly title: string;
  readonly weekStartsOn: number;
  /** The day the report speaks as of: weeks that begin after it have no done count yet. */
  readonly asOf: Day;
  /** The version the report judges by: its weeks are the chart's. */
  readonly plan: { readonly startDay: Day; readonly totalWeeks: number; readonly version: number };
  /** Every version of the plan, oldest first. */
  readonly versions: readonly BurnupVersion[];
  /** Leaf items of the plan, and those marked done in the roadmap file (done from the start). */
  readonly total: number;
  readonly doneInFile: number;
  /** Other leaf items done, per study day (any order). */
  readonly doneByDay: ReadonlyMap<Day, number>;
  readonly plannedFinish: Day | null;
  readonly forecastFinish: Day | null;
}

/** The version in force on `day`: the latest that took effect by then, else the first (as store.plans.versionAt). */
function versionOn(versions: readonly BurnupVersion[], day: Day): BurnupVersion | undefined {
  let found: BurnupVersion | undefined;
  for (const v of versions) if (v.effectiveDay <= day && (found === undefined || v.version > found.version)) found = v;
  return found ?? versions[0];
}

/**
 * A plan's burn-up: one point per week of the version judged by (and on through the week
 * of `asOf` when the plan runs late). Done: leaf items done by each week's end. Planned:
 * leaf items due by then in the version in force at that week's end (the version judged
 * by, for weeks after `asOf`), counted in that version's own weeks.
 */
export function burnupOf(input: BurnupInput): PlanBurnup {
  const { plan, weekStartsOn, asOf } = input;
  const days = [...input.doneByDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const doneBy = (day: Day): number => {
    let n = input.doneInFile;
    for (const [d, c] of days) {
      if (d > day) break;
      n += c;
    }
    return n;
  };
  const judged = input.versions.find((v) => v.version === plan.version);
  const plannedBy = (v: BurnupVersion | undefined, day: Day): number => {
    if (!v) return 0;
    const last = planWeekOf(v.startDay, day, weekStartsOn);
    return v.due.reduce((n, w) => (w.week >= 1 && w.week <= last ? n + w.due : n), 0);
  };
  const length = Math.max(plan.totalWeeks, Math.min(planWeekOf(plan.startDay, asOf, weekStartsOn), plan.totalWeeks + YEAR_WEEKS));
  const weeks: BurnupWeek[] = [];
  for (let week = 1; week <= length; week++) {
    const [from, to] = planWeekRange(plan.startDay, week, weekStartsOn);
    const past = from <= asOf;
    const end = past && to > asOf ? asOf : to;
    weeks.push({
      week,
      label: weekLabel(from, weekStartsOn),
      from,
      to,
      done: past ? doneBy(end) : null,
      planned: plannedBy(to <= asOf ? versionOn(input.versions, to) : judged, to),
    });
  }
  return { id: input.id, title: input.title, total: input.total, weeks, plannedFinish: input.plannedFinish, forecastFinish: input.forecastFinish };
}

// ---------------------------------------------------------------------------------------
// LeetCode over the year

export interface LeetcodeYear {
  readonly perWeek: { week: string; from: Day; sessions: number }[];
  /** Distinct problems, by their last recorded difficulty. */
  readonly byDifficulty: { easy: number; medium: number; hard: number; unknown: number };
  /** Distinct problems per pattern, most first, then by name; '' for problems without one. */
  readonly byPattern: { pattern: string; problems: number }[];
}

/**
 * The patterns of a session's problem. Until the problem catalogue (issue 14) gives each
 * problem its pattern, the tags logged with the session are what is known.
 */
export type PatternsOf = (s: SessionLike) => readonly string[];
export const patternsFromTags: PatternsOf = (s) => s.tags;

/**
 * Sessions per week over from..to (weeks from `from`, which starts a week), and the
 * distinct problems of `sessions` by difficulty and by pattern.
 */
export function leetcodeYearOf(
  range: { from: Day; to: Day },
  perDay: ReadonlyMap<Day, number>,
  sessions: readonly SessionLike[],
  weekStartsOn: number,
  patternsOf: PatternsOf = patternsFromTags,
): LeetcodeYear {
  const perWeek: LeetcodeYear['perWeek'] = [];
  for (let from = range.from; from <= range.to; from = addDaysTo(from, 7)) {
    let n = 0;
    for (let i = 0; i < 7; i++) n += perDay.get(addDaysTo(from, i)) ?? 0;
    perWeek.push({ week: weekLabel(from, weekStartsOn), from, sessions: n });
  }
  const links = new Map<number, string>();
  for (const s of sessions) if (s.number !== null && s.slug) links.set(s.number, s.slug);
  const patterns = new Map<string, Set<string>>();
  for (const s of sessions) {
    const key = problemKey(s, links);
    const ps = patternsOf(s).map((p) => p.trim()).filter(Boolean);
    for (const p of ps.length ? ps : ['']) {
      const set = patterns.get(p) ?? new Set<string>();
      set.add(key);
      patterns.set(p, set);
    }
  }
  // A problem with a pattern is not also counted as without one.
  const withPattern = new Set([...patterns].filter(([p]) => p !== '').flatMap(([, keys]) => [...keys]));
  const none = [...(patterns.get('') ?? [])].filter((k) => !withPattern.has(k)).length;
  const byPattern = [...patterns]
    .filter(([p]) => p !== '')
    .map(([pattern, keys]) => ({ pattern, problems: keys.size }))
    .sort((a, b) => b.problems - a.problems || (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
  if (none > 0) byPattern.push({ pattern: '', problems: none });
  return { perWeek, byDifficulty: leetStats(sessions, weekStartsOn).problemsByDifficulty, byPattern };
}
