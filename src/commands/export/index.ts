import type { CommandDef } from '../../cli/command.js';

export interface ExportOptions {
  format: 'json' | 'ics';
  plan?: string;
  out?: string;
  force?: boolean;
}

export const exportData: CommandDef = {
  name: 'export',
  summary: 'everything you entered as one JSON document, or your plans as a calendar (.ics)',
  group: 'Your data:',
  options: [
    { flags: '--format <format>', description: 'json: everything you entered (a backup); ics: the weeks of your plans', choices: ['json', 'ics'], default: 'json' },
    { flags: '--plan <roadmap>', description: 'with --format ics: only this started plan', complete: 'plan' },
    { flags: '--out <file>', description: 'write to FILE (mode 0600) instead of stdout', complete: 'file' },
    { flags: '--force', description: 'overwrite FILE if it exists' },
  ],
  help: `
The JSON document (roadmaps, plans, completions, sessions, settings) is what
study import-backup restores. The calendar has one all-day event per week of
each started plan (its sections as the title, its items in the description)
and one on its planned finish; import it again after a re-plan and the same
events move.

Examples:
  $ study export --out ~/backups/study-2026-11-23.json
  $ study export > backup.json
  $ study export --format ics --out plans.ics
  $ study export --format ics --plan system-architecture-12w > architecture.ics
`,
  action: () => import('./run.js'),
};
