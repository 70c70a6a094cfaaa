// Whether the arguments ask for `study today` and nothing else (issue #7: the command
// typed many times a day has a bundle of its own, src/today-entry.ts).
import type { GlobalOptions } from './run.js';

/**
 * The global options of `study [today]` when that is all the arguments say: `today` at
 * most once, and --json, --no-color and `--db PATH` each at most once, in any order, as
 * program.ts reads them. Anything else (help, another command, an option given twice, a
 * value that looks like an option) is null: program.ts parses it, with its messages.
 */
export function todayOptions(argv: readonly string[]): GlobalOptions | null {
  const opts: GlobalOptions = {};
  let today = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === 'today' && !today) today = true;
    else if (a === '--json' && opts.json === undefined) opts.json = true;
    else if (a === '--no-color' && opts.color === undefined) opts.color = false;
    else if (a === '--db' && opts.db === undefined && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) opts.db = argv[++i]!;
    else return null;
  }
  return opts;
}
