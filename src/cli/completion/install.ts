// How to install the completion script, per shell: in `study completion --help` (so the
// command's definition, which every run loads, imports this and not the scripts) and in
// docs/pictures.md.
import type { Shell } from './types.js';

/** How to install the script, per shell, for `study completion --help` and the docs. */
export function installLines(name = 'study'): Record<Shell, string[]> {
  return {
    bash: [
      `# now, in this shell:`,
      `source <(${name} completion bash)`,
      `# for every new shell (bash-completion loads it on first use):`,
      `mkdir -p ~/.local/share/bash-completion/completions`,
      `${name} completion bash > ~/.local/share/bash-completion/completions/${name}`,
      `# or, without the bash-completion package, in ~/.bashrc:`,
      `source <(${name} completion bash)`,
    ],
    zsh: [
      `# in ~/.zshrc, after compinit:`,
      `source <(${name} completion zsh)`,
      `# or as a file on $fpath (before compinit runs):`,
      `mkdir -p ~/.zfunc && ${name} completion zsh > ~/.zfunc/_${name}`,
      `# and in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -Uz compinit && compinit`,
    ],
    fish: [
      `${name} completion fish > ~/.config/fish/completions/${name}.fish`,
      `# or, for this shell only:`,
      `${name} completion fish | source`,
    ],
  };
}

/** The shortest way to turn completion on, per shell, as `study completion --help` examples (the files to install for good are in docs/pictures.md). */
export function installHelp(name = 'study'): string {
  return [
    'Examples:',
    `  $ ${name} completion fish | source    fish: now, or in config.fish`,
    `  $ source <(${name} completion bash)   bash: now, or in ~/.bashrc`,
    `  $ source <(${name} completion zsh)    zsh: in ~/.zshrc, after compinit`,
  ].join('\n');
}
