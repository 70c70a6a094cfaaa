// dist/today.mjs: `study` and `study today` (src/today-args.ts says which arguments), in
// one file with nothing else (issue #7: the command typed many times a day starts at the
// floor of Node). dist/study.mjs (src/entry.ts) sends those runs here and every other to
// dist/cli.mjs, the whole program (src/main.ts), as does this file when the store does
// not exist yet or is empty: the first run loads the bundled roadmaps, which needs YAML.
import { existsSync } from 'node:fs';
import { todayWith } from './commands/today.js';
import type { Context } from './context.js';
import { reportError } from './report-error.js';
import { makeRun } from './run.js';
import { todayOptions } from './today-args.js';

export { systemContext } from './context.js';

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  const opts = todayOptions(argv);
  if (opts) {
    try {
      const run = makeRun(ctx, opts);
      try {
        if (existsSync(run.dbPath)) {
          const store = await run.store();
          if (!store.isEmpty()) return await todayWith(run, store);
        }
      } finally {
        run.close();
      }
    } catch (e) {
      return reportError(e, ctx);
    }
  }
  // A specifier esbuild leaves alone: dist/cli.mjs sits beside this file.
  const cli = './cli.mjs';
  const program = (await import(cli)) as typeof import('./main.js');
  return program.main(argv, ctx);
}
