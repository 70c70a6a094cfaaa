// Many processes at once, property-style (fast-check picks what each does), run every time:
// - 40 processes doing `done` and `done --undo` of one item end in a state that some
//   serial order of those 40 commands explains, and each said what that order did;
// - 40 processes first using a store that does not exist yet all succeed (none is told
//   "not a study store", "database is locked" or "table already exists"), and nothing any
//   of them wrote is lost.
// (Before: 2 of 20 trials stored two active completions of one item; 38 of 40 sessions.)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/index.js';
import { cli, tempDir } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = pathToFileURL(join(ROOT, 'dist', 'study.cjs')).href;
const NOW = '2026-11-23T09:30';
const PROCESSES = 40;
/** STUDY_STRESS=N runs N times as many rounds (each round is 40 processes). */
const SCALE = Math.max(1, Number(process.env.STUDY_STRESS) || 1);

// One process: imports the built CLI, waits for the GO file (so that all of them really
// run at once), runs `study ARGS` once and prints its exit code and output as JSON.
const WORKER = String.raw`
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
const { main } = await import(process.env.STUDY_DIST);
while (!existsSync(process.env.GO)) await new Promise((r) => setTimeout(r, 2));
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
const code = await main(JSON.parse(process.env.ARGS), ctx);
process.stdout.write(JSON.stringify({ code, out, err }));
`;

interface Outcome {
  code: number;
  out: string;
  err: string;
}

/** Runs each argv in its own process, all at once against the store `db`. */
async function atOnce(db: string, argvs: readonly string[][]): Promise<Outcome[]> {
  const dir = tempDir();
  const go = join(dir, 'go');
  const children = argvs.map((args) =>
    spawn(process.execPath, ['--input-type=module', '-e', WORKER], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: db, STUDY_NOW: NOW, STUDY_DIST: DIST, GO: go, ARGS: JSON.stringify(args) },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const results = children.map(
    (child) =>
      new Promise<Outcome>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Outcome) : reject(new Error(`worker exited ${code}: ${err}`))));
      }),
  );
  // every worker has imported the CLI and polls for GO by now
  await new Promise((r) => setTimeout(r, 1500));
  writeFileSync(go, '');
  return Promise.all(results);
}

const NO_TROUBLE = /internal error|locked|busy|in use|not a study store|already exists|constraint/i;

describe(`${PROCESSES} processes doing done and undo of one item at once`, () => {
  it('end in a state some serial order of them explains', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'r.yaml'), 'id: r\ntitle: R\nkind: checklist\nsections:\n  - title: S\n    items: [Docker, Kubernetes]\n');
    expect((await cli(['load', 'r.yaml'], { db, now: NOW, cwd: dir })).code).toBe(0);
    const ITEM = 'r/s/docker';
    let round = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: PROCESSES, maxLength: PROCESSES }), async (undos) => {
        round++;
        const raw0 = new Database(db, { readonly: true });
        const activeBefore = raw0.prepare('SELECT count(*) FROM completions WHERE item_id = ? AND undone_at IS NULL').pluck().get(ITEM) as number;
        const rowsBefore = raw0.prepare('SELECT count(*) FROM completions WHERE item_id = ?').pluck().get(ITEM) as number;
        raw0.close();
        const outcomes = await atOnce(
          db,
          undos.map((undo) => (undo ? ['--json', 'done', '--undo', ITEM] : ['--json', 'done', ITEM])),
        );
        let marks = 0;
        let already = 0;
        let reopens = 0;
        let notDone = 0;
        outcomes.forEach((o, i) => {
          expect(o.code, o.err).toBe(0);
          expect(o.err).not.toMatch(NO_TROUBLE);
          const json = JSON.parse(o.out);
          if (undos[i]) {
            const r = json.reopened[0];
            if (r.wasDone) reopens++;
            else notDone++;
          } else {
            const d = json.done[0];
            if (d.alreadyDone) already++;
            else marks++;
          }
        });

        const raw = new Database(db, { readonly: true });
        const rows = raw.prepare('SELECT id, undone_at FROM completions WHERE item_id = ? ORDER BY id').all(ITEM) as { id: number; undone_at: string | null }[];
        raw.close();
        const active = rows.filter((r) => r.undone_at === null).length;
        const where = `round ${round}: ${marks} marked, ${already} already done, ${reopens} reopened, ${notDone} not done; rows ${JSON.stringify(rows)}`;

        // every ✓ is one row; at most one row is active
        expect(rows.length - rowsBefore, where).toBe(marks);
        expect(active, where).toBeLessThanOrEqual(1);
        // marks and reopens alternate, from the state before the round
        expect(activeBefore + marks - reopens, where).toBe(active);
        expect([0, 1], where).toContain(activeBefore + marks - reopens);
        // in the order they were made, every row but the last was reopened
        expect(rows.slice(0, -1).every((r) => r.undone_at !== null), where).toBe(true);
        // "already done" needs a moment when it was done; "not done" one when it was not
        if (already > 0) expect(activeBefore + marks, where).toBeGreaterThan(0);
        if (notDone > 0) expect(activeBefore === 0 || reopens > 0, where).toBe(true);
      }),
      { numRuns: 3 * SCALE },
    );
  }, 180_000 * SCALE);
});

describe(`${PROCESSES} processes first using a store that does not exist yet`, () => {
  it('all succeed, and nothing any of them wrote is lost', async () => {
    let round = 0;
    const command = fc.oneof(
      fc.constant<'log'>('log'),
      fc.constant<'today'>('today'),
      fc.constant<'roadmaps'>('roadmaps'),
      fc.constant<'done'>('done'),
      fc.constant<'list'>('list'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: PROCESSES, maxLength: PROCESSES }), async (kinds) => {
        round++;
        const db = join(tempDir(), 'new', 'data', 'study.db');
        const DONE = ['monolith-vs-microservices', 'clean-architecture-layers', 'docker-nginx-gunicorn'];
        const argvs = kinds.map((k, i) =>
          k === 'log'
            ? ['leet', 'log', `p${i}`, '--minutes', '10']
            : k === 'done'
              ? ['done', DONE[i % DONE.length]!]
              : k === 'list'
                ? ['leet', 'list']
                : [k],
        );
        const outcomes = await atOnce(db, argvs);
        outcomes.forEach((o, i) => {
          expect(o.err, `round ${round}, study ${argvs[i]!.join(' ')}`).not.toMatch(NO_TROUBLE);
          expect(o.code, `round ${round}, study ${argvs[i]!.join(' ')}: ${o.err}`).toBe(0);
        });

        const raw = new Database(db, { readonly: true });
        try {
          expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
          // every session logged is there, once
          const logged = argvs.filter((a) => a[1] === 'log').map((a) => a[2]);
          expect((raw.prepare('SELECT problem FROM sessions ORDER BY problem').pluck().all() as string[]).sort()).toEqual([...logged].sort());
          // every item marked is done, once
          const marked = [...new Set(argvs.filter((a) => a[0] === 'done').map((a) => a[1]!))].sort();
          const active = raw.prepare('SELECT item_id FROM completions WHERE undone_at IS NULL').pluck().all() as string[];
          expect(active.map((id) => id.slice(id.lastIndexOf('/') + 1)).sort()).toEqual(marked);
          // the bundled roadmaps, loaded once
          expect(raw.prepare('SELECT count(*) FROM roadmaps').pluck().get()).toBe(kinds.some((k) => k !== 'log' && k !== 'list') ? 5 : 0);
        } finally {
          raw.close();
        }
      }),
      { numRuns: 2 * SCALE },
    );
  }, 180_000 * SCALE);
});
