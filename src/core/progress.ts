// Done state and progress. Progress is counted in leaf items (the units of work: a parent
// is the sum of its children), and every command that shows progress (today, roadmaps,
// show, schedule, report, done) gets it from `progressOf` here, with counts the store
// keeps, so that no two commands disagree. Pure.
import { addDaysTo, planWeekOf, type Day } from './calendar.js';
import type { Item, Roadmap } from './model.js';
import { plannedFinish } from './plan.js';

/**
 * Every item that counts as done: those marked (in the file or by a completion), and
 * parents whose children are all done. A file mark applies to its own item only.
 */
export function resolveDone(roadmap: Pick<Roadmap, 'sections'>, marked: ReadonlySet<string>): Set<string> {
  const done = new Set<string>();
  const visit = (item: Item): boolean => {
    let allChildren = item.children.length > 0;
    for (const child of item.children) if (!visit(child)) allChildren = false;
    const isDone = marked.has(item.id) || item.doneInFile || allChildren;
    if (isDone) done.add(item.id);
    return isDone;
  };
  for (const section of roadmap.sections) for (const item of section.items) visit(item);
  return done;
}

/**
 * Whether the item `rootId` is done, from its subtree's items (the root and everything
 * under it) and whether each is marked (a completion or `done: true` in the file): the
 * rule of resolveDone for one subtree.
 */
export function subtreeDone(rootId: string, items: readonly { id: string; parentId: string | null; marked: boolean }[]): boolean {
  const children = new Map<string, string[]>();
  const marked = new Map<string, boolean>();
  for (const i of items) {
    marked.set(i.id, i.marked);
    if (i.parentId !== null) {
      const list = children.get(i.parentId);
      if (list) list.push(i.id);
      else children.set(i.parentId, [i.id]);
    }
  }
  const done = (id: string): boolean => {
    if (marked.get(id) === true) return true;
    const kids = children.get(id);
    return kids !== undefined && kids.length > 0 && kids.every(done);
  };
  return done(rootId);
}

/** 0-100, rounded down so that 100 means everything is done. */
export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

/** What progress is computed from: counts of leaf items, as the store keeps them. */
export interface ProgressCounts {
  /** Leaf items of the roadmap. */
  readonly total: number;
  /** Leaf items done by the end of the day counted to (marked in the file, or completed by then). */
  readonly done: number;
  /**
   * A started plan's leaf items by the plan week they are due in (week 0: not scheduled),
   * and how many of them are done. Empty for a roadmap that is not started.
   */
  readonly weeks: readonly { readonly week: number; readonly due: number; readonly done: number }[];
  /** Leaf items completed in the 4 weeks (28 days) up to and including the day counted to. */
  readonly recent: number;
}

/** When progress is judged, and the plan it is judged against. */
export interface AsOf {
  /** The last study day counted: today, or a past week's last day. */
  readonly day: Day;
  /** The plan week of that day (0 when there is no plan). */
  readonly week: number;
  /**
   * Whether that week is over (a past week's report speaks as of its end). Items due in
   * the weeks before it, and in it once it is over, are expected done; done items due
   * after it are ahead of the plan.
   */
  readonly over: boolean;
}

export type PlanStatus = 'ahead' | 'on track' | 'behind' | 'finished' | 'not started' | 'paused' | 'stopped';

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  /** Leaf items expected done by then: due in the weeks that are over (and done ones without a due week). */
  readonly expected: number;
  readonly expectedPercent: number;
  /** Open leaf items due in the weeks that are over. */
  readonly behindBy: number;
  /** Done leaf items due after the week of the day counted to. */
  readonly aheadBy: number;
  readonly status: PlanStatus;
  /** Leaf items done per week over the last 4 weeks (fewer while the plan is younger). */
  readonly pace: number;
  /** The weeks `pace` is over. */
  readonly paceWeeks: number;
  /** When the rest would be done at that pace; null without recent progress. */
  readonly projectedFinish: Day | null;
  readonly plannedFinish: Day | null;
  /** The plan week of the day counted to, and the plan's length in weeks (0 and 0 when not started). */
  readonly week: number;
  readonly of: number;
}

/** A started plan, as progress needs it. */
export interface PlanTiming {
  readonly startDay: Day;
  readonly totalWeeks: number;
  readonly weekStartsOn: number;
  /** Paused (its weeks do not count against it) or stopped (it ended); active when absent. */
  readonly state?: 'active' | 'paused' | 'stopped';
}

/** Progress of a roadmap (started or not) as of a moment: the one function every command shows. */
export function progressOf(counts: ProgressCounts, plan: PlanTiming | null, asOf: AsOf): Progress {
  const { total, done } = counts;
  let expected = 0;
  let behindBy = 0;
  let aheadBy = 0;
  for (const w of counts.weeks) {
    if (w.week === 0) expected += w.done;
    else if (w.week < asOf.week || (asOf.over && w.week === asOf.week)) {
      expected += w.due;
      behindBy += w.due - w.done;
    } else if (w.week > asOf.week) aheadBy += w.done;
  }
  let status: PlanStatus;
  if (total > 0 && done === total) status = 'finished';
  else if (plan?.state === 'stopped') status = 'stopped';
  else if (plan?.state === 'paused') status = 'paused';
  else if (plan === null || asOf.week < 1) status = 'not started';
  else if (behindBy > 0) status = 'behind';
  else status = aheadBy > 0 ? 'ahead' : 'on track';
  if (status !== 'behind' && status !== 'on track' && status !== 'ahead') behindBy = 0;

  const week = asOf.week;
  const paceWeeks = Math.min(4, Math.max(1, week));
  const pace = counts.recent / paceWeeks;
  const remaining = total - done;
  return {
    done,
    total,
    percent: percentOf(done, total),
    expected,
    expectedPercent: percentOf(expected, total),
    behindBy,
    aheadBy,
    status,
    pace,
    paceWeeks,
    projectedFinish: remaining === 0 ? asOf.day : pace > 0 ? addDaysTo(asOf.day, Math.ceil(remaining / pace) * 7) : null,
    plannedFinish: plan ? plannedFinish(plan.startDay, plan.totalWeeks, plan.weekStartsOn) : null,
    week,
    of: plan?.totalWeeks ?? 0,
  };
}

/** 'behind by 3 items', 'ahead by 1 item', 'on track', 'finished', 'not started'. */
export function describeStatus(p: Pick<Progress, 'status' | 'behindBy' | 'aheadBy'>): string {
  if (p.status === 'behind') return `behind by ${p.behindBy} item${p.behindBy === 1 ? '' : 's'}`;
  if (p.status === 'ahead') return `ahead by ${p.aheadBy} item${p.aheadBy === 1 ? '' : 's'}`;
  return p.status;
}

/**
 * The one rule for "as of when": now (`today`), or the end of a week that is over (its
 * last day `weekEnd` is before today). A week's report speaks as of its end once it is
 * over, and as of now before.
 */
export function asOf(plan: Pick<PlanTiming, 'startDay' | 'weekStartsOn'> | null, today: Day, weekEnd?: Day): AsOf {
  const over = weekEnd !== undefined && weekEnd < today;
  const day = over ? weekEnd : today;
  return { day, week: plan === null ? 0 : planWeekOf(plan.startDay, day, plan.weekStartsOn), over };
}
