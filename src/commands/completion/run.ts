// study completion bash|zsh|fish: the completion script, from the same command tree as
// --help (the commander program built from the definitions in src/commands/).
import { completionScript, type Shell } from '../../cli/completion/index.js';
import type { Run } from '../../cli/run.js';
import { completionTree } from './tree.js';

export default async function completion(run: Run, args: string[]): Promise<number> {
  run.ctx.stdout.write(completionScript(args[0] as Shell, completionTree(run.ctx)));
  return 0;
}
