import type { CommandDef } from '../../cli/command.js';
import { wholeNumber } from '../shared.js';

export interface ShowOptions {
  week?: number | true;
  overdue?: boolean;
}

export const show: CommandDef = {
  name: 'show',
  summary: 'a roadmap as a tree: sections, items, ids, done marks, due weeks',
  group: 'Plans:',
  args: [{ name: 'roadmap', required: true, description: 'a roadmap id, or a unique prefix of one', complete: 'roadmap' }],
  options: [
    { flags: '--week [n]', description: "a started plan's items of this plan week (or week N), all of them", parse: wholeNumber(1, 520, 'weeks'), conflicts: ['overdue'] },
    { flags: '--overdue', description: "a started plan's overdue items, all of them" },
  ],
  help: `
Examples:
  $ study show system-architecture-12w
  $ study show flash --json
  $ study show system-architecture-12w --week       this week's items, all of them
  $ study show backend-realtime-phases --overdue
`,
  action: () => import('./run.js'),
};
