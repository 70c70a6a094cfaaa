import type { CommandDef } from '../../cli/command.js';

export const undo: CommandDef = {
  name: 'undo',
  summary: 'take back the last change: a done, a reopen, a session, a start, a setting',
  group: 'Every day:',
  help: `
Each undo goes one change further back and says what it took back. Loads, removals and
restores are not taken back (load the file as it was, or restore the backup); undo goes
past them and says so.

Examples:
  $ study undo
  $ study undo && study undo        the last two changes
  $ study --json undo
`,
  action: () => import('./run.js'),
};
