// `study sync` killed (SIGKILL, with the git it runs) during its commit, during its push,
// and after it (while it reads and applies), as a real process of the build from
// `pretest`; the next `study sync` repairs what was left and completes: the machines
// converge, no event is written or applied twice.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exported, GIT, world, type Machine, type World } from '../support/sync.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'study');

/**
 * A `git` that runs the real one and, at the subcommand `$KILL_AT` (commit or push), kills
 * the study that ran it, and itself, `$KILL_DELAY` seconds in; with `$KILL_AFTER`, lets
 * the push finish and kills study that long after it (while it applies).
 */
function killingGit(w: World): string {
  const bin = join(w.dir, 'killing-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh
sub=""; skip=""
for a in "$@"; do
  if [ -n "$skip" ]; then skip=""; continue; fi
  case "$a" in -c|-C) skip=1;; -*) ;; *) sub="$a"; break;; esac
done
if [ "$sub" = "$KILL_AT" ]; then
  if [ -n "$KILL_AFTER" ]; then
    ( sleep "$KILL_AFTER"; kill -9 $PPID ) &
    exec '${GIT}' "$@"
  fi
  '${GIT}' "$@" &
  child=$!
  sleep "$KILL_DELAY"
  kill -9 $PPID $child 2>/dev/null
  wait $child
  exit 137
fi
exec '${GIT}' "$@"
`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
}

/** `study sync` on `m` as a process of its own, with the killing git first on PATH. */
function killedSync(w: World, m: Machine, bin: string, env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, 'sync'], {
    env: { ...w.env, PATH: `${bin}:${w.env.PATH}`, STUDY_DB: m.db, STUDY_NOW: '2026-11-23T10:00', ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

const ids = (m: Machine): string[] => {
  const db = new Database(m.db, { readonly: true });
  try {
    return db.prepare<[], string>('SELECT id FROM events').pluck().all();
  } finally {
    db.close();
  }
};

/** Every event id in every journal file of a machine's sync folder. */
function journalIds(w: World, m: Machine): string[] {
  const root = join(w.dir, m.name, 'study-sync', 'journal');
  return readdirSync(root).flatMap((device) =>
    readdirSync(join(root, device)).flatMap((file) => [...readFileSync(join(root, device, file), 'utf8').matchAll(/^\{"v":1,"id":"([0-9a-f]{32})"/gm)].map((x) => x[1]!)),
  );
}

const CASES: [string, Record<string, string>][] = [
  ['in its commit, at once', { KILL_AT: 'commit', KILL_DELAY: '0' }],
  ['in its commit, a moment in', { KILL_AT: 'commit', KILL_DELAY: '0.02' }],
  ['in its push, at once', { KILL_AT: 'push', KILL_DELAY: '0' }],
  ['in its push, a moment in', { KILL_AT: 'push', KILL_DELAY: '0.03' }],
  ['after its push, while it applies', { KILL_AT: 'push', KILL_AFTER: '0.15' }],
  ['after its push, a moment later', { KILL_AT: 'push', KILL_AFTER: '0.3' }],
];

describe('study sync killed and run again', () => {
  it.each(CASES)('%s: the next sync completes, the machines converge, nothing twice', async (_when, env) => {
    const w = world();
    const a = await w.machine('a');
    const b = await w.machine('b');
    await b.run(['load'], '2026-11-23T08:00');
    await b.run(['start', 'system-architecture-12w'], '2026-11-23T08:01');
    await b.run(['leet', 'log', '146', '--minutes', '40'], '2026-11-23T08:02');
    await b.sync('2026-11-23T08:05');
    await a.run(['load'], '2026-11-23T09:00');
    await a.run(['leet', 'log', '20'], '2026-11-23T09:10');
    await a.run(['config', 'set', 'week-start', 'sun'], '2026-11-23T09:20');
    const code = await killedSync(w, a, killingGit(w), env);
    expect(code).not.toBe(0);
    const again = await a.run(['sync'], '2026-11-23T10:05');
    expect(again.code, again.err).toBe(0);
    await b.sync('2026-11-23T10:10');
    await a.sync('2026-11-23T10:15');
    expect(await exported(a)).toEqual(await exported(b));
    const onA = ids(a);
    expect(new Set(onA).size).toBe(onA.length);
    expect([...onA].sort()).toEqual([...ids(b)].sort());
    const lines = journalIds(w, a);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort()).toEqual([...onA].sort());
    w.git(join(w.dir, 'a', 'study-sync'), 'fsck', '--no-progress');
    expect(w.git(join(w.dir, 'a', 'study-sync'), 'status', '--porcelain')).toBe('');
  }, 30_000);
});
