// The weekly progress report (SPEC section 5, `study report`): one object, computed here
// from plain data, rendered as text, Markdown or JSON. Pure.
import { addDaysTo, planWeekOf, weekLabel, type Day } from './calendar.js';
import { entriesOf, planStatus, weekEnd, type Plan, type PlanStatus } from './agenda.js';
import { leetStats, type SessionLike } from './leet.js';
import { percentOf, progressOf } from './progress.js';
import { computeStreak, type StreakSettings } from './streak.js';

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
  /** Percent of leaf items the schedule expected done by the end of the week. */
  readonly expectedPercent: number;
  /** 'ahead' | 'on track' | 'behind' | 'finished' | 'not started'. */
  readonly status: PlanStatus['status'];
  readonly behindBy: number;
  readonly aheadBy: number;
  /** Plan week of the reported week, and the plan's length. */
  readonly week: number;
  readonly of: number;
  /** Leaf items completed per week over the 4 weeks ending with the reported one (fewer when the plan is younger). */
  readonly pace: number;
  /** When the rest would be done at that pace (null without recent progress). */
  readonly projectedFinish: Day | null;
  readonly plannedFinish: Day | null;
}

export interface Report {
  readonly week: string;
  readonly from: Day;
  readonly to: Day;
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
}

export interface ReportInput {
  /** First day of the reported week. */
  readonly from: Day;
  readonly weekStartsOn: number;
  /** The current study day: streaks are as of the earlier of it and the week's last day. */
  readonly today: Day;
  /** Started plans, with `done` as it stood at the end of the reported week. */
  readonly plans: readonly Plan[];
  /** Completions (first completion day per item) from 3 weeks before `from` to the week's end. */
  readonly completions: readonly ReportCompletion[];
  /** LeetCode sessions of the reported week. */
  readonly sessions: readonly SessionLike[];
  /** All study days with sessions (for streaks). */
  readonly sessionCounts: ReadonlyMap<Day, number>;
  readonly streakSettings: StreakSettings;
}

export function buildReport(input: ReportInput): Report {
  const { from, weekStartsOn } = input;
  const to = addDaysTo(from, 6);
  const inWeek = (d: Day): boolean => d >= from && d <= to;
  const paceFrom = addDaysTo(from, -21);

  const completed = input.completions.filter((c) => inWeek(c.date));
  const weekSessions = input.sessions.filter((s) => inWeek(s.day));
  const stats = leetStats(weekSessions, weekStartsOn);
  const strip = Array.from({ length: 7 }, (_, i) => {
    const date = addDaysTo(from, i);
    return { date, count: input.sessionCounts.get(date) ?? 0 };
  });
  const asOf = input.today < to ? input.today : to;
  const streak = computeStreak(input.sessionCounts, asOf, input.streakSettings);

  const roadmaps: ReportRoadmap[] = input.plans.map((plan) => {
    const week = planWeekOf(plan.startDay, from, weekStartsOn);
    const status = planStatus(plan, week);
    const progress = progressOf(plan.roadmap, plan.done);
    const leafIds = new Set<string>();
    for (const s of plan.roadmap.sections) {
      const walk = (items: typeof s.items): void => {
        for (const it of items) it.children.length ? walk(it.children) : leafIds.add(it.id);
      };
      walk(s.items);
    }
    const recent = input.completions.filter((c) => c.roadmap === plan.roadmap.id && leafIds.has(c.id) && c.date >= paceFrom && c.date <= to).length;
    // Items per week over the last 4 weeks, or over the weeks since the plan began.
    const pace = recent / Math.min(4, Math.max(1, week));
    const remaining = progress.total - progress.done;
    const projectedFinish = remaining === 0 ? to : pace > 0 ? addDaysTo(to, Math.ceil(remaining / pace) * 7) : null;
    const of = plan.schedule.totalWeeks;
    return {
      id: plan.roadmap.id,
      title: plan.roadmap.title,
      done: progress.done,
      total: progress.total,
      percent: progress.percent,
      expectedPercent: percentOf(status.expected, status.total),
      status: status.status,
      behindBy: status.behindBy,
      aheadBy: status.aheadBy,
      week,
      of,
      pace,
      projectedFinish,
      plannedFinish: of > 0 ? weekEnd(plan.startDay, of, weekStartsOn) : null,
    };
  });

  const upcoming = input.plans.flatMap((plan) => {
    const next = planWeekOf(plan.startDay, from, weekStartsOn) + 1;
    return entriesOf(plan)
      .filter((e) => !e.done && e.span[0] <= next && next <= e.span[1])
      .map((e) => ({ id: e.id, title: e.title, roadmap: plan.roadmap.id, dueWeek: e.due, next }));
  });
  const nextWeek = upcoming.filter((e) => e.dueWeek === e.next).map(({ id, title, roadmap }) => ({ id, title, roadmap }));
  const nextWeekPlanned = upcoming.map(({ id, title, roadmap, dueWeek }) => ({ id, title, roadmap, dueWeek }));

  return {
    week: weekLabel(from, weekStartsOn),
    from,
    to,
    completed,
    leetcode: {
      sessions: stats.sessions,
      problems: stats.problems,
      byDifficulty: stats.byDifficulty,
      minutes: stats.minutes,
      days: strip.filter((d) => d.count > 0).length,
      strip,
    },
    streak: { current: streak.current, longest: streak.longest },
    roadmaps,
    nextWeek,
    nextWeekPlanned,
  };
}

// ---------------------------------------------------------------------------------------
// The same report from counts the store keeps by index (issue #7): `study report` reads
// no roadmap model and no completion outside the weeks it reports. buildReport above is
// the reference it is held to (test/perf.test.ts, on random stores).

/** A started plan as the store's indexes give it, for the reported week. */
export interface IndexedPlan {
  readonly roadmapId: string;
  readonly title: string;
  readonly startDay: Day;
  readonly totalWeeks: number;
  /** Its leaf items, and how many its schedule has due in each plan week ([week, n]). */
  readonly leaves: { readonly total: number; readonly due: readonly (readonly [number, number])[] };
  /**
   * Its leaf items done as of the end of the reported week (marked in the file, or first
   * completed by then): how many, how many of those are due by the reported plan week, how
   * many have no due week, and how many were first completed in the 4 weeks ending with it.
   */
  readonly doneAsOf: { readonly done: number; readonly doneDue: number; readonly doneUnscheduled: number; readonly recent: number };
  /** Entries worked on in the plan week after the reported one that were open at the end of the reported week, in file order. */
  readonly nextWeek: readonly { readonly id: string; readonly title: string; readonly dueWeek: number }[];
}

export interface IndexedReportInput {
  /** First day of the reported week. */
  readonly from: Day;
  readonly weekStartsOn: number;
  /** Started plans, by roadmap id. */
  readonly plans: readonly IndexedPlan[];
  /** Items first completed in the reported week, by day then id. */
  readonly completed: readonly ReportCompletion[];
  /** LeetCode sessions of the reported week, oldest first. */
  readonly sessions: readonly SessionLike[];
  /** Sessions per day of the reported week. */
  readonly dayCounts: ReadonlyMap<Day, number>;
  /** The LeetCode streak as of the earlier of today and the week's last day. */
  readonly streak: { readonly current: number; readonly longest: number };
}

/** buildReport's result, from the counts of IndexedReportInput. */
export function reportFromIndex(input: IndexedReportInput): Report {
  const { from, weekStartsOn } = input;
  const to = addDaysTo(from, 6);
  const stats = leetStats(input.sessions, weekStartsOn);
  const strip = Array.from({ length: 7 }, (_, i) => {
    const date = addDaysTo(from, i);
    return { date, count: input.dayCounts.get(date) ?? 0 };
  });

  const roadmaps: ReportRoadmap[] = input.plans.map((plan) => {
    const week = planWeekOf(plan.startDay, from, weekStartsOn);
    const total = plan.leaves.total;
    const { done, doneDue, doneUnscheduled, recent } = plan.doneAsOf;
    // core/agenda.ts planStatus, in counts: A leaves due by the week, B of them done, C done without a due week.
    const dueBy = plan.leaves.due.reduce((n, [w, count]) => (w <= week ? n + count : n), 0);
    const behindBy = dueBy - doneDue;
    const aheadBy = done - doneDue - doneUnscheduled;
    const expected = dueBy + doneUnscheduled;
    let status: PlanStatus['status'];
    let behind = behindBy;
    if (total > 0 && done === total) {
      status = 'finished';
      behind = 0;
    } else if (week < 0) {
      status = 'not started';
      behind = 0;
    } else if (behindBy > 0) status = 'behind';
    else status = aheadBy > 0 ? 'ahead' : 'on track';
    const pace = recent / Math.min(4, Math.max(1, week));
    const remaining = total - done;
    const projectedFinish = remaining === 0 ? to : pace > 0 ? addDaysTo(to, Math.ceil(remaining / pace) * 7) : null;
    const of = plan.totalWeeks;
    return {
      id: plan.roadmapId,
      title: plan.title,
      done,
      total,
      percent: percentOf(done, total),
      expectedPercent: percentOf(expected, total),
      status,
      behindBy: behind,
      aheadBy,
      week,
      of,
      pace,
      projectedFinish,
      plannedFinish: of > 0 ? weekEnd(plan.startDay, of, weekStartsOn) : null,
    };
  });

  const upcoming = input.plans.flatMap((plan) => {
    const next = planWeekOf(plan.startDay, from, weekStartsOn) + 1;
    return plan.nextWeek.map((e) => ({ id: e.id, title: e.title, roadmap: plan.roadmapId, dueWeek: e.dueWeek, next }));
  });
  const nextWeek = upcoming.filter((e) => e.dueWeek === e.next).map(({ id, title, roadmap }) => ({ id, title, roadmap }));
  const nextWeekPlanned = upcoming.map(({ id, title, roadmap, dueWeek }) => ({ id, title, roadmap, dueWeek }));

  return {
    week: weekLabel(from, weekStartsOn),
    from,
    to,
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
    nextWeek,
    nextWeekPlanned,
  };
}
