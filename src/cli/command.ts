// How a command is declared: once, in its own folder (src/commands/NAME/index.ts), as
// plain data: its arguments, its options (with their choices, parsers and conflicts), its
// help and examples, and its action, imported only when the command runs. The program
// (src/cli/program.ts) builds commander's tree from these; completion reads them too.
import type { Run } from './run.js';

/** What a value is, for shell completion (src/cli/completion). */
export type CompleteKind = 'roadmap' | 'plan' | 'task' | 'problem' | 'setting' | 'habit' | 'file' | 'date' | 'week' | 'none';

/** A kind, or fixed words to offer (that the command checks itself). */
export type CompleteValue = CompleteKind | { readonly choices: readonly string[] };

export interface ArgDef {
  /** As commander writes it: `task`; `tasks...` takes one or more. */
  readonly name: string;
  readonly required?: boolean;
  readonly description?: string;
  /** The values it accepts (commander checks them and lists them in errors and help). */
  readonly choices?: readonly string[];
  /**
   * What to complete. For an argument that takes several words (`args...`), a list gives
   * the kind of each word in turn, the last one for the rest: `config get|set KEY VALUE`.
   */
  readonly complete?: CompleteValue | readonly CompleteValue[];
}

export interface OptDef {
  /** As commander writes it: `--date <day>`, `-y, --yes`. */
  readonly flags: string;
  readonly description: string;
  /** The values it accepts (commander checks them and lists them in errors and help). */
  readonly choices?: readonly string[];
  /** Turns the text into the value, or throws a UsageError-like InvalidArgumentError. */
  readonly parse?: (value: string) => unknown;
  readonly default?: unknown;
  /** Options it cannot be given with (their attribute names, e.g. `date`). */
  readonly conflicts?: readonly string[];
  readonly complete?: CompleteKind;
}

/** What a command's action gets: its arguments (variadic ones as arrays) and its options, parsed. */
export type Action<O = Record<string, unknown>> = (run: Run, args: string[], opts: O) => Promise<number>;

export interface CommandDef {
  readonly name: string;
  readonly summary: string;
  readonly args?: readonly ArgDef[];
  readonly options?: readonly OptDef[];
  /** Text after the options in `--help`: what it does in detail, and examples. */
  readonly help?: string;
  /** The heading it is listed under in `study --help`. */
  readonly group?: string;
  readonly hidden?: boolean;
  readonly aliases?: readonly string[];
  /** The action, loaded when the command runs. A command with subcommands has none. */
  readonly action?: () => Promise<{ default: Action<never> }>;
  readonly subcommands?: readonly CommandDef[];
}
