// Prompts (@inquirer/prompts) write to a Node stream; the context's streams may be plain
// writers (tests). Loaded only by commands that ask.
import { Writable } from 'node:stream';
import type { Run } from './run.js';

/** Where a prompt writes: stdout, or stderr when stdout carries --json. */
export function promptOutput(run: Run): NodeJS.WritableStream {
  const target = run.json ? run.ctx.stderr : run.ctx.stdout;
  if (target instanceof Writable) return target;
  return new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      target.write(String(chunk));
      cb();
    },
  });
}
