// Runs a command on a real pseudo-terminal and types into it, for the tests of the prompts
// (@inquirer) that only appear on a terminal. The terminal comes from script(1) of
// util-linux (Debian: bsdutils, an essential package, so it is on every Debian machine):
// `script -q -e -c CMD /dev/null` runs CMD on a new pty, copies what this process writes to
// its stdin to the terminal (the keys), copies the screen to its stdout, and exits with
// CMD's exit code. No python and no native module are needed; a machine without script(1)
// fails these tests with a message that says so, it never skips them.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

/** One step of a session: wait until the screen shows `waitFor` (after what the previous steps saw; '' waits for nothing), pause, type `keys`. */
export type PtyStep = readonly [waitFor: string, keys: string];

export interface PtyOptions {
  env: Record<string, string>;
  rows?: number;
  columns?: number;
  /** How long to wait for each `waitFor`, and for the command to exit after the last keys (ms). */
  timeoutMs?: number;
  /** The pause before typing each step's keys (ms): the prompt has rendered and listens. */
  pauseMs?: number;
}

export interface PtyResult {
  /** The command's exit code. */
  code: number | null;
  /** Everything the terminal showed (stdout and stderr of the command, and the echo of the keys). */
  screen: string;
}

/** A word for `sh -c`, quoted. */
function shellWord(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs argv on a pty of rows x columns (24 x 80), goes through the steps, then waits for
 * the command to exit. Rejects with the screen so far when a step's text never shows, when
 * the command does not exit, or when script(1) is missing.
 */
export async function onPty(argv: readonly string[], steps: readonly PtyStep[], opts: PtyOptions): Promise<PtyResult> {
  const { rows = 24, columns = 80, timeoutMs = 20_000, pauseMs = 300 } = opts;
  // script runs CMD with $SHELL -c; the pty it makes has no size until stty gives it one.
  const cmd = `stty rows ${rows} cols ${columns} && exec ${argv.map(shellWord).join(' ')}`;
  const child = spawn('script', ['-q', '-e', '-c', cmd, '/dev/null'], {
    env: { ...opts.env, SHELL: '/bin/sh' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let errors = '';
  const decoder = new StringDecoder('utf8');
  const changed = new Set<() => void>();
  const notify = () => changed.forEach((f) => f());
  child.stdout.on('data', (d: Buffer) => {
    screen += decoder.write(d);
    notify();
  });
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  child.stdin.on('error', () => {}); // the terminal went away while keys were on their way: the screen tells
  const state: { exit: { code: number | null; signal: NodeJS.Signals | null } | null; failed: Error | null } = { exit: null, failed: null };
  const exited = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      state.failed =
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error('script(1) is not installed: the terminal tests need it to make a pseudo-terminal (Debian: apt-get install bsdutils)')
          : e;
      notify();
      resolve();
    });
    child.on('close', (code, signal) => {
      state.exit = { code, signal };
      notify();
      resolve();
    });
  });
  /** Resolves when pred() holds; rejects after timeoutMs or when the command ends first. */
  const until = (what: string, pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (state.failed) return done(state.failed);
        if (pred()) return done();
        if (state.exit) return done(new Error(`the command exited (${state.exit.code ?? state.exit.signal}) before the terminal showed ${JSON.stringify(what)}`));
      };
      const timer = setTimeout(() => done(new Error(`the terminal did not show ${JSON.stringify(what)} within ${timeoutMs} ms`)), timeoutMs);
      const done = (e?: Error) => {
        clearTimeout(timer);
        changed.delete(check);
        if (e) reject(e);
        else resolve();
      };
      changed.add(check);
      check();
    });

  try {
    let mark = 0;
    for (const [waitFor, keys] of steps) {
      const from = mark;
      await until(waitFor, () => screen.indexOf(waitFor, from) >= 0);
      mark = screen.length;
      await sleep(pauseMs);
      child.stdin.write(keys);
    }
    await until('the command exit', () => state.exit !== null);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${(e as Error).message}\n--- script(1) stderr:\n${errors}--- the terminal showed:\n${screen}`, { cause: e });
  } finally {
    child.stdin.end();
  }
  const { code, signal } = state.exit!;
  if (signal) throw new Error(`script(1) was killed by ${signal}\n--- the terminal showed:\n${screen}`);
  return { code, screen: screen + decoder.end() };
}
