// The scheduler: which plan weeks (1-based) each section occupies and in which week each
// item is due (SPEC section 4, "Scheduling rules"). Pure: no clock, no I/O; the caller
// turns plan weeks into dates with core/calendar.ts.
//
// - weekly: a section with `weeks: a-b` occupies a..b and every item in it (children
//   too, done or not) is due in week b. A section without weeks is unscheduled.
// - phased: sections run one after another from week 1 in file order. Explicit `weeks`
//   win (the section occupies exactly them and later sections start after them at the
//   earliest); a `duration` occupies durationWeeks(d, pace) weeks; `ongoing` is
//   unscheduled; a section with neither has its open work packed like a checklist from
//   the cursor and occupies at least one week. A section without explicit weeks whose
//   items are all done takes no weeks. Items of a scheduled phase, done ones too, are
//   due in its last week.
// - checklist and tracks: open scheduling units are packed into weeks by priority, then
//   file order, within hoursPerWeek (see packUnits). Done units take no time and are not
//   due (null).
//
// Durations arrive from the loader already in weeks (`10 days` -> 2 weeks, rounded up;
// `1 month` = 4 weeks); durationWeeks only picks min, middle or max and rounds up.

import { DEFAULT_EFFORT_HOURS, priorityRank } from './effort.js';
import type { Duration, Item, Roadmap, Section, WeekRange } from './model.js';
import { PACES } from './records.js';

// The paces live with the plan version record (core/records.ts), which the store checks on
// every write without loading the scheduler.
export { PACES } from './records.js';
export type Pace = (typeof PACES)[number];

export interface ScheduleOptions {
  /** Study hours per week (config `hours-per-week`, default 8); must be > 0. */
  hoursPerWeek: number;
  pace: Pace;
}

export interface Schedule {
  /** The last plan week used (0 if nothing is scheduled). */
  totalWeeks: number;
  /** Section id -> the plan weeks it occupies, or null when unscheduled. */
  sections: Record<string, WeekRange | null>;
  /** Every item id (children included) -> the plan week it is due in, or null. */
  due: Record<string, number | null>;
  /**
   * The agenda entries and the weeks each is worked on: for weekly and phased plans the
   * top-level items of a scheduled section (its whole range); for checklists and tracks
   * each open scheduling unit (from its first week to its due week). Children are part
   * of their entry and have no span of their own.
   */
  spans: Record<string, WeekRange>;
}

/** Float slack for sums of fractional hours (e.g. 20m = 0.333...h). */
const EPSILON = 1e-9;

/**
 * A phase's length in weeks for a pace: its min, its max, or the middle of the range
 * rounded up (`2-4 weeks` -> 2 / 3 / 4; `4-6 weeks` -> 4 / 5 / 6). Fractional weeks
 * round up and a phase lasts at least one week. Null for an `ongoing` phase.
 */
export function durationWeeks(d: Duration, pace: Pace): number | null {
  if (d.kind === 'ongoing') return null;
  const weeks = pace === 'min' ? d.min : pace === 'max' ? d.max : (d.min + d.max) / 2;
  return Math.max(1, Math.ceil(weeks - EPSILON));
}

/** A piece of work the packer places as a whole. */
interface Unit {
  readonly item: Item;
  readonly hours: number;
  readonly rank: number;
  readonly order: number;
}

/**
 * An item is a scheduling unit when it has its own effort (its whole subtree goes with
 * it) or is a leaf. An item without effort but with children is not: its children are.
 */
function isUnit(item: Item): boolean {
  return item.effortHours !== null || item.children.length === 0;
}

/**
 * The open units of a section: hours are the item's own effort, else the section's,
 * else DEFAULT_EFFORT_HOURS (never a parent's: a parent with effort is a unit itself);
 * priority is the item's, else its parent's (inherited), else its section's.
 */
function openUnits(section: Section, done: ReadonlySet<string>): Unit[] {
  const out: Unit[] = [];
  const walk = (item: Item, inherited: string | null): void => {
    const priority = item.priority ?? inherited;
    if (isUnit(item)) {
      if (!done.has(item.id)) {
        const hours = item.effortHours ?? section.effortHours ?? DEFAULT_EFFORT_HOURS;
        out.push({ item, hours: Math.max(0, hours), rank: priorityRank(priority), order: item.order });
      }
      return;
    }
    for (const child of item.children) walk(child, priority);
  };
  for (const item of section.items) walk(item, section.priority);
  return out;
}

function byPriorityThenOrder(a: Unit, b: Unit): number {
  return a.rank - b.rank || a.order - b.order || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

interface Packing {
  /** unit item id -> [first week it occupies, week it is due]. */
  readonly placed: Map<string, readonly [number, number]>;
  /** The last week used, or firstWeek - 1 when there was nothing to pack. */
  readonly lastWeek: number;
}

/**
 * Sequential packing without backfilling, from `firstWeek`: units are added to the
 * current week while they fit; a unit that does not fit in what is left starts a new
 * week; a unit larger than a whole week gets ceil(hours / hoursPerWeek) fresh weeks of
 * its own, is due in the last of them, and the next unit starts on the week after.
 * `units` must already be sorted.
 */
function packUnits(units: readonly Unit[], hoursPerWeek: number, firstWeek: number): Packing {
  const placed = new Map<string, readonly [number, number]>();
  let week = firstWeek;
  let used = 0;
  let hasUnits = false;
  let lastWeek = firstWeek - 1;
  for (const unit of units) {
    if (unit.hours > hoursPerWeek + EPSILON) {
      const start = hasUnits ? week + 1 : week;
      const due = start + Math.ceil(unit.hours / hoursPerWeek - EPSILON) - 1;
      placed.set(unit.item.id, [start, due]);
      lastWeek = due;
      week = due + 1;
      used = 0;
      hasUnits = false;
      continue;
    }
    if (hasUnits && used + unit.hours > hoursPerWeek + EPSILON) {
      week += 1;
      used = 0;
    }
    used += unit.hours;
    hasUnits = true;
    placed.set(unit.item.id, [week, week]);
    lastWeek = week;
  }
  return { placed, lastWeek };
}

function forEachItem(items: readonly Item[], fn: (item: Item) => void): void {
  for (const item of items) {
    fn(item);
    forEachItem(item.children, fn);
  }
}

function checkOptions(opts: ScheduleOptions): void {
  if (!Number.isFinite(opts.hoursPerWeek) || opts.hoursPerWeek <= 0) {
    throw new RangeError(`hours per week must be a positive number, got ${opts.hoursPerWeek}`);
  }
  if (!(PACES as readonly string[]).includes(opts.pace)) {
    throw new RangeError(`pace must be one of ${PACES.join(', ')}, got ${String(opts.pace)}`);
  }
}

/**
 * Schedule a roadmap onto plan weeks. `done` holds the ids of the items done at planning
 * time (file marks and completions, resolved: a parent whose children are all done is
 * in it too).
 */
export function schedule(roadmap: Roadmap, opts: ScheduleOptions, done: ReadonlySet<string>): Schedule {
  checkOptions(opts);
  const sections: Record<string, WeekRange | null> = {};
  const due: Record<string, number | null> = {};
  const spans: Record<string, WeekRange> = {};
  for (const section of roadmap.sections) {
    sections[section.id] = null;
    forEachItem(section.items, (item) => (due[item.id] = null));
  }
  let totalWeeks = 0;

  /** The section occupies `range` and all its items are due in its last week. */
  const occupy = (section: Section, range: WeekRange): void => {
    sections[section.id] = range;
    forEachItem(section.items, (item) => (due[item.id] = range[1]));
    for (const item of section.items) spans[item.id] = range;
    totalWeeks = Math.max(totalWeeks, range[1]);
  };

  switch (roadmap.kind) {
    case 'weekly':
      for (const section of roadmap.sections) {
        if (section.weeks) occupy(section, section.weeks);
      }
      break;

    case 'phased': {
      let cursor = 1;
      for (const section of roadmap.sections) {
        if (section.weeks) {
          occupy(section, section.weeks);
          cursor = Math.max(cursor, section.weeks[1] + 1);
          continue;
        }
        let hasItems = false;
        let hasOpen = false;
        forEachItem(section.items, (item) => {
          hasItems = true;
          if (!done.has(item.id)) hasOpen = true;
        });
        let length: number | null;
        if (section.duration) {
          // A phase with a duration but no items at all still takes its time.
          length = hasItems && !hasOpen ? null : durationWeeks(section.duration, opts.pace);
        } else if (!hasOpen) {
          length = null; // nothing left to do (or nothing at all)
        } else {
          const units = openUnits(section, done).sort(byPriorityThenOrder);
          length = Math.max(1, packUnits(units, opts.hoursPerWeek, cursor).lastWeek - cursor + 1);
        }
        if (length === null) continue;
        occupy(section, [cursor, cursor + length - 1]);
        cursor += length;
      }
      break;
    }

    case 'checklist':
    case 'tracks': {
      const unitsBySection = roadmap.sections.map((section) => openUnits(section, done));
      const all = unitsBySection.flat().sort(byPriorityThenOrder);
      const { placed, lastWeek } = packUnits(all, opts.hoursPerWeek, 1);
      totalWeeks = Math.max(0, lastWeek);
      for (const [id, range] of placed) spans[id] = range;

      /** Due week of an item: its unit's week, or for a parent the max of its children. */
      const assign = (item: Item): number | null => {
        if (isUnit(item)) {
          const week = placed.get(item.id)?.[1] ?? null;
          forEachItem([item], (i) => (due[i.id] = week));
          return week;
        }
        let latest: number | null = null;
        for (const child of item.children) {
          const week = assign(child);
          if (week !== null && (latest === null || week > latest)) latest = week;
        }
        due[item.id] = latest;
        return latest;
      };

      roadmap.sections.forEach((section, i) => {
        for (const item of section.items) assign(item);
        let first = Infinity;
        let last = -Infinity;
        for (const unit of unitsBySection[i]!) {
          const [from, to] = placed.get(unit.item.id)!;
          first = Math.min(first, from);
          last = Math.max(last, to);
        }
        if (last >= first) sections[section.id] = [first, last];
      });
      break;
    }
  }

  return { totalWeeks, sections, due, spans };
}
