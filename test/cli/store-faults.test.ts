// What the world does to a store, and what a user sees: a device or a dangling link as
// the store, a damaged file, a lock another program holds, a store or folder that cannot
// be written, a store of another user. Each is one line naming the cause and the file,
// exit 1, and the store is left exactly as it was. Reading commands work where the store
// cannot be written and never wait for a writer. Permissions are tested as a user without
// privileges (root reads and writes anywhere).
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { folderNotWritable, NOBODY, studyUnprivileged } from '../support/as-nobody.js';
import { cli, tempDir, type CliResult } from '../support/cli.js';

const NOW = '2026-11-23T09:30';
const FIXTURE_V1 = join(import.meta.dirname, '..', 'fixtures', 'store-v1.db');

const READING: string[][] = [
  ['today'],
  ['report'],
  ['roadmaps'],
  ['show', 'system-architecture-12w'],
  ['schedule'],
  ['streak'],
  ['leet', 'list'],
  ['leet', 'stats'],
  ['leet', 'stats', '--by', 'pattern'],
  ['leet', 'due'],
  ['leet', 'next'],
  ['leet', 'lists'],
  ['config', 'get', 'day-start'],
  ['export'],
];
const WRITING: string[][] = [
  ['done', 'monolith-vs-microservices'],
  ['leet', 'log', 'two-sum', '--minutes', '10'],
  ['config', 'set', 'hours-per-week', '6'],
  ['start', 'backend-realtime-phases'],
  ['done', '--undo', 'clean-architecture-layers'],
];

/** Exactly one line on stderr, as `study: ...`, nothing on stdout, no stack, no "internal error"; the line. */
function oneLine(r: { code: number; out: string; err: string }): string {
  expect(r.out).toBe('');
  const lines = r.err.split('\n');
  expect(lines, r.err).toHaveLength(2);
  expect(lines[0]).toMatch(/^study: \S/);
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
  return lines[0]!;
}

/**
 * Every file in a folder with a hash of its bytes; an empty -wal and a -shm (the shared
 * memory a reader of a WAL store opens, which holds no data) are left out.
 */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .filter((f) => !f.endsWith('-shm') && !(f.endsWith('-wal') && readFileSync(join(dir, f)).length === 0))
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

/** A store that has lived a little: a plan started, an item done, a session. */
async function livedStore(dir: string): Promise<string> {
  const db = join(dir, 'study.db');
  for (const args of [['start', 'system-architecture-12w', '--on', '2026-11-16'], ['done', 'clean-architecture-layers'], ['leet', 'log', 'two-sum', '--minutes', '20']]) {
    const r = await cli(args, { db, now: NOW });
    expect(r.code, r.err).toBe(0);
  }
  return db;
}

describe('a store that is not a file, or not there', () => {
  for (const dev of ['/dev/null', '/dev/zero']) {
    it(`${dev}: refused at once, for reading and writing alike`, async () => {
      for (const args of [...READING.slice(0, 3), ...WRITING.slice(0, 2)]) {
        const line = oneLine(await cli(args, { db: dev, now: NOW }));
        expect(line).toBe(`study: ${dev} cannot be the store: it is a device, not a file; pass --db with a file path`);
      }
    });
  }

  it('a symbolic link to nothing: refused, and its target is not created', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'gone', 'study.db'), join(dir, 'study.db'));
    for (const args of [['today'], ['leet', 'log', 'two-sum']]) {
      const line = oneLine(await cli(args, { db: join(dir, 'study.db'), now: NOW }));
      expect(line).toBe(`study: ${dir}/study.db is a symbolic link to ${dir}/gone/study.db, which does not exist; pass --db with the path of the store itself`);
    }
    expect(readdirSync(dir)).toEqual(['study.db']);
  });

  it('a symbolic link to a store is followed', async () => {
    const dir = tempDir();
    const db = await livedStore(dir);
    symlinkSync(db, join(dir, 'link.db'));
    const r = await cli(['--json', 'leet', 'list'], { db: join(dir, 'link.db'), now: NOW });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(1);
  });
});

describe('a damaged store: named as damaged, with its newest backup and the .recover route, never written to', () => {
  it('an SQLite header with garbage after it', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.from(Array.from({ length: 8000 }, (_, i) => (i * 7919 + 13) % 256))]));
    const before = snapshot(dir);
    for (const args of [...READING.slice(0, 3), ...WRITING]) {
      const line = oneLine(await cli(args, { db, now: NOW }));
      expect(line).toBe(
        `study: ${db} is damaged (it starts as an SQLite database, but the rest is not one); nothing was written to it. ` +
          `There is no backup next to it: recover what is readable (sqlite3 ${db} .recover | sqlite3 ${dir}/recovered.db) or restore an export with study import-backup`,
      );
      expect(snapshot(dir), args.join(' ')).toEqual(before);
    }
  });

  it('a damaged page: reading and writing commands alike; the newest backup is named', async () => {
    const dir = tempDir();
    const db = await livedStore(dir);
    copyFileSync(db, `${db}.bak-v4`); // as a migration would have left it
    // the schema's page (after the 100-byte file header) overwritten: "database disk image is malformed"
    const bytes = readFileSync(db);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(db, bytes);
    const before = snapshot(dir);
    for (const args of [...READING, ...WRITING]) {
      const line = oneLine(await cli(args, { db, now: NOW }));
      expect(line, args.join(' ')).toBe(
        `study: ${db} is damaged (database disk image is malformed); nothing was written to it. ` +
          `Its newest backup is ${db}.bak-v4 (copy it over the store to go back to it), or recover what is readable: sqlite3 ${db} .recover | sqlite3 ${dir}/recovered.db`,
      );
      expect(snapshot(dir), args.join(' ')).toEqual(before);
    }
  });

  it('user_version -1 in a study store', async () => {
    const dir = tempDir();
    const db = await livedStore(dir);
    const raw = new Database(db);
    raw.pragma('user_version = -1');
    raw.close();
    const before = snapshot(dir);
    for (const args of [['today'], ['done', 'monolith-vs-microservices']]) {
      expect(oneLine(await cli(args, { db, now: NOW }))).toMatch(new RegExp(`^study: ${db} is damaged \\(its store version is -1, which no study writes\\); nothing was written to it\\.`));
    }
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('another program holding the store', () => {
  it('reading commands never wait for a writer; a write waits 5 seconds, then says the store is in use', async () => {
    const dir = tempDir();
    const db = await livedStore(dir);
    const other = new Database(db);
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    other.prepare("INSERT INTO settings (key, value) VALUES ('daily-target', '2')").run();
    try {
      const started = Date.now();
      for (const args of READING) {
        const r = await cli(args, { db, now: NOW });
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
      }
      expect(Date.now() - started, 'a reading command waited for the lock').toBeLessThan(4000);

      const t0 = Date.now();
      const line = oneLine(await cli(['done', 'monolith-vs-microservices'], { db, now: NOW }));
      expect(Date.now() - t0).toBeGreaterThanOrEqual(4900);
      expect(line).toBe(`study: ${db} is in use: another program has held it for more than 5 seconds; nothing was written (try again when it is done)`);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    // nothing of it was written
    const r = await cli(['--json', 'done', 'monolith-vs-microservices'], { db, now: NOW });
    expect(JSON.parse(r.out).done[0].marked).toBe(1);
  }, 20_000);

  it('reading commands leave the store file as it was, byte for byte', async () => {
    const dir = tempDir();
    const db = await livedStore(dir);
    const hash = () => createHash('sha256').update(readFileSync(db)).digest('hex');
    const before = hash();
    for (const args of READING) expect((await cli(args, { db, now: NOW })).code, args.join(' ')).toBe(0);
    expect(hash()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------
// As a user without privileges

/** A copy of a lived store in a fresh folder the unprivileged user can enter. */
async function storeFor(mode: { folder: 'read-only' | 'own'; file: number; owner: 'root' | 'nobody' }): Promise<{ dir: string; db: string }> {
  const src = await livedStore(tempDir());
  let dir: string;
  if (mode.folder === 'read-only') {
    dir = folderNotWritable();
    chmodSync(dir, 0o755);
  } else {
    dir = mkdtempSync(join(folderNotWritable(), '..', 'own-'));
  }
  const db = join(dir, 'study.db');
  copyFileSync(src, db);
  chmodSync(db, mode.file);
  if (process.getuid?.() === 0) {
    if (mode.owner === 'nobody') chownSync(db, NOBODY, NOBODY);
    if (mode.folder === 'own') chownSync(dir, NOBODY, NOBODY);
  }
  if (mode.folder === 'read-only') chmodSync(dir, 0o555);
  else chmodSync(dir, 0o755);
  return { dir, db };
}

const asNobody = (args: string[], db: string, cwd: string): CliResult => {
  const r = studyUnprivileged(args, cwd, { STUDY_DB: db, STUDY_NOW: NOW });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
};

describe('a store the user cannot write (run as a user without privileges)', () => {
  it('in a read-only folder: reading commands work, writing ones say why, nothing is created there', async () => {
    const { dir, db } = await storeFor({ folder: 'read-only', file: 0o644, owner: 'root' });
    const before = snapshot(dir);
    for (const args of READING) {
      const r = asNobody(args, db, dir);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    }
    const today = asNobody(['--json', 'today'], db, dir);
    expect(JSON.parse(today.out).plans.map((p: { roadmap: string }) => p.roadmap)).toEqual(['system-architecture-12w']);
    for (const args of WRITING) {
      const line = oneLine(asNobody(args, db, dir));
      expect(line, args.join(' ')).toBe(`study: cannot write to ${db}: its folder is read-only; nothing was written (reading commands still work)`);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('a read-only store file in a folder the user owns: reading works, writing says the file may not be written', async () => {
    const { dir, db } = await storeFor({ folder: 'own', file: 0o444, owner: 'nobody' });
    const hash = createHash('sha256').update(readFileSync(db)).digest('hex');
    for (const args of READING) expect(asNobody(args, db, dir).code, args.join(' ')).toBe(0);
    for (const args of WRITING) {
      expect(oneLine(asNobody(args, db, dir)), args.join(' ')).toBe(
        `study: cannot write to ${db}: you may not write to it (permission denied); nothing was written (reading commands still work)`,
      );
    }
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(hash);
  });

  it("another user's store (0600): permission denied, for every command", async () => {
    const { dir, db } = await storeFor({ folder: 'read-only', file: 0o600, owner: 'root' });
    const before = snapshot(dir);
    for (const args of [...READING.slice(0, 2), ...WRITING.slice(0, 2)]) {
      expect(oneLine(asNobody(args, db, dir)), args.join(' ')).toBe(`study: cannot open the store ${db} (permission denied); check its owner and permissions, or pass --db with another path`);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('an older store in a read-only folder: its migration cannot make its backup, and nothing is changed', async () => {
    const dir = folderNotWritable();
    chmodSync(dir, 0o755);
    const db = join(dir, 'study.db');
    copyFileSync(FIXTURE_V1, db);
    chmodSync(db, 0o644);
    chmodSync(dir, 0o555);
    const before = snapshot(dir);
    for (const args of [['today'], ['done', 'docker']]) {
      const line = oneLine(asNobody(args, db, dir));
      expect(line).toMatch(
        new RegExp(`^study: cannot upgrade ${db} from store version 1 to \\d+: its folder is read-only; nothing was changed$`),
      );
    }
    expect(snapshot(dir)).toEqual(before);
  });
});

