// The bash completion script. bash hands a completion function its words split at
// COMP_WORDBREAKS (':' and '=' too) and still quoted, so the function reads the line up to
// the cursor itself: words with quotes and backslashes removed, and the current word as
// typed. Candidates go back quoted (printf %q, or in single quotes when the word began
// with one), so a title with spaces completes as one word; none is ever evaluated.
import { posixTables } from './posix.js';
import { prefixOf, type Tables } from './table.js';

export function bashScript(t: Tables): string {
  const p = prefixOf(t.name);
  return `# bash completion for ${t.name} (made by \`${t.name} completion bash\`)
${posixTables(t)}
# Splits the line up to the cursor: ${p}_words (unquoted), ${p}_raw (the last, as typed).
${p}_split() {
  local line=$1 i c word= raw= q= inword=0
  ${p}_words=()
  for (( i = 0; i < \${#line}; i++ )); do
    c=\${line:i:1}
    if [[ -n $q ]]; then
      raw+=$c
      if [[ $c == "$q" ]]; then
        q=
      elif [[ $q == '"' && $c == '\\' ]] && (( i + 1 < \${#line} )); then
        (( i++ )); c=\${line:i:1}; raw+=$c; word+=$c
      else
        word+=$c
      fi
      continue
    fi
    case $c in
      ' ' | $'\\t' | $'\\n')
        if (( inword )); then ${p}_words+=("$word"); fi
        word= raw= inword=0 ;;
      "'" | '"') q=$c; raw+=$c; inword=1 ;;
      '\\')
        (( i++ )); c=\${line:i:1}; raw+="\\\\$c"; word+=$c; inword=1 ;;
      *) raw+=$c; word+=$c; inword=1 ;;
    esac
  done
  ${p}_words+=("$word")
  ${p}_raw=$raw
}

_${t.name.replace(/[^A-Za-z0-9_]/g, '_')}() {
  COMPREPLY=()
  local ${p}_words ${p}_raw
  ${p}_split "\${COMP_LINE:0:COMP_POINT}"
  local -a w=("\${${p}_words[@]}")
  local n=$(( \${#w[@]} - 1 ))
  local cur=\${w[n]} raw=\${${p}_raw} cmd=\${w[0]/#\\~/$HOME}
  local cpath= npos=0 expect= dd=0 db= wantdb=0 i word k
  for (( i = 1; i < n; i++ )); do
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
    if (( npos == 0 )) && ${p}_subs "$cpath" | cut -f1 | grep -qxF -- "$word"; then
      cpath=\${cpath:+$cpath }$word
      continue
    fi
    (( npos++ ))
  done

  local kind= vprefix=
  if [[ -n $expect ]]; then
    kind=$expect
  elif (( !dd )) && [[ $cur == --*=* ]]; then
    kind=$(${p}_optkind "$cpath" "\${cur%%=*}")
    vprefix=\${cur%%=*}=
    cur=\${cur#*=}
  elif (( !dd )) && [[ $cur == -* ]]; then
    kind=options
  elif (( npos == 0 )) && [[ -n $(${p}_subs "$cpath") ]]; then
    kind=subcommands
  else
    kind=$(${p}_argkind "$cpath" "$npos")
  fi

  local candidates
  case $kind in
    '' | text) return 0 ;;
    file)
      compopt -o filenames 2>/dev/null
      local IFS=$'\\n'
      COMPREPLY=($(compgen -f -- "$cur"))
      if [[ -n $vprefix ]]; then COMPREPLY=("\${COMPREPLY[@]/#/$vprefix}"); fi
      ;;
    options) candidates=$(${p}_opts "$cpath") ;;
    subcommands) candidates=$(${p}_subs "$cpath") ;;
    choices-*) candidates=$(${p}_choices "$kind") ;;
    *) candidates=$(${p}_dynamic "$kind" "$cur" "$cmd" "$db") ;;
  esac
  if [[ $kind != file ]]; then
    local c quoted sq="'" esc="'\\''"
    while IFS= read -r c; do
      c=\${c%%$'\\t'*}
      [[ -n $c && $c == "$cur"* ]] || continue
      if [[ -z $vprefix && $raw == "'"* ]]; then
        quoted=$sq\${c//$sq/$esc}$sq
      else
        printf -v quoted '%q' "$c"
      fi
      COMPREPLY+=("$vprefix$quoted")
    done <<< "$candidates"
  fi

  # bash replaces only the part of the word after its last COMP_WORDBREAKS character:
  # answer with that part.
  local part=\${COMP_WORDS[COMP_CWORD]}
  if [[ $kind != file || -n $vprefix ]] && [[ $raw != "$part" && $raw == *"$part" ]]; then
    local before=\${raw%"$part"}
    for i in "\${!COMPREPLY[@]}"; do
      [[ \${COMPREPLY[i]} == "$before"* ]] && COMPREPLY[i]=\${COMPREPLY[i]#"$before"}
    done
  fi
  return 0
}

complete -F _${t.name.replace(/[^A-Za-z0-9_]/g, '_')} ${t.name}
`;
}
