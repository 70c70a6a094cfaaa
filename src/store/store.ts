// The store: the only module that speaks SQL or imports better-sqlite3. Schema and
// migrations (PRAGMA user_version), prepared statements, transactions.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Roadmap } from '../core/model.js';
import { diffItems, itemRecords, type StoredItemRecord } from '../core/load-diff.js';
import { StudyError } from '../errors.js';

/** 'STDY': marks a SQLite file as a study store. */
const APPLICATION_ID = 0x53544459;

/** One entry per schema version; MIGRATIONS[n] takes a store from version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE roadmaps (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    model       TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    loaded_at   TEXT NOT NULL
  ) STRICT;
  CREATE TABLE items (
    id           TEXT PRIMARY KEY,
    roadmap_id   TEXT NOT NULL REFERENCES roadmaps(id),
    section_id   TEXT NOT NULL,
    parent_id    TEXT,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    is_leaf      INTEGER NOT NULL,
    done_in_file INTEGER NOT NULL,
    attrs        TEXT NOT NULL,
    archived_at  TEXT
  ) STRICT;
  CREATE INDEX items_by_roadmap ON items(roadmap_id, archived_at);
  CREATE TABLE completions (
    id        INTEGER PRIMARY KEY,
    item_id   TEXT NOT NULL REFERENCES items(id),
    day       TEXT NOT NULL,
    at        TEXT NOT NULL,
    undone_at TEXT
  ) STRICT;
  CREATE INDEX completions_by_item ON completions(item_id) WHERE undone_at IS NULL;
  CREATE INDEX completions_by_day ON completions(day);
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface LoadInput {
  readonly roadmap: Roadmap;
  readonly absPath: string;
  readonly text: string;
  readonly hash: string;
}

export interface LoadReport {
  readonly id: string;
  /** Items in the roadmap as loaded. */
  readonly items: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly archived: number;
  /** Nothing at all changed (the same file was loaded before). */
  readonly same: boolean;
}

export interface StoredRoadmap {
  readonly roadmap: Roadmap;
  /** Ids marked done: in the file or by a completion that was not undone. */
  readonly marked: ReadonlySet<string>;
  readonly loadedAt: string;
  readonly sourcePath: string;
}

const notOurs = (path: string, why: string): StudyError =>
  new StudyError(`${path} is not a study store (${why}); move it away or pass --db with another path`);

function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const n = readSync(fd, header, 0, 16, 0);
    return n === 16 && header.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

/** Opens (creating with mode 0600 in a 0700 folder, and migrating) the store at `path`. */
export function openStore(path: string): Store {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) {
      try {
        closeSync(openSync(path, 'wx', 0o600));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a part of the path is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'read-only file system'
            : code || String(e);
    throw new StudyError(`cannot create the store at ${path} (${why}); pass --db with a writable path`);
  }
  const st = statSync(path);
  if (st.isDirectory()) throw new StudyError(`${path} is a folder; pass --db with a file path`);
  if (st.size > 0 && !isSqliteFile(path)) throw notOurs(path, 'not an SQLite database');

  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (e) {
    throw new StudyError(`cannot open the store ${path}: ${(e as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version === 0) {
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
      if (tables > 0) throw notOurs(path, 'an SQLite database of another program');
    } else if (appId !== APPLICATION_ID) {
      throw notOurs(path, 'an SQLite database of another program');
    } else if (version > SCHEMA_VERSION) {
      throw new StudyError(
        `${path} was written by a newer study (store version ${version}; this one knows up to ${SCHEMA_VERSION}); upgrade study to use it`,
      );
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (version < SCHEMA_VERSION) migrate(db, path, version);
  } catch (e) {
    db.close();
    throw e;
  }
  return new Store(db, path);
}

function migrate(db: Database.Database, path: string, from: number): void {
  if (from > 0) {
    // A copy of the store as it was, in case the new version is not wanted.
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.bak-v${from}`);
  }
  for (let v = from; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

interface ItemRow {
  id: string;
  section_id: string;
  parent_id: string | null;
  position: number;
  kind: string;
  title: string;
  is_leaf: number;
  done_in_file: number;
  attrs: string;
  archived_at: string | null;
}

export class Store {
  private readonly stmts;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    this.stmts = {
      roadmapHash: db.prepare<[string], { source_hash: string; source_path: string }>('SELECT source_hash, source_path FROM roadmaps WHERE id = ?'),
      upsertRoadmap: db.prepare(
        `INSERT INTO roadmaps (id, title, kind, model, source_path, source_text, source_hash, loaded_at)
         VALUES (@id, @title, @kind, @model, @sourcePath, @sourceText, @sourceHash, @loadedAt)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, kind = excluded.kind, model = excluded.model,
           source_path = excluded.source_path, source_text = excluded.source_text,
           source_hash = excluded.source_hash, loaded_at = excluded.loaded_at`,
      ),
      itemsOf: db.prepare<[string], ItemRow>(
        'SELECT id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at FROM items WHERE roadmap_id = ?',
      ),
      upsertItem: db.prepare(
        `INSERT INTO items (id, roadmap_id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at)
         VALUES (@id, @roadmapId, @sectionId, @parentId, @position, @kind, @title, @isLeaf, @doneInFile, @attrs, NULL)
         ON CONFLICT(id) DO UPDATE SET roadmap_id = excluded.roadmap_id, section_id = excluded.section_id,
           parent_id = excluded.parent_id, position = excluded.position, kind = excluded.kind, title = excluded.title,
           is_leaf = excluded.is_leaf, done_in_file = excluded.done_in_file, attrs = excluded.attrs, archived_at = NULL`,
      ),
      archiveItem: db.prepare<[string, string]>('UPDATE items SET archived_at = ? WHERE id = ?'),
      roadmapCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM roadmaps'),
      roadmapRows: db.prepare<[], { id: string; title: string; kind: string }>('SELECT id, title, kind FROM roadmaps ORDER BY id'),
      progressRows: db.prepare<[], { roadmap_id: string; total: number; done: number }>(
        `SELECT i.roadmap_id, count(*) AS total,
                sum(i.done_in_file OR EXISTS (SELECT 1 FROM completions c WHERE c.item_id = i.id AND c.undone_at IS NULL)) AS done
           FROM items i WHERE i.is_leaf = 1 AND i.archived_at IS NULL GROUP BY i.roadmap_id`,
      ),
      roadmapRow: db.prepare<[string], { model: string; loaded_at: string; source_path: string }>(
        'SELECT model, loaded_at, source_path FROM roadmaps WHERE id = ?',
      ),
      insertCompletion: db.prepare<[string, string, string]>('INSERT INTO completions (item_id, day, at) VALUES (?, ?, ?)'),
      completedOf: db.prepare<[string], { item_id: string }>(
        `SELECT DISTINCT c.item_id FROM completions c JOIN items i ON i.id = c.item_id
          WHERE i.roadmap_id = ? AND c.undone_at IS NULL`,
      ),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** No roadmap was ever loaded into this store. */
  isEmpty(): boolean {
    return this.stmts.roadmapCount.get()!.n === 0;
  }

  /**
   * Loads roadmaps in one transaction: all or nothing. A roadmap whose file is byte for
   * byte the one loaded before is not touched at all.
   */
  loadRoadmaps(inputs: readonly LoadInput[], loadedAt: string): LoadReport[] {
    const run = this.db.transaction((): LoadReport[] =>
      inputs.map((input) => {
        const { roadmap } = input;
        const next = itemRecords(roadmap);
        const previous = this.stmts.roadmapHash.get(roadmap.id);
        if (previous && previous.source_hash === input.hash && previous.source_path === input.absPath) {
          return { id: roadmap.id, items: next.length, added: 0, updated: 0, unchanged: next.length, archived: 0, same: true };
        }
        const stored: StoredItemRecord[] = this.stmts.itemsOf.all(roadmap.id).map((r) => ({
          id: r.id,
          sectionId: r.section_id,
          parentId: r.parent_id,
          position: r.position,
          kind: r.kind,
          title: r.title,
          isLeaf: r.is_leaf === 1,
          doneInFile: r.done_in_file === 1,
          attrs: r.attrs,
          archived: r.archived_at !== null,
        }));
        const diff = diffItems(stored, next);
        this.stmts.upsertRoadmap.run({
          id: roadmap.id,
          title: roadmap.title,
          kind: roadmap.kind,
          model: JSON.stringify(roadmap),
          sourcePath: input.absPath,
          sourceText: input.text,
          sourceHash: input.hash,
          loadedAt,
        });
        for (const r of [...diff.added, ...diff.updated]) {
          this.stmts.upsertItem.run({ ...r, roadmapId: roadmap.id, isLeaf: r.isLeaf ? 1 : 0, doneInFile: r.doneInFile ? 1 : 0 });
        }
        for (const id of diff.archived) this.stmts.archiveItem.run(loadedAt, id);
        return {
          id: roadmap.id,
          items: next.length,
          added: diff.added.length,
          updated: diff.updated.length,
          unchanged: diff.unchanged,
          archived: diff.archived.length,
          same: false,
        };
      }),
    );
    return run.immediate();
  }

  /** Loaded roadmaps with their leaf-item progress, by id. */
  roadmapSummaries(): { id: string; title: string; kind: string; items: number; done: number }[] {
    const progress = new Map(this.stmts.progressRows.all().map((r) => [r.roadmap_id, r]));
    return this.stmts.roadmapRows.all().map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      items: progress.get(r.id)?.total ?? 0,
      done: progress.get(r.id)?.done ?? 0,
    }));
  }

  roadmapIds(): string[] {
    return this.stmts.roadmapRows.all().map((r) => r.id);
  }

  /** Records that items were done on a study day (`at`: the moment, with its offset). */
  complete(itemIds: readonly string[], day: string, at: string): void {
    this.db
      .transaction(() => {
        for (const id of itemIds) this.stmts.insertCompletion.run(id, day, at);
      })
      .immediate();
  }

  getRoadmap(id: string): StoredRoadmap | null {
    const row = this.stmts.roadmapRow.get(id);
    if (!row) return null;
    const roadmap = JSON.parse(row.model) as Roadmap;
    const marked = new Set<string>(this.stmts.completedOf.all(id).map((r) => r.item_id));
    return { roadmap, marked, loadedAt: row.loaded_at, sourcePath: row.source_path };
  }
}
