// Where things live on disk. This file sits directly in src/ (and its code in dist/),
// so the package root is one folder up from it in both layouts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';

/** The roadmaps shipped with the program (the repository's `roadmaps/`). */
export function bundledRoadmapsDir(): string {
  return fileURLToPath(new URL('../roadmaps/', import.meta.url));
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
