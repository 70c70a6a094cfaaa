import type { CommandDef } from '../../cli/command.js';

export const importBackup: CommandDef = {
  name: 'import-backup',
  summary: 'restore a study export into an empty store (--force replaces what is there)',
  group: 'Your data:',
  args: [{ name: 'file', required: true, description: 'a document written by study export', complete: 'file' }],
  options: [{ flags: '--force', description: 'replace everything in a store that is not empty' }],
  help: `
All or nothing: a backup that does not fit writes nothing.

Examples:
  $ study --db ~/new/study.db import-backup backup.json
  $ study import-backup backup.json --force
`,
  action: () => import('./run.js'),
};
