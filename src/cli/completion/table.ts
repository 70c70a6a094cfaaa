// The completion tree as flat tables, which each shell's script writes as `case` arms:
// subcommands by command path, options by path ('' for the global ones) with the kind of
// value each takes, positional arguments by path and index, and the lists of choices.
import type { CompletionCommand, CompletionOption, CompletionTree, ValueKind } from './types.js';

/** A kind as the scripts name it: a dynamic kind, 'file', 'text', or 'choices-N'. */
export type KindName = string;

export interface Tables {
  readonly name: string;
  /** Every command path: '' (the program), 'leet', 'leet log'. */
  readonly paths: readonly string[];
  readonly subs: readonly { path: string; name: string; description: string }[];
  /** `flag` is '--format' or '-y'; `kind` null for a flag that takes no value. */
  readonly opts: readonly { path: string; flag: string; description: string; kind: KindName | null }[];
  readonly args: readonly { path: string; index: number; variadic: boolean; kind: KindName }[];
  readonly choices: readonly { id: KindName; values: readonly string[] }[];
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkName(name: string, what: string): string {
  if (!NAME_RE.test(name)) throw new RangeError(`completion: ${what} ${JSON.stringify(name)} must be letters, digits, '.', '_' or '-'`);
  return name;
}

/** One line of text, for a description or a choice. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

export function tablesOf(tree: CompletionTree): Tables {
  const paths: string[] = [''];
  const subs: { path: string; name: string; description: string }[] = [];
  const opts: { path: string; flag: string; description: string; kind: KindName | null }[] = [];
  const args: { path: string; index: number; variadic: boolean; kind: KindName }[] = [];
  const choices: { id: KindName; values: readonly string[] }[] = [];

  const kindName = (v: ValueKind): KindName => {
    if (typeof v === 'string') return v;
    const values = v.choices.map(oneLine).filter((c) => c !== '');
    const same = choices.find((c) => c.values.join('\n') === values.join('\n'));
    if (same) return same.id;
    const id = `choices-${choices.length}`;
    choices.push({ id, values });
    return id;
  };
  const addOptions = (path: string, options: readonly CompletionOption[]): void => {
    for (const o of options) {
      const kind = o.value === undefined ? null : kindName(o.value);
      const description = oneLine(o.description);
      opts.push({ path, flag: `--${checkName(o.long, 'option')}`, description, kind });
      if (o.short !== undefined) {
        if (!/^[A-Za-z0-9]$/.test(o.short)) throw new RangeError(`completion: short option ${JSON.stringify(o.short)} must be one letter or digit`);
        opts.push({ path, flag: `-${o.short}`, description, kind });
      }
    }
  };
  const walk = (path: string, commands: readonly CompletionCommand[]): void => {
    for (const c of commands) {
      const p = path ? `${path} ${checkName(c.name, 'command')}` : checkName(c.name, 'command');
      paths.push(p);
      subs.push({ path, name: c.name, description: oneLine(c.description) });
      addOptions(p, c.options ?? []);
      (c.arguments ?? []).forEach((a, index, all) => {
        if (a.variadic && index !== all.length - 1) throw new RangeError(`completion: only the last argument of ${p} may be variadic`);
        args.push({ path: p, index, variadic: a.variadic === true, kind: kindName(a.value) });
      });
      walk(p, c.subcommands ?? []);
    }
  };
  checkName(tree.name, 'program');
  addOptions('', tree.options);
  walk('', tree.commands);
  return { name: tree.name, paths, subs, opts, args, choices };
}

/** A word in single quotes for bash and zsh. */
export const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A word in single quotes for fish (which escapes \ and ' inside them). */
export const fishQuote = (s: string): string => `'${s.replace(/[\\']/g, '\\$&')}'`;

/** The function-name prefix of a program's scripts: '__study'. */
export const prefixOf = (name: string): string => `__${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
