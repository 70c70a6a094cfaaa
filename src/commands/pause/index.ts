import type { CommandDef } from '../../cli/command.js';

export const pause: CommandDef = {
  name: 'pause',
  summary: 'pause a started plan: its weeks stop counting against it',
  group: 'Plans:',
  args: [{ name: 'plan', required: true, description: 'a started roadmap id, or a unique prefix of one', complete: 'plan' }],
  help: `
Today shows it as paused; study resume moves its open work forward by the weeks it was
paused.

Examples:
  $ study pause system-architecture-12w
`,
  action: () => import('./run.js'),
};
