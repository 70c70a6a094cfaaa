// The zsh completion script: works both from $fpath (as the autoloaded _study) and when
// sourced after compinit. zsh's own compadd matches, quotes what it inserts (a title with
// spaces is one word) and shows descriptions; _files completes paths.
import { posixTables } from './posix.js';
import { prefixOf, type Tables } from './table.js';

export function zshScript(t: Tables): string {
  const p = prefixOf(t.name);
  const fn = `_${t.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return `#compdef ${t.name}
# zsh completion for ${t.name} (made by \`${t.name} completion zsh\`)
${posixTables(t)}
# Adds candidates (value, tab, description) with their descriptions.
${p}_add() {
  local -a values shown
  local line value desc
  for line in "\${(@f)1}"; do
    [[ -z $line ]] && continue
    value=\${line%%$'\\t'*}
    desc=
    [[ $line == *$'\\t'* ]] && desc=\${line#*$'\\t'}
    values+=("$value")
    if [[ -n $desc ]]; then shown+=("$value  -- $desc"); else shown+=("$value"); fi
  done
  (( \${#values} )) || return 1
  compadd -l -d shown -a values
}

${fn}() {
  local -a w
  w=("\${(@Q)words[1,CURRENT-1]}")
  local cmd=\${w[1]/#\\~/$HOME} cpath= npos=0 expect= dd=0 db= wantdb=0 i word k found sub
  for (( i = 2; i <= \${#w}; i++ )); do
    word=\${w[i]}
    if [[ -n $expect ]]; then
      (( wantdb )) && db=$word
      expect= wantdb=0
      continue
    fi
    if (( !dd )) && [[ $word == -* && $word != - ]]; then
      if [[ $word == -- ]]; then dd=1; continue; fi
      if [[ $word == --db=* ]]; then db=\${word#--db=}; continue; fi
      [[ $word == *=* ]] && continue
      k=$(${p}_optkind "$cpath" "$word")
      if [[ -n $k ]]; then expect=$k; [[ $word == --db ]] && wantdb=1; fi
      continue
    fi
    found=0
    if (( npos == 0 )); then
      for sub in "\${(@f)$(${p}_subs "$cpath")}"; do [[ \${sub%%$'\\t'*} == "$word" ]] && found=1; done
    fi
    if (( found )); then
      cpath=\${cpath:+$cpath }$word
      continue
    fi
    (( npos++ ))
  done

  local kind=
  if [[ -n $expect ]]; then
    kind=$expect
  elif (( !dd )) && [[ $PREFIX == --*=* ]]; then
    kind=$(${p}_optkind "$cpath" "\${PREFIX%%=*}")
    compset -P '*='
  elif (( !dd )) && [[ $PREFIX == -* ]]; then
    kind=options
  elif (( npos == 0 )) && [[ -n "$(${p}_subs "$cpath")" ]]; then
    kind=subcommands
  else
    kind=$(${p}_argkind "$cpath" "$npos")
  fi

  case $kind in
    '' | text) return 1 ;;
    file) _files ;;
    options) ${p}_add "$(${p}_opts "$cpath")" ;;
    subcommands) ${p}_add "$(${p}_subs "$cpath")" ;;
    choices-*) ${p}_add "$(${p}_choices "$kind")" ;;
    *) ${p}_add "$(${p}_dynamic "$kind" "\${(Q)PREFIX}" "$cmd" "$db")" ;;
  esac
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${t.name}
fi
`;
}
