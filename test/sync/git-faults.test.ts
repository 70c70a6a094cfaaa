// The sync repository against real git: failures are typed and leave the journal as it
// was; an interrupted sync (git or the whole process killed) is completed by the next.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { commitJournal, initSyncRepo, syncRepo, syncStatus, type SyncErrorKind } from '../../src/sync/git.js';
import { appendEvents } from '../../src/sync/journal.js';
import { A, B, eventsIn, failure, gitSandbox, isSubcommand } from './git-sandbox.js';
import { ev, NOV } from './samples.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const sb = gitSandbox();

describe('sync failures are typed, one line, and leave the journal as it was', () => {
  async function expectKind(p: Promise<unknown>, kind: SyncErrorKind, message: RegExp): Promise<void> {
    const e = await failure(p);
    expect(e.kind).toBe(kind);
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  }

  it('git missing', async () => {
    const empty = sb.fresh('empty-bin');
    mkdirSync(empty);
    const noGit = { ...sb.env, PATH: empty };
    await expectKind(initSyncRepo(sb.fresh('a'), sb.bareRemote(), { device: A, env: noGit }), 'git-missing', /^git is not installed or not on PATH/);
    const a = await sb.device(sb.bareRemote(), A);
    appendEvents(a, [ev('completion.done', A, NOV)]);
    const journal = readFileSync(join(a, 'journal', A, '2026-11.jsonl'), 'utf8');
    await expectKind(syncRepo(a, { device: A, env: noGit }), 'git-missing', /study sync runs your own git/);
    expect(readFileSync(join(a, 'journal', A, '2026-11.jsonl'), 'utf8')).toBe(journal);
  });

  it('a remote that does not exist, at init (nothing left behind) and at sync', async () => {
    const dir = sb.fresh('a');
    await expectKind(initSyncRepo(dir, join(sb.tmp, 'no-such.git'), sb.opts(A)), 'unreachable', /^fetching: cannot reach the remote .*no-such\.git \('.*no-such\.git' does not appear to be a git repository\); check it with: git ls-remote .*no-such\.git$/);
    expect(existsSync(dir)).toBe(false);

    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    appendEvents(a, [ev('completion.done', A, NOV)]);
    rmSync(remote, { recursive: true });
    await expectKind(syncRepo(a, sb.opts(A)), 'unreachable', /cannot reach the remote/);
    expect(eventsIn(a)).toHaveLength(1);
  });

  it('a folder that is not a sync repository, even inside another repository', async () => {
    const outer = sb.fresh('outer');
    mkdirSync(outer);
    sb.git(outer, 'init', '--quiet');
    const inner = join(outer, 'sync');
    mkdirSync(inner);
    await expectKind(syncRepo(inner, sb.opts(A)), 'not-a-repository', /is not a sync repository; run study sync init REMOTE first/);
    await expectKind(syncStatus(inner, { env: sb.env }), 'not-a-repository', /not a sync repository/);
  });

  it('init on a folder that syncs elsewhere, or holds other files, is refused; the same remote again is fine', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    expect(await initSyncRepo(a, remote, sb.opts(A))).toMatchObject({ created: false, branch: 'main' });
    await expectKind(initSyncRepo(a, sb.bareRemote(), sb.opts(A)), 'failed', /already syncs with/);
    const full = sb.fresh('full');
    mkdirSync(full);
    writeFileSync(join(full, 'notes.txt'), 'mine');
    await expectKind(initSyncRepo(full, remote, sb.opts(A)), 'failed', /exists and is not empty/);
    expect(readdirSync(full)).toEqual(['notes.txt']);
  });

  it('an auth failure is told apart from an unreachable remote', async () => {
    const a = await sb.device(sb.bareRemote(), A);
    // A remote helper that fails the way git does when HTTPS needs credentials it may not ask for.
    const askless = sb.wrappedEnv(`${isSubcommand('fetch')}\nif is_fetch "$@"; then echo "fatal: could not read Username for 'https://example.invalid': terminal prompts disabled" >&2; exit 128; fi`);
    await expectKind(syncRepo(a, { device: A, env: askless }), 'auth', /refused access .*check git's own credentials/);
  });
});

describe('an interrupted sync leaves a repository the next sync completes', () => {
  it('git killed during a commit, holding the index lock', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    appendEvents(a, [ev('completion.done', A, NOV)]);
    const hanging = sb.wrappedEnv(`${isSubcommand('commit')}\nif is_commit "$@"; then : > .git/index.lock; exec sleep 20; fi`);
    const e = await failure(syncRepo(a, { device: A, env: hanging, localTimeoutMs: 150 }));
    expect(e.kind).toBe('timeout');
    expect(existsSync(join(a, '.git/index.lock'))).toBe(true);
    const run = await syncRepo(a, sb.opts(A));
    expect(run).toMatchObject({ committed: true, pushed: true, repaired: ['removed .git/index.lock'] });
    const b = await sb.device(remote, B);
    expect(eventsIn(b)).toEqual(eventsIn(a));
  });

  it('git stopped during a push that does not answer', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    appendEvents(a, [ev('completion.done', A, NOV)]);
    const stuck = sb.wrappedEnv(`${isSubcommand('push')}\nif is_push "$@"; then exec sleep 20; fi`);
    expect((await failure(syncRepo(a, { device: A, env: stuck, networkTimeoutMs: 150 }))).kind).toBe('timeout');
    expect(await syncRepo(a, sb.opts(A))).toMatchObject({ committed: false, pushed: true });
  });

  it('a merge left half-done', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    await syncRepo(a, sb.opts(A));
    const b = await sb.device(remote, B);
    appendEvents(b, [ev('completion.done', B, NOV)]);
    await syncRepo(b, sb.opts(B));
    appendEvents(a, [ev('completion.done', A, NOV)]);
    await commitJournal(a, sb.opts(A));
    sb.git(a, 'fetch', '--quiet', 'origin');
    sb.git(a, '-c', 'user.name=x', '-c', 'user.email=x@y', 'merge', '--no-commit', '--no-ff', 'origin/main');
    expect(existsSync(join(a, '.git/MERGE_HEAD'))).toBe(true);
    const run = await syncRepo(a, sb.opts(A));
    expect(run.repaired).toContain('abandoned an interrupted merge');
    expect(run.pushed).toBe(true);
    expect(eventsIn(a)).toHaveLength(2);
  });

  it('the whole process killed at random points, then run again: converges, nothing duplicated', async () => {
    const bundle = join(sb.fresh('bundle'), 'sync.mjs');
    await build({
      stdin: { contents: "export * from './src/sync/git.ts'; export * from './src/sync/journal.ts'; export * from './src/sync/schema.ts';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      // yaml (which journal lines' checks load) is CommonJS
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const runner = join(dirname(bundle), 'run.mjs');
    writeFileSync(
      runner,
      `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const [dir, device, ts] = process.argv.slice(2);
const { randomBytes } = await import('node:crypto');
m.appendEvents(dir, [{ id: randomBytes(16).toString('hex'), device, ts, type: 'session.added', payload: ${JSON.stringify(ev('session.added').payload)} }]);
await m.syncRepo(dir, { device, env: JSON.parse(process.env.SYNC_ENV) });
`,
    );
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    for (const [i, delay] of [60, 100, 150, 220, 300, 450].entries()) {
      const child = spawn(process.execPath, [runner, a, A, `2026-11-23T08:30:00.000Z-0000${i}`], { env: { ...sb.env, SYNC_ENV: JSON.stringify(sb.env) }, detached: true, stdio: 'ignore' });
      const exited = new Promise((done) => child.on('exit', done));
      await new Promise((r) => setTimeout(r, delay));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already done
      }
      await exited;
    }
    await syncRepo(a, sb.opts(A));
    const b = await sb.device(remote, B);
    const onA = eventsIn(a);
    expect(onA.length).toBeGreaterThan(0);
    expect(eventsIn(b)).toEqual(onA);
    const lines = readFileSync(join(a, 'journal', A, '2026-11.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(onA.length);
    expect(sb.git(a, 'status', '--porcelain')).toBe('');
    sb.git(a, 'fsck', '--no-progress');
  });
});
