// dist/study.mjs, what bin/study runs: `study` and `study today` go to dist/today.mjs (one
// file, src/today-entry.ts); `study done`, `report` and `streak` in their plain forms
// (src/fast-args.ts) to dist/done.mjs, report.mjs, streak.mjs (one file each, src/fast/);
// everything else to dist/cli.mjs (src/main.ts, each command loaded when it runs). See
// scripts/build-options.mjs.
import type { Context } from './context.js';
import { fastArgs } from './fast-args.js';
import { todayOptions } from './today-args.js';

export { systemContext } from './context.js';

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  // Specifiers esbuild leaves alone: both files sit beside this one.
  const target = todayOptions(argv) ? './today.mjs' : `./${fastArgs(argv)?.command ?? 'cli'}.mjs`;
  const entry = (await import(target)) as typeof import('./main.js');
  return entry.main(argv, ctx);
}
