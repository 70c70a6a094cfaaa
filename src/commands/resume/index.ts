import type { CommandDef } from '../../cli/command.js';

export const resume: CommandDef = {
  name: 'resume',
  summary: 'resume a paused plan, its open work moved forward by the weeks it was paused',
  group: 'Plans:',
  args: [{ name: 'plan', required: true, description: 'a started roadmap id, or a unique prefix of one', complete: 'plan' }],
  help: `
The open work due in the week it was paused, or later, moves forward by the weeks it
was paused; what was overdue before stays overdue (study schedule --replan moves it).

Examples:
  $ study resume system-architecture-12w
`,
  action: () => import('./run.js'),
};
