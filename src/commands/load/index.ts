import type { CommandDef } from '../../cli/command.js';

export const load: CommandDef = {
  name: 'load',
  summary: 'validate and load roadmap YAML files or folders (default: the bundled roadmaps)',
  group: 'Roadmap files:',
  args: [{ name: 'paths...', description: 'YAML files, or folders of them', complete: 'file' }],
  help: `
Loading is all-or-nothing over every file given. Re-loading an unchanged file changes
nothing; items removed from a file are archived with their history. The counts are of
every item in the file, groups included.

Examples:
  $ study load
  $ study load roadmaps/ ~/notes/my-plan.yaml
  $ study --json load my-plan.yaml
`,
  action: () => import('./run.js'),
};
