// The command tree: commander, built from the definitions in src/commands/ (each command
// declares its arguments and options once, beside its code). A command's action module is
// imported only when it runs. `study` alone runs `study today`.
import { Argument, Command, Help, Option } from 'commander';
import { COMMANDS } from '../commands/index.js';
import type { CommandDef, OptDef } from './command.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { makeRun, type GlobalOptions, type Run } from './run.js';
import { columnsOf, layOutHelp } from './help-text.js';
import { safe, width } from '../render/text.js';

declare const STUDY_VERSION: string | undefined;
export const VERSION = typeof STUDY_VERSION === 'string' ? STUDY_VERSION : '0.0.0-dev';

const MAIN_HELP = `
The daily loop:
  $ study                      today's agenda (the same as study today)
  $ study done monolith        mark what you finished (an id, or words of it)
  $ study leet log two-sum     log the day's LeetCode problem
  $ study report               the week: what you did, each plan against it

To begin:
  $ study start system-architecture-12w
  $ study import my-plan.md --load

The store is ~/.local/share/study/study.db unless --db, STUDY_DB or
XDG_DATA_HOME say otherwise. The manual: docs/ in the study folder.
`;

/** Columns a description of an option or command needs beside it, else it goes under it. */
const NARROWEST_DESCRIPTION = 24;

/** What running the program produced: the exit code, and the run (to close) if a command started one. */
export interface Outcome {
  code: number;
  run?: Run;
}

/** commander's messages, said as study says the others: options by their names. */
function reword(message: string): string {
  return message
    .replace(/^option '(-[\w-]+)[^']*' cannot be used with option '(-[\w-]+)[^']*'/, '$1 and $2 cannot be used together')
    .replace(/^option '(-[\w-]+)[^']*' argument missing/, '$1: a value is missing')
    .replace(/^command-argument value '(.*)' is invalid for argument '([\w-]+)'\. Allowed choices are (.*)\.(\n?)$/s, (_, value: string, name: string, list: string, end: string) =>
      `${name.toUpperCase()}: expected ${orList(list.split(', '))}, got "${value}"${end}`,
    );
}

/** The words of a list: 'a, b or c'. */
const orList = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * A commander Option from its definition. Values are checked by the definition's parser,
 * or against its choices (case-insensitive), and a bad one is a usage error worded as
 * study words them: `--date: expected a date YYYY-MM-DD that exists, got "2026-02-30"`.
 */
function optionOf(def: OptDef): Option {
  const option = new Option(def.flags, def.description);
  const name = option.long ?? option.short ?? def.flags;
  const choices = def.choices;
  const parse =
    def.parse ??
    (choices
      ? (value: string): string => {
          const v = value.trim().toLowerCase();
          if (!choices.includes(v)) throw new UsageError(`expected ${orList(choices)}, got "${safe(value)}"`);
          return v;
        }
      : undefined);
  if (parse) {
    option.argParser((value: string) => {
      try {
        return parse(value);
      } catch (e) {
        if (e instanceof UsageError) throw new UsageError(`${name}: ${e.message}`);
        throw e;
      }
    });
  }
  // Listed in --help (commander shows them); checked by the parser above.
  if (choices) option.argChoices = [...choices];
  if (def.default !== undefined) option.default(def.default);
  if (def.conflicts) option.conflicts([...def.conflicts]);
  return option;
}

/** Options declared but not yet made, per command (see fillOptions). */
const pendingOptions = new WeakMap<Command, readonly OptDef[]>();
/** Commands whose subcommands get their options when dispatched to. */
const hooked = new WeakSet<Command>();

/** Makes the options a command declares, once; returns the command. */
function fillOptions(cmd: Command): Command {
  const defs = pendingOptions.get(cmd);
  if (defs) {
    pendingOptions.delete(cmd);
    for (const o of defs) cmd.addOption(optionOf(o));
  }
  return cmd;
}

/** The program with every command's options made (for what reads the whole tree: shell completion). */
export function withAllOptions(program: Command): Command {
  fillOptions(program);
  for (const sub of program.commands) withAllOptions(sub);
  return program;
}

/** The program for one invocation: streams, help width and the outcome bound to `ctx`. */
export function buildProgram(ctx: Context, outcome: Outcome): Command {
  const columns = columnsOf(ctx);
  const program = new Command('study');

  const wrapped = (text: string) => (): string => layOutHelp(text, columns);
  // An option or command and its description side by side; on a narrow terminal, where
  // that leaves the description too little room, the description goes under it.
  const formatItem = (term: string, termWidth: number, description: string, helper: Help): string => {
    const room = columns - termWidth - 4;
    const longestWord = Math.max(...description.split(/\s+/).map(width));
    if (!description || (room >= NARROWEST_DESCRIPTION && longestWord <= room)) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    return `  ${term}\n${helper.boxWrap(description, columns - 6).replace(/^/gm, '      ')}`;
  };
  // The usage line, wrapped under itself when it is too long ('Usage: ' is 7 columns).
  const styleUsage = (usage: string): string => Object.assign(new Help(), { minWidthToWrap: 12 }).boxWrap(usage, columns - 7).replace(/\n/g, '\n       ');
  // A command's line in its parent's help says '[options]' when it has some: made first.
  const subcommandTerm = (cmd: Command): string => Help.prototype.subcommandTerm.call(new Help(), fillOptions(cmd));
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureHelp({ helpWidth: columns, minWidthToWrap: 12, showGlobalOptions: true, displayWidth: width, formatItem, styleUsage, subcommandTerm })
      .configureOutput({
        writeOut: (s) => void ctx.stdout.write(s),
        writeErr: (s) => void ctx.stderr.write(s),
        getOutHelpWidth: () => columns,
        getErrHelpWidth: () => columns,
        // commander quotes what was typed (an unknown command or option): neutralised, line by line
        outputError: (s, write) => write(`study: ${reword(s.replace(/^error: /, '')).split('\n').map(safe).join('\n')}`),
      })
      .showSuggestionAfterError(true);

  const start = async (def: CommandDef, cmd: Command): Promise<void> => {
    const args = cmd.processedArgs.flatMap((a: unknown) => (a === undefined ? [] : Array.isArray(a) ? a.map(String) : [String(a)]));
    const run = makeRun(ctx, program.opts<GlobalOptions>());
    outcome.run = run;
    const { default: action } = await def.action!();
    outcome.code = await (action as (r: Run, a: string[], o: Record<string, unknown>) => Promise<number>)(run, args, cmd.opts());
  };

  const add = (parent: Command, def: CommandDef): Command => {
    const cmd = configure(new Command(def.name)).description(def.summary);
    // Options are made when the command runs or its help is shown (commander's
    // preSubcommand hook, or withAllOptions): a run builds the options of one command.
    if (def.options?.length) pendingOptions.set(cmd, def.options);
    for (const a of def.args ?? []) {
      const arg = new Argument(a.required ? `<${a.name}>` : `[${a.name}]`, a.description ?? '');
      if (a.choices) arg.choices([...a.choices]);
      cmd.addArgument(arg);
    }
    if (def.aliases) cmd.aliases([...def.aliases]);
    if (def.help) cmd.addHelpText('after', wrapped(def.help));
    if (def.group) cmd.helpGroup(def.group);
    if (!hooked.has(parent)) {
      parent.hook('preSubcommand', (_parent, sub) => void fillOptions(sub));
      hooked.add(parent);
    }
    parent.addCommand(cmd, { hidden: def.hidden === true });
    for (const sub of def.subcommands ?? []) add(cmd, sub);
    if (def.action) cmd.action(async (...params: unknown[]) => start(def, params[params.length - 1] as Command));
    return cmd;
  };

  configure(program)
    .description('A study-plan manager: roadmaps in YAML, progress in a local SQLite store.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--db <path>', 'the store file (default: $STUDY_DB, else ~/.local/share/study/study.db)'))
    .option('--json', 'machine-readable output on stdout')
    .option('--no-color', 'plain text (also: NO_COLOR=1)')
    .addHelpText('after', wrapped(MAIN_HELP))
    .allowExcessArguments();
  for (const def of COMMANDS) add(program, def);

  // `study` alone (or with only global options) is `study today`; an unknown word is an unknown command.
  const today = COMMANDS.find((c) => c.name === 'today')!;
  program.action(async (_opts: unknown, self: Command) => {
    // commander's own message, with its suggestion ('Did you mean ...?'); not in its typings
    if (self.args.length > 0) (self as unknown as { unknownCommand(): never }).unknownCommand();
    await start(today, self);
  });
  return program;
}
