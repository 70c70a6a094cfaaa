// `--out FILE` of the commands that write a document (report, export): written whole or
// not at all. The text goes to a new temporary file beside FILE (created exclusively, mode
// 0600: a report or a backup is personal), is flushed to disk, and then takes FILE's name
// in one step: a hard link that fails if FILE exists (so a file that appeared meanwhile is
// not overwritten either), or with --force a rename, which replaces the name and never
// writes through a symbolic link. A symbolic link at FILE is refused, --force or not.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StudyError } from './errors.js';
import { safe } from '../render/text.js';

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

function why(e: unknown): string {
  const code = codeOf(e);
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code;
}

function statOf(path: string, shown: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return null;
    throw new StudyError(`cannot write ${shown} (${why(e)})`);
  }
}

/**
 * Whether `--out FILE` may be written, checked before any work: FILE (as typed: `shown`)
 * must not be a symbolic link or a folder, and must not exist without `force`. Returns
 * the absolute path.
 */
export function checkOutFile(cwd: string, file: string, force: boolean): string {
  const path = resolve(cwd, file);
  const shown = safe(file);
  const st = statOf(path, shown);
  if (st?.isSymbolicLink()) throw new StudyError(`${shown} is a symbolic link; study does not write through one: choose another --out`);
  if (st?.isDirectory()) throw new StudyError(`${shown} is a folder; --out takes a file name`);
  if (st && !force) throw new StudyError(`${shown} already exists; pass --force to overwrite it, or choose another --out`);
  return path;
}

/** Writes `text` to `--out FILE` atomically (see above); `file` as the user typed it, relative to `cwd`. */
export function writeOutFile(cwd: string, file: string, text: string, force: boolean): void {
  const path = checkOutFile(cwd, file, force);
  const shown = safe(file);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    throw new StudyError(`cannot write ${shown} (${why(e)})`);
  }
  try {
    try {
      fchmodSync(fd, 0o600);
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (force) {
      // A symbolic link put there since the check is replaced, not written through.
      renameSync(tmp, path);
    } else {
      link(tmp, path, shown);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof StudyError) throw e;
    throw new StudyError(`cannot write ${shown} (${why(e)})`);
  }
  syncFolder(dirname(path));
}

/** Gives the temporary file FILE's name unless FILE exists (then it is removed). */
function link(tmp: string, path: string, shown: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'EEXIST') throw new StudyError(`${shown} already exists; pass --force to overwrite it, or choose another --out`);
    // A file system without hard links: check again, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (statOf(path, shown) !== null) throw new StudyError(`${shown} already exists; pass --force to overwrite it, or choose another --out`);
    renameSync(tmp, path);
    return;
  }
  rmSync(tmp, { force: true });
}

/** The new name, on disk: the folder's entry flushed (where the system allows it). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not possible everywhere (some file systems refuse fsync on a folder): the file itself is synced
  }
}
