// The program: argv and a context in, an exit code out; errors become messages here
// (src/report-error.ts).
import type { Context } from './context.js';
import { reportError } from './report-error.js';
import { makeRun } from './run.js';
import { todayOptions } from './today-args.js';

export { systemContext } from './context.js';
export { todayOptions } from './today-args.js';

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  try {
    const today = todayOptions(argv);
    if (today) {
      // `study` / `study today`, typed many times a day: straight to the command, without
      // building the command tree (issue #7). Everything else goes through program.ts.
      const run = makeRun(ctx, today);
      try {
        const { default: todayCommand } = await import('./commands/today.js');
        return await todayCommand(run);
      } finally {
        run.close();
      }
    }
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, ctx);
  } catch (e) {
    return reportError(e, ctx);
  }
}
