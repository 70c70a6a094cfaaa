import type { CommandDef } from '../../cli/command.js';
import { installHelp } from '../../cli/completion/install.js';

export const SHELL_NAMES = ['bash', 'zsh', 'fish'] as const;

export const completion: CommandDef = {
  name: 'completion',
  summary: 'print the shell completion script for bash, zsh or fish',
  group: 'Your shell:',
  args: [{ name: 'shell', required: true, description: 'bash, zsh or fish', choices: SHELL_NAMES }],
  help: `
Completes commands, options and their values, and from your store: roadmap
ids, started plans, open tasks of the started plans (ids and titles), LeetCode
problems, settings and habits. The script asks \`study __complete\`, which only
reads the store (and never creates one). To install it as a file your shell
loads by itself, see docs/pictures.md.

${installHelp()}
`,
  action: () => import('./run.js'),
};
