import type { CommandDef } from '../../cli/command.js';
import { wholeNumber } from '../shared.js';

export interface ScheduleOptions {
  weeks: number;
  replan?: boolean;
}

export const schedule: CommandDef = {
  name: 'schedule',
  summary: 'the coming weeks of each started plan; --replan moves overdue work forward',
  group: 'Plans:',
  args: [{ name: 'roadmap', description: 'one started plan (default: all of them)', complete: 'plan' }],
  options: [
    { flags: '--weeks <n>', description: 'how many weeks to show, from this one', parse: wholeNumber(1, 520, 'weeks'), default: 4 },
    { flags: '--replan', description: 'move the unfinished work of past weeks forward from this week' },
  ],
  help: `
A re-plan is a new version of the plan from today: reports of the weeks before it keep
the schedule they were judged by.

Examples:
  $ study schedule
  $ study schedule system-architecture-12w --weeks 12
  $ study schedule --replan
`,
  action: () => import('./run.js'),
};
