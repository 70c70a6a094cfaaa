// Lists as plans: NeetCode 150 and Blind 75 from the catalogue, in the list's pattern
// order, and which new problems a started list gives a day. Pure: days are 'YYYY-MM-DD'.
import { daysBetween, weekdayOf, type Day } from '../calendar.js';
import { compareInListOrder, type CatalogueProblem } from './catalogue.js';

export const LIST_IDS = ['neetcode150', 'blind75'] as const;
export type ListId = (typeof LIST_IDS)[number];

export interface ListInfo {
  readonly id: ListId;
  readonly title: string;
}

export const LISTS: readonly ListInfo[] = [
  { id: 'neetcode150', title: 'NeetCode 150' },
  { id: 'blind75', title: 'Blind 75' },
];

export function isListId(v: unknown): v is ListId {
  return typeof v === 'string' && (LIST_IDS as readonly string[]).includes(v);
}

/** Problems a list schedules a day unless --per-day says otherwise. */
export const DEFAULT_PER_DAY = 1;
/** The most --per-day accepts. */
export const MAX_PER_DAY = 20;

/** --per-day: a whole number 1..20. */
export function checkPerDay(text: string): { value: number } | { error: string } {
  const v = text.trim();
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > MAX_PER_DAY) return { error: `expected a whole number of problems from 1 to ${MAX_PER_DAY}` };
  return { value: n };
}

/** The problems of a list, in its order (compareInListOrder: pattern, difficulty, number). */
export function listProblems(list: ListId, catalogue: readonly CatalogueProblem[]): CatalogueProblem[] {
  return catalogue.filter((p) => p[list]).sort(compareInListOrder);
}

/** A session as the plan reads it: the problem's catalogue number (null if none) and the result. */
export interface SolvedSession {
  readonly day: Day;
  readonly number: number | null;
  readonly result: string | null;
}

/**
 * number -> the first day the problem was solved. A session solves its problem unless its
 * result is 'attempted' (so solved, reviewed and solved with help all count).
 */
export function firstSolvedDays(sessions: readonly SolvedSession[]): Map<number, Day> {
  const first = new Map<number, Day>();
  for (const s of sessions) {
    if (s.number === null || s.result === 'attempted') continue;
    const d = first.get(s.number);
    if (d === undefined || s.day < d) first.set(s.number, s.day);
  }
  return first;
}

export interface ListProgress extends ListInfo {
  readonly solved: number;
  readonly total: number;
  /** The first unsolved problem in the list's order; null when all are solved. */
  readonly next: CatalogueProblem | null;
}

/** Progress through every list (for `study leet lists`). */
export function listsProgress(catalogue: readonly CatalogueProblem[], solved: ReadonlyMap<number, Day>): ListProgress[] {
  return LISTS.map((info) => {
    const problems = listProblems(info.id, catalogue);
    return {
      ...info,
      solved: problems.filter((p) => solved.has(p.number)).length,
      total: problems.length,
      next: problems.find((p) => !solved.has(p.number)) ?? null,
    };
  });
}

/** A started list. */
export interface ListPlan {
  /** The list's problems in its order (listProblems). */
  readonly problems: readonly CatalogueProblem[];
  /** First day of the plan (`--on`, else the day it was started). */
  readonly start: Day;
  /** New problems a day (`--per-day`), 1..20. */
  readonly perDay: number;
  /** Weekdays (0 = Sunday) with no new problems: the rest-days setting. */
  readonly restDays?: ReadonlySet<number>;
}

export interface PlannedProblem {
  readonly problem: CatalogueProblem;
  /** Solved on the day asked about. */
  readonly solved: boolean;
}

export interface PlanDay {
  /** The day's new problems: the ones solved that day first, then unsolved ones, `perDay` in all. */
  readonly today: PlannedProblem[];
  /** The first unsolved problem of the plan in the list's order (`study leet next`); null when done. */
  readonly next: CatalogueProblem | null;
  /** Problems of the plan solved since its start, up to and including `day`. */
  readonly done: number;
  /** Problems the plan holds: the list less what was solved before its start. */
  readonly total: number;
  /** How many problems the plan's pace expected by the end of `day` and are not solved (0 if none). */
  readonly behind: number;
}

/**
 * What a started list gives `day`. The plan is the list's problems in order, less those
 * first solved before `start`. It is a pace, not a calendar: each plan day (not a rest
 * day, on or after `start`) offers the first `perDay` problems not solved before that
 * day, so a missed day shifts the plan instead of piling up, and solving ahead moves it
 * on. Problems solved on `day` stay in that day's list, marked solved, and count towards
 * its `perDay` (so solving three on one day shows those three). `behind` measures the
 * distance from the pace: perDay x plan days so far, less problems solved since start.
 * Before `start`, and on a rest day, `today` is empty. `next` does not depend on `day`.
 */
export function planDay(plan: ListPlan, solved: ReadonlyMap<number, Day>, day: Day): PlanDay {
  const queue = plan.problems.filter((p) => {
    const d = solved.get(p.number);
    return d === undefined || d >= plan.start;
  });
  const solvedOnOrBefore = (p: CatalogueProblem, d: Day): boolean => {
    const s = solved.get(p.number);
    return s !== undefined && s <= d;
  };
  const next = queue.find((p) => !solved.has(p.number)) ?? null;
  const done = day < plan.start ? 0 : queue.filter((p) => solvedOnOrBefore(p, day)).length;
  const rest = plan.restDays ?? new Set<number>();

  let today: PlannedProblem[] = [];
  if (day >= plan.start && !rest.has(weekdayOf(day))) {
    const solvedToday = queue.filter((p) => solved.get(p.number) === day);
    const open = queue.filter((p) => !solvedOnOrBefore(p, day));
    const fill = Math.max(0, plan.perDay - solvedToday.length);
    const chosen = new Set([...solvedToday, ...open.slice(0, fill)]);
    today = queue.filter((p) => chosen.has(p)).map((p) => ({ problem: p, solved: solvedToday.includes(p) }));
  }
  const expected = Math.min(queue.length, plan.perDay * planDaysThrough(plan.start, day, rest));
  return { today, next, done, total: queue.length, behind: Math.max(0, expected - done) };
}

/** Days from `start` to `day` inclusive that are not rest days (0 when day < start). */
function planDaysThrough(start: Day, day: Day, rest: ReadonlySet<number>): number {
  const span = daysBetween(start, day) + 1;
  if (span <= 0) return 0;
  if (rest.size === 0) return span;
  const weeks = Math.floor(span / 7);
  let n = weeks * (7 - rest.size);
  const first = weekdayOf(start);
  for (let i = weeks * 7; i < span; i++) if (!rest.has((first + i) % 7)) n++;
  return n;
}
