// What a started plan means on a given day (`study today`): its current week's entries
// with done marks, what is overdue, its progress, and across plans the one best next task.
// Pure: the store's rows and the day come in as data. Long lists are cut to fit a screen,
// with counts of what was left out.
import { planWeekRange, type Day } from './calendar.js';
import type { EntryState } from './plan.js';
import type { Progress } from './progress.js';

/** Entries of the current week shown per plan, at most. */
export const MAX_WEEK_ENTRIES = 12;
/** Overdue entries shown per plan, at most. */
export const MAX_OVERDUE = 8;

export interface PlanDay {
  readonly roadmap: string;
  readonly title: string;
  /** The current plan week: < 1 before the plan begins, > of after it ends. */
  readonly week: number;
  readonly of: number;
  /** The current plan week's first and last day (before the plan begins: its first week's). */
  readonly from: Day;
  readonly to: Day;
  /** Titles of the sections worked on this week (of every entry, shown or not). */
  readonly sections: string[];
  /** This week's entries shown, in file order: the open ones first when they are too many. */
  readonly tasks: EntryState[];
  /** This week's entries in all. */
  readonly tasksTotal: number;
  /** Overdue entries shown: the oldest first, then by priority and file order. */
  readonly overdue: EntryState[];
  readonly overdueTotal: number;
  /** The first open entry of a later week: what to work on once this week is done. */
  readonly upcoming: EntryState | null;
  readonly startsOn: Day;
  readonly finishOn: Day | null;
  readonly progress: Progress;
  /** The day the plan was paused, while it is. */
  readonly pausedSince?: Day;
}

export interface PlanDayInput {
  readonly roadmap: string;
  readonly title: string;
  readonly startDay: Day;
  readonly totalWeeks: number;
  readonly week: number;
  /** Every entry worked on in `week` (any order). */
  readonly weekEntries: readonly EntryState[];
  /** The first MAX_OVERDUE overdue entries, in order, and how many there are. */
  readonly overdue: readonly EntryState[];
  readonly overdueTotal: number;
  readonly upcoming: EntryState | null;
  readonly progress: Progress;
  readonly weekStartsOn: number;
  readonly pausedSince?: Day;
}

const byOrder = (a: EntryState, b: EntryState): number => a.order - b.order;
const byPriority = (a: EntryState, b: EntryState): number => a.rank - b.rank || a.order - b.order;
const byUrgency = (a: EntryState, b: EntryState): number => a.dueWeek - b.dueWeek || byPriority(a, b);

/** A plan's day, its lists cut to fit a screen. */
export function planDay(input: PlanDayInput): PlanDay {
  const { week, weekStartsOn } = input;
  // Before the plan begins, its first week is the one to show.
  const [from, to] = planWeekRange(input.startDay, Math.max(1, week), weekStartsOn);
  const all = [...input.weekEntries].sort(byOrder);
  const tasks =
    all.length <= MAX_WEEK_ENTRIES
      ? all
      : [...all].sort((a, b) => Number(a.done) - Number(b.done) || byPriority(a, b)).slice(0, MAX_WEEK_ENTRIES).sort(byOrder);
  const of = input.totalWeeks;
  return {
    roadmap: input.roadmap,
    title: input.title,
    week,
    of,
    from,
    to,
    sections: [...new Set(all.map((e) => e.sectionTitle))],
    tasks,
    tasksTotal: all.length,
    overdue: input.overdue.slice(0, MAX_OVERDUE),
    overdueTotal: input.overdueTotal,
    upcoming: input.upcoming,
    startsOn: planWeekRange(input.startDay, 1, weekStartsOn)[0],
    finishOn: of > 0 ? planWeekRange(input.startDay, of, weekStartsOn)[1] : null,
    progress: input.progress,
    ...(input.pausedSince ? { pausedSince: input.pausedSince } : {}),
  };
}

/**
 * The one best next task: overdue first (oldest, then priority, then order), then this
 * week's by priority, then, with this week done, the earliest of the weeks ahead.
 */
export function nextTask(plans: readonly PlanDay[]): (EntryState & { roadmap: string }) | null {
  const overdue = plans.flatMap((p) => p.overdue.map((e) => ({ ...e, roadmap: p.roadmap })));
  if (overdue.length) return overdue.sort(byUrgency)[0]!;
  const open = plans.flatMap((p) => (p.week >= 1 ? p.tasks.filter((e) => !e.done).map((e) => ({ ...e, roadmap: p.roadmap })) : []));
  if (open.length) return open.sort(byPriority)[0]!;
  const ahead = plans.flatMap((p) => (p.upcoming ? [{ ...p.upcoming, roadmap: p.roadmap }] : []));
  return ahead.sort((a, b) => a.firstWeek - b.firstWeek || byPriority(a, b))[0] ?? null;
}
