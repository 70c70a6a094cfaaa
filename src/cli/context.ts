// What a run of `study` gets from the outside world. The real one wraps `process`;
// tests build their own with string buffers, an env and a fixed clock.
import type { Readable } from 'node:stream';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Context {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The real clock; STUDY_NOW in `env` overrides it. */
  readonly clock: () => Date;
}

export function systemContext(): Context {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // made on first use: Node builds process.stdin as a stream of its kind (a file, a pipe,
    // a terminal), loading the stream, fs/promises and readline modules (3 ms of a start),
    // and only the prompts and `import -` read it
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    clock: () => new Date(),
  };
}
