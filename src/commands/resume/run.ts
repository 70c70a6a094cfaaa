// study resume PLAN (src/commands/plan-state.ts).
import type { Run } from '../../cli/run.js';
import { changePlanState } from '../plan-state.js';

export default function resume(run: Run, args: string[]): Promise<number> {
  return changePlanState(run, args, 'resume');
}
