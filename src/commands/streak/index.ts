import type { CommandDef } from '../../cli/command.js';
import { wholeNumber } from '../shared.js';

export interface StreakOptions {
  weeks?: number;
  habit?: string;
}

/** More weeks than anyone scrolls through; keeps --json bounded. */
export const MAX_WEEKS = 5200;

export const streak: CommandDef = {
  name: 'streak',
  summary: "current and longest streak, today's status, and a heatmap of the last weeks",
  group: 'Every day:',
  args: [{ name: 'habit', description: 'the habit (the same as --habit)', complete: 'habit' }],
  options: [
    { flags: '--weeks <n>', description: 'weeks in the heatmap (default 26; fewer when the terminal is narrow)', parse: wholeNumber(1, MAX_WEEKS, 'weeks') },
    { flags: '--habit <id>', description: 'the habit: leetcode (default) or one declared under habits: in a roadmap', complete: 'habit' },
  ],
  help: `
A study day counts when it has daily-target sessions (default 1); it starts at
day-start (default 04:00). An open today is "at risk", not broken; a rest day without a
session neither breaks nor extends a streak. With freezes-per-month N, a missed day that
is not a rest day uses one of the month's N freezes instead of breaking the streak; the
heatmap marks it *. See: study config.

Examples:
  $ study streak
  $ study streak --weeks 12 --no-color
  $ study streak --habit system-design-review      a habit declared in a roadmap file
  $ study streak reading                           the same as --habit reading
  $ study config set freezes-per-month 2           two missed days a month kept
`,
  action: () => import('./run.js'),
};
