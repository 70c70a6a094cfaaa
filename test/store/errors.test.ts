// Every SQLite and file-system error the store can meet, fed through the one place errors
// become messages (src/cli/main.ts reportError, which asks store/errors.ts): each is one
// line naming the store and the cause, exit 1, never "internal error" and never a stack.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { reportError } from '../../src/cli/main.js';
import { tempDir } from '../support/cli.js';

const STORE = '/home/me/.local/share/study/study.db';

function report(e: unknown, dbPath = STORE, env: Record<string, string> = {}): { code: number; err: string } {
  let err = '';
  const ctx: Context = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s) },
    stdin: new PassThrough(),
    env,
    cwd: '/',
    clock: () => new Date(),
  };
  return { code: reportError(e, ctx, dbPath), err };
}

const sqlite = (code: string, message: string): Error => new Database.SqliteError(message, code);
const errno = (code: string, path: string, syscall = 'open'): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: something, ${syscall} '${path}'`), { code, path, syscall, errno: -1 });

// [error, what the line says (after "study: ")]
const SQLITE: [string, string, RegExp][] = [
  ['SQLITE_BUSY', 'database is locked', /^\/home\/me\/.+study\.db is in use: another program has held it for more than 5 seconds; nothing was written/],
  ['SQLITE_BUSY_SNAPSHOT', 'database is locked', /study\.db is in use: another program has held it/],
  ['SQLITE_LOCKED', 'database table is locked', /study\.db is in use: another program has held it/],
  ['SQLITE_CORRUPT', 'database disk image is malformed', /study\.db is damaged \(database disk image is malformed\); nothing was written to it\. There is no backup next to it: recover what is readable \(sqlite3 .+study\.db \.recover \| sqlite3 .+recovered\.db\)/],
  ['SQLITE_CORRUPT_INDEX', 'database disk image is malformed', /study\.db is damaged .*\.recover/],
  ['SQLITE_NOTADB', 'file is not a database', /study\.db is damaged \(it starts as an SQLite database, but the rest is not one\).*\.recover/],
  ['SQLITE_READONLY', 'attempt to write a readonly database', /^cannot write to .+study\.db: .+; nothing was written \(reading commands still work\)$/],
  ['SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database', /^cannot write to .+study\.db: its folder is read-only; nothing was written/],
  ['SQLITE_FULL', 'database or disk is full', /^cannot write to .+study\.db: the disk is full; nothing was written \(free some space and try again\)$/],
  ['SQLITE_IOERR', 'disk I/O error', /^cannot read or write .+study\.db: input\/output error \(SQLITE_IOERR\); nothing was written/],
  ['SQLITE_IOERR_WRITE', 'disk I/O error', /^cannot read or write .+study\.db: input\/output error \(SQLITE_IOERR_WRITE\)/],
  ['SQLITE_IOERR_SHORT_READ', 'disk I/O error', /^cannot read or write .+study\.db: input\/output error/],
  ['SQLITE_CANTOPEN', 'unable to open database file', /^cannot open the store .+study\.db \(its folder \/home\/me\/.+ does not exist\); check it, or pass --db with another path$/],
  ['SQLITE_PERM', 'access permission denied', /^cannot use .+study\.db: permission denied \(SQLITE_PERM\); nothing was written$/],
  ['SQLITE_RANGE', 'column index out of range', /^cannot use .+study\.db: the store refused a request \(SQLITE_RANGE: column index out of range\); nothing was written/],
  ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: items.id', /^cannot use .+study\.db: the store refused a request \(SQLITE_CONSTRAINT_UNIQUE/],
  ['SQLITE_NOMEM', 'out of memory', /^cannot use .+study\.db: out of memory; nothing was written$/],
  ['SQLITE_TOOBIG', 'string or blob too big', /^cannot write to .+study\.db: a value is too big for the store/],
  ['SQLITE_PROTOCOL', 'locking protocol', /study\.db is in use: its lock could not be taken/],
  ['SQLITE_ERROR', 'no such table: roadmaps', /^cannot use .+study\.db: the store refused a request \(SQLITE_ERROR: no such table: roadmaps\)/],
];

const FS: [NodeJS.ErrnoException, RegExp][] = [
  [errno('EACCES', STORE), /^cannot open the store .+study\.db \(permission denied\); check its owner and permissions, or pass --db with another path$/],
  [errno('EPERM', `${STORE}-shm`), /^cannot use .+study\.db-shm \(permission denied\)$/],
  [errno('EROFS', `${STORE}-wal`), /^cannot use .+study\.db-wal \(read-only file system\)$/],
  [errno('ENOSPC', `${STORE}.bak-v4`, 'write'), /^cannot write .+study\.db\.bak-v4: no space left on the disk; free some space and try again$/],
  [errno('EDQUOT', STORE, 'write'), /^cannot write .+study\.db: disk quota exceeded; free some space and try again$/],
  [errno('ENOENT', STORE), /^cannot use .+study\.db \(no such file or folder\)$/],
  [errno('EISDIR', STORE), /^cannot use .+study\.db \(a folder, not a file\)$/],
  [errno('ELOOP', STORE), /^cannot use .+study\.db \(too many symbolic links\)$/],
  [errno('EIO', STORE, 'read'), /^cannot use .+study\.db \(input\/output error/],
];

/** One line, `study: ` and the message, exit 1, no stack and no "internal error". */
function expectOneLine(r: { code: number; err: string }, message: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.err.split('\n');
  expect(lines, r.err).toHaveLength(2);
  expect(lines[0]).toMatch(/^study: /);
  expect(lines[0]!.slice('study: '.length)).toMatch(message);
  expect(r.err).not.toMatch(/internal error|this is a bug; STUDY_DEBUG|\n\s+at /);
}

describe('SQLite errors: one line naming the store and the cause, exit 1', () => {
  for (const [code, message, expected] of SQLITE) {
    it(code, () => expectOneLine(report(sqlite(code, message)), expected));
  }

  it('every primary code the store can meet is in the table', () => {
    const primary = new Set(SQLITE.map(([code]) => /^SQLITE_[A-Z]+/.exec(code)![0]));
    for (const code of ['BUSY', 'LOCKED', 'CORRUPT', 'NOTADB', 'READONLY', 'FULL', 'IOERR', 'CANTOPEN', 'PERM', 'RANGE']) expect(primary).toContain(`SQLITE_${code}`);
  });

  it('a damaged store names its newest backup (by time) and the .recover route', () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(`${db}.bak-v3`, 'old');
    writeFileSync(`${db}.bak-v4`, 'newer');
    const r = report(sqlite('SQLITE_CORRUPT', 'database disk image is malformed'), db);
    const older = new Date(Date.now() - 60_000);
    expect(r.err).toContain(`Its newest backup is ${db}.bak-v`);
    // the newest by modification time, whatever its name
    utimesSync(`${db}.bak-v4`, older, older);
    const again = report(sqlite('SQLITE_CORRUPT', 'database disk image is malformed'), db);
    expectOneLine(
      again,
      new RegExp(`is damaged \\(database disk image is malformed\\); nothing was written to it\\. Its newest backup is ${db}\\.bak-v3 \\(copy it over the store to go back to it\\), or recover what is readable: sqlite3 ${db} \\.recover \\| sqlite3 ${dir}/recovered\\.db$`),
    );
  });

  it('SQLITE_READONLY says why: the file, or its folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'gone'));
    expectOneLine(report(sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), join(dir, 'gone', 'study.db')), /: it is read-only; nothing was written/);
  });

  it('SQLITE_IOERR where the disk has room is an input/output error (a full one: test/spawn/disk-full.test.ts)', () => {
    expectOneLine(report(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'), join(tempDir(), 'study.db')), /input\/output error \(SQLITE_IOERR_WRITE\)/);
  });

  it('STUDY_DEBUG=1 shows the stack of the original error too, and the line stays', () => {
    const r = report(sqlite('SQLITE_BUSY', 'database is locked'), STORE, { STUDY_DEBUG: '1' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/SqliteError: database is locked\n\s+at /);
    expect(r.err).toMatch(/\nstudy: .+ is in use/);
  });
});

describe('file-system errors: one line naming the file and the cause, exit 1', () => {
  for (const [e, expected] of FS) {
    it(String(e.code), () => expectOneLine(report(e), expected));
  }

  it('anything else is still a bug, and says so', () => {
    const r = report(new TypeError('x is not a function'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^study: internal error: x is not a function \(this is a bug/);
  });
});
