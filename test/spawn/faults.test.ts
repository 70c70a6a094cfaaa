// The store under concurrency and faults, with real processes (the build from `pretest`):
// two shells logging at once lose nothing and never show SQLITE_BUSY, and a `study load`
// killed with SIGKILL in the middle of writing leaves the store exactly as it was.
// A heavier concurrency run (4 processes x 250 logs) runs every time; STUDY_STRESS=N makes it
// 8 processes x 250·N logs (a long run).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'study');
const DIST = pathToFileURL(join(ROOT, 'dist', 'study.cjs')).href;
const NOW = '2026-11-23T09:30';

function study(args: string[], db: string, cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: tempDir(), STUDY_DB: db, STUDY_NOW: NOW },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Waits for a child to exit; resolves with its code (or signal), stdout and stderr. */
function finished(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
}

// One "shell": imports the built CLI and runs `study leet log` LOGS times in this process
// (each run opens, writes and closes the store, as a separate command would), starting
// when the GO file appears so that the processes really run at the same time.
const WORKER = String.raw`
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
const { main } = await import(process.env.STUDY_DIST);
while (!existsSync(process.env.GO)) await new Promise((r) => setTimeout(r, 2));
const results = [];
for (let i = 0; i < Number(process.env.LOGS); i++) {
  let out = '';
  let err = '';
  const ctx = {
    stdout: { write: (s) => void (out += s) },
    stderr: { write: (s) => void (err += s) },
    stdin: new PassThrough(),
    env: { ...process.env },
    cwd: process.cwd(),
    clock: () => new Date(),
  };
  const problem = 'w' + process.env.WORKER + '-problem-' + i;
  const code = await main(['leet', 'log', problem, '--minutes', String(1 + (i % 60)), '--difficulty', 'easy'], ctx);
  results.push({ problem, code, err });
}
process.stdout.write(JSON.stringify(results));
`;

/** `interleaved`: check that the shells took turns (not on a brand-new store, where one shell's
 * first run creates it while the other waits, and 20 logs may all fit in what is left). */
async function logConcurrently(db: string, workers: number, logs: number, interleaved = true): Promise<void> {
  const dir = tempDir();
  const go = join(dir, 'go');
  const children = Array.from({ length: workers }, (_, w) =>
    spawn(process.execPath, ['--input-type=module', '-e', WORKER], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: db, STUDY_NOW: NOW, STUDY_DIST: DIST, GO: go, LOGS: String(logs), WORKER: String(w) },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const done = children.map(finished);
  // Every worker has imported the CLI and is polling for GO by now; then they all start at once.
  await new Promise((r) => setTimeout(r, 400));
  writeFileSync(go, '');
  const results = await Promise.all(done);

  const expected: string[] = [];
  for (const [w, r] of results.entries()) {
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const runs = JSON.parse(r.out) as { problem: string; code: number; err: string }[];
    expect(runs).toHaveLength(logs);
    for (const run of runs) {
      expect(run.err).not.toMatch(/BUSY|locked|internal error/i);
      expect(run.code, run.err).toBe(0);
      // (each problem is new and not in the catalogue: said once, then logged)
      expect(run.err).toMatch(new RegExp(`^study: "${run.problem}" is not in the LeetCode catalogue; logged as given, with no pattern\nstudy: logged ${run.problem} `));
    }
    for (let i = 0; i < logs; i++) expected.push(`w${w}-problem-${i}`);
  }
  const list = study(['--json', 'leet', 'list'], db);
  expect(list.code, list.err).toBe(0);
  const sessions = (JSON.parse(list.out) as { id: number; problem: string }[]).sort((a, b) => a.id - b.id);
  const stored = sessions.map((s) => s.problem);
  expect(stored).toHaveLength(workers * logs);
  expect([...stored].sort()).toEqual(expected.sort());
  if (!interleaved) return;
  // The writes really interleaved: in the order they were stored, the shells take turns.
  const turns = stored.filter((p, i) => i > 0 && p.slice(0, 3) !== stored[i - 1]!.slice(0, 3)).length;
  expect(turns, stored.join(' ')).toBeGreaterThan(workers);
}

describe('two shells logging at once', () => {
  it('2 processes x 50 `study leet log`, interleaved: all 100 sessions stored, no SQLITE_BUSY', async () => {
    const db = join(tempDir(), 'study.db');
    expect(study(['leet', 'list'], db).code).toBe(0); // the store exists, at the current version
    await logConcurrently(db, 2, 50);
  }, 60_000);

  it('on a brand-new store too: the first commands of two shells create and migrate it once', async () => {
    const db = join(tempDir(), 'new', 'study.db');
    await logConcurrently(db, 2, 20, false);
    // created once: the bundled roadmaps loaded once, the catalogue once
    const roadmaps = study(['--json', 'roadmaps'], db);
    expect(roadmaps.code, roadmaps.err).toBe(0);
    expect(JSON.parse(roadmaps.out)).toHaveLength(5);
    const store = new Database(db, { readonly: true });
    expect(store.prepare('SELECT count(*) FROM leet_problems').pluck().get()).toBe(450);
    store.close();
  }, 60_000);

  const stress = Number(process.env.STUDY_STRESS) > 0 ? { workers: 8, logs: 250 * Number(process.env.STUDY_STRESS) } : { workers: 4, logs: 250 };
  it(`stress: ${stress.workers} processes x ${stress.logs} logs, all stored, no SQLITE_BUSY`, async () => {
    const db = join(tempDir(), 'study.db');
    expect(study(['leet', 'list'], db).code).toBe(0);
    await logConcurrently(db, stress.workers, stress.logs);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------
// Crash safety

type Dump = Record<string, string[]>;

/** Everything in the store: schema, version, and every row of every table (order-free). */
function dump(path: string): Dump {
  const db = new Database(path, { fileMustExist: true });
  try {
    const out: Dump = {
      $integrity: [String(db.pragma('integrity_check', { simple: true }))],
      $version: [String(db.pragma('user_version', { simple: true }))],
      $schema: (db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master").pluck().all() as string[]).sort(),
    };
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort();
    return out;
  } finally {
    db.close();
  }
}

/** FILES roadmap files of 2,500 items each (about 100 KB, well under the 1 MiB limit). */
function bigRoadmaps(dir: string, files: number): void {
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f < files; f++) {
    const lines = [`id: big-${f}`, `title: Big roadmap ${f}`, 'kind: checklist', 'sections:'];
    for (let s = 0; s < 25; s++) {
      lines.push(`  - id: s${s}`, `    title: Section ${s}`, '    items:');
      for (let i = 0; i < 100; i++) lines.push(`      - Item ${f}-${s}-${i} with a few more words`);
    }
    writeFileSync(join(dir, `big-${f}.yaml`), lines.join('\n') + '\n');
  }
}

const SMALL = 'id: small\ntitle: Small\nkind: checklist\nsections:\n  - title: S\n    items: [Docker, Kubernetes, Terraform]\n';

describe('a `study load` killed with SIGKILL while it writes', () => {
  it('leaves the store readable, integrity_check ok, and exactly as it was before the load', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'small.yaml'), SMALL);
    for (const args of [['load', 'small.yaml'], ['start', 'small'], ['done', 'docker'], ['leet', 'log', 'two-sum', '--minutes', '20']]) {
      const r = study(args, db, dir);
      expect(r.code, r.err).toBe(0);
    }
    const before = dump(db);
    expect(before.$integrity).toEqual(['ok']);
    const pristine = join(dir, 'pristine.db');
    copyFileSync(db, pristine);

    let files = 20;
    let killedMidWrite = false;
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 6 && !killedMidWrite; attempt++) {
      // each attempt starts from the store as it was
      for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
      copyFileSync(pristine, db);
      const big = join(dir, `big-${files}`);
      if (!existsSync(big)) bigRoadmaps(big, files);

      const walBefore = (() => {
        try {
          return statSync(`${db}-wal`).size;
        } catch {
          return 0;
        }
      })();
      const child = spawn(process.execPath, [BIN, 'load', big], {
        env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: db, STUDY_NOW: NOW },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exit = finished(child);
      // Kill as soon as the load's transaction has written a megabyte to the WAL: it is
      // writing, and far from done (the whole load writes tens of megabytes).
      const poll = setInterval(() => {
        let size = 0;
        try {
          size = statSync(`${db}-wal`).size;
        } catch {
          return;
        }
        if (size > walBefore + 1024 * 1024) {
          child.kill('SIGKILL');
          clearInterval(poll);
        }
      }, 1);
      const r = await exit;
      clearInterval(poll);

      if (r.signal !== 'SIGKILL') {
        // The load finished before the kill: try again with more to load.
        expect(r.code, r.err).toBe(0);
        outcomes.push(`attempt ${attempt}: finished before the kill (${files} files)`);
        files *= 2;
        continue;
      }
      const after = dump(db);
      expect(after.$integrity).toEqual(['ok']);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        // Killed after the commit: all of the load is there, never a part of it.
        const roadmaps = after.roadmaps ?? [];
        expect(roadmaps.length, 'a part of the load was committed').toBe(before.roadmaps!.length + files);
        outcomes.push(`attempt ${attempt}: killed after the commit`);
        continue;
      }
      expect(after).toEqual(before);
      killedMidWrite = true;
    }
    expect(killedMidWrite, outcomes.join('; ')).toBe(true);

    // And the store works: the same load, uninterrupted, goes through.
    const again = study(['--json', 'load', join(dir, `big-${files}`)], db);
    expect(again.code, again.err).toBe(0);
    const roadmaps = study(['--json', 'roadmaps'], db);
    expect((JSON.parse(roadmaps.out) as unknown[]).length).toBe(1 + files);
    expect(study(['--json', 'leet', 'list'], db).out).toContain('two-sum');
  }, 60_000);
});
