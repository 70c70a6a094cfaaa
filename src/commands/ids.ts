// The id a user can type for an item: the shortest tail of its id (at least its last
// segment, never the roadmap alone) that `study done` resolves to exactly that item, by
// the rules it resolves any TASK (core/match.ts findTask). Looked up for the items shown
// only, by index. For an item of a started plan those rules come down to one count: a
// tail is its when no other item of a started plan ends with it (findTask looks there
// first, and an id tail that names one item wins over titles and words). For any other
// item findTask is asked; when a tail's words must be looked for in every title, every
// title is read once and searched in memory.
import { findTask, listSource, type CandidateSource } from '../core/match.js';
import type { ItemKey, Store } from '../store/index.js';

export function typeableIds(store: Store): (id: string) => string {
  const started = new Set(store.plans.startedIds());
  const isStarted = (c: { roadmap: string }): boolean => started.has(c.roadmap);
  let everything: CandidateSource<ItemKey> | undefined;
  const source: CandidateSource<ItemKey> = {
    named: (task) => store.items.source.named(task),
    withWords: (words) => (everything ??= listSource(store.items.source.all())).withWords(words),
    all: () => store.items.source.all(),
  };
  const cache = new Map<string, string>();
  return (id) => {
    let chosen = cache.get(id);
    if (chosen === undefined) {
      const parts = id.split('/');
      chosen = id;
      const inStarted = started.has(parts[0]!);
      for (let k = 1; k < parts.length; k++) {
        const tail = parts.slice(parts.length - k).join('/');
        const names = inStarted ? store.items.startedEndingWith(tail) === 1 : ((r) => r.kind === 'one' && r.item.id === id)(findTask(tail, source, isStarted));
        if (names) {
          chosen = tail;
          break;
        }
      }
      cache.set(id, chosen);
    }
    return chosen;
  };
}
