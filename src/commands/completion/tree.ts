// The completion tree of study: commander's program as --help shows it (commands, options,
// arguments, choices; hidden commands left out), and from each command's definition what
// commander cannot know: the kind of a free value (ArgDef.complete, OptDef.complete).
import { Option } from 'commander';
import type { CommandDef, CompleteValue } from '../../cli/command.js';
import { treeFromCommander, type CompletionTree, type ValueKind } from '../../cli/completion/index.js';
import type { Context } from '../../cli/context.js';
import { buildProgram, withAllOptions } from '../../cli/program.js';
import { COMMANDS } from '../index.js';

/** A definition's kind as completion has it: dates, weeks and the like are free text. */
function valueKind(c: CompleteValue): ValueKind {
  if (typeof c !== 'string') return { choices: c.choices };
  return c === 'date' || c === 'week' || c === 'none' ? 'text' : c;
}

/** The definition at a command path ('leet log'). */
function defAt(path: string): CommandDef | undefined {
  let defs: readonly CommandDef[] = COMMANDS;
  let def: CommandDef | undefined;
  for (const name of path.split(' ')) {
    def = defs.find((d) => d.name === name);
    if (!def) return undefined;
    defs = def.subcommands ?? [];
  }
  return def;
}

function kindOf(path: string, name: string): ValueKind | readonly ValueKind[] | undefined {
  if (path === '') return name === '--db' ? 'file' : undefined;
  const def = defAt(path);
  if (name.startsWith('-')) {
    const opt = def?.options?.find((o) => new Option(o.flags).long === name);
    return opt?.complete === undefined ? undefined : valueKind(opt.complete);
  }
  const arg = def?.args?.find((a) => a.name.replace(/\.\.\.$/, '') === name);
  const c = arg?.complete;
  if (c === undefined) return undefined;
  return Array.isArray(c) ? (c as readonly CompleteValue[]).map(valueKind) : valueKind(c as CompleteValue);
}

export function completionTree(ctx: Context): CompletionTree {
  return treeFromCommander(withAllOptions(buildProgram(ctx, { code: 0 })), kindOf);
}
