// The entry: argv and a context in, an exit code out. The one place where errors become
// messages and exit codes: an expected error (StudyError) is its message and code, a
// usage error commander found is 2, Ctrl-C at a prompt is 130, an error of SQLite or of
// the file system is what it means for the store (store/errors.ts: exit 1), anything else
// is a bug.
import { CommanderError } from 'commander';
import type { Context } from './context.js';
import { StudyError } from './errors.js';
import { buildProgram, type Outcome } from './program.js';
import { safe } from '../render/text.js';
import { storeError } from '../store/errors.js';

export { systemContext } from './context.js';

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  const outcome: Outcome = { code: 0 };
  try {
    await buildProgram(ctx, outcome).parseAsync([...argv], { from: 'user' });
    return outcome.code;
  } catch (e) {
    return reportError(e, ctx, outcome.run?.dbPath);
  } finally {
    outcome.run?.close();
  }
}

/** What a run that failed says on stderr, and its exit code. `dbPath`: the store the run used, if it got that far. */
export function reportError(e: unknown, ctx: Context, dbPath?: string): number {
  if (e instanceof CommanderError) {
    // commander has written its message (src/cli/program.ts outputError) or the help.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    return 2;
  }
  const known = e instanceof StudyError ? e : storeError(e, dbPath ?? 'the store');
  if (known) {
    if (ctx.env.STUDY_DEBUG === '1' && !(e instanceof StudyError) && e instanceof Error) ctx.stderr.write(`${e.stack ?? e.message}\n`);
    e = known;
  }
  if (e instanceof StudyError) {
    // One line per problem, each neutralised: messages quote untrusted text.
    for (const line of e.message.split('\n')) ctx.stderr.write(`study: ${safe(line)}\n`);
    return e.exitCode;
  }
  // @inquirer/prompts throws this on Ctrl-C: nothing has been written yet.
  if (e instanceof Error && e.name === 'ExitPromptError') {
    ctx.stderr.write('study: cancelled\n');
    return 130;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  if (ctx.env.STUDY_DEBUG === '1') ctx.stderr.write(`${err.stack ?? err.message}\n`);
  ctx.stderr.write(`study: internal error: ${safe(err.message)} (this is a bug; STUDY_DEBUG=1 shows the stack)\n`);
  return 1;
}
