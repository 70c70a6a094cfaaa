// study pause PLAN (src/commands/plan-state.ts).
import type { Run } from '../../cli/run.js';
import { changePlanState } from '../plan-state.js';

export default function pause(run: Run, args: string[]): Promise<number> {
  return changePlanState(run, args, 'pause');
}
