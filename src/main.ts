// The program: argv and a context in, an exit code out; errors become messages here
// (src/report-error.ts).
import type { Context } from './context.js';
import { fastArgs } from './fast-args.js';
import { reportError } from './report-error.js';
import { makeRun } from './run.js';
import { todayOptions } from './today-args.js';

export { systemContext } from './context.js';
export { todayOptions } from './today-args.js';

/** The commands with bundles of their own (src/fast/), loaded when they run. */
const FAST = {
  done: () => import('./commands/done.js'),
  report: () => import('./commands/report.js'),
  streak: () => import('./commands/streak.js'),
} as const;

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
    // `study done`, `report` and `streak` in their plain forms (src/fast-args.ts): straight
    // to the command too, as their own bundles (src/fast/) run them.
    const fast = fastArgs(argv);
    if (fast) {
      const run = makeRun(ctx, fast.globals);
      try {
        const { default: command } = await FAST[fast.command]();
        return await command(run, fast.args, fast.opts as never);
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
