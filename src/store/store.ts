// The store: the only module that speaks SQL or imports better-sqlite3. Schema and
// migrations (PRAGMA user_version), prepared statements, transactions.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Roadmap } from '../core/model.js';
import { habitRefs, indexRows, reversedId, subtreeDone, type EntryRow, type PlanHead } from '../core/agenda-index.js';
import { diffItems, itemRecords, type StoredItemRecord } from '../core/load-diff.js';
import type { StreakWalk } from '../core/streak.js';
import { fold } from '../core/match.js';
import { allItems } from '../core/normalize.js';
import { resolveDone } from '../core/progress.js';
import type { Schedule } from '../core/schedule.js';
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
  // 3: the agenda index (issue #7): what `study today` shows of each started plan, as
  // rows it can read by index instead of parsing roadmap models and schedules. Derived
  // data: the store keeps it in step in the same transaction as every write it makes
  // (loadRoadmaps, savePlan, complete, undo). Triggers count every change to the tables
  // it is derived from (items change only with their roadmap's row, which is counted);
  // when the count is ahead of the one the index was built at (a write that did not
  // maintain it, or this migration), the next read rebuilds it. roadmap_habits (the
  // habits each roadmap declares) is kept by triggers alone. streak_walks: a streak walked
  // over a habit's history up to a day (core/streak.ts walkStreak), so that today walks
  // only the days since; a session on or before that day deletes it (triggers).
  `
  CREATE TABLE agenda_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL,
    built   INTEGER NOT NULL
  ) STRICT;
  INSERT INTO agenda_state (id, changes, built) VALUES (1, 1, 0);
  CREATE TABLE agenda_plans (
    roadmap_id  TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    start_day   TEXT NOT NULL,
    total_weeks INTEGER NOT NULL,
    max_span    INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE agenda_entries (
    roadmap_id TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    section    TEXT NOT NULL,
    first_week INTEGER NOT NULL,
    due_week   INTEGER NOT NULL,
    rank       INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    open       INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, item_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX agenda_entries_by_week ON agenda_entries(roadmap_id, first_week);
  CREATE INDEX agenda_entries_open ON agenda_entries(roadmap_id, open, due_week, rank, position);
  CREATE INDEX agenda_entries_upcoming ON agenda_entries(roadmap_id, open, first_week, rank, position);
  CREATE TABLE agenda_ids (
    reversed   TEXT NOT NULL,
    roadmap_id TEXT NOT NULL
  ) STRICT;
  CREATE INDEX agenda_ids_by_reversed ON agenda_ids(reversed);
  CREATE INDEX agenda_ids_by_roadmap ON agenda_ids(roadmap_id);

  CREATE TRIGGER agenda_completions_insert AFTER INSERT ON completions BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_completions_update AFTER UPDATE ON completions BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_completions_delete AFTER DELETE ON completions BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_plans_insert AFTER INSERT ON plans BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_plans_update AFTER UPDATE ON plans BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_plans_delete AFTER DELETE ON plans BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_roadmaps_insert AFTER INSERT ON roadmaps BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_roadmaps_update AFTER UPDATE ON roadmaps BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_roadmaps_delete AFTER DELETE ON roadmaps BEGIN UPDATE agenda_state SET changes = changes + 1; END;

  CREATE TABLE streak_walks (
    habit_id TEXT NOT NULL,
    rules    TEXT NOT NULL,
    through  TEXT NOT NULL,
    longest  INTEGER NOT NULL,
    run      INTEGER NOT NULL,
    last     INTEGER,
    PRIMARY KEY (habit_id, rules)
  ) STRICT;
  CREATE TRIGGER streak_walks_insert AFTER INSERT ON sessions BEGIN
    DELETE FROM streak_walks WHERE habit_id = NEW.habit_id AND through >= NEW.day;
  END;
  CREATE TRIGGER streak_walks_update AFTER UPDATE ON sessions BEGIN
    DELETE FROM streak_walks WHERE (habit_id = OLD.habit_id AND through >= OLD.day) OR (habit_id = NEW.habit_id AND through >= NEW.day);
  END;
  CREATE TRIGGER streak_walks_delete AFTER DELETE ON sessions BEGIN
    DELETE FROM streak_walks WHERE habit_id = OLD.habit_id AND through >= OLD.day;
  END;
  CREATE INDEX roadmaps_by_source ON roadmaps(source_path, source_hash);
  CREATE TABLE roadmap_habits (
    roadmap_id TEXT PRIMARY KEY,
    habits     TEXT NOT NULL
  ) STRICT;
  INSERT INTO roadmap_habits (roadmap_id, habits) SELECT id, coalesce(json_extract(model, '$.habits'), '[]') FROM roadmaps;
  CREATE TRIGGER roadmap_habits_insert AFTER INSERT ON roadmaps BEGIN
    INSERT OR REPLACE INTO roadmap_habits (roadmap_id, habits) VALUES (NEW.id, coalesce(json_extract(NEW.model, '$.habits'), '[]'));
  END;
  CREATE TRIGGER roadmap_habits_update AFTER UPDATE OF id, model ON roadmaps BEGIN
    DELETE FROM roadmap_habits WHERE roadmap_id = OLD.id;
    INSERT OR REPLACE INTO roadmap_habits (roadmap_id, habits) VALUES (NEW.id, coalesce(json_extract(NEW.model, '$.habits'), '[]'));
  END;
  CREATE TRIGGER roadmap_habits_delete AFTER DELETE ON roadmaps BEGIN DELETE FROM roadmap_habits WHERE roadmap_id = OLD.id; END;
  `,
  // 4: the item index (issue #7): every item of every roadmap (not archived) with what
  // `study done` matches a TASK against (its id's segments reversed and lowercased, so that
  // an id suffix is a prefix an index finds; its title folded as core/match.ts fold does)
  // and, for leaf items, what progress is counted from (marked done in the file, the first
  // day of a completion that was not undone, the plan week it is due in; done_day: '' when
  // marked in the file, else first_day), so that `done` and `report` count progress by
  // index instead of parsing roadmap models. leaf_totals: each roadmap's leaf items, and
  // how many are due in each plan week (JSON [[week, n]...]). leaf_done: how many leaf
  // items of each roadmap are done now, by due week (scheduled 0: none), kept by triggers
  // on item_keys. Derived data, kept with the agenda index (the same writes, the same
  // change count: when it is behind, the next read rebuilds both); this migration leaves
  // it behind.
  `
  CREATE TABLE item_keys (
    id           TEXT PRIMARY KEY,
    roadmap_id   TEXT NOT NULL,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    reversed     TEXT NOT NULL,
    folded       TEXT NOT NULL,
    leaf         INTEGER NOT NULL,
    done_in_file INTEGER NOT NULL,
    first_day    TEXT,
    due_week     INTEGER,
    done_day     TEXT
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX item_keys_by_roadmap ON item_keys(roadmap_id, position);
  CREATE INDEX item_keys_by_reversed ON item_keys(reversed);
  CREATE INDEX item_keys_by_folded ON item_keys(folded);
  CREATE INDEX item_keys_progress ON item_keys(roadmap_id, done_day, due_week, first_day) WHERE leaf = 1;
  CREATE TABLE leaf_totals (
    roadmap_id TEXT PRIMARY KEY,
    total      INTEGER NOT NULL,
    due        TEXT NOT NULL
  ) STRICT;
  CREATE TABLE leaf_done (
    roadmap_id TEXT NOT NULL,
    scheduled  INTEGER NOT NULL,
    due        INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, scheduled, due)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER leaf_done_insert AFTER INSERT ON item_keys WHEN NEW.leaf = 1 AND NEW.done_day IS NOT NULL BEGIN
    INSERT INTO leaf_done (roadmap_id, scheduled, due, n) VALUES (NEW.roadmap_id, NEW.due_week IS NOT NULL, coalesce(NEW.due_week, 0), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER leaf_done_delete AFTER DELETE ON item_keys WHEN OLD.leaf = 1 AND OLD.done_day IS NOT NULL BEGIN
    UPDATE leaf_done SET n = n - 1 WHERE roadmap_id = OLD.roadmap_id AND scheduled = (OLD.due_week IS NOT NULL) AND due = coalesce(OLD.due_week, 0);
  END;
  CREATE TRIGGER leaf_done_update AFTER UPDATE OF roadmap_id, leaf, done_day, due_week ON item_keys BEGIN
    UPDATE leaf_done SET n = n - 1
      WHERE OLD.leaf = 1 AND OLD.done_day IS NOT NULL
        AND roadmap_id = OLD.roadmap_id AND scheduled = (OLD.due_week IS NOT NULL) AND due = coalesce(OLD.due_week, 0);
    INSERT INTO leaf_done (roadmap_id, scheduled, due, n)
      SELECT NEW.roadmap_id, NEW.due_week IS NOT NULL, coalesce(NEW.due_week, 0), 1 WHERE NEW.leaf = 1 AND NEW.done_day IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  UPDATE agenda_state SET changes = changes + 1;
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

/**
 * Everything a user entered, table by table, as the store keeps it (`study export`).
 * Derived tables (the agenda index, saved streak walks, roadmap habits) are not in it:
 * they are rebuilt from these.
 */
export interface BackupTables {
  settings: { key: string; value: string }[];
  roadmaps: { id: string; title: string; kind: string; model: string; source_path: string; source_text: string; source_hash: string; loaded_at: string }[];
  items: (ItemRow & { roadmap_id: string })[];
  completions: { id: number; item_id: string; day: string; at: string; undone_at: string | null }[];
  plans: { roadmap_id: string; start_day: string; hours_per_week: number; pace: string; schedule: string; started_at: string; replanned_at: string | null }[];
  sessions: SessionDbRow[];
}

/** The tables of a backup, in an order that satisfies their foreign keys. */
export const BACKUP_TABLES = ['settings', 'roadmaps', 'items', 'completions', 'plans', 'sessions'] as const;

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
/**
 * Creates the missing folders of `dir`, each 0700, one at a time from the deepest one that
 * exists. (Node 20's recursive mkdirSync never returns for some paths, such as a missing
 * folder under /proc.)
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.push(d);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}

export function openStore(path: string): Store {
  try {
    makeFolders(dirname(path));
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
            : code === 'ENOENT'
              ? 'its folder cannot be created there'
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
      // Another process may have migrated while this one waited for the write lock.
      if ((db.pragma('user_version', { simple: true }) as number) > v) return;
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
    this.stmts = lazyStatements({
      roadmapHash: () => db.prepare<[string], { source_hash: string; source_path: string }>('SELECT source_hash, source_path FROM roadmaps WHERE id = ?'),
      upsertRoadmap: () => db.prepare(
        `INSERT INTO roadmaps (id, title, kind, model, source_path, source_text, source_hash, loaded_at)
         VALUES (@id, @title, @kind, @model, @sourcePath, @sourceText, @sourceHash, @loadedAt)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, kind = excluded.kind, model = excluded.model,
           source_path = excluded.source_path, source_text = excluded.source_text,
           source_hash = excluded.source_hash, loaded_at = excluded.loaded_at`,
      ),
      itemsOf: () => db.prepare<[string], ItemRow>(
        'SELECT id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at FROM items WHERE roadmap_id = ?',
      ),
      upsertItem: () => db.prepare(
        `INSERT INTO items (id, roadmap_id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at)
         VALUES (@id, @roadmapId, @sectionId, @parentId, @position, @kind, @title, @isLeaf, @doneInFile, @attrs, NULL)
         ON CONFLICT(id) DO UPDATE SET roadmap_id = excluded.roadmap_id, section_id = excluded.section_id,
           parent_id = excluded.parent_id, position = excluded.position, kind = excluded.kind, title = excluded.title,
           is_leaf = excluded.is_leaf, done_in_file = excluded.done_in_file, attrs = excluded.attrs, archived_at = NULL`,
      ),
      archiveItem: () => db.prepare<[string, string]>('UPDATE items SET archived_at = ? WHERE id = ?'),
      roadmapBySource: () => db.prepare<[string, string], { id: string }>('SELECT id FROM roadmaps WHERE source_path = ? AND source_hash = ?'),
      itemCount: () => db.prepare<[string], number>('SELECT count(*) FROM items WHERE roadmap_id = ? AND archived_at IS NULL').pluck(true),
      roadmapCount: () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM roadmaps'),
      roadmapRows: () => db.prepare<[], { id: string; title: string; kind: string }>('SELECT id, title, kind FROM roadmaps ORDER BY id'),
      progressRows: () => db.prepare<[], { roadmap_id: string; total: number; done: number }>(
        `SELECT i.roadmap_id, count(*) AS total,
                sum(i.done_in_file OR EXISTS (SELECT 1 FROM completions c WHERE c.item_id = i.id AND c.undone_at IS NULL)) AS done
           FROM items i WHERE i.is_leaf = 1 AND i.archived_at IS NULL GROUP BY i.roadmap_id`,
      ),
      roadmapRow: () => db.prepare<[string], { model: string; loaded_at: string; source_path: string }>(
        'SELECT model, loaded_at, source_path FROM roadmaps WHERE id = ?',
      ),
      settings: () => db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      setSetting: () => db.prepare<[string, string]>(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      upsertPlan: () => db.prepare(
        `INSERT INTO plans (roadmap_id, start_day, hours_per_week, pace, schedule, started_at, replanned_at)
         VALUES (@roadmapId, @startDay, @hoursPerWeek, @pace, @schedule, @startedAt, @replannedAt)
         ON CONFLICT(roadmap_id) DO UPDATE SET start_day = excluded.start_day, hours_per_week = excluded.hours_per_week,
           pace = excluded.pace, schedule = excluded.schedule, started_at = excluded.started_at, replanned_at = excluded.replanned_at`,
      ),
      plans: () => db.prepare<[], { roadmap_id: string; start_day: string; hours_per_week: number; pace: string; schedule: string; started_at: string; replanned_at: string | null }>(
        'SELECT roadmap_id, start_day, hours_per_week, pace, schedule, started_at, replanned_at FROM plans ORDER BY roadmap_id',
      ),
      undoCompletion: () => db.prepare<[string, string]>('UPDATE completions SET undone_at = ? WHERE item_id = ? AND undone_at IS NULL'),
      completionsBetween: () => db.prepare<[string, string], { item_id: string; roadmap_id: string; title: string; day: string }>(
        `SELECT c.item_id, i.roadmap_id, i.title, min(c.day) AS day FROM completions c JOIN items i ON i.id = c.item_id
          WHERE c.undone_at IS NULL AND c.day BETWEEN ? AND ? GROUP BY c.item_id ORDER BY day, c.item_id`,
      ),
      insertSession: () => db.prepare(
        `INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note)
         VALUES (@habitId, @at, @day, @problem, @number, @slug, @title, @difficulty, @minutes, @result, @tags, @note)`,
      ),
      sessionCounts: () => db.prepare<[string], { day: string; n: number }>('SELECT day, count(*) AS n FROM sessions WHERE habit_id = ? GROUP BY day'),
      // julianday() - 2440587.5 is the day number from 1970-01-01; date(day) = day keeps real dates only.
      qualifyingDays: () =>
        db
          .prepare<[string, string, number], number>(
            `SELECT CAST(julianday(day) - 2440587.5 AS INTEGER) FROM sessions
              WHERE habit_id = ? AND day <= ? GROUP BY day HAVING count(*) >= ? AND date(day) = day ORDER BY day`,
          )
          .pluck(true),
      qualifyingDaysAfter: () =>
        db
          .prepare<[string, string, string, number], number>(
            `SELECT CAST(julianday(day) - 2440587.5 AS INTEGER) FROM sessions
              WHERE habit_id = ? AND day > ? AND day <= ? GROUP BY day HAVING count(*) >= ? AND date(day) = day ORDER BY day`,
          )
          .pluck(true),
      streakWalk: () =>
        db.prepare<[string, string], { through: string; longest: number; run: number; last: number | null }>(
          'SELECT through, longest, run, last FROM streak_walks WHERE habit_id = ? AND rules = ?',
        ),
      saveStreakWalk: () =>
        db.prepare<[string, string, string, number, number, number | null]>(
          'INSERT OR REPLACE INTO streak_walks (habit_id, rules, through, longest, run, last) VALUES (?, ?, ?, ?, ?, ?)',
        ),
      sessionsOn: () => db.prepare<[string, string], number>('SELECT count(*) FROM sessions WHERE habit_id = ? AND day = ?').pluck(true),
      sessionCountsRaw: () => db.prepare<[string], [string, number]>('SELECT day, count(*) AS n FROM sessions WHERE habit_id = ? GROUP BY day').raw(true),
      sessionCountsBetween: () =>
        db.prepare<[string, string, string], [string, number]>('SELECT day, count(*) AS n FROM sessions WHERE habit_id = ? AND day BETWEEN ? AND ? GROUP BY day').raw(true),
      sessionsSince: () => db.prepare<[string, string], SessionDbRow>(
        'SELECT * FROM sessions WHERE habit_id = ? AND day >= ? ORDER BY day, at, id',
      ),
      sessionIdsAt: () => db.prepare<[], { id: number; at: string }>('SELECT id, at FROM sessions'),
      setSessionDay: () => db.prepare<[string, number]>('UPDATE sessions SET day = ? WHERE id = ?'),
      insertCompletion: () => db.prepare<[string, string, string]>('INSERT INTO completions (item_id, day, at) VALUES (?, ?, ?)'),
      completedOf: () => db.prepare<[string], { item_id: string }>(
        `SELECT DISTINCT c.item_id FROM completions c JOIN items i ON i.id = c.item_id
          WHERE i.roadmap_id = ? AND c.undone_at IS NULL`,
      ),
      ...agendaStatements(db),
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Every row of the user's tables, in a stable order. */
  exportTables(): BackupTables {
    const all = <T>(sql: string): T[] => this.db.prepare(sql).all() as T[];
    return {
      settings: all('SELECT key, value FROM settings ORDER BY key'),
      roadmaps: all('SELECT id, title, kind, model, source_path, source_text, source_hash, loaded_at FROM roadmaps ORDER BY id'),
      items: all('SELECT id, roadmap_id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at FROM items ORDER BY roadmap_id, position, id'),
      completions: all('SELECT id, item_id, day, at, undone_at FROM completions ORDER BY id'),
      plans: all('SELECT roadmap_id, start_day, hours_per_week, pace, schedule, started_at, replanned_at FROM plans ORDER BY roadmap_id'),
      sessions: all('SELECT id, habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note FROM sessions ORDER BY id'),
    };
  }

  /** How many rows of each user table the store holds. */
  rowCounts(): Record<(typeof BACKUP_TABLES)[number], number> {
    const count = (t: string): number => (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return Object.fromEntries(BACKUP_TABLES.map((t) => [t, count(t)])) as Record<(typeof BACKUP_TABLES)[number], number>;
  }

  /**
   * Replaces every user table with `tables`, in one transaction: on any error (a foreign
   * key, a duplicate id) nothing changes. Derived tables catch up through their triggers.
   */
  importTables(tables: BackupTables): void {
    this.db
      .transaction(() => {
        for (const t of [...BACKUP_TABLES].reverse()) this.db.prepare(`DELETE FROM ${t}`).run();
        for (const t of BACKUP_TABLES) {
          const rows = tables[t] as Record<string, unknown>[];
          if (rows.length === 0) continue;
          const cols = Object.keys(rows[0]!);
          const insert = this.db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`);
          for (const row of rows) insert.run(row);
        }
        const bad = this.db.pragma('foreign_key_check') as unknown[];
        if (bad.length > 0) throw new StudyError(`the backup refers to ${bad.length} rows that are not in it; nothing was restored`);
      })
      .immediate();
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
    const changed = new Map<string, Roadmap>();
    const run = this.db.transaction((): LoadReport[] => this.maintainingAgenda(() =>
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
        changed.set(roadmap.id, roadmap);
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
      () => {
        for (const [id, roadmap] of changed) this.indexRoadmap(id, roadmap);
      },
    ));
    return run.immediate();
  }

  /**
   * The roadmap loaded from exactly this file (its absolute path and the SHA-256 of its
   * bytes), with its item count, or null: `study load` reports such a file unchanged
   * without parsing it again.
   */
  loadedFrom(absPath: string, hash: string): { id: string; items: number } | null {
    const row = this.stmts.roadmapBySource.get(absPath, hash);
    return row ? { id: row.id, items: this.stmts.itemCount.get(row.id)! } : null;
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

  /** Ids of the roadmaps that have a plan (were started), by id. */
  startedRoadmapIds(): string[] {
    return this.stmts.planIds.all().map((r) => r.roadmap_id);
  }

  roadmapIds(): string[] {
    return this.stmts.roadmapRows.all().map((r) => r.id);
  }

  /** Records that items were done on a study day (`at`: the moment, with its offset). */
  complete(itemIds: readonly string[], day: string, at: string): void {
    this.db
      .transaction(() =>
        this.maintainingAgenda(
          () => {
            for (const id of itemIds) this.stmts.insertCompletion.run(id, day, at);
          },
          () => {
            this.refreshEntries(itemIds);
            this.refreshFirstDays(itemIds);
          },
        ),
      )
      .immediate();
  }

  /** Reopens items: their completions are kept as history, marked undone. Returns how many were open. */
  undo(itemIds: readonly string[], at: string): number {
    return this.db
      .transaction(() =>
        this.maintainingAgenda(
          () => itemIds.reduce((n, id) => n + this.stmts.undoCompletion.run(at, id).changes, 0),
          () => {
            this.refreshEntries(itemIds);
            this.refreshFirstDays(itemIds);
          },
        ),
      )
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
    this.db
      .transaction(() =>
        this.maintainingAgenda(
          () => this.stmts.upsertPlan.run(plan),
          () => this.indexRoadmap(plan.roadmapId),
        ),
      )
      .immediate();
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
    // Rows as arrays: years of daily sessions are thousands of rows on every `study today`.
    return new Map(this.stmts.sessionCountsRaw.all(habitId));
  }

  /** Sessions per study day of a habit, on days from..to (inclusive), by index. */
  sessionCountsBetween(habitId: string, from: string, to: string): Map<string, number> {
    return new Map(this.stmts.sessionCountsBetween.all(habitId, from, to));
  }

  /**
   * The study days of a habit with at least `minSessions` sessions, up to `through`, as
   * day numbers (core/calendar.ts dayNumberOf), ascending: what a streak needs of years of
   * history, computed by SQLite on the index. Days that are not real dates are left out.
   */
  qualifyingDays(habitId: string, minSessions: number, through: string, after?: string): number[] {
    return after === undefined
      ? this.stmts.qualifyingDays.all(habitId, through, minSessions)
      : this.stmts.qualifyingDaysAfter.all(habitId, after, through, minSessions);
  }

  /** The streak walk saved for a habit and its rules (see saveStreakWalk), or null. */
  streakWalk(habitId: string, rules: string): { through: string; walk: StreakWalk } | null {
    const row = this.stmts.streakWalk.get(habitId, rules);
    return row ? { through: row.through, walk: { longest: row.longest, run: row.run, last: row.last } } : null;
  }

  /**
   * Saves the walk over a habit's qualifying days up to `through` under `rules` (the daily
   * target and rest days it counted with). A session on or before `through` deletes it.
   * Best effort: a store that cannot be written to now just keeps the older one.
   */
  saveStreakWalk(habitId: string, rules: string, through: string, walk: StreakWalk): void {
    try {
      this.stmts.saveStreakWalk.run(habitId, rules, through, walk.longest, walk.run, walk.last);
    } catch {
      // busy or read-only: the walk is only a shortcut
    }
  }

  /** Sessions of a habit on one study day. */
  sessionsOn(habitId: string, day: string): number {
    return this.stmts.sessionsOn.get(habitId, day)!;
  }

  /** A habit's sessions on or after a study day, oldest first. */
  sessionsSince(habitId: string, day: string): SessionRow[] {
    return this.stmts.sessionsSince.all(habitId, day).map(sessionRow);
  }

  /** A habit's sessions on study days from..to (inclusive), oldest first. */
  sessionsBetween(habitId: string, from: string, to: string): SessionRow[] {
    return this.stmts.sessionsBetween.all(habitId, from, to).map(sessionRow);
  }

  getRoadmap(id: string): StoredRoadmap | null {
    const row = this.stmts.roadmapRow.get(id);
    if (!row) return null;
    const roadmap = JSON.parse(row.model) as Roadmap;
    const marked = new Set<string>(this.stmts.completedOf.all(id).map((r) => r.item_id));
    return { roadmap, marked, loadedAt: row.loaded_at, sourcePath: row.source_path };
  }

  // -------------------------------------------------------------------------------------
  // The agenda index (migration 3): reads for `study today`, and its upkeep.

  /**
   * The started plans, by roadmap id, as the agenda index has them, each with the habits
   * its roadmap declares. First brings the index up to date when a write left it behind
   * (after the migration, or a write that did not maintain it): then this one read writes.
   */
  agendaPlans(): AgendaPlan[] {
    this.ensureAgenda();
    return this.stmts.agendaPlans.all().map((r) => ({
      roadmapId: r.roadmap_id,
      title: r.title,
      startDay: r.start_day,
      totalWeeks: r.total_weeks,
      maxSpan: r.max_span,
      habits: habitsOf(r.habits),
    }));
  }

  /** The entries of a started plan worked on in plan week `week` (any order). Call agendaPlans() first. */
  agendaWeek(plan: Pick<PlanHead, 'roadmapId' | 'maxSpan'>, week: number): EntryRow[] {
    return this.stmts.agendaWeek.all(plan.roadmapId, week - plan.maxSpan, week, week).map(entryRow);
  }

  /** The open entries of a started plan due before plan week `week`: by due week, priority rank and file order. */
  agendaOverdue(roadmapId: string, week: number): EntryRow[] {
    return this.stmts.agendaOverdue.all(roadmapId, week).map(entryRow);
  }

  /** The first open entry of a started plan that starts after plan week `week`: by first week, priority rank and file order. */
  agendaUpcoming(roadmapId: string, week: number): EntryRow | null {
    const row = this.stmts.agendaUpcoming.get(roadmapId, week);
    return row ? entryRow(row) : null;
  }

  /**
   * Short forms of some item ids of started plans, as core/ids.ts shortIds computes them
   * over every item of every started plan (the fewest trailing segments no other such item
   * ends with), found by index instead of by reading every item. Call agendaPlans() first.
   */
  shortIdsFor(ids: Iterable<string>): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of ids) {
      if (out.has(id)) continue;
      const parts = id.split('/');
      const reversed = [...parts].reverse();
      let chosen = parts.slice(1).join('/') || id;
      for (let k = 1; k < parts.length; k++) {
        const prefix = reversed.slice(0, k).join('/');
        if (this.stmts.agendaIdCount.get(prefix, `${prefix}/`, `${prefix}0`)!.n === 1) {
          chosen = parts.slice(parts.length - k).join('/');
          break;
        }
      }
      out.set(id, chosen);
    }
    return out;
  }

  /** Every loaded roadmap with the habits it declares (id and title), by roadmap id, without reading a model. */
  roadmapHabits(): { id: string; habits: { id: string; title: string }[] }[] {
    return this.stmts.roadmapHabits.all().map((r) => ({ id: r.roadmap_id, habits: habitsOf(r.habits) }));
  }

  // -------------------------------------------------------------------------------------
  // The item index (migration 4): reads for `study done` and `study report`. Each brings
  // the index up to date first, as agendaPlans() does.

  /**
   * The items (not archived) that `task` names by its full id, an id suffix on a '/'
   * boundary (case-insensitive) or its title folded (core/match.ts fold): every item that
   * steps 1-3 of matchTask can pick, by index, in roadmap then file order.
   */
  itemsMatching(task: string): ItemKey[] {
    this.ensureAgenda();
    const raw = task.trim();
    const rev = reversedId(raw.toLowerCase());
    return this.stmts.keysMatching.all(raw, rev, `${rev}/`, `${rev}0`, fold(raw)).map(itemKey);
  }

  /**
   * The items whose folded title contains every one of `words` (as substrings; none: every
   * item), in roadmap then file order: step 4 of matchTask. A scan of the folded titles'
   * index, not of the items.
   */
  itemsWithWords(words: readonly string[]): ItemKey[] {
    this.ensureAgenda();
    let stmt = this.wordStatements.get(words.length);
    if (!stmt) {
      const where = words.map(() => 'instr(folded, ?) > 0').join(' AND ') || '1';
      stmt = this.db.prepare<string[], KeyRow>(
        `SELECT id, title, roadmap_id, position FROM item_keys
          WHERE id IN (SELECT id FROM item_keys INDEXED BY item_keys_by_folded WHERE ${where}) ORDER BY roadmap_id, position`,
      );
      this.wordStatements.set(words.length, stmt);
    }
    return stmt.all(...words).map(itemKey);
  }

  private readonly wordStatements = new Map<number, Database.Statement<string[], KeyRow>>();

  /** Every item (not archived), in roadmap then file order, with its title folded (core/match.ts fold). */
  allItemKeys(): (ItemKey & { folded: string })[] {
    this.ensureAgenda();
    return this.stmts.keysAll.all().map((r) => ({ ...itemKey(r), folded: r.folded }));
  }

  /** How many items (not archived) have an id that is `tail` or ends with '/' + `tail` (case-sensitive). */
  tailCount(tail: string): number {
    this.ensureAgenda();
    const rev = reversedId(tail.toLowerCase());
    return this.stmts.keysTail.all(rev, `${rev}/`, `${rev}0`).filter((id) => id === tail || id.endsWith(`/${tail}`)).length;
  }

  /** An item (not archived) and everything under it, parents before children in file order; empty if there is no such item. */
  itemSubtree(id: string): SubtreeRow[] {
    return this.stmts.itemSubtree.all(id, `${id}/`, `${id}0`).map(subtreeRow);
  }

  /** One item (not archived), or null. */
  itemRow(id: string): SubtreeRow | null {
    const row = this.stmts.itemRow.get(id);
    return row ? subtreeRow(row) : null;
  }

  /** The file a roadmap was loaded from, or null. */
  sourcePathOf(roadmapId: string): string | null {
    return this.stmts.sourcePathOf.get(roadmapId) ?? null;
  }

  /** Leaf items of a roadmap and how many are done (marked in the file, or completed and not undone), by index. */
  leafProgress(roadmapId: string): { done: number; total: number } {
    this.ensureAgenda();
    const done = this.stmts.leavesDoneByDue.all(roadmapId).reduce((n, r) => n + r.n, 0);
    return { done, total: this.leafTotals(roadmapId).total };
  }

  /** Leaf items of a roadmap, and how many of them its plan has due in each plan week ([week, n], by week). */
  leafTotals(roadmapId: string): { total: number; due: [number, number][] } {
    this.ensureAgenda();
    const row = this.stmts.leafTotals.get(roadmapId);
    return row ? { total: row.total, due: JSON.parse(row.due) as [number, number][] } : { total: 0, due: [] };
  }

  /**
   * Leaf items of a roadmap done as of the end of study day `day` (marked in the file, or
   * first completed on or before it): how many, how many of those are due by plan week
   * `week`, how many have no due week, and how many were first completed from `paceFrom`
   * to `day`. By index, over the done leaves only.
   */
  leavesDoneAsOf(roadmapId: string, day: string, week: number, paceFrom: string): { done: number; doneDue: number; doneUnscheduled: number; recent: number } {
    this.ensureAgenda();
    const st = this.stmts;
    if (st.leavesDoneLater.get(roadmapId, day) === undefined) {
      // Nothing was first done after `day` (a report of this week): the leaves done now,
      // counted by due week as leaf_done keeps them, and the few done in the pace window.
      let done = 0;
      let doneDue = 0;
      let doneUnscheduled = 0;
      for (const r of st.leavesDoneByDue.all(roadmapId)) {
        done += r.n;
        if (r.scheduled === 0) doneUnscheduled += r.n;
        else if (r.due <= week) doneDue += r.n;
      }
      return { done, doneDue, doneUnscheduled, recent: st.leavesFirstDoneIn.get({ roadmap: roadmapId, from: paceFrom, to: day })! };
    }
    const r = st.leavesAsOf.get({ week, paceFrom, day, roadmap: roadmapId })!;
    return { done: r.done, doneDue: r.done_due, doneUnscheduled: r.done_unscheduled, recent: r.recent };
  }

  /** Whether an item was done as of the end of study day `day`, by core/progress.ts's rule (marks on or before it). */
  doneAsOf(id: string, day: string): boolean {
    const rows = this.stmts.subtreeAsOf.all(day, id, `${id}/`, `${id}0`).map((r) => ({ id: r.id, parentId: r.parent_id, marked: r.marked === 1 }));
    return subtreeDone(id, rows);
  }

  /**
   * Items whose first completion (not undone) is on a study day from..to (inclusive), with
   * that day, by day then id: what a week's report lists.
   */
  firstCompletionsIn(from: string, to: string): CompletionRow[] {
    return this.stmts.firstCompletionsIn.all({ from, to }).map((r) => ({ itemId: r.item_id, roadmapId: r.roadmap_id, title: r.title, day: r.day }));
  }

  /**
   * EXPLAIN QUERY PLAN of the queries on the hot paths (`study today`, `done`, `report`,
   * `streak`), for the test that keeps them on indexes: one entry per query, with the
   * plan's detail lines (e.g. "SEARCH agenda_entries USING INDEX agenda_entries_open ...").
   */
  explainHotQueries(): { name: string; plan: string[] }[] {
    const explain = (name: string, stmt: Database.Statement, params: unknown[]): { name: string; plan: string[] } => ({
      name,
      plan: (this.db.prepare(`EXPLAIN QUERY PLAN ${stmt.source}`).all(...params) as { detail: string }[]).map((r) => r.detail),
    });
    const st = this.stmts;
    return [
      explain('agendaState', st.agendaState, []),
      explain('agendaPlans', st.agendaPlans, []),
      explain('agendaWeek', st.agendaWeek, ['r', 1, 2, 2]),
      explain('agendaOverdue', st.agendaOverdue, ['r', 2]),
      explain('agendaUpcoming', st.agendaUpcoming, ['r', 2]),
      explain('agendaIdCount', st.agendaIdCount, ['a', 'a/', 'a0']),
      explain('agendaEntryExists', st.agendaEntryExists, ['r', 'r/s/i']),
      explain('agendaSubtree', st.agendaSubtree, ['r/s/i', 'r/s/i/', 'r/s/i0']),
      explain('sessionCounts', st.sessionCounts, ['leetcode']),
      explain('qualifyingDays', st.qualifyingDays, ['leetcode', '2026-11-23', 1]),
      explain('qualifyingDaysAfter', st.qualifyingDaysAfter, ['leetcode', '2026-10-01', '2026-11-23', 1]),
      explain('streakWalk', st.streakWalk, ['leetcode', '1/']),
      explain('sessionsOn', st.sessionsOn, ['leetcode', '2026-11-23']),
      explain('sessionsSince', st.sessionsSince, ['leetcode', '2026-01-01']),
      explain('sessionCountsBetween', st.sessionCountsBetween, ['leetcode', '2026-05-25', '2026-11-23']),
      explain('settings', st.settings, []),
      explain('roadmapHabits', st.roadmapHabits, []),
      explain('completionsBetween', st.completionsBetween, ['2026-11-16', '2026-11-22']),
      explain('sessionsBetween', st.sessionsBetween, ['leetcode', '2026-11-16', '2026-11-22']),
      explain('keysMatching', st.keysMatching, ['r/s/i', 'i/s/r', 'i/s/r/', 'i/s/r0', 'title']),
      explain('keysWords', this.db.prepare(`SELECT id, title, roadmap_id, position FROM item_keys
          WHERE id IN (SELECT id FROM item_keys INDEXED BY item_keys_by_folded WHERE instr(folded, ?) > 0) ORDER BY roadmap_id, position`), ['word']),
      explain('keysTail', st.keysTail, ['i', 'i/', 'i0']),
      explain('leavesAsOf', st.leavesAsOf, [{ week: 3, paceFrom: '2026-10-26', day: '2026-11-22', roadmap: 'r' }]),
      explain('leafTotals', st.leafTotals, ['r']),
      explain('leavesDoneLater', st.leavesDoneLater, ['r', '2026-11-22']),
      explain('leavesDoneByDue', st.leavesDoneByDue, ['r']),
      explain('leavesFirstDoneIn', st.leavesFirstDoneIn, [{ roadmap: 'r', from: '2026-10-26', to: '2026-11-22' }]),
      explain('itemSubtree', st.itemSubtree, ['r/s/i', 'r/s/i/', 'r/s/i0']),
      explain('itemRow', st.itemRow, ['r/s/i']),
      explain('subtreeAsOf', st.subtreeAsOf, ['2026-11-22', 'r/s/i', 'r/s/i/', 'r/s/i0']),
      explain('firstCompletionsIn', st.firstCompletionsIn, [{ from: '2026-11-16', to: '2026-11-22' }]),
      explain('itemKeysFirstDay', st.itemKeysFirstDay, [{ id: 'r/s/i' }]),
    ];
  }

  /** Runs `write`, then `maintain` (which keeps the agenda and item indexes in step) if they were up to date before. In a transaction. */
  private maintainingAgenda<T>(write: () => T, maintain: () => void): T {
    const before = this.stmts.agendaState.get()!;
    const result = write();
    if (before.built === before.changes) {
      maintain();
      this.stmts.agendaSynced.run();
    }
    return result;
  }

  /** Rebuilds the whole agenda index and item index when they are behind the tables they are derived from. */
  private ensureAgenda(): void {
    const state = this.stmts.agendaState.get()!;
    if (state.built === state.changes) return;
    this.db
      .transaction(() => {
        const again = this.stmts.agendaState.get()!;
        if (again.built === again.changes) return;
        this.stmts.agendaClearAll.run();
        this.stmts.itemKeysClearAll.run();
        for (const id of this.roadmapIds()) this.indexRoadmap(id);
        this.stmts.agendaSynced.run();
      })
      .immediate();
  }

  /**
   * (Re)builds the agenda index rows of one roadmap's plan and the item index rows of its
   * items (none if it is not loaded). `roadmap`: the model, when the caller has it.
   */
  private indexRoadmap(roadmapId: string, roadmap?: Roadmap): void {
    let model = roadmap;
    if (!model) {
      const row = this.stmts.roadmapRow.get(roadmapId);
      if (row) model = JSON.parse(row.model) as Roadmap;
    }
    const schedule = this.indexPlan(roadmapId, model);
    this.indexItems(roadmapId, model, schedule);
  }

  /** (Re)builds the item index rows of one roadmap: every item, with the due weeks of `schedule` (its plan's, if started). */
  private indexItems(roadmapId: string, model: Roadmap | undefined, schedule: Schedule | null): void {
    const st = this.stmts;
    st.itemKeysClear.run(roadmapId);
    st.leafTotalsClear.run(roadmapId);
    if (!model) return;
    const firstDays = new Map(st.firstDaysOf.all(roadmapId));
    const dueCounts = new Map<number, number>();
    let total = 0;
    for (const { item } of allItems(model)) {
      const leaf = item.children.length === 0;
      const due = leaf ? (schedule?.due[item.id] ?? null) : null;
      if (leaf) {
        total++;
        if (due !== null) dueCounts.set(due, (dueCounts.get(due) ?? 0) + 1);
      }
      st.itemKeysInsert.run({
        id: item.id,
        roadmap: roadmapId,
        position: item.order,
        title: item.title,
        reversed: reversedId(item.id.toLowerCase()),
        folded: fold(item.title),
        leaf: leaf ? 1 : 0,
        doneInFile: item.doneInFile ? 1 : 0,
        firstDay: firstDays.get(item.id) ?? null,
        due,
      });
    }
    st.leafTotalsInsert.run(roadmapId, total, JSON.stringify([...dueCounts].sort((a, b) => a[0] - b[0])));
  }

  /** After completions of `itemIds` were added or undone: the first completion day of each in the item index. */
  private refreshFirstDays(itemIds: readonly string[]): void {
    for (const id of itemIds) this.stmts.itemKeysFirstDay.run({ id });
  }

  /**
   * (Re)builds the index rows of one roadmap's plan (none if it is not started), given the
   * roadmap's model (none: not loaded). Returns the plan's schedule, or null.
   */
  private indexPlan(roadmapId: string, model: Roadmap | undefined): Schedule | null {
    const st = this.stmts;
    st.agendaClearPlan.run(roadmapId);
    st.agendaClearEntries.run(roadmapId);
    st.agendaClearIds.run(roadmapId);
    const plan = st.planOf.get(roadmapId);
    if (!plan || !model) return null;
    const schedule = JSON.parse(plan.schedule) as Schedule;
    const marked = new Set<string>(st.completedOf.all(roadmapId).map((r) => r.item_id));
    const { head, entries } = indexRows({
      roadmap: model,
      startDay: plan.start_day,
      schedule,
      done: resolveDone(model, marked),
    });
    st.agendaInsertPlan.run(head.roadmapId, head.title, head.startDay, head.totalWeeks, head.maxSpan);
    for (const e of entries) {
      st.agendaInsertEntry.run(roadmapId, e.id, e.title, e.section, e.firstWeek, e.dueWeek, e.rank, e.order, e.open ? 1 : 0);
    }
    const walk = (items: Roadmap['sections'][number]['items']): void => {
      for (const item of items) {
        st.agendaInsertId.run(reversedId(item.id), roadmapId);
        walk(item.children);
      }
    };
    for (const section of model.sections) walk(section.items);
    return schedule;
  }

  /** After completions of `itemIds` were added or undone: the open flag of the agenda entries that hold them. */
  private refreshEntries(itemIds: readonly string[]): void {
    const st = this.stmts;
    const entries = new Map<string, string>();
    for (const id of itemIds) {
      const parts = id.split('/');
      const roadmapId = parts[0]!;
      // The entry holding an item is the item itself or its nearest ancestor that is one.
      for (let k = parts.length; k >= 2; k--) {
        const candidate = parts.slice(0, k).join('/');
        if (st.agendaEntryExists.get(roadmapId, candidate)) {
          entries.set(candidate, roadmapId);
          break;
        }
      }
    }
    for (const [entryId, roadmapId] of entries) {
      const rows = st.agendaSubtree.all(entryId, `${entryId}/`, `${entryId}0`).map((r) => ({ id: r.id, parentId: r.parent_id, marked: r.marked === 1 }));
      st.agendaSetOpen.run(subtreeDone(entryId, rows) ? 0 : 1, roadmapId, entryId);
    }
  }
}

/** An item as the item index has it: what `study done` matches and lists. */
export interface ItemKey {
  readonly id: string;
  readonly title: string;
  readonly roadmap: string;
  /** File order within its roadmap. */
  readonly position: number;
}

const itemKey = (r: KeyRow): ItemKey => ({ id: r.id, title: r.title, roadmap: r.roadmap_id, position: r.position });

/** An item of a subtree, with whether it is marked done in its file and by a completion (not undone). */
export interface SubtreeRow {
  readonly id: string;
  readonly parentId: string | null;
  readonly title: string;
  readonly doneInFile: boolean;
  readonly completed: boolean;
}

const subtreeRow = (r: SubtreeDbRow): SubtreeRow => ({ id: r.id, parentId: r.parent_id, title: r.title, doneInFile: r.done_in_file === 1, completed: r.marked === 1 });

const sessionRow = (r: SessionDbRow): SessionRow => ({
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
});

export interface AgendaPlan extends PlanHead {
  /** The habits the plan's roadmap declares. */
  readonly habits: { id: string; title: string }[];
}

function habitsOf(json: string | null): { id: string; title: string }[] {
  if (json === null) return [];
  const list = JSON.parse(json) as { id: string; title: string }[] | null;
  return Array.isArray(list) ? habitRefs({ habits: list as unknown as Roadmap['habits'] }) : [];
}

interface EntryDbRow {
  item_id: string;
  title: string;
  section: string;
  first_week: number;
  due_week: number;
  rank: number;
  position: number;
  open: number;
}

const entryRow = (r: EntryDbRow): EntryRow => ({
  id: r.item_id,
  title: r.title,
  section: r.section,
  firstWeek: r.first_week,
  dueWeek: r.due_week,
  rank: r.rank,
  order: r.position,
  open: r.open === 1,
});

const ENTRY_COLUMNS = 'item_id, title, section, first_week, due_week, rank, position, open';

/**
 * Statements prepared on first use: a command uses a handful of the store's statements,
 * and preparing them all cost every run milliseconds (issue #7).
 */
function lazyStatements<T extends Record<string, () => unknown>>(defs: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made: Record<string, unknown> = {};
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(defs)) {
    Object.defineProperty(out, key, { get: () => (made[key] ??= defs[key]!()), enumerable: true });
  }
  return out;
}

/** Prepared statements of the agenda index (migration 3). */
function agendaStatements(db: Database.Database) {
  return {
    agendaState: () => db.prepare<[], { changes: number; built: number }>('SELECT changes, built FROM agenda_state WHERE id = 1'),
    agendaSynced: () => db.prepare('UPDATE agenda_state SET built = changes WHERE id = 1'),
    agendaClearAll: () => ({
      run: () => db.exec('DELETE FROM agenda_plans; DELETE FROM agenda_entries; DELETE FROM agenda_ids;'),
    }),
    agendaClearPlan: () => db.prepare<[string]>('DELETE FROM agenda_plans WHERE roadmap_id = ?'),
    agendaClearEntries: () => db.prepare<[string]>('DELETE FROM agenda_entries WHERE roadmap_id = ?'),
    agendaClearIds: () => db.prepare<[string]>('DELETE FROM agenda_ids WHERE roadmap_id = ?'),
    planIds: () => db.prepare<[], { roadmap_id: string }>('SELECT roadmap_id FROM plans ORDER BY roadmap_id'),
    planOf: () => db.prepare<[string], { start_day: string; schedule: string }>('SELECT start_day, schedule FROM plans WHERE roadmap_id = ?'),
    agendaInsertPlan: () => db.prepare<[string, string, string, number, number]>(
      'INSERT INTO agenda_plans (roadmap_id, title, start_day, total_weeks, max_span) VALUES (?, ?, ?, ?, ?)',
    ),
    agendaInsertEntry: () => db.prepare<[string, string, string, string, number, number, number, number, number]>(
      `INSERT INTO agenda_entries (roadmap_id, item_id, title, section, first_week, due_week, rank, position, open)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    agendaInsertId: () => db.prepare<[string, string]>('INSERT INTO agenda_ids (reversed, roadmap_id) VALUES (?, ?)'),
    agendaPlans: () => db.prepare<[], { roadmap_id: string; title: string; start_day: string; total_weeks: number; max_span: number; habits: string | null }>(
      `SELECT p.roadmap_id, p.title, p.start_day, p.total_weeks, p.max_span, h.habits
         FROM agenda_plans p LEFT JOIN roadmap_habits h ON h.roadmap_id = p.roadmap_id ORDER BY p.roadmap_id`,
    ),
    agendaWeek: () => db.prepare<[string, number, number, number], EntryDbRow>(
      `SELECT ${ENTRY_COLUMNS} FROM agenda_entries WHERE roadmap_id = ? AND first_week BETWEEN ? AND ? AND due_week >= ?`,
    ),
    agendaOverdue: () => db.prepare<[string, number], EntryDbRow>(
      `SELECT ${ENTRY_COLUMNS} FROM agenda_entries WHERE roadmap_id = ? AND open = 1 AND due_week < ?
        ORDER BY due_week, rank, position`,
    ),
    agendaUpcoming: () =>
      db.prepare<[string, number], EntryDbRow>(
        `SELECT ${ENTRY_COLUMNS} FROM agenda_entries WHERE roadmap_id = ? AND open = 1 AND first_week > ?
          ORDER BY first_week, rank, position LIMIT 1`,
      ),
    agendaIdCount: () => db.prepare<[string, string, string], { n: number }>(
      `SELECT (SELECT count(*) FROM agenda_ids WHERE reversed = ?)
            + (SELECT count(*) FROM agenda_ids WHERE reversed >= ? AND reversed < ?) AS n`,
    ),
    agendaEntryExists: () => db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM agenda_entries WHERE roadmap_id = ? AND item_id = ?'),
    agendaSubtree: () => db.prepare<[string, string, string], { id: string; parent_id: string | null; marked: number }>(
      `SELECT i.id, i.parent_id,
              (i.done_in_file OR EXISTS (SELECT 1 FROM completions c WHERE c.item_id = i.id AND c.undone_at IS NULL)) AS marked
         FROM items i WHERE (i.id = ? OR (i.id >= ? AND i.id < ?)) AND i.archived_at IS NULL`,
    ),
    agendaSetOpen: () => db.prepare<[number, string, string]>('UPDATE agenda_entries SET open = ? WHERE roadmap_id = ? AND item_id = ?'),
    roadmapHabits: () => db.prepare<[], { roadmap_id: string; habits: string }>('SELECT roadmap_id, habits FROM roadmap_habits ORDER BY roadmap_id'),
    ...itemIndexStatements(db),
  };
}

/** Prepared statements of the item index (migration 4). */
function itemIndexStatements(db: Database.Database) {
  return {
    itemKeysClearAll: () => ({
      run: () => db.exec('DELETE FROM item_keys; DELETE FROM leaf_totals; DELETE FROM leaf_done;'),
    }),
    itemKeysClear: () => db.prepare<[string]>('DELETE FROM item_keys WHERE roadmap_id = ?'),
    leafTotalsClear: () => db.prepare<[string]>('DELETE FROM leaf_totals WHERE roadmap_id = ?'),
    firstDaysOf: () =>
      db
        .prepare<[string], [string, string]>(
          `SELECT c.item_id, min(c.day) FROM completions c JOIN items i ON i.id = c.item_id
            WHERE i.roadmap_id = ? AND c.undone_at IS NULL GROUP BY c.item_id`,
        )
        .raw(true),
    itemKeysInsert: () =>
      db.prepare<[ItemKeyInsert]>(
        `INSERT INTO item_keys (id, roadmap_id, position, title, reversed, folded, leaf, done_in_file, first_day, due_week, done_day)
         VALUES (@id, @roadmap, @position, @title, @reversed, @folded, @leaf, @doneInFile, @firstDay, @due, CASE WHEN @doneInFile = 1 THEN '' ELSE @firstDay END)`,
      ),
    leafTotalsInsert: () => db.prepare<[string, number, string]>('INSERT INTO leaf_totals (roadmap_id, total, due) VALUES (?, ?, ?)'),
    itemKeysFirstDay: () =>
      db.prepare<[{ id: string }]>(
        `UPDATE item_keys SET first_day = f.day, done_day = CASE WHEN done_in_file = 1 THEN '' ELSE f.day END
           FROM (SELECT min(day) AS day FROM completions WHERE item_id = @id AND undone_at IS NULL) AS f WHERE id = @id`,
      ),
    // What `study done` matches a TASK with: the full id, an id suffix (reversed, lowercased), the folded title.
    keysMatching: () =>
      db.prepare<[string, string, string, string, string], KeyRow>(
        `SELECT id, title, roadmap_id, position FROM item_keys WHERE id = ?
         UNION SELECT id, title, roadmap_id, position FROM item_keys WHERE reversed = ? OR (reversed >= ? AND reversed < ?)
         UNION SELECT id, title, roadmap_id, position FROM item_keys WHERE folded = ?
         ORDER BY roadmap_id, position`,
      ),
    keysAll: () => db.prepare<[], KeyRow & { folded: string }>('SELECT id, title, roadmap_id, position, folded FROM item_keys ORDER BY roadmap_id, position'),
    keysTail: () =>
      db
        .prepare<[string, string, string], string>('SELECT id FROM item_keys WHERE reversed = ? OR (reversed >= ? AND reversed < ?)')
        .pluck(true),
    leafTotals: () => db.prepare<[string], { total: number; due: string }>('SELECT total, due FROM leaf_totals WHERE roadmap_id = ?'),
    leavesAsOf: () =>
      db.prepare<[{ week: number; paceFrom: string; day: string; roadmap: string }], { done: number; done_due: number; done_unscheduled: number; recent: number }>(
        `SELECT count(*) AS done,
                count(CASE WHEN due_week <= @week THEN 1 END) AS done_due,
                count(CASE WHEN due_week IS NULL THEN 1 END) AS done_unscheduled,
                count(CASE WHEN first_day >= @paceFrom AND first_day <= @day THEN 1 END) AS recent
           FROM item_keys WHERE roadmap_id = @roadmap AND leaf = 1 AND done_day >= '' AND done_day <= @day`,
      ),
    leavesDoneLater: () =>
      db.prepare<[string, string], number>("SELECT 1 FROM item_keys WHERE roadmap_id = ? AND leaf = 1 AND done_day > ? LIMIT 1").pluck(true),
    leavesDoneByDue: () =>
      db.prepare<[string], { scheduled: number; due: number; n: number }>('SELECT scheduled, due, n FROM leaf_done WHERE roadmap_id = ?'),
    leavesFirstDoneIn: () =>
      db.prepare<[{ roadmap: string; from: string; to: string }], number>(
        `SELECT (SELECT count(*) FROM item_keys WHERE roadmap_id = @roadmap AND leaf = 1 AND done_day >= @from AND done_day <= @to)
              + (SELECT count(*) FROM item_keys WHERE roadmap_id = @roadmap AND leaf = 1 AND done_day = '' AND first_day >= @from AND first_day <= @to)`,
      ).pluck(true),
    itemSubtree: () =>
      db.prepare<[string, string, string], SubtreeDbRow>(
        `SELECT i.id, i.parent_id, i.title, i.done_in_file,
                EXISTS (SELECT 1 FROM completions c WHERE c.item_id = i.id AND c.undone_at IS NULL) AS marked
           FROM items i WHERE (i.id = ? OR (i.id >= ? AND i.id < ?)) AND i.archived_at IS NULL ORDER BY i.position`,
      ),
    itemRow: () =>
      db.prepare<[string], SubtreeDbRow>(
        `SELECT i.id, i.parent_id, i.title, i.done_in_file,
                EXISTS (SELECT 1 FROM completions c WHERE c.item_id = i.id AND c.undone_at IS NULL) AS marked
           FROM items i WHERE i.id = ? AND i.archived_at IS NULL`,
      ),
    subtreeAsOf: () =>
      db.prepare<[string, string, string, string], { id: string; parent_id: string | null; marked: number }>(
        `SELECT i.id, i.parent_id,
                (i.done_in_file OR EXISTS (SELECT 1 FROM completions c WHERE c.item_id = i.id AND c.undone_at IS NULL AND c.day <= ?)) AS marked
           FROM items i WHERE (i.id = ? OR (i.id >= ? AND i.id < ?)) AND i.archived_at IS NULL`,
      ),
    sourcePathOf: () => db.prepare<[string], string>('SELECT source_path FROM roadmaps WHERE id = ?').pluck(true),
    firstCompletionsIn: () =>
      db.prepare<[{ from: string; to: string }], { item_id: string; roadmap_id: string; title: string; day: string }>(
        `SELECT c.item_id, i.roadmap_id, i.title, min(c.day) AS day FROM completions c JOIN items i ON i.id = c.item_id
          WHERE c.undone_at IS NULL AND c.day BETWEEN @from AND @to
            AND NOT EXISTS (SELECT 1 FROM completions e WHERE e.item_id = c.item_id AND e.undone_at IS NULL AND e.day < @from)
          GROUP BY c.item_id ORDER BY day, c.item_id`,
      ),
    sessionsBetween: () =>
      db.prepare<[string, string, string], SessionDbRow>('SELECT * FROM sessions WHERE habit_id = ? AND day >= ? AND day <= ? ORDER BY day, at, id'),
  };
}

interface ItemKeyInsert {
  id: string;
  roadmap: string;
  position: number;
  title: string;
  reversed: string;
  folded: string;
  leaf: number;
  doneInFile: number;
  firstDay: string | null;
  due: number | null;
}

interface KeyRow {
  id: string;
  title: string;
  roadmap_id: string;
  position: number;
}

interface SubtreeDbRow {
  id: string;
  parent_id: string | null;
  title: string;
  done_in_file: number;
  marked: number;
}
