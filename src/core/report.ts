// The weekly progress report (`study report`): one object, built here from plain data,
// rendered as text, Markdown or JSON. Each plan's progress comes from core/progress.ts
// progressOf, as every other command's does. Pure.
import { addDaysTo, weekLabel, type Day } from './calendar.js';
import { leetStats } from './leet.js';
import type { Progress } from './progress.js';
import type { Session } from './records.js';

export interface ReportCompletion {
  readonly id: string;
  readonly title: string;
  readonly roadmap: string;
  readonly date: Day;
}

export interface ReportRoadmap {
  readonly id: string;
  readonly title: string;
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  /** Leaf items expected done by then, and their share. */
  readonly expected: number;
  readonly expectedPercent: number;
  readonly status: Progress['status'];
  readonly behindBy: number;
  readonly aheadBy: number;
  /** Plan week of the reported week, and the plan's length. */
  readonly week: number;
  readonly of: number;
  /** Leaf items completed per week over the 4 weeks ending with the reported one (fewer when the plan is younger). */
  readonly pace: number;
  readonly paceWeeks: number;
  /** When the rest would be done at that pace (null without recent progress). */
  readonly projectedFinish: Day | null;
  readonly plannedFinish: Day | null;
  /** Minutes spent on its items this week (as `study done --minutes` recorded them). */
  readonly minutes: number;
}

export interface Report {
  readonly week: string;
  readonly from: Day;
  readonly to: Day;
  /** The day the report speaks as of: today, or the week's last day once it is over. */
  readonly asOf: Day;
  readonly completed: ReportCompletion[];
  readonly leetcode: {
    sessions: number;
    problems: number;
    byDifficulty: { easy: number; medium: number; hard: number; unknown: number };
    minutes: number;
    /** Days of the week with at least one session. */
    days: number;
    /** Sessions per day of the week, first day first. */
    strip: { date: Day; count: number }[];
  };
  readonly streak: { current: number; longest: number };
  readonly roadmaps: ReportRoadmap[];
  /** Open items due in the week after the reported one (SPEC section 5). */
  readonly nextWeek: { id: string; title: string; roadmap: string }[];
  /** Open items worked on in the week after (due then, or in a section that spans it). */
  readonly nextWeekPlanned: { id: string; title: string; roadmap: string; dueWeek: number }[];
  /** When nothing is planned for the week after: each plan's next open work, its section and the plan week it starts in. */
  readonly nextOpen: { id: string; title: string; roadmap: string; section: string; week: number }[];
  /** Time recorded this week, in minutes: on each plan's items, in each habit's sessions, and in all. */
  readonly time: { readonly plans: number; readonly habits: { id: string; minutes: number }[]; readonly total: number };
}

/** A started plan, as the report needs it. */
export interface ReportPlan {
  readonly roadmap: string;
  readonly title: string;
  readonly progress: Progress;
  /** The plan week after the reported one. */
  readonly nextWeek: number;
  /** Entries worked on in that week that were open at the time the report speaks as of, in file order. */
  readonly nextWeekEntries: readonly { readonly id: string; readonly title: string; readonly dueWeek: number }[];
  /** The first open entry starting after that week (what comes next when that week is empty). */
  readonly upcoming: { readonly id: string; readonly title: string; readonly section: string; readonly firstWeek: number } | null;
  /** Minutes recorded on its items this week. */
  readonly minutes: number;
}

export interface ReportInput {
  /** First day of the reported week. */
  readonly from: Day;
  readonly weekStartsOn: number;
  readonly asOf: Day;
  readonly plans: readonly ReportPlan[];
  /** Items completed in the reported week, by day then id. */
  readonly completed: readonly ReportCompletion[];
  /** LeetCode sessions of the reported week. */
  readonly sessions: readonly Session[];
  /** The LeetCode streak as of the report's day. */
  readonly streak: { readonly current: number; readonly longest: number };
  /** Minutes recorded in each habit's sessions this week (LeetCode's included). */
  readonly habitMinutes: ReadonlyMap<string, number>;
}

export function buildReport(input: ReportInput): Report {
  const { from, weekStartsOn } = input;
  const to = addDaysTo(from, 6);
  const stats = leetStats(input.sessions, weekStartsOn);
  const perDay = new Map<Day, number>();
  for (const s of input.sessions) perDay.set(s.day, (perDay.get(s.day) ?? 0) + 1);
  const strip = Array.from({ length: 7 }, (_, i) => {
    const date = addDaysTo(from, i);
    return { date, count: perDay.get(date) ?? 0 };
  });

  const roadmaps: ReportRoadmap[] = input.plans.map(({ roadmap, title, progress: p, minutes }) => ({
    id: roadmap,
    title,
    done: p.done,
    total: p.total,
    percent: p.percent,
    expected: p.expected,
    expectedPercent: p.expectedPercent,
    status: p.status,
    behindBy: p.behindBy,
    aheadBy: p.aheadBy,
    week: p.week,
    of: p.of,
    pace: p.pace,
    paceWeeks: p.paceWeeks,
    projectedFinish: p.projectedFinish,
    plannedFinish: p.plannedFinish,
    minutes,
  }));

  const upcoming = input.plans.flatMap((plan) =>
    plan.nextWeekEntries.map((e) => ({ id: e.id, title: e.title, roadmap: plan.roadmap, dueWeek: e.dueWeek, next: plan.nextWeek })),
  );
  return {
    week: weekLabel(from, weekStartsOn),
    from,
    to,
    asOf: input.asOf,
    completed: [...input.completed],
    leetcode: {
      sessions: stats.sessions,
      problems: stats.problems,
      byDifficulty: stats.byDifficulty,
      minutes: stats.minutes,
      days: strip.filter((d) => d.count > 0).length,
      strip,
    },
    streak: { current: input.streak.current, longest: input.streak.longest },
    roadmaps,
    nextWeek: upcoming.filter((e) => e.dueWeek === e.next).map(({ id, title, roadmap }) => ({ id, title, roadmap })),
    nextWeekPlanned: upcoming.map(({ id, title, roadmap, dueWeek }) => ({ id, title, roadmap, dueWeek })),
    nextOpen:
      upcoming.length > 0
        ? []
        : input.plans.flatMap((p) => (p.upcoming ? [{ id: p.upcoming.id, title: p.upcoming.title, roadmap: p.roadmap, section: p.upcoming.section, week: p.upcoming.firstWeek }] : [])),
    time: (() => {
      const plans = input.plans.reduce((n, p) => n + p.minutes, 0);
      const habits = [...input.habitMinutes].map(([id, minutes]) => ({ id, minutes })).sort((a, b) => (a.id < b.id ? -1 : 1));
      return { plans, habits, total: plans + habits.reduce((n, h) => n + h.minutes, 0) };
    })(),
  };
}
