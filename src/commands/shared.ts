// What several commands need: finding a roadmap by what the user typed, and the
// bundled roadmaps on a brand-new store.
import type { Run } from '../run.js';
import type { Store } from '../store/store.js';
import { StudyError } from '../errors.js';
import { safe } from '../text.js';

/** A roadmap id from an exact id or a unique prefix of one. */
export function findRoadmapId(store: Store, wanted: string): string {
  const ids = store.roadmapIds();
  if (ids.includes(wanted)) return wanted;
  const matches = ids.filter((id) => id.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new StudyError(`roadmap "${safe(wanted)}" is ambiguous: ${matches.join(', ')}`);
  }
  if (ids.length === 0) throw new StudyError(`no roadmaps are loaded; run: study load`);
  throw new StudyError(`roadmap "${safe(wanted)}" not found; loaded: ${ids.join(', ')} (see study roadmaps)`);
}

/**
 * The store, with the bundled roadmaps loaded into it if it has never had any roadmap,
 * so that a first `study today` or `study roadmaps` shows something real.
 */
export async function storeWithRoadmaps(run: Run): Promise<Store> {
  const store = await run.store();
  if (store.isEmpty()) {
    const { loadPaths } = await import('./load.js');
    const reports = await loadPaths(run, []);
    const items = reports.reduce((n, r) => n + r.items, 0);
    run.note(`first run: loaded the ${reports.length} bundled roadmaps (${items} items) into ${run.dbPath}`);
  }
  return store;
}
