// The agenda index: what `study today` needs of each started plan, as flat rows that the
// store keeps beside the plans (store version 3), so that today reads only the rows it
// shows and never parses a roadmap model or a schedule (issue #7). The rows are derived
// from core/agenda.ts entriesOf, and turned back into the same PlanToday here. Pure.
import { entriesOf, type Entry, type Plan, type PlanToday } from './agenda.js';
import { planWeekOf, planWeekRange, type Day } from './calendar.js';
import type { Roadmap } from './model.js';

/** One agenda entry of a started plan, as stored. */
export interface EntryRow {
  readonly id: string;
  readonly title: string;
  readonly section: string;
  readonly firstWeek: number;
  readonly dueWeek: number;
  readonly rank: number;
  readonly order: number;
  readonly open: boolean;
}

/** What today needs of a started plan besides its entries. */
export interface PlanHead {
  readonly roadmapId: string;
  readonly title: string;
  readonly startDay: Day;
  readonly totalWeeks: number;
  /** The longest span of an entry minus one: entries worked on in week w start in w - maxSpan .. w. */
  readonly maxSpan: number;
}

/** The rows of a plan: its head and its entries (in file order). */
export function indexRows(plan: Plan): { head: PlanHead; entries: EntryRow[] } {
  const entries = entriesOf(plan).map((e) => ({
    id: e.id,
    title: e.title,
    section: e.sectionTitle,
    firstWeek: e.span[0],
    dueWeek: e.due,
    rank: e.rank,
    order: e.order,
    open: !e.done,
  }));
  const maxSpan = entries.reduce((m, e) => Math.max(m, e.dueWeek - e.firstWeek), 0);
  return {
    head: { roadmapId: plan.roadmap.id, title: plan.roadmap.title, startDay: plan.startDay, totalWeeks: plan.schedule.totalWeeks, maxSpan },
    entries,
  };
}

/** The habits a roadmap declares, as the index keeps them (id and title are all `allHabits` reads). */
export function habitRefs(roadmap: Pick<Roadmap, 'habits'>): { id: string; title: string }[] {
  return (roadmap.habits ?? []).map((h) => ({ id: h.id, title: h.title }));
}

/**
 * Whether the item `rootId` is done, from its subtree's items (the root and everything
 * under it) and whether each is marked (a completion or `done: true` in the file): the
 * rule of core/progress.ts resolveDone, an item is done when marked or when it has
 * children and all of them are done.
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

/** Segments of an id in reverse order ('r/s/a/b' -> 'b/a/s/r'): a suffix of ids becomes a prefix, which an index can find. */
export function reversedId(id: string): string {
  return id.split('/').reverse().join('/');
}

const entryOf = (r: EntryRow): Entry => ({
  id: r.id,
  title: r.title,
  done: !r.open,
  due: r.dueWeek,
  span: [r.firstWeek, r.dueWeek],
  sectionTitle: r.section,
  rank: r.rank,
  order: r.order,
});

/**
 * A plan's day from its index rows: the same PlanToday as core/agenda.ts planToday.
 * `weekRows`: the entries worked on in `week` (any order); `overdueRows`: the open entries
 * due before `week`, by due week, priority rank and file order; `upcomingRow`: the first
 * open entry that starts after `week`, by first week, priority rank and file order.
 */
export function planTodayFromIndex(
  head: PlanHead,
  week: number,
  weekRows: readonly EntryRow[],
  overdueRows: readonly EntryRow[],
  upcomingRow: EntryRow | null,
  weekStartsOn: number,
): PlanToday {
  const [from, to] = planWeekRange(head.startDay, week, weekStartsOn);
  const tasks = [...weekRows].sort((a, b) => a.order - b.order).map(entryOf);
  const of = head.totalWeeks;
  return {
    roadmap: head.roadmapId,
    title: head.title,
    week,
    of,
    from,
    to,
    sections: [...new Set(tasks.map((e) => e.sectionTitle))],
    tasks,
    overdue: overdueRows.map(entryOf),
    upcoming: upcomingRow ? entryOf(upcomingRow) : null,
    startsOn: planWeekRange(head.startDay, 1, weekStartsOn)[0],
    finishOn: of > 0 ? planWeekRange(head.startDay, of, weekStartsOn)[1] : null,
  };
}

/** The current plan week of a plan head on `today`. */
export function weekOf(head: Pick<PlanHead, 'startDay'>, today: Day, weekStartsOn: number): number {
  return planWeekOf(head.startDay, today, weekStartsOn);
}
