// The sync repository against real git: devices converge through a bare repository.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { changedFiles, commitJournal, headCommit, initSyncRepo, normalizeRemote, syncRepo, syncStatus } from '../../src/sync/git.js';
import { appendEvents, writeRoadmapFile } from '../../src/sync/journal.js';
import { A, B, C, eventsIn, gitSandbox, isSubcommand } from './git-sandbox.js';
import { ev, NOV } from './samples.js';

const HOUR_MS = 3600_000;
const sb = gitSandbox();

describe('sync repository with real git', () => {
  it('two devices converge through an empty bare repository, committing as the device when git has no identity', async () => {
    const remote = sb.bareRemote();
    const a = sb.fresh('a');
    expect(await initSyncRepo(a, remote, sb.opts(A))).toMatchObject({ branch: 'main', created: true, remoteHadHistory: false });
    const fromA = [ev('completion.done', A, NOV), ev('session.added', A, NOV + 1)];
    appendEvents(a, fromA);
    expect(await syncRepo(a, sb.opts(A))).toMatchObject({ branch: 'main', committed: true, pushed: true, retried: false, changed: [] });
    expect(sb.git(a, 'log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe(`${A} <${A}@study.invalid>|${A} <${A}@study.invalid>`);

    // The bare repository's HEAD still names master (unborn): B follows main.
    const b = sb.fresh('b');
    expect(await initSyncRepo(b, remote, sb.opts(B))).toMatchObject({ branch: 'main', created: true, remoteHadHistory: true });
    expect(eventsIn(b)).toEqual(fromA);
    const fromB = [ev('setting.changed', B, NOV + 2)];
    appendEvents(b, fromB);
    expect(await syncRepo(b, sb.opts(B))).toMatchObject({ committed: true, pushed: true });

    const run = await syncRepo(a, sb.opts(A));
    expect(run).toMatchObject({ committed: false, pushed: false, changed: ['journal/desktop-9f9f/2026-11.jsonl'] });
    expect(eventsIn(a)).toEqual(eventsIn(b));
    expect(eventsIn(a)).toHaveLength(3);
    expect(sb.git(a, 'status', '--porcelain')).toBe('');
  });

  it("uses the user's own identity when git has one", async () => {
    const remote = sb.bareRemote();
    const home = sb.fresh('home');
    mkdirSync(home);
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Ana Learner\n\temail = ana@example.org\n');
    const withUser = { ...sb.env, HOME: home };
    const a = sb.fresh('a');
    await initSyncRepo(a, remote, { device: A, env: withUser });
    appendEvents(a, [ev('completion.done', A, NOV)]);
    await syncRepo(a, { device: A, env: withUser });
    expect(sb.git(a, 'log', '-1', '--format=%an <%ae>')).toBe('Ana Learner <ana@example.org>');
  });

  it('retries once when another device pushed first', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    const b = await sb.device(remote, B);
    appendEvents(a, [ev('completion.done', A, NOV)]);
    await commitJournal(a, sb.opts(A)); // committed on A, not pushed yet
    appendEvents(b, [ev('completion.undone', B, NOV + 5)]);
    // B's git pushes A's commit just before B's own first push: B's push is rejected.
    const marker = sb.fresh('pushed-once');
    const racing = sb.wrappedEnv(`${isSubcommand('push')}\nif is_push "$@" && [ ! -e '${marker}' ]; then touch '${marker}'; "$REAL_GIT" -C '${a}' push --quiet origin HEAD:refs/heads/main; fi`);
    const run = await syncRepo(b, { device: B, env: racing });
    expect(run).toMatchObject({ pushed: true, retried: true, changed: ['journal/laptop-1a2b/2026-11.jsonl'] });
    await syncRepo(a, sb.opts(A));
    expect(eventsIn(a)).toHaveLength(2);
    expect(eventsIn(a)).toEqual(eventsIn(b));
  });

  it('three devices, each pushing in turn, end with the same journal', async () => {
    const remote = sb.bareRemote();
    const dirs = [await sb.device(remote, A), await sb.device(remote, B), await sb.device(remote, C)];
    const names = [A, B, C];
    for (let round = 0; round < 2; round++) {
      for (const [i, dir] of dirs.entries()) {
        appendEvents(dir, [ev('session.added', names[i], NOV + round * 10 + i)]);
        await syncRepo(dir, sb.opts(names[i]!));
      }
    }
    for (const [i, dir] of dirs.entries()) await syncRepo(dir, sb.opts(names[i]!));
    const all = eventsIn(dirs[0]!);
    expect(all).toHaveLength(6);
    for (const dir of dirs) expect(eventsIn(dir)).toEqual(all);
  });

  it('follows a remote whose default branch is another one than main', async () => {
    const remote = sb.bareRemote('trunk');
    const seed = sb.fresh('seed');
    sb.git(sb.tmp, 'clone', '--quiet', remote, seed);
    writeFileSync(join(seed, 'README.md'), 'my study sync\n');
    sb.git(seed, 'add', 'README.md');
    sb.git(seed, '-c', 'user.name=x', '-c', 'user.email=x@y', 'commit', '--quiet', '-m', 'readme');
    sb.git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/trunk');

    const a = sb.fresh('a');
    expect(await initSyncRepo(a, remote, sb.opts(A))).toMatchObject({ branch: 'trunk', remoteHadHistory: true });
    appendEvents(a, [ev('completion.done', A, NOV)]);
    expect(await syncRepo(a, sb.opts(A))).toMatchObject({ branch: 'trunk', pushed: true });
    expect(sb.git(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads')).toBe('refs/heads/trunk');
    expect(existsSync(join(a, 'README.md'))).toBe(true);
  });

  it('merges roadmap files written on two devices without a conflict', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    const b = await sb.device(remote, B);
    writeRoadmapFile(a, 'sys-arch', 'title: from A\n');
    await syncRepo(a, sb.opts(A));
    writeRoadmapFile(b, 'sys-arch', 'title: from B\n');
    const run = await syncRepo(b, sb.opts(B));
    expect(run.pushed).toBe(true);
    expect(readFileSync(join(b, 'roadmaps/sys-arch.yaml'), 'utf8')).toBe('title: from B\n');
    expect(sb.git(b, 'status', '--porcelain')).toBe('');
  });

  it('reports ahead, behind and uncommitted files, with a password in the URL masked', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    appendEvents(a, [ev('completion.done', A, NOV)]);
    await syncRepo(a, sb.opts(A));
    const b = await sb.device(remote, B);
    appendEvents(b, [ev('completion.done', B, NOV)]);
    await commitJournal(b, sb.opts(B));
    appendEvents(b, [ev('completion.done', B, NOV + HOUR_MS)]);
    writeRoadmapFile(b, 'new-one', 'x: 1\n');
    appendEvents(a, [ev('completion.done', A, NOV + HOUR_MS)]);
    await syncRepo(a, sb.opts(A));
    const before = await syncStatus(b, { env: sb.env });
    expect(before).toMatchObject({ remote, branch: 'main', ahead: 1, behind: 0, uncommitted: ['journal/desktop-9f9f/2026-11.jsonl', 'roadmaps/new-one.yaml'] });
    expect(await syncStatus(b, { env: sb.env, fetch: true })).toMatchObject({ ahead: 1, behind: 1 });
    expect(before.lastCommitAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    sb.git(b, 'remote', 'set-url', 'origin', 'https://ana:s3cret-token@example.invalid/ana/study.git');
    expect((await syncStatus(b, { env: sb.env })).remote).toBe('https://***@example.invalid/ana/study.git');
  });

  it('lists the files a range of commits changed, for reading only those', async () => {
    const remote = sb.bareRemote();
    const a = await sb.device(remote, A);
    const start = await headCommit(a, { env: sb.env });
    appendEvents(a, [ev('completion.done', A, NOV)]);
    await syncRepo(a, sb.opts(A));
    const end = await headCommit(a, { env: sb.env });
    expect(await changedFiles(a, start, end, { env: sb.env })).toEqual(['journal/laptop-1a2b/2026-11.jsonl']);
    expect((await changedFiles(a, null, end, { env: sb.env })).sort()).toEqual(['.gitignore', 'journal/laptop-1a2b/2026-11.jsonl']);
    expect(await changedFiles(a, end, end, { env: sb.env })).toEqual([]);
  });

  it('takes a relative path to a bare repository from where it was typed, and URLs as they are', async () => {
    const remote = sb.bareRemote();
    const a = sb.fresh('a');
    const r = await initSyncRepo(a, relative(process.cwd(), remote), sb.opts(A));
    expect(r.remote).toBe(remote);
    expect(sb.git(a, 'config', 'remote.origin.url')).toBe(remote);
    expect(normalizeRemote('git@github.com:ana/study-sync.git')).toBe('git@github.com:ana/study-sync.git');
    expect(normalizeRemote('https://gitlab.com/ana/study-sync.git')).toBe('https://gitlab.com/ana/study-sync.git');
    expect(normalizeRemote('ssh://nas/srv/study.git')).toBe('ssh://nas/srv/study.git');
    expect(normalizeRemote('usb/study.git')).toBe(join(process.cwd(), 'usb/study.git'));
  });
});
