// Running the user's own git: no shell (arguments as an array), no terminal prompts,
// a timeout, and every failure turned into one typed line the CLI can print.
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { StudyError } from '../cli/errors.js';

export type SyncErrorKind =
  /** No git on PATH. */
  | 'git-missing'
  /** The remote does not answer, does not exist, or is not a repository. */
  | 'unreachable'
  /** The remote answered but refused our credentials (git's own: study stores none). */
  | 'auth'
  /** The sync folder is not a git repository (or not the one study set up). */
  | 'not-a-repository'
  /** A merge that git could not finish on its own (only a hand-edited repository has one). */
  | 'conflict'
  /** The remote refused the push, also after one fetch, merge and retry. */
  | 'rejected'
  /** git did not finish in time and was stopped. */
  | 'timeout'
  /** A journal line that does not pass its checks (nothing of that sync was applied). */
  | 'refused'
  /** Anything else git reported. */
  | 'failed';

/** A failure of git or of the sync repository: one line, exit code 1. */
export class SyncError extends StudyError {
  readonly kind: SyncErrorKind;
  constructor(kind: SyncErrorKind, message: string) {
    super(message, 1);
    this.name = 'SyncError';
    this.kind = kind;
  }
}

export interface GitEnv {
  /** Environment git runs with (default: process.env). Tests set PATH and HOME. */
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds a command that talks to the remote may take (default 60 s). */
  readonly networkTimeoutMs?: number;
  /** Milliseconds a local command may take (default 30 s). */
  readonly localTimeoutMs?: number;
}

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Variables that would point git at another repository than the one we name. */
const REDIRECTS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX'];

function gitEnv(base: NodeJS.ProcessEnv, cwd: string | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  for (const k of REDIRECTS) delete env[k];
  // Never walk up into a repository that contains the sync folder (a dotfiles repo in ~).
  if (cwd) env.GIT_CEILING_DIRECTORIES = dirname(resolve(cwd));
  return env;
}

/** Text from git (and from the remote, through it) made safe for one terminal line. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/[\p{C}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A remote URL without the password or token a user may have put in it. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

/** Runs git; resolves with its exit code and output; rejects only with a SyncError. */
export function runGit(cwd: string | null, args: readonly string[], opts: GitEnv & { network?: boolean; input?: string } = {}): Promise<GitResult> {
  const timeout = opts.network ? (opts.networkTimeoutMs ?? 60_000) : (opts.localTimeoutMs ?? 30_000);
  return new Promise((done, fail) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd: cwd ?? undefined,
        env: gitEnv(opts.env ?? process.env, cwd),
        timeout,
        killSignal: 'SIGTERM',
        maxBuffer: 256 * 1024 * 1024,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return done({ code: 0, stdout, stderr });
        const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string | null };
        if (e.code === 'ENOENT' && e.syscall?.startsWith('spawn')) {
          return fail(new SyncError('git-missing', 'git is not installed or not on PATH: study sync runs your own git; install git and run study sync again'));
        }
        if (e.killed || (e.signal && typeof e.code !== 'number')) {
          return fail(new SyncError('timeout', `git ${args[0]} did not finish in ${Math.round(timeout / 1000)} s and was stopped`));
        }
        if (typeof e.code === 'number') return done({ code: e.code, stdout, stderr });
        fail(new SyncError('failed', `git ${args[0]}: ${oneLine(e.message)}`));
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

const AUTH_RE = /Authentication failed|Permission denied \(|could not read (?:Username|Password)|terminal prompts disabled|HTTP Basic: Access denied|The requested URL returned error: 40[13]|Invalid username or password|Host key verification failed/i;
const UNREACHABLE_RE = /does not appear to be a git repository|Could not read from remote repository|Could not resolve host|unable to access|Connection (?:refused|timed out|reset)|Network is unreachable|No route to host|Repository not found|returned error: 404|unable to connect/i;
const REJECTED_RE = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|failed to push/i;
const CONFLICT_RE = /CONFLICT|Automatic merge failed|unmerged files|fix conflicts/i;
const NOT_REPO_RE = /not a git repository/i;

/** The first line of git's own message (fatal:/error:), else the first line of stderr. */
function gitMessage(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const main = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? 'no message';
  return oneLine(main.replace(/^(fatal|error):\s*/, ''));
}

/** The typed error for a git command that exited non-zero. `what` names the step for the user. */
export function errorOf(result: GitResult, what: string, remote?: string): SyncError {
  const text = `${result.stderr}\n${result.stdout}`;
  const msg = gitMessage(result.stderr || result.stdout);
  const where = remote ? ` ${redactUrl(remote)}` : '';
  if (AUTH_RE.test(text)) return new SyncError('auth', `${what}: the remote${where} refused access (${msg}); check git's own credentials (ssh key or credential helper)`);
  if (REJECTED_RE.test(text)) return new SyncError('rejected', `${what}: the remote${where} rejected the push (${msg})`);
  if (CONFLICT_RE.test(text)) return new SyncError('conflict', `${what}: git could not merge (${msg}); the sync folder was left as it was before the merge`);
  if (NOT_REPO_RE.test(text) && !/remote|origin/.test(msg)) return new SyncError('not-a-repository', `${what}: not a git repository (${msg})`);
  if (UNREACHABLE_RE.test(text)) return new SyncError('unreachable', `${what}: cannot reach the remote${where} (${msg})${where ? `; check it with: git ls-remote${where}` : ''}`);
  return new SyncError('failed', `${what}: git failed (${msg})`);
}
