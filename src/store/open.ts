// Opening the store: the file (created 0600 in 0700 folders), whether it is ours, the
// pragmas, and the migrations, applied under the write lock so that processes starting
// at once on a new or old store wait for one another instead of racing.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StudyError } from '../cli/errors.js';
import type { Db } from './db.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { rebuildReadModels } from './read-models.js';

/** 'STDY': marks a SQLite file as a study store. */
export const APPLICATION_ID = 0x53544459;
export { SCHEMA_VERSION };

const SQLITE_HEADER = 'SQLite format 3\u0000';

const notOurs = (path: string, why: string): StudyError =>
  new StudyError(`${path} is not a study store (${why}); move it away or pass --db with another path`);

/** The first bytes of the file: an SQLite header, or not (a partly written one counts as not yet written). */
function headerOf(path: string): 'sqlite' | 'other' | 'short' {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const n = readSync(fd, header, 0, 16, 0);
    if (n < 16) return SQLITE_HEADER.startsWith(header.subarray(0, n).toString('latin1')) ? 'short' : 'other';
    return header.toString('latin1') === SQLITE_HEADER ? 'sqlite' : 'other';
  } finally {
    closeSync(fd);
  }
}

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

function createFile(path: string): void {
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
}

/** Opens the store at `path`: created if missing, migrated (after a backup) if older. */
export function openDb(path: string): Db {
  createFile(path);
  const st = statSync(path);
  if (st.isDirectory()) throw new StudyError(`${path} is a folder; pass --db with a file path`);
  if (st.size > 0 && headerOf(path) === 'other') throw notOurs(path, 'not an SQLite database');

  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (e) {
    throw new StudyError(`cannot open the store ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (checkVersion(db, path) < SCHEMA_VERSION) migrate(db, path);
    toWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/**
 * The store at `path` opened only to read it, for answers that must never change anything
 * (shell completion): null when there is no file, it is not a study store, or it is not
 * at this program's schema version (a migration is for a command that may write). Nothing
 * is created or migrated, and the connection refuses every write (query_only). It is not
 * opened read-only unless it must be: a read-only connection to a store in WAL mode would
 * leave its -wal and -shm files behind, which the last connection to close removes.
 */
export function openDbReadOnly(path: string): Db | null {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size === 0 || headerOf(path) !== 'sqlite') return null;
  } catch {
    return null;
  }
  let db: Db | undefined;
  try {
    try {
      db = new Database(path, { fileMustExist: true });
    } catch {
      db = new Database(path, { readonly: true, fileMustExist: true });
    }
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 200');
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version !== SCHEMA_VERSION || appId !== APPLICATION_ID) {
      db.close();
      return null;
    }
    return db;
  } catch {
    db?.close();
    return null;
  }
}

/**
 * Write-ahead logging (readers never wait for a writer). Turning it on takes the store for
 * a moment, and SQLite does not wait for that when another process holds it (it would
 * deadlock): on a new store that several processes open at once, this one waits and tries
 * again. A store that is in WAL already answers at once.
 */
function toWal(db: Db): void {
  const until = Date.now() + 5000;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** The store's schema version, after checking that it is a study store this program can read. */
function checkVersion(db: Db, path: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0) {
    const tables = db.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()!;
    if (tables > 0) throw notOurs(path, 'an SQLite database of another program');
  } else if (appId !== APPLICATION_ID || version < 0) {
    throw notOurs(path, 'an SQLite database of another program');
  } else if (version > SCHEMA_VERSION) {
    throw new StudyError(
      `${path} was written by a newer study (store version ${version}; this one knows up to ${SCHEMA_VERSION}); upgrade study to use it`,
    );
  }
  return version;
}

/** A path for a backup that does not exist yet: `path`, else `path.1`, `path.2`, ... */
function freshPath(path: string): string {
  let target = path;
  for (let n = 1; existsSync(target); n++) target = `${path}.${n}`;
  return target;
}

/**
 * Brings the store to SCHEMA_VERSION in one transaction under the write lock: every step
 * or none. A store that has data is first copied, as it is, to STORE.bak-vN (never over
 * an existing file). Another process that migrated meanwhile leaves nothing to do (and
 * the copy this one made is removed).
 */
function migrate(db: Db, path: string): void {
  let backup: string | null = null;
  if (checkVersion(db, path) > 0) {
    // VACUUM INTO cannot run inside a transaction: the copy is made just before it.
    backup = freshPath(`${path}.bak-v${checkVersion(db, path)}`);
    db.prepare('VACUUM INTO ?').run(backup);
    chmodSync(backup, 0o600);
  }
  db.prepare('BEGIN IMMEDIATE').run();
  try {
    const from = checkVersion(db, path);
    if (from < SCHEMA_VERSION) {
      for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
      rebuildReadModels(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } else if (backup !== null) {
      rmSync(backup, { force: true });
    }
    db.prepare('COMMIT').run();
  } catch (e) {
    if (db.inTransaction) db.prepare('ROLLBACK').run();
    throw e;
  }
}
