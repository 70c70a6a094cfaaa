// The roadmap model: what a YAML roadmap file means once it has been validated.
// Plain data only; built by src/roadmap-file.ts (via core/normalize.ts) and read by
// the scheduler, the store and the renderers.

export const KINDS = ['weekly', 'phased', 'checklist', 'tracks'] as const;
export type Kind = (typeof KINDS)[number];

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Where an item came from inside its section: one value per item group of the file format. */
export const ITEM_KINDS = ['topic', 'task', 'resource', 'criterion', 'milestone', 'item'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The YAML key that holds each item group, in the order groups are read. */
export const GROUP_KEYS: ReadonlyArray<readonly [key: string, kind: ItemKind]> = [
  ['topics', 'topic'],
  ['tasks', 'task'],
  ['milestones', 'milestone'],
  ['items', 'item'],
  ['resources', 'resource'],
  ['criteria', 'criterion'],
];

export { MAX_PLAN_WEEKS } from './bounds.js';

/** A closed range of 1-based plan weeks, from <= to. */
export type WeekRange = readonly [from: number, to: number];

/** A phase duration in weeks: a fixed number (min === max), a range, or open-ended. */
export type Duration =
  | { readonly kind: 'weeks'; readonly min: number; readonly max: number; readonly text: string }
  | { readonly kind: 'ongoing'; readonly text: string };

export interface Item {
  /** Full stable id: `<roadmap>/<section>/<item>[/<child>...]`. */
  readonly id: string;
  readonly title: string;
  readonly kind: ItemKind;
  /** `done: true` in the file (applies to this item only, carries no date). */
  readonly doneInFile: boolean;
  /** Effort as written (`3h`, `short`, ...), or null. */
  readonly effort: string | null;
  /** Effort in hours, when the item (not a parent or default) says so. */
  readonly effortHours: number | null;
  /** Priority as written (`high`, `low-medium`), or null. */
  readonly priority: string | null;
  readonly difficulty: string | null;
  readonly url: string | null;
  readonly notes: readonly string[];
  readonly children: readonly Item[];
  /** 0-based position of the item in the whole roadmap, in file order (depth first). */
  readonly order: number;
}

export interface Section {
  /** Full id `<roadmap>/<section>`. */
  readonly id: string;
  readonly title: string;
  readonly weeks: WeekRange | null;
  readonly duration: Duration | null;
  readonly description: string | null;
  readonly notes: readonly string[];
  readonly priority: string | null;
  readonly difficulty: string | null;
  readonly effort: string | null;
  readonly effortHours: number | null;
  readonly items: readonly Item[];
}

export interface Habit {
  readonly id: string;
  readonly title: string;
  /** Sessions expected per week: 7 for `every: day`. */
  readonly perWeek: number;
  readonly every: string;
  readonly minutes: string | null;
  readonly priority: string | null;
  readonly difficulty: string | null;
  readonly effort: string | null;
  readonly notes: readonly string[];
}

export interface Roadmap {
  readonly id: string;
  readonly title: string;
  readonly kind: Kind;
  readonly description: string | null;
  readonly notes: readonly string[];
  readonly sections: readonly Section[];
  readonly habits: readonly Habit[];
}
