// A bundle of one command (dist/done.mjs, dist/report.mjs, dist/streak.mjs; issue #7):
// `study done`, `study report` and `study streak` run here, without the command tree,
// when src/fast-args.ts reads their arguments as program.ts would. Everything else goes to
// the whole program (dist/cli.mjs) with the same arguments: other arguments (help, a
// usage error commander words), a store that does not exist yet (a first run creates it
// and loads the bundled roadmaps), and a run that needs a part this bundle leaves out
// (src/fast/needs-program.ts), which throws before anything is written.
import { existsSync } from 'node:fs';
import type { Context } from '../context.js';
import { fastArgs, type FastCommand } from '../fast-args.js';
import { reportError } from '../report-error.js';
import { makeRun, type Run } from '../run.js';
import { NeedsProgram } from './needs-program.js';

export { systemContext } from '../context.js';

export type Action = (run: Run, args: string[], opts: Record<string, unknown>) => Promise<number>;

export async function fastMain(argv: readonly string[], ctx: Context, command: FastCommand, action: Action): Promise<number> {
  const parsed = fastArgs(argv);
  if (parsed?.command === command) {
    try {
      const run = makeRun(ctx, parsed.globals);
      try {
        if (existsSync(run.dbPath)) return await action(run, parsed.args, parsed.opts);
      } finally {
        run.close();
      }
    } catch (e) {
      if (!(e instanceof NeedsProgram)) return reportError(e, ctx);
    }
  }
  // A specifier esbuild leaves alone: dist/cli.mjs sits beside this file.
  const cli = './cli.mjs';
  const program = (await import(cli)) as typeof import('../main.js');
  return program.main(argv, ctx);
}
