// The one place where errors become exit codes and messages.
import type { Context } from './context.js';
import { StudyError } from './errors.js';
import { runProgram } from './program.js';
import { safe } from './text.js';

export { systemContext } from './context.js';

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  try {
    return await runProgram(argv, ctx);
  } catch (e) {
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
}
