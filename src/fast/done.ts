// dist/done.mjs: `study done` in one file (src/fast/entry.ts).
import type { Context } from '../context.js';
import command from '../commands/done.js';
import { fastMain, type Action } from './entry.js';

export { systemContext } from '../context.js';

export function main(argv: readonly string[], ctx: Context): Promise<number> {
  return fastMain(argv, ctx, 'done', command as Action);
}
