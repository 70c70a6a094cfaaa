import type { CommandDef } from '../../cli/command.js';
import { parseDayWords, wholeNumber } from '../shared.js';

export interface LogOptions {
  minutes?: number;
  date?: string;
  note?: string;
}

export const log: CommandDef = {
  name: 'log',
  summary: 'log a session of a habit a roadmap declares (LeetCode: study leet log)',
  group: 'Every day:',
  args: [{ name: 'habit', required: true, description: 'the habit id (study streak lists them)', complete: 'habit' }],
  options: [
    { flags: '--minutes <n>', description: 'time spent, in minutes', parse: wholeNumber(1, 1440, 'minutes') },
    { flags: '--date <day>', description: 'the study day: today, yesterday, mon, -2 or YYYY-MM-DD (default: today)', parse: parseDayWords, complete: 'date' },
    { flags: '--note <text>', description: 'a note to keep with the session' },
  ],
  help: `
Habits are declared in roadmap files (habits:) or by a "Daily" section of an imported
plan; each has a streak and a heatmap (study streak --habit ID).

Examples:
  $ study log system-design-review --minutes 30
  $ study log reading --date yesterday --note "DDIA chapter 5"
`,
  action: () => import('./run.js'),
};
