// What SQLite and the file system can say about the store, as one line for the user: the
// cause in words, the file, and what to do. src/cli/main.ts passes every error that
// reaches it through storeError; one that maps is an expected error (exit 1), never an
// "internal error". Free of better-sqlite3: it reads only the error's name and code.
import { accessSync, constants, readdirSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StudyError } from '../cli/errors.js';
import { codeOf, errnoReason } from '../cli/fs-reasons.js';

/** An error better-sqlite3 threw: SqliteError with a code such as SQLITE_BUSY or SQLITE_IOERR_WRITE. */
export function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && e.name === 'SqliteError' && typeof (e as { code?: unknown }).code === 'string';
}

/** The primary SQLite code of an extended one: SQLITE_IOERR_WRITE -> SQLITE_IOERR. */
export function primaryCode(code: string): string {
  const m = /^SQLITE_[A-Z]+/.exec(code);
  return m ? m[0] : code;
}

/** The file-system error of a check on `path` for `mode` (constants.R_OK, W_OK), or null when allowed. */
function refusal(path: string, mode: number): string | null {
  try {
    accessSync(path, mode);
    return null;
  } catch (e) {
    return codeOf(e) ?? 'EACCES';
  }
}

/** Whether the disk that holds `path` has no space left for this user. */
function diskFull(path: string): boolean {
  try {
    const fs = statfsSync(dirname(path));
    return fs.bavail === 0 || fs.bavail * fs.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/** The newest backup next to the store (STORE.bak-vN, STORE.bak-vN.M, ...), by modification time, or null. */
export function newestBackup(path: string): string | null {
  const dir = dirname(path);
  const prefix = `${basename(path)}.bak`;
  let best: { file: string; at: number } | null = null;
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix)) continue;
      const file = join(dir, name);
      const at = statSync(file).mtimeMs;
      if (best === null || at > best.at) best = { file, at };
    }
  } catch {
    return null;
  }
  return best?.file ?? null;
}

/**
 * A damaged store: what is wrong, that it was left as it is, its newest backup if there is
 * one, and how to recover what is readable with sqlite3's .recover.
 */
export function damaged(path: string, cause: string): StudyError {
  const backup = newestBackup(path);
  const recover = `sqlite3 ${path} .recover | sqlite3 ${join(dirname(path), 'recovered.db')}`;
  const next = backup
    ? `its newest backup is ${backup} (copy it over the store to go back to it), or recover what is readable: ${recover}`
    : `there is no backup next to it: recover what is readable (${recover}) or restore an export with study import-backup`;
  return new StudyError(`${path} is damaged (${cause}); nothing was written to it. ${next[0]!.toUpperCase()}${next.slice(1)}`);
}

/** Why the store cannot be written, from the file system's answers. */
export function whyReadOnly(path: string, code: string): string {
  if (code === 'SQLITE_READONLY_DIRECTORY') return 'its folder is read-only';
  const file = refusal(path, constants.W_OK);
  if (file === 'EROFS') return 'it is on a read-only file system';
  if (file !== null && file !== 'ENOENT') return 'you may not write to it (permission denied)';
  const folder = refusal(dirname(path), constants.W_OK);
  if (folder === 'EROFS') return 'it is on a read-only file system';
  if (folder !== null) return 'its folder is not writable (permission denied), and the store needs to write beside it';
  return 'it is read-only';
}

/** Why SQLite cannot open the store. */
function whyCannotOpen(path: string): string {
  const folder = refusal(dirname(path), constants.X_OK);
  if (folder === 'ENOENT') return `its folder ${dirname(path)} does not exist`;
  if (folder !== null) return `its folder cannot be entered (${errnoReason(folder)})`;
  const file = refusal(path, constants.R_OK);
  if (file !== null && file !== 'ENOENT') return errnoReason(file);
  const write = refusal(dirname(path), constants.W_OK);
  if (write !== null) return `its folder is not writable (${errnoReason(write)}), and the store needs to write beside it`;
  return 'SQLite cannot open it';
}

/**
 * The error a store error means to the user: an SQLite error (by its code) or a
 * file-system error (by its errno code), about the store at `path`. Null for anything
 * else (a bug, reported as such).
 */
export function storeError(e: unknown, path: string): StudyError | null {
  if (e instanceof StudyError) return e;
  if (isSqliteError(e)) return sqliteError(e.code, e.message, path);
  const code = codeOf(e);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const where = (e as NodeJS.ErrnoException).path ?? path;
    if (code === 'ENOSPC' || code === 'EDQUOT') return new StudyError(`cannot write ${where}: ${errnoReason(code)}; free some space and try again`);
    if ((code === 'EACCES' || code === 'EPERM') && where === path) {
      return new StudyError(`cannot open the store ${path} (permission denied); check its owner and permissions, or pass --db with another path`);
    }
    return new StudyError(`cannot use ${where} (${errnoReason(code)})`);
  }
  return null;
}

/** One line for an SQLite error code (extended or primary) met on the store at `path`. */
export function sqliteError(code: string, message: string, path: string): StudyError {
  switch (primaryCode(code)) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StudyError(`${path} is in use: another program has held it for more than 5 seconds; nothing was written (try again when it is done)`);
    case 'SQLITE_CORRUPT':
      return damaged(path, message === '' ? 'database disk image is malformed' : message);
    case 'SQLITE_NOTADB':
      return damaged(path, 'it starts as an SQLite database, but the rest is not one');
    case 'SQLITE_READONLY':
      return new StudyError(`cannot write to ${path}: ${whyReadOnly(path, code)}; nothing was written (reading commands still work)`);
    case 'SQLITE_FULL':
      return new StudyError(`cannot write to ${path}: the disk is full; nothing was written (free some space and try again)`);
    case 'SQLITE_IOERR':
      if (diskFull(path)) return new StudyError(`cannot write to ${path}: the disk is full; nothing was written (free some space and try again)`);
      return new StudyError(`cannot read or write ${path}: input/output error (${code}); nothing was written (is the disk failing, or the file on a network that went away?)`);
    case 'SQLITE_CANTOPEN':
      return new StudyError(`cannot open the store ${path} (${whyCannotOpen(path)}); check it, or pass --db with another path`);
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return new StudyError(`cannot use ${path}: permission denied (${code}); nothing was written`);
    case 'SQLITE_NOMEM':
      return new StudyError(`cannot use ${path}: out of memory; nothing was written`);
    case 'SQLITE_TOOBIG':
      return new StudyError(`cannot write to ${path}: a value is too big for the store; nothing was written`);
    case 'SQLITE_PROTOCOL':
      return new StudyError(`${path} is in use: its lock could not be taken (${code}); nothing was written (try again)`);
    case 'SQLITE_NOLFS':
      return new StudyError(`cannot use ${path}: the file is too large for this system; nothing was written`);
    default:
      // SQLITE_RANGE, SQLITE_MISUSE, SQLITE_CONSTRAINT, SQLITE_ERROR...: study asked the store
      // for something it could not do; the store is unchanged.
      return new StudyError(`cannot use ${path}: the store refused a request (${code}: ${message}); nothing was written. This is a bug in study; please report it`);
  }
}
