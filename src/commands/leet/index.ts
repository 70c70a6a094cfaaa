import type { CommandDef } from '../../cli/command.js';
import { UsageError } from '../../cli/errors.js';
import { checkMinutes } from '../../core/leet.js';
import { safe } from '../../render/text.js';
import { parseDayWords } from '../shared.js';

/** Whole minutes 1..1440 (core/leet.ts checkMinutes). */
function minutesValue(value: string): number {
  const r = checkMinutes(value);
  if ('error' in r) throw new UsageError(`${r.error}, got "${safe(value)}"`);
  return r.value;
}

export interface LeetLogOptions {
  difficulty?: 'easy' | 'medium' | 'hard';
  minutes?: number;
  result?: 'solved' | 'attempted' | 'reviewed';
  tags?: string;
  note?: string;
  date?: string;
  yes?: boolean;
}

export interface LeetListOptions {
  since?: string;
  problem?: string;
}

export const leet: CommandDef = {
  name: 'leet',
  summary: 'LeetCode sessions: log one, list them, totals and stats',
  group: 'Every day:',
  help: `
Examples:
  $ study leet log two-sum --difficulty easy --minutes 20
  $ study leet log 1 --result reviewed --date 2026-11-20
  $ study leet list --since 2026-11-01
  $ study leet stats
`,
  subcommands: [
    {
      name: 'log',
      summary: 'log a LeetCode session (PROBLEM: a number, slug, title or URL)',
      args: [{ name: 'problem...', description: 'a number, slug, title or problem URL', complete: 'problem' }],
      options: [
        { flags: '--difficulty <level>', description: 'how hard it is', choices: ['easy', 'medium', 'hard'] },
        { flags: '--minutes <n>', description: 'whole minutes spent, 1 to 1440', parse: minutesValue },
        { flags: '--result <result>', description: 'how it went (default: solved)', choices: ['solved', 'attempted', 'reviewed'] },
        { flags: '--tags <list>', description: 'comma-separated topics, e.g. array,two-pointers' },
        { flags: '--note <text>', description: 'a note to keep with the session' },
        { flags: '--date <day>', description: 'the study day: today, yesterday, mon, -2 or YYYY-MM-DD (default: today)', parse: parseDayWords, complete: 'date' },
        { flags: '-y, --yes', description: 'ask nothing; take the defaults for what is not given' },
      ],
      help: `
Missing fields are asked on a terminal (-y takes the defaults). Without a terminal only
PROBLEM is needed; the rest default to: difficulty as last logged for that problem,
else unrecorded; minutes unrecorded; result solved; no tags; no note. Logging the same
problem twice a day is two sessions.

Examples:
  $ study leet log two-sum --difficulty easy --minutes 20
  $ study leet log "1. Two Sum" --tags array,hash-table --note "one pass with a map"
  $ study leet log 146 --result attempted --date 2026-11-20     back-dated
`,
      action: () => import('./log.js'),
    },
    {
      name: 'list',
      summary: 'the logged sessions, oldest first',
      options: [
        { flags: '--since <day>', description: 'only sessions on or after this study day (mon, -7, YYYY-MM-DD ...)', parse: parseDayWords, complete: 'date' },
        { flags: '--problem <p>', description: 'only sessions of this problem (number, slug or title)', complete: 'problem' },
      ],
      help: `
Examples:
  $ study leet list --since 2026-11-01
  $ study leet list --problem two-sum
  $ study --json leet list
`,
      action: () => import('./list.js'),
    },
    {
      name: 'stats',
      summary: 'totals: sessions, problems, by difficulty, result, tag and week; repeats',
      help: `
Examples:
  $ study leet stats
  $ study --json leet stats
`,
      action: () => import('./stats.js'),
    },
  ],
};
