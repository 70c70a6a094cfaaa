// What shell completion knows of the command line: a plain tree of commands, their
// options and arguments, and the kind of value each takes. The lead builds it from the
// commander program (or by hand); completionScript turns it into a bash, zsh or fish script.

/**
 * Values that only the store knows: the script asks `study __complete KIND PREFIX`, which
 * prints one candidate a line, optionally followed by a tab and a description.
 */
export type DynamicKind = 'roadmap' | 'plan' | 'task' | 'problem' | 'setting' | 'habit';

/**
 * What a value is: a dynamic kind; 'file' (a path: completed by the shell); 'text'
 * (anything: nothing is offered); or fixed choices.
 */
export type ValueKind = DynamicKind | 'file' | 'text' | { readonly choices: readonly string[] };

export interface CompletionOption {
  /** The long name without dashes: 'format' for --format. */
  readonly long: string;
  /** The short name without the dash: 'y' for -y. */
  readonly short?: string;
  readonly description: string;
  /** The kind of its value; absent for a flag, which takes none. */
  readonly value?: ValueKind;
}

export interface CompletionArgument {
  readonly name: string;
  readonly value: ValueKind;
  /** Takes every remaining word (`done <tasks...>`); only the last argument may. */
  readonly variadic?: boolean;
}

export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly options?: readonly CompletionOption[];
  /** Its positional arguments, in order. */
  readonly arguments?: readonly CompletionArgument[];
  /** Nested commands (`leet log`), offered before any positional argument. */
  readonly subcommands?: readonly CompletionCommand[];
}

export interface CompletionTree {
  /** The program's name: 'study'. */
  readonly name: string;
  /** Options that every command takes (--db, --json, --no-color, --help). */
  readonly options: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
}

export type Shell = 'bash' | 'zsh' | 'fish';
