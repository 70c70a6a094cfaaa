import type { CommandDef } from '../../cli/command.js';

export const today: CommandDef = {
  name: 'today',
  summary: "today's agenda: each started plan's week, what is overdue, the next task, habits",
  group: 'Every day:',
  help: `
With no command, study runs study today. Each plan shows at most 12 items of this
week and 8 overdue ones; the line under a longer list names the command that shows
them all.

Examples:
  $ study today
  $ STUDY_NOW=2026-11-30T08:00 study today     what next Monday looks like
  $ study --json today
`,
  action: () => import('./run.js'),
};
