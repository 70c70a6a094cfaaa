// The store: one SQLite file (better-sqlite3), opened and migrated by open.ts, read and
// written through one module per aggregate. Nothing outside src/store/ speaks SQL.
import { agendaOf } from './agenda.js';
import { backupOf } from './backup.js';
import { completionReadsOf, type CompletionReads } from './complete.js';
import { changesOf } from './changes.js';
import { completionsOf } from './completions.js';
import { itemsOf } from './items.js';
import { openDb, openDbReadOnly } from './open.js';
import { plansOf } from './plans.js';
import { progressOf } from './progress.js';
import { roadmapsOf } from './roadmaps.js';
import { sessionsOf } from './sessions.js';
import { settingsOf } from './settings.js';
import { undoOf } from './undo.js';

export { APPLICATION_ID, SCHEMA_VERSION } from './open.js';
export type { LoadInput, LoadReport, RoadmapRow } from './roadmaps.js';
export type { CurrentPlan } from './plans.js';
export type { VersionRef } from './agenda.js';
export type { ItemKey, SubtreeRow } from './items.js';
export type { CompletionRow } from './completions.js';
export type { Candidate, CompletionReads, OpenItem } from './complete.js';
export type { ChangeRow } from './changes.js';

export interface Store {
  readonly path: string;
  readonly roadmaps: ReturnType<typeof roadmapsOf>;
  readonly plans: ReturnType<typeof plansOf>;
  readonly agenda: ReturnType<typeof agendaOf>;
  readonly progress: ReturnType<typeof progressOf>;
  readonly items: ReturnType<typeof itemsOf>;
  readonly completions: ReturnType<typeof completionsOf>;
  readonly sessions: ReturnType<typeof sessionsOf>;
  readonly settings: ReturnType<typeof settingsOf>;
  readonly backup: ReturnType<typeof backupOf>;
  readonly changes: ReturnType<typeof changesOf>;
  readonly undo: ReturnType<typeof undoOf>;
  /** EXPLAIN QUERY PLAN of a statement's SQL, one detail line per step (for tests that keep hot reads on indexes). */
  explain(sql: string, params: readonly unknown[]): string[];
  close(): void;
}

/** Opens the store at `path`: created (0600) if missing, migrated if older. */
export function openStore(path: string): Store {
  const db = openDb(path);
  return {
    path,
    roadmaps: roadmapsOf(db),
    plans: plansOf(db),
    agenda: agendaOf(db),
    progress: progressOf(db),
    items: itemsOf(db),
    completions: completionsOf(db),
    sessions: sessionsOf(db),
    settings: settingsOf(db),
    backup: backupOf(db),
    changes: changesOf(db),
    undo: undoOf(db),
    explain: (sql, params) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/**
 * The store at `path`, read-only, for shell completion: null when there is none, it is not
 * ours or it would need a migration. Never creates, migrates or writes anything.
 */
export function openForCompletion(path: string): (CompletionReads & { close(): void }) | null {
  const db = openDbReadOnly(path);
  if (db === null) return null;
  return { ...completionReadsOf(db), close: () => db.close() };
}
