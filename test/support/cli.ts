// Drives the real CLI in-process: string streams, a temp store, a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'study-test-'));
  dirs.push(d);
  return d;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface CliOptions {
  /** The store path (default: none given, so STUDY_DB/XDG from env apply). */
  db?: string;
  /** STUDY_NOW. */
  now?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  tty?: boolean;
  columns?: number;
}

export async function cli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = opts.tty ?? false;
  const ctx: Context = {
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false, columns: opts.columns ?? 80 },
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty ?? false },
    stdin,
    env: {
      HOME: '/nonexistent-home',
      ...(opts.db ? { STUDY_DB: opts.db } : {}),
      ...(opts.now ? { STUDY_NOW: opts.now } : {}),
      ...opts.env,
    },
    cwd: opts.cwd ?? process.cwd(),
    clock: () => new Date('2026-11-23T09:30:00'),
  };
  const code = await main(args, ctx);
  return { code, out, err };
}

/** `cli` with a JSON stdout, parsed; fails the test on a non-zero exit. */
export async function cliJson<T = unknown>(args: readonly string[], opts: CliOptions = {}): Promise<T> {
  const r = await cli(['--json', ...args], opts);
  if (r.code !== 0) throw new Error(`study ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as T;
}
