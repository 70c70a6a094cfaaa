// What a started plan means on a given day: the current plan week, that week's entries
// with done marks, what is overdue, the next best task, the coming weeks, and re-planning.
// Pure: the roadmap, its schedule, the done set and the day come in as data.
import { planWeekOf, planWeekRange, weekLabel, type Day } from './calendar.js';
import { priorityRank } from './effort.js';
import type { Item, Roadmap, WeekRange } from './model.js';
import type { Schedule } from './schedule.js';

export interface Plan {
  readonly roadmap: Roadmap;
  readonly startDay: Day;
  readonly schedule: Schedule;
  /** Resolved done set (core/progress.ts resolveDone). */
  readonly done: ReadonlySet<string>;
}

export interface Entry {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
  /** Plan week the entry is due. */
  readonly due: number;
  readonly span: WeekRange;
  readonly sectionTitle: string;
  readonly rank: number;
  readonly order: number;
}

export interface WeekView {
  readonly week: number;
  readonly label: string;
  readonly from: Day;
  readonly to: Day;
  /** Titles of the sections worked on this week. */
  readonly sections: string[];
  readonly entries: Entry[];
}

export interface PlanToday {
  readonly roadmap: string;
  readonly title: string;
  /** The current plan week: < 1 before the plan begins, > of after it ends. */
  readonly week: number;
  readonly of: number;
  readonly from: Day;
  readonly to: Day;
  readonly sections: string[];
  readonly tasks: Entry[];
  readonly overdue: Entry[];
  /** The first open entry of a later week: what to work on once this week is done. */
  readonly upcoming: Entry | null;
  readonly startsOn: Day;
  readonly finishOn: Day | null;
}

/** The agenda entries of a plan, in file order, with their due weeks and spans. */
export function entriesOf(plan: Plan): Entry[] {
  const out: Entry[] = [];
  const walk = (items: readonly Item[], sectionTitle: string, inherited: string | null): void => {
    for (const item of items) {
      const priority = item.priority ?? inherited;
      const span = plan.schedule.spans[item.id];
      if (span) {
        out.push({
          id: item.id,
          title: item.title,
          done: plan.done.has(item.id),
          due: span[1],
          span,
          sectionTitle,
          rank: priorityRank(priority),
          order: item.order,
        });
      } else {
        walk(item.children, sectionTitle, priority);
      }
    }
  };
  for (const section of plan.roadmap.sections) walk(section.items, section.title, section.priority);
  return out;
}

const byUrgency = (a: Entry, b: Entry): number => a.due - b.due || a.rank - b.rank || a.order - b.order;
const byPriority = (a: Entry, b: Entry): number => a.rank - b.rank || a.order - b.order;

function sectionsIn(entries: readonly Entry[]): string[] {
  return [...new Set(entries.map((e) => e.sectionTitle))];
}

export function weekView(plan: Plan, week: number, weekStartsOn: number, entries = entriesOf(plan)): WeekView {
  const [from, to] = planWeekRange(plan.startDay, week, weekStartsOn);
  const inWeek = entries.filter((e) => e.span[0] <= week && week <= e.span[1]);
  return { week, label: weekLabel(from, weekStartsOn), from, to, sections: sectionsIn(inWeek), entries: inWeek };
}

export function planToday(plan: Plan, today: Day, weekStartsOn: number): PlanToday {
  const entries = entriesOf(plan);
  const week = planWeekOf(plan.startDay, today, weekStartsOn);
  const view = weekView(plan, week, weekStartsOn, entries);
  const of = plan.schedule.totalWeeks;
  return {
    roadmap: plan.roadmap.id,
    title: plan.roadmap.title,
    week,
    of,
    from: view.from,
    to: view.to,
    sections: view.sections,
    tasks: view.entries,
    overdue: entries.filter((e) => !e.done && e.due < week).sort(byUrgency),
    upcoming: entries.filter((e) => !e.done && e.span[0] > week).sort((a, b) => a.span[0] - b.span[0] || byPriority(a, b))[0] ?? null,
    startsOn: planWeekRange(plan.startDay, 1, weekStartsOn)[0],
    finishOn: of > 0 ? planWeekRange(plan.startDay, of, weekStartsOn)[1] : null,
  };
}

/**
 * The one best next task: overdue first (oldest, then priority, then order), then this
 * week's by priority, then, with this week done, the earliest of the weeks ahead.
 */
export function nextTask(plans: readonly PlanToday[]): (Entry & { roadmap: string }) | null {
  const overdue = plans.flatMap((p) => p.overdue.map((e) => ({ ...e, roadmap: p.roadmap })));
  if (overdue.length) return overdue.sort(byUrgency)[0]!;
  const open = plans.flatMap((p) => p.tasks.filter((e) => !e.done).map((e) => ({ ...e, roadmap: p.roadmap })));
  if (open.length) return open.sort(byPriority)[0]!;
  const ahead = plans.flatMap((p) => (p.upcoming ? [{ ...p.upcoming, roadmap: p.roadmap }] : []));
  return ahead.sort((a, b) => a.span[0] - b.span[0] || byPriority(a, b))[0] ?? null;
}

/** Weeks `from`..`from + count - 1` of a plan (clamped to week 1 and the plan's end). */
export function comingWeeks(plan: Plan, fromWeek: number, count: number, weekStartsOn: number): WeekView[] {
  const entries = entriesOf(plan);
  const first = Math.max(1, fromWeek);
  const last = Math.min(Math.max(first, plan.schedule.totalWeeks), first + count - 1);
  const out: WeekView[] = [];
  for (let w = first; w <= last; w++) out.push(weekView(plan, w, weekStartsOn, entries));
  return out;
}

/**
 * Moves unfinished work of past weeks forward so that none of it is before `currentWeek`:
 * every section (and entry) that still has open work and starts before the first week
 * with open work shifts by the same number of weeks, so the plan keeps its shape and
 * simply resumes now. Finished work keeps its weeks. Returns the plan unchanged when
 * nothing open is in the past.
 */
export function replan(plan: Plan, currentWeek: number): { schedule: Schedule; shift: number; moved: number } {
  const entries = entriesOf(plan);
  const open = entries.filter((e) => !e.done);
  if (open.length === 0) return { schedule: plan.schedule, shift: 0, moved: 0 };
  const firstOpen = Math.min(...open.map((e) => e.span[0]));
  const overdueCount = open.filter((e) => e.due < currentWeek).length;
  const shift = Math.max(0, currentWeek - firstOpen);
  if (shift === 0 || overdueCount === 0) return { schedule: plan.schedule, shift: 0, moved: 0 };

  const openIds = new Set(open.map((e) => e.id));
  const spans: Record<string, WeekRange> = {};
  const due: Record<string, number | null> = { ...plan.schedule.due };
  for (const [id, span] of Object.entries(plan.schedule.spans)) {
    spans[id] = openIds.has(id) ? [span[0] + shift, span[1] + shift] : span;
  }
  // Every item inside a moved entry moves with it.
  const moveTree = (item: Item, moved: boolean): void => {
    const isMoved = moved || openIds.has(item.id);
    if (isMoved && due[item.id] != null) due[item.id] = due[item.id]! + shift;
    for (const c of item.children) moveTree(c, isMoved);
  };
  for (const section of plan.roadmap.sections) for (const item of section.items) moveTree(item, false);
  const sections: Record<string, WeekRange | null> = {};
  for (const section of plan.roadmap.sections) {
    const spansHere = section.items.flatMap(function collect(item: Item): WeekRange[] {
      const s = spans[item.id];
      return s ? [s] : item.children.flatMap(collect);
    });
    sections[section.id] = spansHere.length
      ? [Math.min(...spansHere.map((s) => s[0])), Math.max(...spansHere.map((s) => s[1]))]
      : plan.schedule.sections[section.id] ?? null;
  }
  const totalWeeks = Math.max(0, ...Object.values(spans).map((s) => s[1]));
  return { schedule: { totalWeeks, sections, due, spans }, shift, moved: overdueCount };
}

/** The last day of a plan week. */
export function weekEnd(startDay: Day, week: number, weekStartsOn: number): Day {
  return planWeekRange(startDay, week, weekStartsOn)[1];
}


export interface PlanStatus {
  readonly status: 'ahead' | 'on track' | 'behind' | 'finished' | 'not started';
  /** Open leaf items due in or before `throughWeek`. */
  readonly behindBy: number;
  /** Done leaf items due after `throughWeek`. */
  readonly aheadBy: number;
  /** Leaf items the schedule expects done by the end of `throughWeek` (done in the file ones included). */
  readonly expected: number;
  readonly total: number;
}

/** Leaf items of a roadmap with their due weeks. */
function leavesOf(plan: Plan): { id: string; due: number | null; done: boolean }[] {
  const out: { id: string; due: number | null; done: boolean }[] = [];
  const walk = (items: readonly Item[]): void => {
    for (const item of items) {
      if (item.children.length === 0) out.push({ id: item.id, due: plan.schedule.due[item.id] ?? null, done: plan.done.has(item.id) });
      else walk(item.children);
    }
  };
  for (const section of plan.roadmap.sections) walk(section.items);
  return out;
}

/**
 * How a plan stands once plan week `throughWeek` is over, in leaf items (the units of
 * progress): behind by the open items due by then, else ahead by the done items due later.
 */
export function planStatus(plan: Plan, throughWeek: number): PlanStatus {
  const leaves = leavesOf(plan);
  const dueBy = (l: { due: number | null }): boolean => l.due !== null && l.due <= throughWeek;
  const behindBy = leaves.filter((l) => !l.done && dueBy(l)).length;
  const aheadBy = leaves.filter((l) => l.done && l.due !== null && l.due > throughWeek).length;
  const expected = leaves.filter((l) => dueBy(l) || (l.due === null && l.done)).length;
  const base = { behindBy, aheadBy, expected, total: leaves.length };
  if (leaves.length > 0 && leaves.every((l) => l.done)) return { status: 'finished', ...base, behindBy: 0 };
  if (throughWeek < 0) return { status: 'not started', ...base, behindBy: 0 };
  if (behindBy > 0) return { status: 'behind', ...base };
  return { status: aheadBy > 0 ? 'ahead' : 'on track', ...base };
}

export function describeStatus(s: PlanStatus): string {
  if (s.status === 'behind') return `behind by ${s.behindBy} item${s.behindBy === 1 ? '' : 's'}`;
  if (s.status === 'ahead') return `ahead by ${s.aheadBy} item${s.aheadBy === 1 ? '' : 's'}`;
  return s.status;
}
