// Shell completion (`study completion bash|zsh|fish`): the script for a shell, from the
// command tree; and the lines that install it.
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { tablesOf } from './table.js';
import type { CompletionTree, Shell } from './types.js';
import { zshScript } from './zsh.js';

export type * from './types.js';
export { treeFromCommander, type KindOf } from './from-commander.js';
export { installLines, installHelp } from './install.js';

export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

export function completionScript(shell: Shell, tree: CompletionTree): string {
  const tables = tablesOf(tree);
  if (shell === 'bash') return bashScript(tables);
  if (shell === 'zsh') return zshScript(tables);
  if (shell === 'fish') return fishScript(tables);
  throw new RangeError(`no completion for shell ${JSON.stringify(shell)}: bash, zsh or fish`);
}
