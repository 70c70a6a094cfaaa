// The store: the only module that speaks SQL or imports better-sqlite3. Schema and
// migrations (PRAGMA user_version), prepared statements, transactions.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Roadmap } from '../core/model.js';
import { diffItems, itemRecords, type StoredItemRecord } from '../core/load-diff.js';
import { StudyError } from '../errors.js';

/** 'STDY': marks a SQLite file as a study store. */
export const APPLICATION_ID = 0x53544459;

/** One entry per schema version; MIGRATIONS[n] takes a store from version n to n + 1. */
export const MIGRATIONS: readonly string[] = [
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
  // 2: plans (a started roadmap and its schedule) and habit sessions.
  `
  CREATE TABLE plans (
    roadmap_id     TEXT PRIMARY KEY REFERENCES roadmaps(id),
    start_day      TEXT NOT NULL,
    hours_per_week REAL NOT NULL,
    pace           TEXT NOT NULL,
    schedule       TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    replanned_at   TEXT
  ) STRICT;
  CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    habit_id   TEXT NOT NULL,
    at         TEXT NOT NULL,
    day        TEXT NOT NULL,
    problem    TEXT,
    number     INTEGER,
    slug       TEXT,
    title      TEXT,
    difficulty TEXT,
    minutes    INTEGER,
    result     TEXT,
    tags       TEXT NOT NULL DEFAULT '[]',
    note       TEXT
  ) STRICT;
  CREATE INDEX sessions_by_day ON sessions(habit_id, day);
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

export interface PlanRow {
  readonly roadmapId: string;
  /** The day given to `study start`; plan week 1 is the week that contains it. */
  readonly startDay: string;
  readonly hoursPerWeek: number;
  readonly pace: string;
  /** The scheduler's output (core/schedule.ts), as JSON. */
  readonly schedule: string;
  readonly startedAt: string;
  readonly replannedAt: string | null;
}

export interface SessionInput {
  readonly habitId: string;
  readonly at: string;
  readonly day: string;
  readonly problem: string | null;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: string | null;
  readonly minutes: number | null;
  readonly result: string | null;
  readonly tags: readonly string[];
  readonly note: string | null;
}

export interface SessionRow extends SessionInput {
  readonly id: number;
}

export interface CompletionRow {
  readonly itemId: string;
  readonly roadmapId: string;
  readonly title: string;
  readonly day: string;
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
    if (version > 0 && version < SCHEMA_VERSION) backUp(db, `${path}.bak-v${version}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (version < SCHEMA_VERSION) migrate(db, version);
  } catch (e) {
    db.close();
    throw e;
  }
  return new Store(db, path);
}

/** A consistent copy of the store as it is (WAL content included), before a migration touches it. */
function backUp(db: Database.Database, target: string): void {
  rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
  chmodSync(target, 0o600);
}

function migrate(db: Database.Database, from: number): void {
  for (let v = from; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

interface SessionDbRow {
  id: number;
  habit_id: string;
  at: string;
  day: string;
  problem: string | null;
  number: number | null;
  slug: string | null;
  title: string | null;
  difficulty: string | null;
  minutes: number | null;
  result: string | null;
  tags: string;
  note: string | null;
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
      settings: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      setSetting: db.prepare<[string, string]>(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      upsertPlan: db.prepare(
        `INSERT INTO plans (roadmap_id, start_day, hours_per_week, pace, schedule, started_at, replanned_at)
         VALUES (@roadmapId, @startDay, @hoursPerWeek, @pace, @schedule, @startedAt, @replannedAt)
         ON CONFLICT(roadmap_id) DO UPDATE SET start_day = excluded.start_day, hours_per_week = excluded.hours_per_week,
           pace = excluded.pace, schedule = excluded.schedule, started_at = excluded.started_at, replanned_at = excluded.replanned_at`,
      ),
      plans: db.prepare<[], { roadmap_id: string; start_day: string; hours_per_week: number; pace: string; schedule: string; started_at: string; replanned_at: string | null }>(
        'SELECT roadmap_id, start_day, hours_per_week, pace, schedule, started_at, replanned_at FROM plans ORDER BY roadmap_id',
      ),
      undoCompletion: db.prepare<[string, string]>('UPDATE completions SET undone_at = ? WHERE item_id = ? AND undone_at IS NULL'),
      completionsBetween: db.prepare<[string, string], { item_id: string; roadmap_id: string; title: string; day: string }>(
        `SELECT c.item_id, i.roadmap_id, i.title, min(c.day) AS day FROM completions c JOIN items i ON i.id = c.item_id
          WHERE c.undone_at IS NULL AND c.day BETWEEN ? AND ? GROUP BY c.item_id ORDER BY day, c.item_id`,
      ),
      insertSession: db.prepare(
        `INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note)
         VALUES (@habitId, @at, @day, @problem, @number, @slug, @title, @difficulty, @minutes, @result, @tags, @note)`,
      ),
      sessionCounts: db.prepare<[string], { day: string; n: number }>('SELECT day, count(*) AS n FROM sessions WHERE habit_id = ? GROUP BY day'),
      sessionsSince: db.prepare<[string, string], SessionDbRow>(
        'SELECT * FROM sessions WHERE habit_id = ? AND day >= ? ORDER BY day, at, id',
      ),
      sessionIdsAt: db.prepare<[], { id: number; at: string }>('SELECT id, at FROM sessions'),
      setSessionDay: db.prepare<[string, number]>('UPDATE sessions SET day = ? WHERE id = ?'),
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

  /** Reopens items: their completions are kept as history, marked undone. Returns how many were open. */
  undo(itemIds: readonly string[], at: string): number {
    return this.db
      .transaction(() => itemIds.reduce((n, id) => n + this.stmts.undoCompletion.run(at, id).changes, 0))
      .immediate();
  }

  /** Items completed on study days from..to (inclusive), each with its first completion day in the range. */
  completionsBetween(from: string, to: string): CompletionRow[] {
    return this.stmts.completionsBetween.all(from, to).map((r) => ({ itemId: r.item_id, roadmapId: r.roadmap_id, title: r.title, day: r.day }));
  }

  settings(): Record<string, string> {
    return Object.fromEntries(this.stmts.settings.all().map((r) => [r.key, r.value]));
  }

  /**
   * Sets a setting. `resessionDay` (for day-start) recomputes every session's study day
   * in the same transaction.
   */
  setSetting(key: string, value: string, resessionDay?: (at: string) => string): void {
    this.db
      .transaction(() => {
        this.stmts.setSetting.run(key, value);
        if (resessionDay) {
          for (const r of this.stmts.sessionIdsAt.all()) this.stmts.setSessionDay.run(resessionDay(r.at), r.id);
        }
      })
      .immediate();
  }

  savePlan(plan: PlanRow): void {
    this.db.transaction(() => this.stmts.upsertPlan.run(plan)).immediate();
  }

  plans(): PlanRow[] {
    return this.stmts.plans.all().map((r) => ({
      roadmapId: r.roadmap_id,
      startDay: r.start_day,
      hoursPerWeek: r.hours_per_week,
      pace: r.pace,
      schedule: r.schedule,
      startedAt: r.started_at,
      replannedAt: r.replanned_at,
    }));
  }

  addSession(session: SessionInput): number {
    return Number(
      this.db.transaction(() => this.stmts.insertSession.run({ ...session, tags: JSON.stringify(session.tags) }).lastInsertRowid).immediate(),
    );
  }

  /** Sessions per study day of a habit. */
  sessionCounts(habitId: string): Map<string, number> {
    return new Map(this.stmts.sessionCounts.all(habitId).map((r) => [r.day, r.n]));
  }

  /** A habit's sessions on or after a study day, oldest first. */
  sessionsSince(habitId: string, day: string): SessionRow[] {
    return this.stmts.sessionsSince.all(habitId, day).map((r) => ({
      id: r.id,
      habitId: r.habit_id,
      at: r.at,
      day: r.day,
      problem: r.problem,
      number: r.number,
      slug: r.slug,
      title: r.title,
      difficulty: r.difficulty,
      minutes: r.minutes,
      result: r.result,
      tags: JSON.parse(r.tags) as string[],
      note: r.note,
    }));
  }

  getRoadmap(id: string): StoredRoadmap | null {
    const row = this.stmts.roadmapRow.get(id);
    if (!row) return null;
    const roadmap = JSON.parse(row.model) as Roadmap;
    const marked = new Set<string>(this.stmts.completedOf.all(id).map((r) => r.item_id));
    return { roadmap, marked, loadedAt: row.loaded_at, sourcePath: row.source_path };
  }
}
