// The fish completion script: one function reads the command line (fish gives its tokens
// unquoted) and prints candidates as "value<TAB>description"; fish matches them, shows
// the descriptions and escapes what it inserts (a title with spaces is one word).
import { fishQuote as q, prefixOf, type Tables } from './table.js';

const lines = (rows: readonly (readonly string[])[]): string => {
  if (rows.length === 0) return 'true';
  const fmt = rows[0]!.length === 2 ? `'%s\\t%s\\n'` : `'%s\\n'`;
  return `printf ${fmt} ${rows.map((r) => r.map(q).join(' ')).join(' ')}`;
};

function fn(name: string, subject: string, arms: [string, string][], after = ''): string {
  const body = arms.map(([pattern, action]) => `        case ${pattern}\n            ${action}`).join('\n');
  return `function ${name}\n    switch ${subject}\n${body}\n    end${after ? `\n    ${after}` : ''}\nend\n`;
}

export function fishScript(t: Tables): string {
  const p = prefixOf(t.name);
  const subs = t.paths
    .map((path): [string, string] => [q(path), lines(t.subs.filter((s) => s.path === path).map((s) => [s.name, s.description]))])
    .filter(([, body]) => body !== 'true');
  const opts = t.paths
    .filter((path) => path !== '')
    .map((path): [string, string] => [q(path), lines(t.opts.filter((o) => o.path === path).map((o) => [o.flag, o.description]))])
    .filter(([, body]) => body !== 'true');
  const global = t.opts.filter((o) => o.path === '');
  const kinds = t.opts.filter((o) => o.path !== '' && o.kind !== null).map((o): [string, string] => [q(`${o.path}|${o.flag}`), `echo ${o.kind}; return`]);
  const globalKinds = global.filter((o) => o.kind !== null).map((o): [string, string] => [q(o.flag), `echo ${o.kind}`]);
  // A quoted * in a fish `case` is a wildcard.
  const args = t.args.map((a): [string, string] => [q(a.variadic ? `${a.path}|*` : `${a.path}|${a.index}`), `echo ${a.kind}`]);
  const choices = t.choices.map((c): [string, string] => [q(c.id), lines(c.values.map((v) => [v]))]);

  return `# fish completion for ${t.name} (made by \`${t.name} completion fish\`)
${fn(`${p}_subs`, '"$argv[1]"', subs)}
${fn(`${p}_opts`, '"$argv[1]"', opts, lines(global.map((o) => [o.flag, o.description])))}
function ${p}_optkind
    switch "$argv[1]|$argv[2]"
${kinds.map(([pattern, action]) => `        case ${pattern}\n            ${action}`).join('\n')}
    end
    switch "$argv[2]"
${globalKinds.map(([pattern, action]) => `        case ${pattern}\n            ${action}`).join('\n')}
    end
end

${fn(`${p}_argkind`, '"$argv[1]|$argv[2]"', args)}
${fn(`${p}_choices`, '"$argv[1]"', choices)}
# Candidates from the store: CMD __complete KIND PREFIX (with the --db given on the line).
function ${p}_dynamic
    if test -n "$argv[4]"
        command $argv[3] --db $argv[4] __complete $argv[1] -- $argv[2] 2>/dev/null
    else
        command $argv[3] __complete $argv[1] -- $argv[2] 2>/dev/null
    end
end

function ${p}_complete
    set -l w (commandline -opc)
    set -l prefix (commandline -ct | string trim -l -c '\\'"' | string replace -a '\\\\ ' ' ')
    set -l cmd $w[1]
    set -l cpath ''
    set -l npos 0
    set -l expect ''
    set -l dd 0
    set -l db ''
    set -l wantdb 0
    for word in $w[2..-1]
        if test -n "$expect"
            test $wantdb = 1; and set db $word
            set expect ''
            set wantdb 0
            continue
        end
        if test $dd = 0; and string match -q -- '-?*' $word
            if test "$word" = --
                set dd 1
                continue
            end
            if string match -q -- '--db=*' $word
                set db (string replace -- '--db=' '' $word)
                continue
            end
            string match -q -- '*=*' $word; and continue
            set -l k (${p}_optkind "$cpath" $word)
            if test -n "$k"
                set expect $k
                test "$word" = --db; and set wantdb 1
            end
            continue
        end
        if test $npos = 0; and contains -- $word (${p}_subs "$cpath" | string replace -r '\\t.*' '')
            if test -z "$cpath"
                set cpath $word
            else
                set cpath "$cpath $word"
            end
            continue
        end
        set npos (math $npos + 1)
    end

    set -l kind ''
    set -l vprefix ''
    if test -n "$expect"
        set kind $expect
    else if test $dd = 0; and string match -q -- '--*=*' $prefix
        set -l opt (string replace -r '=.*' '' -- $prefix)
        set kind (${p}_optkind "$cpath" $opt)
        set vprefix "$opt="
        set prefix (string replace -r '^[^=]*=' '' -- $prefix)
    else if test $dd = 0; and string match -q -- '-*' $prefix
        set kind options
    else if test $npos = 0; and test (count (${p}_subs "$cpath")) -gt 0
        set kind subcommands
    else
        set kind (${p}_argkind "$cpath" $npos)
    end

    switch "$kind"
        case '' text
            return
        case file
            __fish_complete_path $prefix | string replace -r '^' -- "$vprefix"
        case options
            ${p}_opts "$cpath"
        case subcommands
            ${p}_subs "$cpath"
        case 'choices-*'
            ${p}_choices $kind | string replace -r '^' -- "$vprefix"
        case '*'
            ${p}_dynamic $kind "$prefix" $cmd "$db"
    end
end

complete -c ${t.name} -e
complete -c ${t.name} -f -a '(${p}_complete)'
`;
}
