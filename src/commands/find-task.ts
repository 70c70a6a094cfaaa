// What a TASK of `study done` names, by core/match.ts matchTask over every item of every
// roadmap (started plans first), with the candidates taken from the store's item index
// instead of every roadmap model (issue #7). matchTask stays the judge: it is given every
// item its steps 1-3 can pick (full id, id suffix, exact title: store.itemsMatching), and,
// only when none of those is there, every item step 4 can pick (all words:
// store.itemsWithWords). The items it would pass over do not change its verdict; only the
// closest titles of a TASK that matches nothing need every item, and are computed over all
// of them. test/perf.test.ts holds this against matchTask over the models.
import { closestTitles, fold, matchTask, type MatchResult } from '../core/match.js';
import type { ItemKey, Store } from '../store/store.js';

export function taskFinder(store: Store): (task: string) => MatchResult<ItemKey> {
  const started = new Set(store.startedRoadmapIds());
  let all: (ItemKey & { folded: string })[] | undefined;
  const allItems = (): (ItemKey & { folded: string })[] => (all ??= store.allItemKeys());

  return (task) => {
    const raw = task.trim();
    const matching = store.itemsMatching(raw);
    let wordsMatching: ItemKey[] | undefined;
    /** matchTask over the items `keep` keeps, or null when it finds none. */
    const judge = (keep: (k: ItemKey) => boolean): MatchResult<ItemKey> | null => {
      const named = matching.filter(keep);
      const r = matchTask(task, named);
      if (r.kind !== 'none') return r;
      // Steps 1-3 found nothing among these items, so the words decide; should the index
      // ever disagree with matchTask about steps 1-3, every item is judged instead.
      if (named.length > 0) {
        const again = matchTask(task, allItems().filter(keep));
        return again.kind === 'none' ? null : again;
      }
      wordsMatching ??= store.itemsWithWords(fold(raw).split(' ').filter((w) => w !== ''));
      const byWords = matchTask(task, wordsMatching.filter(keep));
      return byWords.kind === 'none' ? null : byWords;
    };
    if (started.size > 0) {
      const r = judge((k) => started.has(k.roadmap));
      if (r) return r;
    }
    return judge(() => true) ?? { kind: 'none', closest: closestTitles(raw, allItems(), undefined, (k) => k.folded).map(({ folded: _, ...k }) => k) };
  };
}
