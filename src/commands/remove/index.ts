import type { CommandDef } from '../../cli/command.js';

export interface RemoveOptions {
  yes?: boolean;
}

export const remove: CommandDef = {
  name: 'remove',
  summary: 'remove a roadmap, its plan and its history (written to a backup file first)',
  group: 'Roadmap files:',
  args: [{ name: 'roadmap', required: true, description: 'a roadmap id, or a unique prefix of one', complete: 'roadmap' }],
  options: [{ flags: '--yes', description: 'remove without asking (needed when not on a terminal)' }],
  help: `
Everything in the store goes to a backup file beside it first (study import-backup FILE
--force puts it all back). Habit sessions are kept. The roadmap file is not touched.

Examples:
  $ study remove backend-django-go-tracks
  $ study remove flash-poll-phases --yes
`,
  action: () => import('./run.js'),
};
