import type { CommandDef } from '../../cli/command.js';

export const stop: CommandDef = {
  name: 'stop',
  summary: 'stop a plan: it ends, its history and past reports stay',
  group: 'Plans:',
  args: [{ name: 'plan', required: true, description: 'a started roadmap id, or a unique prefix of one', complete: 'plan' }],
  help: `
A stopped plan leaves today and the schedule; study roadmaps shows it stopped.

Examples:
  $ study stop backend-devops-checklist
  $ study start backend-devops-checklist      starts it again
`,
  action: () => import('./run.js'),
};
