// The data of the HTML report (`study report --format html`): plain, JSON-able, with the
// same names as core/report.ts's Report (what `study report --json` gives) for the parts
// they share, so a Report spreads into it as it is. The rest is what only the page shows:
// a year of study days, each plan's burn-up, and the year's LeetCode.

/** A study day, 'YYYY-MM-DD'. */
export type Day = string;

export interface HtmlCompletion {
  readonly id: string;
  readonly title: string;
  /** The roadmap id. */
  readonly roadmap: string;
  readonly date: Day;
}

export interface HtmlRoadmap {
  readonly id: string;
  readonly title: string;
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  readonly expectedPercent: number;
  /** 'ahead' | 'on track' | 'behind' | 'finished' | 'not started'. */
  readonly status: string;
  readonly behindBy: number;
  readonly aheadBy: number;
  /** Plan week of the reported week, and the plan's length in weeks. */
  readonly week: number;
  readonly of: number;
  /** Leaf items done per week over the last `paceWeeks` weeks. */
  readonly pace: number;
  readonly paceWeeks: number;
  readonly projectedFinish: Day | null;
  readonly plannedFinish: Day | null;
}

export interface HtmlDifficulties {
  readonly easy: number;
  readonly medium: number;
  readonly hard: number;
  readonly unknown: number;
}

/** The fields of core/report.ts's Report that the page reads (a Report is one). */
export interface HtmlWeekReport {
  /** '2026-W48'. */
  readonly week: string;
  readonly from: Day;
  readonly to: Day;
  readonly completed: readonly HtmlCompletion[];
  readonly leetcode: {
    readonly sessions: number;
    readonly problems: number;
    readonly byDifficulty: HtmlDifficulties;
    readonly minutes: number;
    readonly days: number;
    readonly strip: readonly { readonly date: Day; readonly count: number }[];
  };
  readonly streak: { readonly current: number; readonly longest: number };
  readonly roadmaps: readonly HtmlRoadmap[];
  readonly nextWeekPlanned: readonly { readonly id: string; readonly title: string; readonly roadmap: string; readonly dueWeek: number }[];
}

/** One day of the heatmap. */
export interface HeatDay {
  readonly date: Day;
  /** LeetCode (habit) sessions that study day. */
  readonly sessions: number;
  /** Items first completed that day. */
  readonly completions: number;
  /** A rest weekday (setting rest-days). */
  readonly rest: boolean;
  /** A missed day a streak freeze covered. */
  readonly frozen: boolean;
}

/** One plan week of a burn-up. */
export interface BurnupWeek {
  /** Plan week, 1-based. */
  readonly week: number;
  /** Its calendar week, '2026-W48'. */
  readonly label: string;
  /** Its first and last day. */
  readonly from: Day;
  readonly to: Day;
  /** Leaf items done by the end of the week, all told; null for weeks still to come. */
  readonly done: number | null;
  /** Leaf items the schedule has due by the end of the week, all told. */
  readonly planned: number;
}

/** A started plan's burn-up. */
export interface PlanBurnup {
  /** The roadmap id. */
  readonly id: string;
  readonly title: string;
  /** Leaf items in the plan: the chart's top. */
  readonly total: number;
  /** Every plan week, first first (the plan's length, and more after a replan). */
  readonly weeks: readonly BurnupWeek[];
  /** The last day of the plan's last week, or null without a schedule. */
  readonly plannedFinish: Day | null;
  /** When the rest would be done at the recent pace (the report's projectedFinish), or null. */
  readonly forecastFinish: Day | null;
}

export interface HtmlLeetcodeYear {
  /** Sessions per week over the heatmap's weeks, oldest first. */
  readonly perWeek: readonly { readonly week: string; readonly from: Day; readonly sessions: number }[];
  /** Distinct problems over those weeks, by difficulty. */
  readonly byDifficulty: HtmlDifficulties;
  /** Distinct problems over those weeks, by pattern (most first; '' for none known). */
  readonly byPattern: readonly { readonly pattern: string; readonly problems: number }[];
}

export interface HtmlReportData extends HtmlWeekReport {
  /** The study day the page was made on: heatmap days after it are not drawn. */
  readonly today: Day;
  /** 0 = Sunday ... 6 = Saturday: the heatmap's first row. */
  readonly weekStartsOn: number;
  /** Sessions a day needs to qualify (setting daily-target): the shades scale on it. */
  readonly dailyTarget: number;
  /**
   * The last 52 weeks, oldest first: from the first day of the week 51 weeks before the
   * reported one through the reported week's last day (or today, if earlier).
   */
  readonly heatmap: readonly HeatDay[];
  /** Each started plan, in the order of `roadmaps`. */
  readonly burnups: readonly PlanBurnup[];
  readonly leetcodeYear: HtmlLeetcodeYear;
}
