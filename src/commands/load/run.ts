// study load [PATH...]: validate every file, then load them all in one transaction.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { timestampOf } from '../../cli/clock.js';
import { bundledRoadmapsDir } from '../../cli/paths.js';
import { readBounded } from '../../cli/files.js';
import { MAX_FILE_BYTES, collectRoadmapFiles, readRoadmapFiles } from '../../roadmap/file.js';
import type { Run } from '../../cli/run.js';
import { plural } from '../../render/text.js';
import type { LoadReport } from '../../store/index.js';

/**
 * Reads and loads PATHs (the bundled roadmaps when none). Every file is validated before
 * the store is even opened: a bad file writes nothing and creates nothing.
 */
export async function loadPaths(run: Run, paths: readonly string[]): Promise<LoadReport[]> {
  const files = collectRoadmapFiles(paths.length > 0 ? paths : [bundledRoadmapsDir()], run.ctx.cwd);
  const unchanged = await allUnchanged(run, files);
  if (unchanged) return unchanged;
  const sources = readRoadmapFiles(files, run.ctx.cwd);
  const store = await run.store();
  return store.roadmaps.load(sources, timestampOf(run.now));
}

/**
 * When every file is byte for byte the one a roadmap of the store was loaded from (same
 * path, same SHA-256), the reports of loading them again, which changes nothing, without
 * parsing a line (issue #7: re-loading 50,000 items is a hash per file). Else null, and
 * the files are read and validated as always. A store that does not exist yet is not
 * created, and one that cannot be opened is left for the load to report.
 */
async function allUnchanged(run: Run, files: readonly string[]): Promise<LoadReport[] | null> {
  if (files.length === 0 || !existsSync(run.dbPath)) return null;
  let store;
  try {
    store = await run.store();
  } catch {
    return null;
  }
  const reports: LoadReport[] = [];
  for (const file of files) {
    const read = readBounded(file, MAX_FILE_BYTES, 'a roadmap');
    if ('problem' in read) return null; // readRoadmapFiles says what is wrong with it
    const loaded = store.roadmaps.loadedFrom(file, createHash('sha256').update(read.bytes).digest('hex'));
    if (!loaded) return null;
    reports.push({ id: loaded.id, items: loaded.items, added: 0, updated: 0, unchanged: loaded.items, archived: 0, same: true });
  }
  return reports;
}

export function describeLoad(r: LoadReport): string {
  if (r.same || (r.added === 0 && r.updated === 0 && r.archived === 0)) return 'unchanged';
  const parts: string[] = [];
  if (r.added) parts.push(`${r.added} added`);
  if (r.updated) parts.push(`${r.updated} updated`);
  if (r.unchanged) parts.push(`${r.unchanged} unchanged`);
  if (r.archived) parts.push(`${r.archived} archived (their history is kept)`);
  return parts.join(', ');
}

export default async function load(run: Run, args: string[]): Promise<number> {
  const reports = await loadPaths(run, args);
  if (run.json) {
    run.out(
      JSON.stringify({
        roadmaps: reports.map(({ id, items, added, updated, unchanged, archived }) => ({ id, items, added, updated, unchanged, archived })),
      }),
    );
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const c = run.chalk;
  const lines = table(
    reports.map((r) => [r.id, plural(r.items, 'item'), describeLoad(r)]),
    [{ style: (s) => c.bold(s) }, { align: 'right' }, { flex: 1 }],
    run.columns,
  );
  run.out(lines.join('\n'));
  const archived = reports.reduce((n, r) => n + r.archived, 0);
  if (archived > 0) run.note(`${plural(archived, 'item')} no longer in the files ${archived === 1 ? 'was archived; its' : 'were archived; their'} completions are kept`);
  return 0;
}
