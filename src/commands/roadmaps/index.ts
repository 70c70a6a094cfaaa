import type { CommandDef } from '../../cli/command.js';

export const roadmaps: CommandDef = {
  name: 'roadmaps',
  summary: 'the loaded roadmaps with their progress, start day and status',
  group: 'Plans:',
  help: `
Progress counts items without sub-items (a group counts as its items). A started plan
is judged as of now: behind by the items due in weeks already over, ahead by the items
done before the week they are due.

Examples:
  $ study roadmaps
  $ study --json roadmaps
`,
  action: () => import('./run.js'),
};
