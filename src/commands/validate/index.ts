import type { CommandDef } from '../../cli/command.js';

export const validate: CommandDef = {
  name: 'validate',
  summary: 'check roadmap files and folders, writing nothing',
  group: 'Roadmap files:',
  args: [{ name: 'paths...', required: true, description: 'YAML files, or folders of them', complete: 'file' }],
  help: `
Examples:
  $ study validate roadmaps/
  $ study validate my-plan.yaml && study load my-plan.yaml
`,
  action: () => import('./run.js'),
};
