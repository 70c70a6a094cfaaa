// What a run that failed says and returns: one line per problem for a StudyError (exit
// code of the error), a cancelled prompt, or an internal error (a bug). Shared by
// src/main.ts and the bundle of `study today` (src/today-entry.ts).
import type { Context } from './context.js';
import { StudyError } from './errors.js';
import { safe } from './text.js';

export function reportError(e: unknown, ctx: Context): number {
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
