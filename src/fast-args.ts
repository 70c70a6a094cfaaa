// Whether the arguments ask for `study done`, `study report` or `study streak` in a form
// that needs no command tree (issue #7: like `study today`, they have bundles of their
// own, src/fast/). Anything else is left to program.ts and commander, with their messages.
import type { GlobalOptions } from './run.js';

export type FastCommand = 'done' | 'report' | 'streak';

interface Spec {
  /** Options that take a value (`--date D`). */
  readonly values: readonly string[];
  /** Options without one (`--undo`). */
  readonly flags: readonly string[];
  /** Whether the command takes arguments (one or more) or none. */
  readonly args: boolean;
  /** Defaults commander gives. */
  readonly defaults: Readonly<Record<string, string>>;
}

/** The options of each command as program.ts declares them. */
const SPECS: Readonly<Record<FastCommand, Spec>> = {
  done: { values: ['--date'], flags: ['--undo'], args: true, defaults: {} },
  report: { values: ['--week', '--date', '--format'], flags: [], args: false, defaults: { format: 'text' } },
  streak: { values: ['--weeks', '--habit'], flags: [], args: false, defaults: {} },
};

export interface FastArgs {
  readonly command: FastCommand;
  readonly globals: GlobalOptions;
  readonly args: string[];
  readonly opts: Record<string, unknown>;
}

/**
 * The command, global options, arguments and options, as program.ts would hand them to
 * the command, when the arguments are plainly one of the fast commands: the command
 * name, then its arguments and options; --json, --no-color and `--db PATH` anywhere; each
 * option at most once, in the `--name value` form, with a value that does not start with
 * '-'. Anything else (help, `--name=value`, an unknown option, `--`, a repeated option, a
 * missing or extra argument) is null: commander parses it, with its messages.
 */
export function fastArgs(argv: readonly string[]): FastArgs | null {
  const globals: GlobalOptions = {};
  let command: FastCommand | null = null;
  const args: string[] = [];
  const opts: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const hasValue = next !== undefined && !next.startsWith('-');
    if (a === '--json' && globals.json === undefined) globals.json = true;
    else if (a === '--no-color' && globals.color === undefined) globals.color = false;
    else if (a === '--db' && globals.db === undefined && hasValue) globals.db = argv[++i]!;
    else if (a.startsWith('-')) {
      if (command === null) return null;
      const spec = SPECS[command];
      const name = a.slice(2);
      if (!a.startsWith('--') || name in opts) return null;
      if (spec.flags.includes(a)) opts[name] = true;
      else if (spec.values.includes(a) && hasValue) opts[name] = argv[++i]!;
      else return null;
    } else if (command === null) {
      if (!Object.hasOwn(SPECS, a)) return null;
      command = a as FastCommand;
    } else if (SPECS[command].args) args.push(a);
    else return null;
  }
  if (command === null || (SPECS[command].args && args.length === 0)) return null;
  return { command, globals, args, opts: { ...SPECS[command].defaults, ...opts } };
}
