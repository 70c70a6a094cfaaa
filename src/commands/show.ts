// study show ROADMAP: the roadmap as a tree with ids, done marks and due weeks.
import { shortIds } from '../core/ids.js';
import { allItems } from '../core/normalize.js';
import { resolveDone } from '../core/progress.js';
import { buildShow } from '../core/show.js';
import type { Run } from '../run.js';
import { findRoadmapId, loadPlans, roadmapArg, storeWithRoadmaps } from './shared.js';

export default async function show(run: Run, args: string[]): Promise<number> {
  const wanted = roadmapArg(args[0])!;
  const store = await storeWithRoadmaps(run);
  const id = findRoadmapId(store, wanted);
  const stored = store.getRoadmap(id)!;
  const done = resolveDone(stored.roadmap, stored.marked);
  const plan = loadPlans(store, id)[0];
  const view = buildShow(stored.roadmap, done, plan?.schedule.due ?? {});
  if (run.json) {
    run.out(JSON.stringify(view));
    return 0;
  }
  const { renderShow } = await import('../render/show.js');
  const ids = shortIds([...allItems(stored.roadmap)].map(({ item }) => item.id));
  run.out(renderShow(view, ids, run.chalk, run.columns));
  return 0;
}
