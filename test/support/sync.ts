// Machines that sync through a bare repository in a temp folder, driven through the real
// CLI in-process (test/support/cli.ts): each has its own store (and so its own sync
// folder beside it) and a HOME without any git configuration, so commits are made as the
// device.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliJson, tempDir, type CliResult } from './cli.js';

export const GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

export interface Machine {
  readonly name: string;
  readonly db: string;
  /** Runs `study ARGS` on this machine at `now` (default: its clock). */
  run(args: readonly string[], now?: string): Promise<CliResult>;
  /** `run`, JSON on stdout, parsed; fails the test on a non-zero exit. */
  json<T = unknown>(args: readonly string[], now?: string): Promise<T>;
  /** `study sync`, which must succeed. */
  sync(now?: string): Promise<CliResult>;
  /** Where its clock is: later calls default to it. */
  now: string;
}

export interface World {
  readonly dir: string;
  readonly remote: string;
  /** What git runs with in tests: PATH, and HOME an empty folder. */
  readonly env: Record<string, string>;
  /** A machine with its own store, set up with the remote (`study sync init`). */
  machine(name: string, now?: string): Promise<Machine>;
  /** Runs the real git; returns its stdout. */
  git(cwd: string, ...args: string[]): string;
}

/** A bare repository in a temp folder (removed after the test) and machines syncing with it. */
export function world(): World {
  const dir = tempDir();
  const home = join(dir, 'home');
  mkdirSync(home);
  const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(home, '.config') };
  const remote = join(dir, 'remote.git');
  execFileSync(GIT, ['init', '--quiet', '--bare', remote], { env });
  const w: World = {
    dir,
    remote,
    env,
    git: (cwd, ...args) => execFileSync(GIT, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    async machine(name, now = '2026-11-23T09:00') {
      const db = join(dir, name, 'study.db');
      const m: Machine = {
        name,
        db,
        now,
        run: (args, at) => cli(args, { db, now: at ?? m.now, env }),
        json: (args, at) => cliJson(args, { db, now: at ?? m.now, env }),
        async sync(at) {
          const r = await m.run(['sync'], at);
          if (r.code !== 0) throw new Error(`study sync on ${name} exited ${r.code}: ${r.err}`);
          return r;
        },
      };
      const init = await m.run(['sync', 'init', remote]);
      if (init.code !== 0) throw new Error(`study sync init on ${name} exited ${init.code}: ${init.err}`);
      return m;
    },
  };
  return w;
}

/** `study export` as JSON, without what is this machine's own: row ids, the paths roadmaps were loaded from, the moment of the export. */
export async function exported(m: Machine): Promise<Record<string, unknown>> {
  const doc = JSON.parse((await m.run(['export'])).out) as Record<string, any>;
  delete doc.exportedAt;
  const byEvent = (a: { event_id: string }, b: { event_id: string }) => (a.event_id < b.event_id ? -1 : 1);
  doc.roadmaps = doc.roadmaps.map(({ source_path: _, ...r }: Record<string, unknown>) => r);
  doc.completions = doc.completions.map(({ id: _, ...c }: Record<string, unknown>) => c).sort(byEvent);
  doc.sessions = doc.sessions.map(({ id: _, ...s }: Record<string, unknown>) => s).sort(byEvent);
  return doc;
}
