import type { CommandDef } from '../../cli/command.js';
import { parseDayWords } from '../shared.js';

export interface TodayOptions {
  date?: string;
}

export const today: CommandDef = {
  name: 'today',
  summary: "today's agenda: each started plan's week, what is overdue, the next task, habits",
  group: 'Every day:',
  options: [{ flags: '--date <day>', description: 'look at another day: yesterday, fri, -3, 2026-12-01 ...', parse: parseDayWords, complete: 'date' }],
  help: `
With no command, study runs study today. Each plan shows at most 12 items of this
week and 8 overdue ones; the line under a longer list names the command that shows
them all.

Examples:
  $ study today
  $ study today --date 2026-11-30     what next Monday looks like
  $ study --json today
`,
  action: () => import('./run.js'),
};
