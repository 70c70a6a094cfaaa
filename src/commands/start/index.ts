import type { CommandDef } from '../../cli/command.js';
import { UsageError } from '../../cli/errors.js';
import { safe } from '../../render/text.js';
import { parseDayWords } from '../shared.js';

export interface StartOptions {
  on?: string;
  hours?: number;
  pace: 'min' | 'mid' | 'max';
  yes?: boolean;
}

/** Study hours per week: more than 0, at most 168. */
export function hoursValue(value: string): number {
  const v = value.trim();
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 168) throw new UsageError(`expected hours per week above 0 and at most 168, like 8; got "${safe(value)}"`);
  return n;
}

export const start: CommandDef = {
  name: 'start',
  summary: 'schedule a roadmap onto calendar weeks from the week of a date',
  group: 'Plans:',
  args: [{ name: 'roadmap', required: true, description: 'a roadmap id, or a unique prefix of one', complete: 'roadmap' }],
  options: [
    { flags: '--on <date>', description: 'the day to start from: YYYY-MM-DD, today, mon, -7 ... (default: today)', parse: parseDayWords, complete: 'date' },
    { flags: '--hours <n>', description: 'study hours per week (default: the hours-per-week setting)', parse: hoursValue },
    { flags: '--pace <pace>', description: 'min, mid or max of each phase duration range', choices: ['min', 'mid', 'max'], default: 'mid' },
    { flags: '--yes', description: 're-plan a roadmap that is already started without asking' },
  ],
  help: `
Weekly plans land on the weeks they name; phases run one after another (explicit weeks
win, --pace picks within a duration range); checklists and tracks are packed by
priority, then file order, into --hours per week. Starting a started plan again
re-plans it from the new day; the weeks before keep the schedule they had.

Examples:
  $ study start system-architecture-12w
  $ study start backend-devops-checklist --on 2026-12-01 --hours 6
  $ study start flash-poll --pace min --yes      re-plan an already started roadmap
`,
  action: () => import('./run.js'),
};
