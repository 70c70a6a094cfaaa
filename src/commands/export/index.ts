import type { CommandDef } from '../../cli/command.js';

export interface ExportOptions {
  out?: string;
  force?: boolean;
}

export const exportData: CommandDef = {
  name: 'export',
  summary: 'everything you entered (roadmaps, plans, completions, sessions, settings) as one JSON document',
  group: 'Your data:',
  options: [
    { flags: '--out <file>', description: 'write to FILE (mode 0600) instead of stdout', complete: 'file' },
    { flags: '--force', description: 'overwrite FILE if it exists' },
  ],
  help: `
Examples:
  $ study export --out ~/backups/study-2026-11-23.json
  $ study export > backup.json
`,
  action: () => import('./run.js'),
};
