// Where things live on disk: the files shipped with study (bundled roadmaps, data), and
// the store.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';

/** The folder of study's package.json: src/cli/ from the sources, dist/ from the bundle, are below it. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** The roadmaps shipped with the program (the repository's `roadmaps/`). */
export function bundledRoadmapsDir(): string {
  return join(packageRoot(), 'roadmaps');
}

/** A data file shipped with the program (the repository's `data/`): `leetcode-problems.tsv`. */
export function bundledDataFile(name: string): string {
  return join(packageRoot(), 'data', name);
}

/**
 * The store's path: `--db`, else $STUDY_DB, else $XDG_DATA_HOME/study/study.db, else
 * ~/.local/share/study/study.db.
 */
export function storePath(dbOption: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const given = dbOption ?? (env.STUDY_DB || undefined);
  if (given !== undefined) {
    if (given.trim() === '') throw new UsageError('--db: expected a file path');
    return given.startsWith('/') ? given : join(cwd, given);
  }
  const xdg = env.XDG_DATA_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, 'study', 'study.db');
  const home = env.HOME;
  if (!home) throw new UsageError('cannot find a place for the store: set HOME, XDG_DATA_HOME or STUDY_DB, or pass --db PATH');
  return join(home, '.local', 'share', 'study', 'study.db');
}

/**
 * The sync repository of the store at `dbPath` (`study sync`): a folder beside it, named
 * after it (~/.local/share/study/study-sync for study.db), so every store has its own.
 */
export function syncDirOf(dbPath: string): string {
  const name = basename(dbPath).replace(/\.(db|sqlite3?)$/i, '');
  return join(dirname(dbPath), `${name || 'study'}-sync`);
}
