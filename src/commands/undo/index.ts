import type { CommandDef } from '../../cli/command.js';

export const undo: CommandDef = {
  name: 'undo',
  summary: 'take back the last change: a done, a reopen, a session, a start, a setting',
  group: 'Every day:',
  help: `
Each undo goes one change further back and says what it took back: a done, a reopen
(done --undo), a session (leet log, log), a start, a re-plan, a pause, a resume, a stop,
a setting. A load is not taken back (load the file as it was), nor a leet start: undo
passes over them and says so. Nor is a removal or a restore, and undo does not go back past one (its backup
file puts things back: study import-backup FILE --force). Nothing left: exit 1.

Examples:
  $ study undo
  $ study undo && study undo        the last two changes
  $ study --json undo
`,
  action: () => import('./run.js'),
};
