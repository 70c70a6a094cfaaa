// The sync repository's folders and how study writes files in it: journal/ (one folder
// per device), roadmaps/ (a copy of each roadmap's YAML), a .gitignore for temporary
// files, and writes that are whole or not at all (a temporary file renamed over the
// old one). Used by git.ts and journal.ts; nothing heavy.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const JOURNAL_DIR = 'journal';
export const ROADMAPS_DIR = 'roadmaps';
/** Temporary files start with this; .gitignore keeps them out of commits. */
export const TMP_PREFIX = '.study-tmp-';
export const GITIGNORE = `${TMP_PREFIX}*\n`;

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

/** Writes `data` to `path` atomically: a temporary file beside it, fsync, rename. */
export function writeFileAtomic(path: string, data: string): void {
  const dir = join(path, '..');
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${TMP_PREFIX}${randomBytes(6).toString('hex')}`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const buf = Buffer.from(data, 'utf8');
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dir);
}

/** The folders and the .gitignore every sync repository has. Idempotent. */
export function ensureLayout(repoDir: string): void {
  mkdirSync(join(repoDir, JOURNAL_DIR), { recursive: true });
  mkdirSync(join(repoDir, ROADMAPS_DIR), { recursive: true });
  const ignore = join(repoDir, '.gitignore');
  const current = existsSync(ignore) ? readFileSync(ignore, 'utf8') : '';
  if (!current.split('\n').includes(GITIGNORE.trim())) {
    writeFileAtomic(ignore, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${GITIGNORE}`);
  }
}
