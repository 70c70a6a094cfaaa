// The tables as shell functions that bash and zsh read alike (`case` and printf), named
// after the program (__study_subs, __study_opts, ...): each prints its answer, one a line.
import { prefixOf, shQuote as q, type Tables } from './table.js';

const lines = (rows: readonly (readonly string[])[]): string => {
  if (rows.length === 0) return ':';
  const fmt = rows[0]!.length === 2 ? `'%s\\t%s\\n'` : `'%s\\n'`;
  return `printf ${fmt} ${rows.map((r) => r.map(q).join(' ')).join(' ')}`;
};

export function posixTables(t: Tables): string {
  const p = prefixOf(t.name);
  const arms = (entries: [string, string][]): string => entries.map(([pattern, body]) => `    ${pattern}) ${body} ;;`).join('\n');

  const subs = t.paths
    .map((path): [string, string] => [q(path), lines(t.subs.filter((s) => s.path === path).map((s) => [s.name, s.description]))])
    .filter(([, body]) => body !== ':');
  const opts = t.paths
    .filter((path) => path !== '')
    .map((path): [string, string] => [q(path), lines(t.opts.filter((o) => o.path === path).map((o) => [o.flag, o.description]))])
    .filter(([, body]) => body !== ':');
  const global = t.opts.filter((o) => o.path === '');
  const kinds = t.opts.filter((o) => o.path !== '' && o.kind !== null).map((o): [string, string] => [q(`${o.path}|${o.flag}`), `echo ${o.kind}; return`]);
  const globalKinds = global.filter((o) => o.kind !== null).map((o): [string, string] => [q(o.flag), `echo ${o.kind}`]);
  const args = t.args.map((a): [string, string] => [a.variadic ? `${q(`${a.path}|`)}*` : q(`${a.path}|${a.index}`), `echo ${a.kind}`]);
  const choices = t.choices.map((c): [string, string] => [q(c.id), lines(c.values.map((v) => [v]))]);

  return `# The subcommands of a command path (name, tab, description).
${p}_subs() {
  case "$1" in
${arms(subs)}
  esac
}

# The options of a command path, then the global ones (flag, tab, description).
${p}_opts() {
  case "$1" in
${arms(opts)}
  esac
  ${lines(global.map((o) => [o.flag, o.description]))}
}

# The kind of value an option takes at a command path; nothing for a flag.
${p}_optkind() {
  case "$1|$2" in
${arms(kinds)}
  esac
  case "$2" in
${arms(globalKinds)}
  esac
}

# The kind of the positional argument N (from 0) of a command path.
${p}_argkind() {
  case "$1|$2" in
${arms(args)}
  esac
}

${p}_choices() {
  case "$1" in
${arms(choices)}
  esac
}

# Candidates from the store: CMD __complete KIND PREFIX (with the --db given on the line).
${p}_dynamic() {
  if [ -n "$4" ]; then
    "$3" --db "$4" __complete "$1" -- "$2" 2>/dev/null
  else
    "$3" __complete "$1" -- "$2" 2>/dev/null
  fi
}
`;
}
