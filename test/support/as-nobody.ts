// Runs study (or a small script) as a user without privileges, for the tests of what a user
// sees where they may not write. Root writes anywhere, and CI runs as root: there the
// command runs as uid/gid 65534 ("nobody") through setpriv(1) of util-linux (an essential
// package on Debian); any other user runs it as itself. Nothing is skipped: when the
// command cannot be run so, the test fails and says why.
//
// The user must be able to run node and read the checkout (bin/, dist/, roadmaps/, data/,
// node_modules/better-sqlite3). When it cannot (node or the checkout under a folder only
// root may enter, such as /root), they are copied once into a temp folder it can read.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
export const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** argv as the unprivileged user: through setpriv when this process is root, as is otherwise. */
function spawnUnprivileged(argv: readonly string[], env: Record<string, string>, cwd: string): SpawnSyncReturns<string> {
  const [cmd, ...args] = asRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv] : argv;
  const r = spawnSync(cmd!, args, { encoding: 'utf8', env, cwd, timeout: 30_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT' && cmd === 'setpriv') {
    throw new Error('setpriv(1) is not installed: the test runs study as uid 65534 with it, since root writes anywhere (Debian: apt-get install util-linux)');
  }
  return r;
}

let shared: string | null = null;
let ready: Unprivileged | null = null;
/** A folder for this test file that the unprivileged user can read (mode 0755), removed at its end. */
function sharedDir(): string {
  if (!shared) {
    shared = mkdtempSync(join(tmpdir(), 'study-unprivileged-'));
    chmodSync(shared, 0o755);
  }
  return shared;
}
afterAll(() => {
  if (shared) rmSync(shared, { recursive: true, force: true });
  shared = null;
  ready = null; // it may point into the folder just removed
});

export interface Unprivileged {
  /** The node binary the user can run. */
  node: string;
  /** A study checkout the user can read: bin/study, dist/, roadmaps/, data/ and the runtime node_modules. */
  root: string;
  /** The uid the commands run as (65534 when the tests run as root). */
  uid: number;
}

/** The packages that dist/ loads at run time (better-sqlite3 and what it requires), by name. */
function runtimePackages(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) runtimePackages(dep, seen);
  return seen;
}

/** Copies what `node bin/study` needs into the shared folder (the sources of the native module left out). */
function copyCheckout(): string {
  const root = join(sharedDir(), 'study');
  for (const part of ['package.json', 'bin', 'dist', 'roadmaps', 'data']) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  for (const name of runtimePackages('better-sqlite3')) {
    cpSync(join(ROOT, 'node_modules', name), join(root, 'node_modules', name), {
      recursive: true,
      filter: (src) => !/[\\/]better-sqlite3[\\/](deps|src|build[\\/]Release[\\/](obj|obj\.target|deps))$/.test(src),
    });
  }
  return root;
}

/**
 * node and the checkout, checked (once) to run as the unprivileged user: `study --version`
 * works, and the uid is not 0. Throws with what went wrong when they cannot be made so.
 */
export function unprivileged(): Unprivileged {
  if (ready) return ready;
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' };
  // node runs, sees the shared folder (where folderNotWritable() makes its folders), and says who it is
  const probeScript = `require('node:fs').readdirSync(${JSON.stringify(sharedDir())}); process.stdout.write(String(process.getuid()))`;
  const uidOf = (node: string) => spawnUnprivileged([node, '-e', probeScript], env, '/');
  let node = process.execPath;
  let probe = uidOf(node);
  if (probe.status !== 0) {
    node = join(sharedDir(), 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    probe = uidOf(node);
  }
  if (probe.status !== 0) {
    throw new Error(`node cannot run as uid ${NOBODY} or cannot read ${sharedDir()} (in the temp folder): ${probe.error?.message ?? probe.stderr.trim()}`);
  }
  const uid = Number(probe.stdout);
  if (uid === 0) throw new Error('the command still runs as root: it would pass where a user gets "permission denied"');
  const runs = (root: string) => spawnUnprivileged([node, join(root, 'bin', 'study'), '--version'], env, '/');
  let root = ROOT;
  let version = runs(root);
  if (version.status !== 0) {
    root = copyCheckout();
    version = runs(root);
  }
  if (version.status !== 0) throw new Error(`study does not run as uid ${uid}, even from a copy in ${root}: ${version.stderr.trim()}`);
  ready = { node, root, uid };
  return ready;
}

/** A fresh folder that the unprivileged user can enter and read but not write: mode 0555 (root's own when root runs the tests). */
export function folderNotWritable(): string {
  unprivileged(); // the user can enter the folder it is in
  const dir = mkdtempSync(join(sharedDir(), 'read-only-'));
  chmodSync(dir, 0o555);
  return dir;
}

/** `study ARGS` run by the unprivileged user, in cwd, with only PATH and HOME (cwd) in its environment besides env. */
export function studyUnprivileged(args: readonly string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { node, root } = unprivileged();
  return spawnUnprivileged([node, join(root, 'bin', 'study'), ...args], { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, ...env }, cwd);
}

/**
 * Runs a script as the unprivileged user: `source` (TypeScript; it may import from src/ by
 * absolute path) is bundled with esbuild into a folder the user can read, better-sqlite3
 * left out and loaded from the checkout of unprivileged().
 */
export async function scriptUnprivileged(source: string, args: readonly string[], cwd: string): Promise<SpawnSyncReturns<string>> {
  const { node, root } = unprivileged();
  const sqlite = pathToFileURL(createRequire(join(root, 'package.json')).resolve('better-sqlite3')).href;
  const out = join(mkdtempSync(join(sharedDir(), 'script-')), 'script.mjs');
  chmodSync(dirname(out), 0o755);
  await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'script.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'error',
    plugins: [{ name: 'sqlite-from-checkout', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
  });
  if (!existsSync(out)) throw new Error(`esbuild wrote no ${out}`);
  // the store requires better-sqlite3 at run time (src/store/open.ts): from the checkout's copy
  return spawnUnprivileged([node, out, ...args], { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, NODE_PATH: join(root, 'node_modules') }, cwd);
}
