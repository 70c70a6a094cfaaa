// A CompletionTree read from a commander program, so that help and completion come from
// the same declarations: commands, options and arguments as commander has them (hidden
// ones left out), choices from .choices(); what commander cannot know, the kind of a free
// value (a roadmap id, a task, a file), comes from `kindOf`.
import type { Command } from 'commander';
import type { CompletionArgument, CompletionCommand, CompletionOption, CompletionTree, ValueKind } from './types.js';

/**
 * The kind of the value of an option ('--format') or argument ('<roadmap>' by its name,
 * 'roadmap') at a command path ('leet log'); undefined for free text. For an argument
 * that takes several words, a list gives the kind of each word in turn (the last one for
 * the rest).
 */
export type KindOf = (path: string, name: string) => ValueKind | readonly ValueKind[] | undefined;

const one = (kind: ValueKind | readonly ValueKind[] | undefined): ValueKind | undefined => (Array.isArray(kind) ? kind[0] : (kind as ValueKind | undefined));

function options(cmd: Command, path: string, kindOf: KindOf): CompletionOption[] {
  return cmd
    .createHelp()
    .visibleOptions(cmd)
    .filter((o) => o.long !== undefined)
    .map((o) => {
      const takesValue = o.required || o.optional;
      const value: ValueKind | undefined = !takesValue ? undefined : o.argChoices ? { choices: o.argChoices } : (one(kindOf(path, o.long!)) ?? 'text');
      return {
        long: o.long!.replace(/^--/, ''),
        ...(o.short ? { short: o.short.replace(/^-/, '') } : {}),
        description: o.description,
        ...(value ? { value } : {}),
      };
    });
}

function command(cmd: Command, path: string, kindOf: KindOf, global: ReadonlySet<string>): CompletionCommand {
  const subs = cmd.createHelp().visibleCommands(cmd).filter((c) => c.name() !== 'help');
  return {
    name: cmd.name(),
    description: cmd.summary() || cmd.description(),
    // Every command's own --help is the program's, offered once.
    options: options(cmd, path, kindOf).filter((o) => !global.has(o.long)),
    arguments: cmd.registeredArguments.flatMap((a): CompletionArgument[] => {
      const variadic = a.variadic ? { variadic: true } : {};
      if (a.argChoices) return [{ name: a.name(), value: { choices: a.argChoices }, ...variadic }];
      const kind = kindOf(path, a.name());
      if (!Array.isArray(kind)) return [{ name: a.name(), value: one(kind) ?? 'text', ...variadic }];
      const kinds = kind as readonly ValueKind[];
      return kinds.map((value, i) => ({ name: `${a.name()}-${i + 1}`, value, ...(i === kinds.length - 1 ? variadic : {}) }));
    }),
    subcommands: subs.map((c) => command(c, `${path} ${c.name()}`, kindOf, global)),
  };
}

export function treeFromCommander(program: Command, kindOf: KindOf): CompletionTree {
  const global = options(program, '', kindOf);
  const longs = new Set(global.map((o) => o.long));
  return {
    name: program.name(),
    options: global,
    commands: program
      .createHelp()
      .visibleCommands(program)
      .filter((c) => c.name() !== 'help')
      .map((c) => command(c, c.name(), kindOf, longs)),
  };
}
