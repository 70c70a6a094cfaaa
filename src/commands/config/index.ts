import type { CommandDef } from '../../cli/command.js';

export const config: CommandDef = {
  name: 'config',
  summary: 'settings: list them, get KEY, or set KEY VALUE',
  group: 'Your data:',
  args: [{ name: 'args...', description: 'get KEY | set KEY VALUE', complete: [{ choices: ['get', 'set'] }, 'setting', 'none'] }],
  help: `
Settings: day-start (04:00), week-start (mon), rest-days (none), hours-per-week (8),
daily-target (1), freezes-per-month (0), leet-weekly-target (0), fsrs-retention (0.9),
fsrs-maximum-interval (36500). \`study config\` lists them with what each does.

Examples:
  $ study config
  $ study config set rest-days sat,sun
  $ study config set day-start 05:00
  $ study config get hours-per-week
  $ study config set freezes-per-month 2        missed days a month a streak survives
  $ study config set leet-weekly-target 10      LeetCode sessions a week
  $ study config set fsrs-retention 0.85        reviews further apart
`,
  action: () => import('./run.js'),
};
