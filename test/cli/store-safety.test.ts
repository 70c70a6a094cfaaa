// Bad input at the CLI: a store file that is not ours, impossible arguments, a store that
// cannot be created. Each is one clear line on stderr and an exit code, and nothing is
// written: an existing store stays byte for byte as it was, a missing one is not created.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/index.js';
import { folderNotWritable, studyUnprivileged } from '../support/as-nobody.js';
import { cli, tempDir, type CliResult } from '../support/cli.js';

const NOW = '2026-11-23T09:30';
const PLAN = [
  'id: plan',
  'title: Plan',
  'kind: checklist',
  'sections:',
  '  - id: infra',
  '    title: Infra',
  '    items: [Docker, Kubernetes, Terraform]',
  '',
].join('\n');

/** Exactly one line on stderr, as `study: ...`, and nothing on stdout. */
function expectOneLine(r: CliResult): string {
  expect(r.out).toBe('');
  const lines = r.err.split('\n');
  expect(lines, r.err).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^study: \S/);
  return lines[0]!;
}

/** Every file in a folder with a hash of its bytes (the store and any -wal, -shm or backup next to it). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

describe('a file that is not a study store: exit 1, one line naming it, the file untouched', () => {
  const commands: string[][] = [['today'], ['roadmaps'], ['leet', 'log', 'two-sum'], ['done', 'docker'], ['config', 'set', 'hours-per-week', '6'], ['load', 'plan.yaml']];

  const cases: [string, (path: string) => void, RegExp][] = [
    [
      'random bytes',
      (path) => writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256))),
      /is not a study store \(not an SQLite database\); move it away or pass --db with another path$/,
    ],
    [
      'an unrelated SQLite database',
      (path) => {
        const db = new Database(path);
        db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
        db.close();
      },
      /is not a study store \(an SQLite database of another program\); move it away or pass --db with another path$/,
    ],
    [
      'a store from a newer study',
      (path) => {
        const db = new Database(path);
        db.pragma('application_id = 1398031449'); // 0x53544459, 'STDY'
        db.exec('CREATE TABLE from_the_future (x TEXT)');
        db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
        db.close();
      },
      new RegExp(`was written by a newer study \\(store version ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}\\); upgrade study to use it$`),
    ],
  ];

  for (const [name, make, message] of cases) {
    it(name, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'plan.yaml'), PLAN);
      const store = join(dir, 'data', 'study.db');
      mkdirSync(join(dir, 'data'));
      make(store);
      const before = snapshot(join(dir, 'data'));
      for (const args of commands) {
        const r = await cli(args, { db: store, now: NOW, cwd: dir });
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(1);
        const line = expectOneLine(r);
        expect(line.startsWith(`study: ${store} `), line).toBe(true);
        expect(line).toMatch(message);
        // byte for byte, and no -wal, -shm or backup left next to it
        expect(snapshot(join(dir, 'data'))).toEqual(before);
      }
    });
  }
});

describe('impossible arguments: one line, a usage error (2), nothing written', () => {
  // [args, exit code, what the line says]
  const CASES: [string[], number, RegExp][] = [
    // dates that do not exist, and dates in the future where only the past makes sense
    [['done', 'docker', '--date', '2026-02-30'], 2, /--date: .*"2026-02-30"/],
    [['done', 'docker', '--date', '2026-11-31'], 2, /--date: .*"2026-11-31"/],
    [['done', 'docker', '--date', '26-11-20'], 2, /--date: /],
    [['done', 'docker', '--date', '2027-01-01'], 2, /2027-01-01 is in the future/],
    [['leet', 'log', 'two-sum', '--date', '2026-02-30'], 2, /--date: .*"2026-02-30"/],
    [['leet', 'log', 'two-sum', '--date', '2026-12-01'], 2, /--date: 2026-12-01 is in the future/],
    [['leet', 'list', '--since', '2026-13-01'], 2, /--since: .*"2026-13-01"/],
    [['report', '--date', '2026-02-30'], 2, /--date: .*"2026-02-30"/],
    [['start', 'plan', '--on', '2026-02-30'], 2, /--on: .*"2026-02-30"/],
    // weeks that do not exist
    [['report', '--week', '2026-W54'], 2, /--week: .*"2026-W54"/],
    [['report', '--week', '2027-W53'], 2, /--week: .*"2027-W53"/],
    [['report', '--week', '2026-W00'], 2, /--week: .*"2026-W00"/],
    [['report', '--week', 'W47'], 2, /--week: .*"W47"/],
    [['report', '--week', '2026-W48', '--date', '2026-11-23'], 2, /--week and --date cannot be used together/],
    // minutes, hours, weeks: negative, zero, huge, not a whole number
    [['leet', 'log', 'two-sum', '--minutes', '-5'], 2, /--minutes: .*"-5"/],
    [['leet', 'log', 'two-sum', '--minutes', '0'], 2, /--minutes: .*"0"/],
    [['leet', 'log', 'two-sum', '--minutes', '1441'], 2, /--minutes: .*"1441"/],
    [['leet', 'log', 'two-sum', '--minutes', '99999999999999999999'], 2, /--minutes: /],
    [['leet', 'log', 'two-sum', '--minutes', '1e3'], 2, /--minutes: .*"1e3"/],
    [['leet', 'log', 'two-sum', '--minutes', '2.5'], 2, /--minutes: .*"2.5"/],
    [['leet', 'log', 'two-sum', '--minutes', 'NaN'], 2, /--minutes: .*"NaN"/],
    [['start', 'plan', '--hours', '-1'], 2, /--hours: .*"-1"/],
    [['start', 'plan', '--hours', '1e9'], 2, /--hours: .*"1e9"/],
    [['start', 'plan', '--pace', 'fast'], 2, /--pace: .*"fast"/],
    [['schedule', '--weeks', '0'], 2, /--weeks: .*"0"/],
    [['schedule', '--weeks', '99999999'], 2, /--weeks: .*"99999999"/],
    [['streak', '--weeks', '-3'], 2, /--weeks: .*"-3"/],
    [['leet', 'log', 'two-sum', '--difficulty', 'insane'], 2, /--difficulty: /],
    [['leet', 'log', 'two-sum', '--result', 'maybe'], 2, /--result: /],
    [['report', '--format', 'pdf'], 2, /--format: .*"pdf"/],
    // empty or whitespace words
    [['done', ''], 2, /TASK: expected an item id or words of its title, got ""/],
    [['done', '   '], 2, /TASK: .*got "   "/],
    [['done', 'docker', ' '], 2, /TASK: /],
    [['leet', 'log', ''], 2, /leet log: missing PROBLEM/],
    [['leet', 'log', ' \t '], 2, /leet log: missing PROBLEM/],
    [['show', ''], 2, /ROADMAP: expected a roadmap id/],
    [['start', '  '], 2, /ROADMAP: expected a roadmap id/],
    [['schedule', ''], 2, /ROADMAP: expected a roadmap id/],
    // settings
    [['config', 'set', 'colour', 'red'], 2, /unknown setting "colour"; one of: day-start, week-start/],
    [['config', 'get', 'colour'], 2, /unknown setting "colour"/],
    [['config', 'set', 'hours-per-week', '-3'], 2, /hours-per-week: /],
    [['config', 'set', 'day-start', '25:00'], 2, /day-start: /],
    [['config', 'set', 'week-start', 'someday'], 2, /week-start: /],
    [['config', 'set', 'rest-days', 'funday'], 2, /rest-days: /],
    [['config', 'set', 'daily-target'], 2, /missing value for daily-target/],
    [['config', 'frobnicate'], 2, /unknown config action "frobnicate"/],
    // options and commands that do not exist
    [['today', '--colour'], 2, /unknown option '--colour'/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
  ];

  let dir: string;
  let store: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'study-args-'));
    store = join(dir, 'data', 'study.db');
    writeFileSync(join(dir, 'plan.yaml'), PLAN);
    const setup = [
      ['load', 'plan.yaml'],
      ['start', 'plan', '--on', '2026-11-16'],
      ['done', 'docker', '--date', '2026-11-17'],
      ['leet', 'log', 'two-sum', '--difficulty', 'easy', '--minutes', '20'],
    ];
    for (const args of setup) expect((await cli(args, { db: store, now: NOW, cwd: dir })).code).toBe(0);
    before = snapshot(join(dir, 'data'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [args, code, message] of CASES) {
    const name = args.map((a) => (a.trim() === a && a !== '' ? a : JSON.stringify(a))).join(' ');
    it(name, async () => {
      // On the existing store: it is left byte for byte as it was.
      const r = await cli(args, { db: store, now: NOW, cwd: dir });
      expect(r.code, r.err).toBe(code);
      expect(expectOneLine(r)).toMatch(message);
      expect(snapshot(join(dir, 'data'))).toEqual(before);

      // With no store yet: none is created (not even its folder), and no first-run load.
      const fresh = join(tempDir(), 'new', 'study.db');
      const r2 = await cli(args, { db: fresh, now: NOW, cwd: dir });
      expect(r2.code, r2.err).toBe(code);
      expect(expectOneLine(r2)).toMatch(message);
      expect(existsSync(join(fresh, '..'))).toBe(false);
    });
  }

  it('an impossible STUDY_NOW', async () => {
    const fresh = join(tempDir(), 'study.db');
    const r = await cli(['today'], { db: fresh, now: '2026-02-30T09:30' });
    expect(r.code).toBe(2);
    expect(expectOneLine(r)).toMatch(/STUDY_NOW: expected a local date-time like 2026-11-23T09:30, got "2026-02-30T09:30"/);
    expect(existsSync(fresh)).toBe(false);
  });
});

describe('a --db that cannot be created: exit 1 (or 2), one line saying what to do', () => {
  it('a path under a regular file', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'my notes\n');
    for (const args of [['today'], ['leet', 'log', 'two-sum'], ['load', join(import.meta.dirname, '..', '..', 'roadmaps')]]) {
      const r = await cli(['--db', join(file, 'study.db'), ...args], { now: NOW });
      expect(r.code, r.err).toBe(1);
      expect(expectOneLine(r)).toBe(`study: cannot create the store at ${file}/study.db (a part of the path is a file, not a folder); pass --db with a writable path`);
      expect(readFileSync(file, 'utf8')).toBe('my notes\n');
    }
  });

  it('a folder given as the store', async () => {
    const dir = tempDir();
    const r = await cli(['--db', dir, 'today'], { now: NOW });
    expect(r.code).toBe(1);
    expect(expectOneLine(r)).toBe(`study: ${dir} is a folder; pass --db with a file path`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an empty --db', async () => {
    const r = await cli(['--db', '', 'today'], { now: NOW });
    expect(r.code).toBe(2);
    expect(expectOneLine(r)).toBe('study: --db: expected a file path');
  });

  it('a folder without write permission (run by a user without privileges: root writes anywhere)', () => {
    const dir = folderNotWritable();
    const r = studyUnprivileged(['--db', join(dir, 'sub', 'study.db'), 'today'], dir, { STUDY_NOW: NOW });
    expect(r.status, r.stderr).toBe(1);
    expect(expectOneLine({ code: r.status!, out: r.stdout, err: r.stderr })).toBe(
      `study: cannot create the store at ${dir}/sub/study.db (permission denied); pass --db with a writable path`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
