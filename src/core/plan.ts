// A started plan's schedule as the things a learner works on: its entries (what `today`
// and `schedule` list, each with the weeks it is worked on and the week it is due), its
// leaf items with their due weeks (the units of progress), and re-planning. Pure: the
// roadmap model and a schedule (core/schedule.ts) in, plain rows out.
import { planWeekRange, type Day } from './calendar.js';
import { priorityRank } from './effort.js';
import type { Item, Roadmap, WeekRange } from './model.js';
import type { Schedule } from './schedule.js';

/** An entry of a plan: a piece of work listed as one line, with its weeks. */
export interface Entry {
  readonly id: string;
  readonly title: string;
  readonly sectionTitle: string;
  /** The first plan week it is worked on. */
  readonly firstWeek: number;
  /** The plan week it is due in (the last one it is worked on). */
  readonly dueWeek: number;
  /** Priority rank, 0 (critical) .. 3 (low). */
  readonly rank: number;
  /** Position in the roadmap, in file order. */
  readonly order: number;
}

/** An entry with whether it is done (it, or everything under it). */
export interface EntryState extends Entry {
  readonly done: boolean;
}

/**
 * The entries of a plan, in file order: for weekly and phased plans the top-level items
 * of scheduled sections, for checklists and tracks each scheduling unit (core/schedule.ts
 * spans). Children belong to their entry.
 */
export function planEntries(roadmap: Roadmap, schedule: Schedule): Entry[] {
  const out: Entry[] = [];
  const walk = (items: readonly Item[], sectionTitle: string, inherited: string | null): void => {
    for (const item of items) {
      const priority = item.priority ?? inherited;
      const span = schedule.spans[item.id];
      if (span) {
        out.push({
          id: item.id,
          title: item.title,
          sectionTitle,
          firstWeek: span[0],
          dueWeek: span[1],
          rank: priorityRank(priority),
          order: item.order,
        });
      } else {
        walk(item.children, sectionTitle, priority);
      }
    }
  };
  for (const section of roadmap.sections) walk(section.items, section.title, section.priority);
  return out;
}

/** The leaf items of a roadmap (the units of progress) with the plan week each is due in, or null (unscheduled). */
export function planLeaves(roadmap: Pick<Roadmap, 'sections'>, schedule: Pick<Schedule, 'due'> | null): { id: string; due: number | null }[] {
  const out: { id: string; due: number | null }[] = [];
  const walk = (items: readonly Item[]): void => {
    for (const item of items) {
      if (item.children.length === 0) out.push({ id: item.id, due: schedule?.due[item.id] ?? null });
      else walk(item.children);
    }
  };
  for (const section of roadmap.sections) walk(section.items);
  return out;
}

/** The longest an entry is worked on, in weeks, minus one: the entries worked on in week w start in w - maxSpan .. w. */
export function maxSpanOf(entries: readonly Entry[]): number {
  return entries.reduce((m, e) => Math.max(m, e.dueWeek - e.firstWeek), 0);
}

/**
 * Moves unfinished work of past weeks forward so that none of it is before `currentWeek`:
 * every entry that still has open work and starts before the first week with open work
 * shifts by the same number of weeks, so the plan keeps its shape and simply resumes
 * now. Finished work keeps its weeks. Returns the schedule unchanged when nothing open is
 * in the past.
 */
export function replan(
  roadmap: Roadmap,
  schedule: Schedule,
  done: ReadonlySet<string>,
  currentWeek: number,
): { schedule: Schedule; shift: number; moved: number } {
  const open = planEntries(roadmap, schedule).filter((e) => !done.has(e.id));
  if (open.length === 0) return { schedule, shift: 0, moved: 0 };
  const firstOpen = Math.min(...open.map((e) => e.firstWeek));
  const overdueCount = open.filter((e) => e.dueWeek < currentWeek).length;
  const shift = Math.max(0, currentWeek - firstOpen);
  if (shift === 0 || overdueCount === 0) return { schedule, shift: 0, moved: 0 };
  return { schedule: shiftEntries(roadmap, schedule, new Set(open.map((e) => e.id)), shift), shift, moved: overdueCount };
}

/**
 * After a pause: the open work due in plan week `fromWeek` or later moves `shift` weeks
 * forward (the weeks the plan was paused), so those weeks do not count against it.
 * Finished work, and work that was overdue before the pause, keep their weeks.
 */
export function resumeAfter(roadmap: Roadmap, schedule: Schedule, done: ReadonlySet<string>, fromWeek: number, shift: number): Schedule {
  if (shift <= 0) return schedule;
  const moving = planEntries(roadmap, schedule).filter((e) => !done.has(e.id) && e.dueWeek >= fromWeek);
  return moving.length === 0 ? schedule : shiftEntries(roadmap, schedule, new Set(moving.map((e) => e.id)), shift);
}

/** The schedule with the entries `ids` (and every item inside them) `shift` weeks later; sections and length follow. */
function shiftEntries(roadmap: Roadmap, schedule: Schedule, ids: ReadonlySet<string>, shift: number): Schedule {
  const spans: Record<string, WeekRange> = {};
  const due: Record<string, number | null> = { ...schedule.due };
  for (const [id, span] of Object.entries(schedule.spans)) {
    spans[id] = ids.has(id) ? [span[0] + shift, span[1] + shift] : span;
  }
  // Every item inside a moved entry moves with it.
  const moveTree = (item: Item, moved: boolean): void => {
    const isMoved = moved || ids.has(item.id);
    if (isMoved && due[item.id] != null) due[item.id] = due[item.id]! + shift;
    for (const c of item.children) moveTree(c, isMoved);
  };
  for (const section of roadmap.sections) for (const item of section.items) moveTree(item, false);
  const sections: Record<string, WeekRange | null> = {};
  for (const section of roadmap.sections) {
    const spansHere = section.items.flatMap(function collect(item: Item): WeekRange[] {
      const s = spans[item.id];
      return s ? [s] : item.children.flatMap(collect);
    });
    sections[section.id] = spansHere.length
      ? [Math.min(...spansHere.map((s) => s[0])), Math.max(...spansHere.map((s) => s[1]))]
      : (schedule.sections[section.id] ?? null);
  }
  const totalWeeks = Math.max(0, ...Object.values(spans).map((s) => s[1]));
  return { totalWeeks, sections, due, spans };
}

/** The last day of a plan week. */
export function weekEnd(startDay: Day, week: number, weekStartsOn: number): Day {
  return planWeekRange(startDay, week, weekStartsOn)[1];
}

/** The day a plan is planned to finish (the last day of its last week), or null when nothing is scheduled. */
export function plannedFinish(startDay: Day, totalWeeks: number, weekStartsOn: number): Day | null {
  return totalWeeks > 0 ? weekEnd(startDay, totalWeeks, weekStartsOn) : null;
}
