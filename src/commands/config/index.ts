import type { CommandDef } from '../../cli/command.js';

export const config: CommandDef = {
  name: 'config',
  summary: 'settings: list them, get KEY, or set KEY VALUE',
  group: 'Your data:',
  args: [{ name: 'args...', description: 'get KEY | set KEY VALUE', complete: [{ choices: ['get', 'set'] }, 'setting', 'none'] }],
  help: `
Settings: day-start (04:00), week-start (mon), rest-days (none), hours-per-week (8),
daily-target (1).

Examples:
  $ study config
  $ study config set rest-days sat,sun
  $ study config set day-start 05:00
  $ study config get hours-per-week
`,
  action: () => import('./run.js'),
};
