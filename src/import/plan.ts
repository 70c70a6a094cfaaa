// The plan as the builder makes it: mutable sections and items, before ids, kind and
// habits are decided (finish.ts) and before it is written as a raw roadmap.
import type { GroupKey } from './vocabulary.js';

export interface BItem {
  title: string;
  line: number;
  done: boolean | null;
  url: string | null;
  priority: string | null;
  difficulty: string | null;
  effort: string | null;
  minutes: string | null;
  notes: string[];
  children: BItem[];
  /** The whole line was one web link (a bare URL, or [text](url)): a resource wherever it stands. */
  linkOnly: boolean;
  /** What made it done: a checked box, a ✅ mark, or a Status field or column. */
  doneBy: 'box' | 'mark' | 'status' | null;
  /** The plan weeks it names ("### Week 3" under a phase, a week row of a phase's table). */
  weeks: readonly [number, number] | null;
  /** A "### Daily" heading inside a section: its entries are habits. */
  habit: boolean;
}

export interface BSection {
  title: string;
  line: number;
  kind: 'plain' | 'week' | 'phase' | 'label';
  weeks: readonly [number, number] | null;
  /** Weeks came from a week heading, row or item (not from a phase's own words). */
  weekSection: boolean;
  duration: string | null;
  phase: number | null;
  description: string[];
  notes: string[];
  priority: string | null;
  difficulty: string | null;
  effort: string | null;
  minutes: string | null;
  groups: Map<GroupKey, BItem[]>;
  defaultGroup: GroupKey;
  /** A "Notes" / "Tips" section of the whole plan: its content becomes the roadmap's notes. */
  notesSink: boolean;
  /** An "Overview" / "About" section: its prose becomes the roadmap's description, the rest its notes. */
  about: boolean;
  habit: boolean;
}

export const newItem = (title: string, line: number): BItem => ({
  title,
  line,
  done: null,
  url: null,
  priority: null,
  difficulty: null,
  effort: null,
  minutes: null,
  notes: [],
  children: [],
  linkOnly: false,
  doneBy: null,
  weeks: null,
  habit: false,
});

export function newSection(title: string, line: number, kind: BSection['kind']): BSection {
  return {
    title,
    line,
    kind,
    weeks: null,
    weekSection: false,
    duration: null,
    phase: null,
    description: [],
    notes: [],
    priority: null,
    difficulty: null,
    effort: null,
    minutes: null,
    groups: new Map(),
    defaultGroup: 'items',
    notesSink: false,
    about: false,
    habit: false,
  };
}

export function flatten(item: BItem): BItem[] {
  const kids = item.children;
  return [{ ...item, children: [] }, ...kids.flatMap(flatten)];
}

export function countItems(items: readonly BItem[], pred: (i: BItem) => boolean): number {
  return items.reduce((n, i) => n + (pred(i) ? 1 : 0) + countItems(i.children, pred), 0);
}

export function allOf(s: BSection): BItem[] {
  return [...s.groups.values()].flat();
}

export function sectionHasItems(s: BSection): boolean {
  for (const list of s.groups.values()) if (list.length) return true;
  return false;
}
