// The store: one SQLite file (better-sqlite3), opened and migrated by open.ts, read and
// written through one module per aggregate. Nothing outside src/store/ speaks SQL.
import { agendaOf } from './agenda.js';
import { backupOf } from './backup.js';
import { completionReadsOf, type CompletionReads } from './complete.js';
import { changesOf } from './changes.js';
import { completionsOf } from './completions.js';
import { itemsOf } from './items.js';
import { leetOf } from './leet.js';
import { CardEngineNeeded, loadCardEngine } from './leet-cards.js';
import { openDb, openDbReadOnly, type OpenMode } from './open.js';
import { plansOf } from './plans.js';
import { progressOf } from './progress.js';
import { roadmapsOf } from './roadmaps.js';
import { sessionsOf } from './sessions.js';
import { settingsOf } from './settings.js';
import { undoOf } from './undo.js';
import type { SyncStore } from './sync.js';

export { APPLICATION_ID, SCHEMA_VERSION, type OpenMode } from './open.js';
export type { LoadInput, LoadReport, RoadmapRow } from './roadmaps.js';
export type { CurrentPlan } from './plans.js';
export type { VersionRef } from './agenda.js';
export type { ItemKey, SubtreeRow } from './items.js';
export type { CompletionRow } from './completions.js';
export type { Candidate, CompletionReads, OpenItem } from './complete.js';
export type { ChangeRow } from './changes.js';
export type { ApplyInput, ApplyReport } from './apply.js';
export type { SyncBook, SyncStore } from './sync.js';
export type { CardRow, PatternCounts, ProblemNames, StartedList } from './leet.js';
export type { Reviewed } from './leet-cards.js';
export { loadCardEngine };
export { CARD_SETTINGS } from './settings.js';

export interface Store {
  readonly path: string;
  /** Opened read-only (a reading command on a current store): any write would fail. */
  readonly readOnly: boolean;
  readonly roadmaps: ReturnType<typeof roadmapsOf>;
  readonly plans: ReturnType<typeof plansOf>;
  readonly agenda: ReturnType<typeof agendaOf>;
  readonly progress: ReturnType<typeof progressOf>;
  readonly items: ReturnType<typeof itemsOf>;
  readonly completions: ReturnType<typeof completionsOf>;
  readonly sessions: ReturnType<typeof sessionsOf>;
  readonly leet: ReturnType<typeof leetOf>;
  readonly settings: ReturnType<typeof settingsOf>;
  readonly backup: ReturnType<typeof backupOf>;
  readonly changes: ReturnType<typeof changesOf>;
  readonly undo: ReturnType<typeof undoOf>;
  /** `study sync`'s bookkeeping and applying events from other machines (loaded when asked for: only sync needs it). */
  sync(): Promise<SyncStore>;
  /** EXPLAIN QUERY PLAN of a statement's SQL, one detail line per step (for tests that keep hot reads on indexes). */
  explain(sql: string, params: readonly unknown[]): string[];
  close(): void;
}

/**
 * Opens the store at `path`, loading first what migrating it needs: the FSRS engine, when
 * it has LeetCode sessions whose cards the migration rebuilds (a store already at the
 * current version, or a new one, opens without it).
 */
export async function openStoreAsync(path: string, mode: OpenMode = 'write'): Promise<Store> {
  try {
    return openStore(path, mode);
  } catch (e) {
    if (!(e instanceof CardEngineNeeded)) throw e;
  }
  await loadCardEngine();
  return openStore(path, mode);
}

/**
 * Opens the store at `path`: created (0600) if missing, migrated if older. `read`: a
 * current store is opened read-only (see open.ts). Migrating a store with LeetCode
 * sessions needs the FSRS engine loaded (loadCardEngine, or openStoreAsync).
 */
export function openStore(path: string, mode: OpenMode = 'write'): Store {
  const db = openDb(path, mode);
  return {
    path,
    readOnly: db.readonly,
    roadmaps: roadmapsOf(db),
    plans: plansOf(db),
    agenda: agendaOf(db),
    progress: progressOf(db),
    items: itemsOf(db),
    completions: completionsOf(db),
    sessions: sessionsOf(db),
    leet: leetOf(db),
    settings: settingsOf(db),
    backup: backupOf(db),
    changes: changesOf(db),
    undo: undoOf(db),
    sync: async () => (await import('./sync.js')).syncOf(db),
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
