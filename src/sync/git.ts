// The sync repository: set up from a remote, commit the journal, fetch and merge, push.
// Each device writes only its own journal files, so merges have nothing to reconcile;
// roadmaps/ID.yaml may be written by two devices, and a merge keeps ours (the YAML that
// counts travels in the roadmap.loaded events; the store rewrites the file after apply).
// A failure is a SyncError and leaves the journal files as they were; the next run
// first repairs what a killed run left (lock files, a merge in progress).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureLayout, JOURNAL_DIR, ROADMAPS_DIR } from './layout.js';
import { errorOf, oneLine, redactUrl, runGit, SyncError, type GitEnv, type GitResult } from './git-run.js';

export { SyncError, redactUrl, type SyncErrorKind, type GitEnv } from './git-run.js';

export interface SyncGitOptions extends GitEnv {
  /** This device's id: author and committer when git has no user.name / user.email. */
  readonly device: string;
  /** Where a relative path to a remote is taken from (default: the process's folder). */
  readonly cwd?: string;
}

const REMOTE = 'origin';
const DEFAULT_BRANCH = 'main';
/** Settings for every command that writes in the sync repository: no user hooks, no signing prompts, gc in the foreground. */
const WRITE_CONFIG = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgSign=false', '-c', 'gc.autoDetach=false', '-c', 'maintenance.autoDetach=false'];

async function git(dir: string, args: readonly string[], opts: GitEnv, network = false): Promise<GitResult> {
  return runGit(dir, args, { ...opts, network });
}

async function mustGit(dir: string, args: readonly string[], opts: GitEnv, what: string, network = false, remote?: string): Promise<string> {
  const r = await git(dir, args, opts, network);
  if (r.code !== 0) throw errorOf(r, what, remote);
  return r.stdout;
}

async function checkGit(opts: GitEnv): Promise<void> {
  const r = await runGit(null, ['--version'], opts);
  if (r.code !== 0) throw new SyncError('git-missing', `git does not run (${oneLine(r.stderr)})`);
}

function isRepo(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

function requireRepo(dir: string): void {
  if (!isRepo(dir)) throw new SyncError('not-a-repository', `${dir} is not a sync repository; run study sync init REMOTE first`);
}

async function revParse(dir: string, ref: string, opts: GitEnv): Promise<string | null> {
  const r = await git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], opts);
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Whether `commit` is a commit of the repository (a history rewritten by hand may have lost it). */
export async function commitKnown(dir: string, commit: string, opts: GitEnv = {}): Promise<boolean> {
  requireRepo(dir);
  return /^[0-9a-f]{40,64}$/.test(commit) && (await revParse(dir, commit, opts)) === commit;
}

/** The commit HEAD points at, or null before the first commit. */
export async function headCommit(dir: string, opts: GitEnv = {}): Promise<string | null> {
  requireRepo(dir);
  return revParse(dir, 'HEAD', opts);
}

async function remoteUrl(dir: string, opts: GitEnv): Promise<string | null> {
  const r = await git(dir, ['config', '--get', `remote.${REMOTE}.url`], opts);
  return r.code === 0 ? r.stdout.trim() : null;
}

async function localBranch(dir: string, opts: GitEnv): Promise<string> {
  const r = await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'], opts);
  if (r.code !== 0) throw new SyncError('failed', `${dir}: HEAD is not on a branch; the sync repository was changed by hand`);
  return r.stdout.trim();
}

async function remoteBranches(dir: string, opts: GitEnv): Promise<string[]> {
  const out = await mustGit(dir, ['for-each-ref', '--format=%(refname:lstrip=3)', `refs/remotes/${REMOTE}`], opts, 'listing branches');
  return out.split('\n').filter((b) => b && b !== 'HEAD');
}

/**
 * The branch to sync: the local one when the remote has it; else the remote's default
 * branch (its HEAD); else its only branch, main, master or the first; else `main`.
 */
async function chooseBranch(dir: string, opts: GitEnv, current: string | null): Promise<string> {
  const branches = await remoteBranches(dir, opts);
  if (current && branches.includes(current)) return current;
  if (branches.length === 0) return current ?? DEFAULT_BRANCH;
  const head = await git(dir, ['ls-remote', '--symref', REMOTE, 'HEAD'], opts, true);
  const named = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(head.stdout)?.[1];
  if (named && branches.includes(named)) return named;
  if (branches.length === 1) return branches[0]!;
  return [DEFAULT_BRANCH, 'master'].find((b) => branches.includes(b)) ?? branches.sort()[0]!;
}

async function identityArgs(dir: string, opts: SyncGitOptions): Promise<string[]> {
  const args: string[] = [];
  for (const [key, value] of [
    ['user.name', opts.device],
    ['user.email', `${opts.device}@study.invalid`],
  ] as const) {
    const r = await git(dir, ['config', '--get', key], opts);
    if (r.code !== 0 || !r.stdout.trim()) args.push('-c', `${key}=${value}`);
  }
  return args;
}

/**
 * A remote as git should see it from inside the sync folder: URLs (scheme://... or
 * scp-like user@host:path) as given; a local path made absolute (git would read a
 * relative one from the sync folder, not from where the user typed it).
 */
export function normalizeRemote(remote: string, cwd = process.cwd()): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) return remote;
  if (/^[^/\\]{2,}:/.test(remote) && !/^[a-z]:[/\\]/i.test(remote)) return remote;
  return resolve(cwd, remote);
}

export interface InitResult {
  readonly dir: string;
  /** As given, with any password in it masked. */
  readonly remote: string;
  readonly branch: string;
  /** False when the folder was already this remote's sync repository. */
  readonly created: boolean;
  /** The remote already had commits (another device synced before). */
  readonly remoteHadHistory: boolean;
}

/**
 * Sets up the sync repository in `dir` from `remote` (a git URL or the path of a bare
 * repository, possibly empty). Idempotent for the same remote. On failure, a folder it
 * created is removed again.
 */
export async function initSyncRepo(dir: string, remote: string, opts: SyncGitOptions): Promise<InitResult> {
  await checkGit(opts);
  dir = resolve(dir);
  remote = normalizeRemote(remote, opts.cwd);
  if (isRepo(dir)) {
    const url = await remoteUrl(dir, opts);
    if (url !== remote) {
      throw new SyncError('failed', `${dir} already syncs with ${url === null ? 'no remote' : redactUrl(url)}; remove that folder to sync with ${redactUrl(remote)}`);
    }
    const branch = await localBranch(dir, opts);
    return { dir, remote: redactUrl(remote), branch, created: false, remoteHadHistory: (await remoteBranches(dir, opts)).length > 0 };
  }
  const existed = existsSync(dir);
  if (existed && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new SyncError('failed', `${dir} exists and is not empty; study sync needs a folder of its own`);
  }
  mkdirSync(dir, { recursive: true });
  try {
    await mustGit(dir, ['init', '--quiet'], opts, 'git init');
    await mustGit(dir, ['remote', 'add', REMOTE, remote], opts, 'adding the remote');
    await fetchRemote(dir, opts, remote);
    const branch = await chooseBranch(dir, opts, null);
    await mustGit(dir, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`], opts, 'choosing the branch');
    const remoteHead = await revParse(dir, `refs/remotes/${REMOTE}/${branch}`, opts);
    if (remoteHead) await mustGit(dir, ['reset', '--quiet', '--hard', remoteHead], opts, 'checking out the remote branch');
    ensureLayout(dir);
    await commitJournal(dir, { ...opts, message: `study: sync repository set up on ${opts.device}` });
    return { dir, remote: redactUrl(remote), branch, created: true, remoteHadHistory: remoteHead !== null };
  } catch (e) {
    if (existed) for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    else rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

function lockFiles(dir: string, acc: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'objects') lockFiles(path, acc);
    } else if (entry.name.endsWith('.lock')) acc.push(path);
  }
  return acc;
}

/**
 * Repairs what a killed run leaves: git's lock files (study runs one sync at a time, so
 * any lock is stale) and a merge in progress (aborted). Returns what was repaired.
 */
export async function recover(dir: string, opts: GitEnv = {}): Promise<string[]> {
  requireRepo(dir);
  const gitDir = join(dir, '.git');
  const repaired: string[] = [];
  for (const lock of lockFiles(gitDir)) {
    rmSync(lock, { force: true });
    repaired.push(`removed ${lock.slice(dir.length + 1)}`);
  }
  if (existsSync(join(gitDir, 'MERGE_HEAD'))) {
    const r = await git(dir, ['merge', '--abort'], opts);
    if (r.code !== 0) await mustGit(dir, ['reset', '--quiet', '--merge'], opts, 'abandoning an interrupted merge');
    repaired.push('abandoned an interrupted merge');
  }
  return repaired;
}

/**
 * Commits the changes under journal/ and roadmaps/ (and .gitignore). Returns false when
 * there was nothing to commit.
 */
export async function commitJournal(dir: string, opts: SyncGitOptions & { message?: string }): Promise<boolean> {
  requireRepo(dir);
  return commitAs(dir, opts, await identityArgs(dir, opts));
}

async function commitAs(dir: string, opts: SyncGitOptions & { message?: string }, who: readonly string[]): Promise<boolean> {
  const paths = [JOURNAL_DIR, ROADMAPS_DIR, '.gitignore'].filter((p) => existsSync(join(dir, p)));
  if (paths.length === 0) return false;
  await mustGit(dir, ['add', '--all', '--', ...paths], opts, 'staging the journal');
  const staged = await git(dir, ['diff', '--cached', '--quiet'], opts);
  if (staged.code === 0) return false;
  const message = opts.message ?? `study: journal of ${opts.device}`;
  await mustGit(dir, [...who, ...WRITE_CONFIG, 'commit', '--quiet', '--no-verify', '-m', message], opts, 'committing the journal');
  return true;
}

/** Files that differ between two commits (`from` null: every file of `to`), relative paths. */
export async function changedFiles(dir: string, from: string | null, to: string | null, opts: GitEnv = {}): Promise<string[]> {
  requireRepo(dir);
  if (to === null || from === to) return [];
  const out =
    from === null
      ? await mustGit(dir, ['ls-tree', '-r', '-z', '--name-only', to], opts, 'listing files')
      : await mustGit(dir, ['diff', '--no-renames', '-z', '--name-only', from, to], opts, 'listing changes');
  return out.split('\0').filter(Boolean);
}

/** A file as a commit has it ('' when it has none). */
export async function showFile(dir: string, commit: string, file: string, opts: GitEnv = {}): Promise<string> {
  const r = await git(dir, ['show', `${commit}:${file}`], opts);
  return r.code === 0 ? r.stdout : '';
}

async function fetchRemote(dir: string, opts: GitEnv, remote: string): Promise<void> {
  await mustGit(dir, ['fetch', '--quiet', REMOTE], opts, 'fetching', true, remote);
}

/** Merges the fetched remote branch into HEAD; on failure the merge is undone. */
async function mergeRemote(dir: string, branch: string, opts: SyncGitOptions, who: readonly string[]): Promise<{ before: string | null; after: string | null }> {
  const before = await revParse(dir, 'HEAD', opts);
  const theirs = await revParse(dir, `refs/remotes/${REMOTE}/${branch}`, opts);
  if (!theirs || theirs === before) return { before, after: before };
  const merge = await git(dir, [...who, ...WRITE_CONFIG, 'merge', '--quiet', '--no-edit', '--ff', '--no-verify', '--allow-unrelated-histories', '-X', 'ours', '-m', `study: merge ${branch} into ${opts.device}`, theirs], opts);
  if (merge.code !== 0) {
    const error = errorOf(merge, 'merging');
    await recover(dir, opts);
    throw error.kind === 'failed' ? new SyncError('conflict', error.message) : error;
  }
  return { before, after: await revParse(dir, 'HEAD', opts) };
}

export interface SyncRun {
  readonly branch: string;
  /** Local journal changes were committed. */
  readonly committed: boolean;
  /** HEAD before fetching (after the commit); null before the first commit. */
  readonly before: string | null;
  /** HEAD at the end. */
  readonly after: string | null;
  /** Files the merge brought in or changed, relative paths. */
  readonly changed: string[];
  /** Commits were pushed. */
  readonly pushed: boolean;
  /** The first push was rejected (another device pushed first) and was retried. */
  readonly retried: boolean;
  /** What was repaired of an earlier, interrupted run. */
  readonly repaired: string[];
}

/**
 * One sync of the repository: repair what a killed run left, fetch (a remote that does
 * not answer stops here, nothing written), `write` the journal, commit it, merge the
 * remote branch, push (after a rejected push: fetch, merge and push once more).
 */
export async function syncRepo(dir: string, opts: SyncGitOptions & { message?: string; write?: () => void | Promise<void> }): Promise<SyncRun> {
  requireRepo(dir);
  const remote = await remoteUrl(dir, opts);
  if (remote === null) throw new SyncError('not-a-repository', `${dir} has no remote; run study sync init REMOTE`);
  const repaired = await recover(dir, opts);
  await fetchRemote(dir, opts, remote);
  ensureLayout(dir);
  await opts.write?.();
  const who = await identityArgs(dir, opts);
  const committed = await commitAs(dir, opts, who);
  let branch = await localBranch(dir, opts);
  const target = await chooseBranch(dir, opts, branch);
  if (target !== branch) {
    // The remote's branch has another name (its default, or renamed): follow it.
    if ((await revParse(dir, 'HEAD', opts)) === null) await mustGit(dir, ['symbolic-ref', 'HEAD', `refs/heads/${target}`], opts, 'following the remote branch');
    else await mustGit(dir, ['branch', '--move', '--force', target], opts, 'following the remote branch');
    branch = target;
  }
  const first = await mergeRemote(dir, branch, opts, who);
  let last = first;
  let pushed = false;
  let retried = false;
  for (let attempt = 0; attempt < 2 && !pushed; attempt++) {
    const head = last.after;
    const theirs = await revParse(dir, `refs/remotes/${REMOTE}/${branch}`, opts);
    if (head === null || head === theirs) break;
    const push = await git(dir, [...WRITE_CONFIG, 'push', '--quiet', '--no-verify', REMOTE, `HEAD:refs/heads/${branch}`], opts, true);
    if (push.code === 0) {
      pushed = true;
      break;
    }
    const error = errorOf(push, 'pushing', remote);
    if (error.kind !== 'rejected' || attempt === 1) throw error;
    retried = true;
    await fetchRemote(dir, opts, remote);
    last = await mergeRemote(dir, branch, opts, who);
  }
  const after = last.after;
  return { branch, committed, before: first.before, after, changed: await changedFiles(dir, first.before, after, opts), pushed, retried, repaired };
}

export interface SyncStatus {
  /** The remote, password masked; null when none is set. */
  readonly remote: string | null;
  readonly branch: string;
  readonly head: string | null;
  /** Commits here that the remote does not have (as of the last fetch). */
  readonly ahead: number;
  /** Commits of the remote not merged here (as of the last fetch). */
  readonly behind: number;
  /** Journal and roadmap files changed and not committed yet. */
  readonly uncommitted: string[];
  /** When the last commit here was made (ISO), or null. */
  readonly lastCommitAt: string | null;
  /** The remote branch as of the last fetch, or null. */
  readonly remoteHead: string | null;
}

/** Where the repository stands; with `fetch`, asks the remote first. */
export async function syncStatus(dir: string, opts: GitEnv & { fetch?: boolean } = {}): Promise<SyncStatus> {
  requireRepo(dir);
  const url = await remoteUrl(dir, opts);
  if (opts.fetch && url !== null) await fetchRemote(dir, opts, url);
  const branch = await localBranch(dir, opts);
  const head = await revParse(dir, 'HEAD', opts);
  const theirs = await revParse(dir, `refs/remotes/${REMOTE}/${branch}`, opts);
  let ahead = 0;
  let behind = 0;
  if (head && theirs) {
    const [a, b] = (await mustGit(dir, ['rev-list', '--left-right', '--count', `${head}...${theirs}`], opts, 'counting commits')).trim().split(/\s+/).map(Number);
    ahead = a ?? 0;
    behind = b ?? 0;
  } else if (head) {
    ahead = Number((await mustGit(dir, ['rev-list', '--count', head], opts, 'counting commits')).trim());
  } else if (theirs) {
    behind = Number((await mustGit(dir, ['rev-list', '--count', theirs], opts, 'counting commits')).trim());
  }
  const porcelain = await mustGit(dir, ['status', '--porcelain', '-z', '--untracked-files=all', '--', JOURNAL_DIR, ROADMAPS_DIR], opts, 'reading the status');
  const uncommitted = porcelain
    .split('\0')
    .filter(Boolean)
    .map((l) => l.slice(3));
  const last = head ? (await mustGit(dir, ['log', '-1', '--format=%cI', head], opts, 'reading the log')).trim() : null;
  return { remote: url === null ? null : redactUrl(url), branch, head, ahead, behind, uncommitted, lastCommitAt: last, remoteHead: theirs };
}
