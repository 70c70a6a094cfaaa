// Helpers for the tests of the sync repository against real git: a bare repository in a
// temp folder is the remote, each device a clone, HOME an empty folder (so git has no
// user.name/email and no global config).
import { afterAll, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initSyncRepo, SyncError, type SyncGitOptions } from '../../src/sync/git.js';
import { readJournals } from '../../src/sync/journal.js';
import type { AnyEvent } from '../../src/core/replay.js';
import { NOV } from './samples.js';

export const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
export const A = 'laptop-1a2b';
export const B = 'desktop-9f9f';
export const C = 'work-0c0c';

export interface Sandbox {
  /** The temp folder of this test file. */
  readonly tmp: string;
  /** What git runs with: PATH, and HOME an empty folder. */
  readonly env: NodeJS.ProcessEnv;
  /** A fresh path under tmp (not created). */
  fresh(name: string): string;
  /** Runs the real git in cwd; throws on failure. */
  git(cwd: string, ...args: string[]): string;
  /** A bare repository, empty; its HEAD names `defaultBranch` when given. */
  bareRemote(defaultBranch?: string): string;
  opts(device: string, extra?: Partial<SyncGitOptions>): SyncGitOptions;
  /** A device's sync repository, set up from `remote`. */
  device(remote: string, name: string): Promise<string>;
  /** A bin folder whose `git` runs `script` (sh, REAL_GIT set) before the real git; the env with it first on PATH. */
  wrappedEnv(script: string): NodeJS.ProcessEnv;
}

/** Registers a temp folder for the calling test file, removed after it. */
export function gitSandbox(): Sandbox {
  let tmp = '';
  let env: NodeJS.ProcessEnv = {};
  let n = 0;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'study-git-'));
    const home = join(tmp, 'home');
    mkdirSync(home);
    env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const sandbox: Sandbox = {
    get tmp() {
      return tmp;
    },
    get env() {
      return env;
    },
    fresh: (name) => join(tmp, `${n++}-${name}`),
    git: (cwd, ...args) => execFileSync(REAL_GIT, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(),
    bareRemote(defaultBranch) {
      const dir = sandbox.fresh('remote.git');
      execFileSync(REAL_GIT, ['init', '--quiet', '--bare', dir], { env });
      if (defaultBranch) sandbox.git(dir, 'symbolic-ref', 'HEAD', `refs/heads/${defaultBranch}`);
      return dir;
    },
    opts: (device, extra = {}) => ({ device, env, ...extra }),
    async device(remote, name) {
      const dir = sandbox.fresh(name);
      await initSyncRepo(dir, remote, sandbox.opts(name));
      return dir;
    },
    wrappedEnv(script) {
      const bin = sandbox.fresh('bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'git'), `#!/bin/sh\nREAL_GIT='${REAL_GIT}'\n${script}\nexec "$REAL_GIT" "$@"\n`);
      chmodSync(join(bin, 'git'), 0o755);
      return { ...env, PATH: `${bin}:${env.PATH}` };
    },
  };
  return sandbox;
}

/** A shell function `is_SUB "$@"`: true when the git subcommand (after any -c options) is SUB. */
export function isSubcommand(sub: string): string {
  return `is_${sub}() { for a in "$@"; do case "$a" in -c) skip=1;; *) if [ -n "$skip" ]; then skip=; else [ "$a" = "${sub}" ] && return 0; return 1; fi;; esac; done; return 1; }`;
}

/** The events of a repository's journal; throws on a refused line. */
export function eventsIn(dir: string): AnyEvent[] {
  const r = readJournals(dir, { nowMs: NOV });
  if (!r.ok) throw new Error(r.error.text);
  return r.events;
}

/** The SyncError a promise rejects with; fails when it resolves or rejects otherwise. */
export async function failure(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncError) return e;
    throw e;
  }
  throw new Error('expected a SyncError');
}
