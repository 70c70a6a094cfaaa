// Done state and progress of a roadmap, from the model and the set of items marked done
// (in the file or by a completion). Pure.
import type { Item, Roadmap } from './model.js';
import { allItems } from './normalize.js';

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

export interface Progress {
  /** Leaf items done. */
  readonly done: number;
  /** Leaf items: the units of work (a parent is the sum of its children). */
  readonly total: number;
  /** 0-100, rounded down so that 100 means everything is done. */
  readonly percent: number;
}

export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

export function progressOf(roadmap: Pick<Roadmap, 'sections'>, done: ReadonlySet<string>): Progress {
  let total = 0;
  let d = 0;
  for (const { item } of allItems(roadmap)) {
    if (item.children.length > 0) continue;
    total++;
    if (done.has(item.id)) d++;
  }
  return { done: d, total, percent: percentOf(d, total) };
}
