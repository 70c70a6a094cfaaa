// Real shells asked for completions of a command line, with a completion script loaded
// and a `study` first on PATH: the stub of ./tree.ts (for the scripts alone), or the real
// one (./study.test.ts). Each returns the candidates, one per entry.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completionScript } from '../../src/cli/completion/index.js';
import { stubStudy, TREE } from './tree.js';

export const dir = mkdtempSync(join(tmpdir(), 'study-completion-'));
export const stub = stubStudy(dir);

export function need(shell: 'bash' | 'zsh' | 'fish'): void {
  const path = `/usr/bin/${shell}`;
  if (!existsSync(path) && !existsSync(`/bin/${shell}`)) throw new Error(`${shell} is missing: the completion tests need it (as root: apt-get install -y ${shell}; .ci/run does this)`);
}

/** The part of the line bash would hand over as COMP_WORDS[COMP_CWORD]: after the last unquoted blank or COMP_WORDBREAKS character. */
function bashPart(line: string): string {
  let start = 0;
  let q = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') q = c;
    else if (c === ' ') start = i + 1;
    else if (c === '=' || c === ':') start = i === line.length - 1 ? i : i + 1;
  }
  return line.slice(start);
}

export interface Shells {
  /** COMPREPLY after bash's completion function ran on `line` (the cursor at its end). */
  bashComplete(line: string, cwd?: string): string[];
  /** What fish would offer for `line` (value and description, split at the tab). */
  fishComplete(line: string): { value: string; description: string }[];
  /** What zsh adds for `line` and a TAB, in its line editor. */
  zshComplete(line: string): string[];
}

/**
 * Shells completing with the given scripts in folder `home` (their HOME and working
 * folder), with `bin` first on PATH and `extraEnv` set.
 */
export function shellsWith(home: string, scripts: Record<'bash' | 'zsh' | 'fish', string>, bin: string, extraEnv: Record<string, string> = {}): Shells {
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), ...extraEnv };
  const files = { bash: join(home, 'study.bash'), zsh: join(home, '_study'), fish: join(home, 'study.fish') };
  for (const shell of ['bash', 'zsh', 'fish'] as const) writeFileSync(files[shell], scripts[shell]);
  const zshInit = zshInitFile(home);
  const run = (cmd: string, args: string[], cwd = home): string => {
    const r = spawnSync(cmd, args, { env, cwd, encoding: 'utf8', timeout: 20_000 });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
    return r.stdout;
  };
  return {
    bashComplete(line, cwd = home) {
      const out = run('bash', ['--norc', '--noprofile', '-c', `source "$1"; COMP_LINE=$2; COMP_POINT=\${#2}; COMP_WORDS=("$3"); COMP_CWORD=0; _study; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', files.bash, line, bashPart(line)], cwd);
      return out.split('\n').filter((l) => l !== '');
    },
    fishComplete(line) {
      const out = run('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', files.fish, line]);
      return out
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => {
          const [value, description = ''] = l.split('\t');
          return { value: value!, description };
        });
    },
    zshComplete(line) {
      const out = run('zsh', ['-f', '-c', ZSH_DRIVER, 'zsh', zshInit, line]);
      return out.split('\n').filter((l) => l !== '');
    },
  };
}

export const { bashComplete, fishComplete, zshComplete } = shellsWith(
  dir,
  { bash: completionScript('bash', TREE), zsh: completionScript('zsh', TREE), fish: completionScript('fish', TREE) },
  stub.bin,
);

// zsh completes only inside its line editor: a zsh in a pseudo-terminal (zsh/zpty) is
// given the line and a TAB; compadd is wrapped to print what it adds, between two NUL
// lines, and the shell exits after the completion.
function zshInitFile(home: string): string {
  const file = join(home, 'zsh-init.zsh');
  writeFileSync(
    file,
    `PROMPT=
fpath=(${home} $fpath)
autoload -Uz compinit && compinit -u -d ${home}/zcompdump
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
null-line() { echo -E - $'\\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
    builtin compadd "$@"
    return $?
  fi
  typeset -a __hits
  builtin compadd -A __hits "$@"
  local h
  for h in $__hits; do echo -E - "HIT:$h"; done
}
echo ok
`,
  );
  return file;
}
const ZSH_DRIVER = `zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "source \${(q)1}"
local line
repeat 20; do
  zpty -r z line
  [[ $line == ok* ]] && break
done
zpty -w z "$2"$'\\t'
integer tog=0
while zpty -r z line; do
  if [[ $line == *$'\\0'* ]]; then
    (( tog++ )) && break
    continue
  fi
  (( tog )) && [[ $line == *HIT:* ]] && print -r -- "\${\${line#*HIT:}%$'\\r'*}"
done
zpty -d z
`;
