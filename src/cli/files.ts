// Files study reads and writes for the user (roadmaps, Markdown plans, backups): what kind
// of file a path is, reading at most a limit (a device or a pipe never ends), writing
// through a temporary file that is renamed into place (a full disk or a kill never leaves
// half a file). The reasons for the file system's errors are in fs-reasons.ts.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StudyError } from './errors.js';
import { codeOf, errnoReason, notAFile } from './fs-reasons.js';

export { codeOf, errnoReason, notAFile };

export type ReadResult = { readonly bytes: Buffer } | { readonly problem: string };

/**
 * The bytes of a regular file of at most `limit` bytes, or what is wrong: not a file (a
 * folder, a pipe such as /dev/stdin, a device such as /dev/zero), too big, unreadable.
 * Opened without blocking, so a pipe with no writer is refused instead of waited for, and
 * checked on the open file (not the path), and never more than limit + 1 bytes are read:
 * a file that grows, or never ends, costs no more than that.
 */
export function readBounded(path: string, limit: number, what: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return { problem: codeOf(e) === 'ENOENT' ? 'no such file' : `cannot read (${errnoReason(codeOf(e))})` };
  }
  try {
    const st = fstatSync(fd);
    const kind = notAFile(st);
    if (kind !== null) return { problem: kind };
    const over = `over the ${sizeText(limit)} (${limit.toLocaleString('en-US')} bytes) limit for ${what}`;
    if (st.size > limit) return { problem: `file is ${st.size.toLocaleString('en-US')} bytes, ${over}` };
    // A file in /proc says it has 0 bytes, and a file may grow while it is read: the reading stops at limit + 1.
    const buf = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(64 * 1024, st.size + 1)));
    let data = buf;
    let n = 0;
    for (;;) {
      if (n === data.length) {
        if (data.length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, data.length * 2));
        data.copy(bigger, 0, 0, n);
        data = bigger;
      }
      const got = readSync(fd, data, n, data.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > limit) return { problem: `file is ${over}` };
    return { bytes: data.subarray(0, n) };
  } catch (e) {
    return { problem: `cannot read (${errnoReason(codeOf(e))})` };
  } finally {
    closeSync(fd);
  }
}

/** 1 MiB, 256 MiB, or bytes. */
export function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** The path's own kind, without following a last symbolic link: null when nothing is there. */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Writes `text` to `path`, mode 0600, whole or not at all: into a new temporary file in
 * the same folder, flushed to the disk (fsync) and checked, then moved into place in one
 * step. Without `force` an existing file is never replaced (the move fails if one appeared
 * meanwhile); with it, the new file takes its place (with mode 0600, whatever the old one
 * had). A symbolic link at `path` is refused, dangling or not: the file written is the one
 * named. On any error the temporary file is removed and the error says what failed.
 * `shown`: the path as the user typed it.
 */
export function writeWhole(path: string, text: string, opts: { force: boolean; shown: string }): void {
  const fail = failure(opts.shown);
  checkTarget(path, opts);
  const dir = dirname(path);
  const data = Buffer.from(text, 'utf8');
  let tmp = '';
  let fd = -1;
  try {
    for (let i = 0; ; i++) {
      tmp = join(dir, `.${basename(path)}.${process.pid}.${i}.tmp`);
      try {
        fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
        break;
      } catch (e) {
        if (codeOf(e) !== 'EEXIST' || i > 100) throw e;
      }
    }
    for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    if (fstatSync(fd).size !== data.length) throw Object.assign(new Error('short write'), { code: 'EIO' });
    closeSync(fd);
    fd = -1;
    if (opts.force) {
      renameSync(tmp, path);
    } else {
      linkInto(tmp, path); // fails if a file appeared at `path` meanwhile: never replaced
    }
    tmp = '';
    syncFolder(dir);
  } catch (e) {
    if (codeOf(e) === 'EEXIST' && !opts.force) throw new StudyError(`${opts.shown} already exists; pass --force to overwrite it, or choose another --out`);
    fail(errnoReason(codeOf(e)));
  } finally {
    if (fd >= 0) closeSync(fd);
    if (tmp !== '') rmSync(tmp, { force: true });
  }
}

/**
 * Gives the temporary file `path`'s name unless a file is there (EEXIST): a hard link, then
 * the temporary name removed. On a file system without hard links, checked again, then
 * renamed.
 */
function linkInto(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = codeOf(e);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (lstatOrNull(path) !== null) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(tmp, path);
    return;
  }
  rmSync(tmp);
}

const failure =
  (shown: string) =>
  (why: string): never => {
    throw new StudyError(`cannot write ${shown} (${why}); nothing was written`);
  };

/**
 * Whether writeWhole may write `path`, checked before any work: not a symbolic link, not
 * a folder or a device, not an existing file unless `force`, in a folder that exists.
 */
export function checkTarget(path: string, opts: { force: boolean; shown: string }): void {
  const fail = failure(opts.shown);
  const existing = lstatOrNullOr(path, fail);
  if (existing?.isSymbolicLink()) fail('it is a symbolic link; give the path of the file itself');
  if (existing && !existing.isFile()) fail(notAFile(existing)!);
  if (existing && !opts.force) throw new StudyError(`${opts.shown} already exists; pass --force to overwrite it, or choose another --out`);
  const dir = dirname(path);
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    return fail(codeOf(e) === 'ENOENT' ? `its folder ${dir} does not exist` : errnoReason(codeOf(e)));
  }
  if (!st.isDirectory()) fail(`${dir} is not a folder`);
}

function lstatOrNullOr(path: string, fail: (why: string) => never): Stats | null {
  try {
    return lstatOrNull(path);
  } catch (e) {
    return fail(errnoReason(codeOf(e)));
  }
}

/** Flushes a folder's entries (a rename in it) to the disk; a file system that cannot is left as it is. */
function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a folder; the rename is done either way
  } finally {
    closeSync(fd);
  }
}
