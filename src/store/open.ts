// Opening the store: the file (created 0600 in 0700 folders), what kind of file it is,
// whether it is ours, the pragmas, and the migrations, applied under the write lock so
// that processes starting at once on a new or old store wait for one another instead of
// racing. A reading command opens a current store read-only: it takes no write lock and
// works where the store or its folder cannot be written.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readlinkSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StudyError } from '../cli/errors.js';
import { codeOf, errnoReason, notAFile } from '../cli/fs-reasons.js';
import type { Db } from './db.js';
import { damaged, isSqliteError, whyReadOnly } from './errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { CardEngineNeeded, needsCardEngine } from './leet-cards.js';
import { rebuildReadModels } from './read-models.js';

// better-sqlite3 is CommonJS: required, not imported, so that Node does not start its
// CommonJS export scanner (cjs-module-lexer) for it on every run (a few ms of each start).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/** How a command uses the store: `read` never writes (unless the store must be created or migrated first). */
export type OpenMode = 'read' | 'write';

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

/**
 * What is at `path`, checked before SQLite opens it: nothing (0), or a regular file and its
 * size. A folder, a device (/dev/null, /dev/zero), a pipe, or a symbolic link to nothing is
 * refused with what it is.
 */
function inspect(path: string): number | null {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    // ENOTDIR (a part of the path is a file) is said by createFile, with what to do.
    if (codeOf(e) === 'ENOTDIR') return null;
    if (codeOf(e) !== 'ENOENT') throw new StudyError(`cannot use the store ${path} (${errnoReason(codeOf(e))})`);
    let link: string | null = null;
    try {
      if (lstatSync(path).isSymbolicLink()) link = readlinkSync(path);
    } catch {
      // nothing there at all
    }
    if (link !== null) throw new StudyError(`${path} is a symbolic link to ${link}, which does not exist; pass --db with the path of the store itself`);
    return null;
  }
  if (st.isDirectory()) throw new StudyError(`${path} is a folder; pass --db with a file path`);
  const kind = notAFile(st);
  if (kind !== null) throw new StudyError(`${path} cannot be the store: it is ${kind}; pass --db with a file path`);
  return st.size;
}

/**
 * Opens the store at `path`: created if missing, migrated (after a backup) if older. With
 * `read`, a store at the current version is opened read-only (see openReader).
 */
export function openDb(path: string, mode: OpenMode = 'write'): Db {
  const size = inspect(path);
  if (mode === 'read' && size !== null && size > 0) {
    const reader = openReader(path);
    if (reader) return reader;
  }
  createFile(path);
  const st = statSync(path);
  const kind = notAFile(st);
  if (kind !== null) throw new StudyError(`${path} cannot be the store: it is ${kind}; pass --db with a file path`);
  if (st.size > 0 && headerOf(path) === 'other') throw notOurs(path, 'not an SQLite database');

  // SQLite's own errors (it cannot open the file, it is damaged, locked, read-only) are
  // said by store/errors.ts, where src/cli/main.ts meets them.
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    if (checkVersion(db, path) < SCHEMA_VERSION) migrate(db, path);
    toWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw upgradeBlocked(path, e) ?? e;
  }
  return db;
}

/**
 * An older store that cannot be written (its folder or the file is read-only): it cannot
 * be upgraded, which is what the user needs to hear. Null for any other error. The version
 * is read from the file's header (offset 60), which SQLite could not get to.
 */
function upgradeBlocked(path: string, e: unknown): StudyError | null {
  if (!isSqliteError(e) || !/^SQLITE_(READONLY|CANTOPEN)/.test(e.code)) return null;
  let header: Buffer;
  try {
    const fd = openSync(path, 'r');
    header = Buffer.alloc(100);
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const version = header.readInt32BE(60);
  if (header.readUInt32BE(68) !== APPLICATION_ID || version < 1 || version >= SCHEMA_VERSION) return null;
  return new StudyError(`cannot upgrade ${path} from store version ${version} to ${SCHEMA_VERSION}: ${whyReadOnly(path, e.code)}; nothing was changed`);
}

/**
 * The store opened read-only, when it is at the current version (else null: it must be
 * migrated first, which writes). Where SQLite cannot open it so (a folder that cannot be
 * written has no room for the shared-memory file a reader of a WAL store needs), a copy
 * of it in memory is read instead: the store file, checkpointed whole when its last user
 * closed it, is all there is to read.
 */
function openReader(path: string): Db | null {
  if (headerOf(path) === 'other') throw notOurs(path, 'not an SQLite database');
  let db: Db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    let version: number;
    try {
      version = checkVersion(db, path);
    } catch (e) {
      if (!isSqliteError(e) || !/^SQLITE_(READONLY|CANTOPEN)/.test(e.code) || existsWal(path)) throw e;
      db.close();
      db = inMemoryCopy(path);
      version = checkVersion(db, path);
    }
    if (version < SCHEMA_VERSION) {
      db.close();
      return null;
    }
    return db;
  } catch (e) {
    if (db.open) db.close();
    throw e;
  }
}

/** Whether the store has a write-ahead log with something in it (then the file alone is not the whole store). */
function existsWal(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** The store read into memory, read-only; marked as a rollback-journal database, which a copy in memory must be. */
function inMemoryCopy(path: string): Db {
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    bytes = Buffer.alloc(size);
    for (let n = 0; n < size; ) {
      const got = readSync(fd, bytes, n, size - n, n);
      if (got === 0) break;
      n += got;
    }
  } finally {
    closeSync(fd);
  }
  if (bytes.length >= 20) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
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
  let version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0) {
    // The version and the tables read in one statement, so from one snapshot: another
    // process may create the store between two reads (its tables and its version come in
    // one commit), and a store half seen is not "another program's".
    const now = db
      .prepare<[], { version: number; tables: number }>(
        "SELECT (SELECT user_version FROM pragma_user_version) AS version, (SELECT count(*) FROM sqlite_master WHERE type = 'table') AS tables",
      )
      .get()!;
    if (now.version !== 0) return checkVersion(db, path);
    if (now.tables > 0) throw notOurs(path, 'an SQLite database of another program');
    version = 0;
  } else if (appId === APPLICATION_ID && version < 0) {
    throw damaged(path, `its store version is ${version}, which no study writes`);
  } else if (appId !== APPLICATION_ID) {
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
  // The read models are rebuilt after the migration: LeetCode cards need the FSRS engine,
  // which the caller loads and then opens again (store/index.ts openStoreAsync). Asked
  // before anything is written.
  if (needsCardEngine(db)) throw new CardEngineNeeded();
  let backup: string | null = null;
  if (checkVersion(db, path) > 0) {
    // VACUUM INTO cannot run inside a transaction: the copy is made just before it.
    const from = checkVersion(db, path);
    backup = freshPath(`${path}.bak-v${from}`);
    try {
      db.prepare('VACUUM INTO ?').run(backup);
      chmodSync(backup, 0o600);
    } catch (e) {
      rmSync(backup, { force: true });
      throw cannotMigrate(path, from, backup, e);
    }
  }
  db.prepare('BEGIN IMMEDIATE').run();
  try {
    const from = checkVersion(db, path);
    if (from < SCHEMA_VERSION) {
      for (let v = from; v < SCHEMA_VERSION; v++) {
        const step = MIGRATIONS[v]!;
        if (typeof step === 'string') db.exec(step);
        else step(db);
      }
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

/** A migration that could not make its backup first: nothing was changed. */
function cannotMigrate(path: string, from: number, backup: string, e: unknown): StudyError {
  const folder = dirname(path);
  let why: string;
  if (isSqliteError(e) && /^SQLITE_(FULL|IOERR)/.test(e.code)) why = 'the disk is full';
  else if (isSqliteError(e) && /^SQLITE_(CANTOPEN|READONLY)/.test(e.code)) why = `its folder ${folder} cannot be written`;
  else why = codeOf(e) ? errnoReason(codeOf(e)) : String((e as Error).message ?? e);
  return new StudyError(
    `cannot upgrade ${path} from store version ${from} to ${SCHEMA_VERSION}: its backup ${backup} cannot be written (${why}); nothing was changed`,
  );
}
