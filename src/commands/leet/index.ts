import type { CommandDef } from '../../cli/command.js';
import { UsageError } from '../../cli/errors.js';
import { checkMinutes } from '../../core/leet.js';
import { checkPerDay, LIST_IDS, type ListId } from '../../core/leet/plan.js';
import { HELPED, RATINGS, type ReviewRating } from '../../core/leet/rating.js';
import { safe } from '../../render/text.js';
import { parseDayWords } from '../shared.js';

/** Whole minutes 1..1440 (core/leet.ts checkMinutes). */
function minutesValue(value: string): number {
  const r = checkMinutes(value);
  if ('error' in r) throw new UsageError(`${r.error}, got "${safe(value)}"`);
  return r.value;
}

/** New problems a day, 1..20 (core/leet/plan.ts checkPerDay). */
function perDayValue(value: string): number {
  const r = checkPerDay(value);
  if ('error' in r) throw new UsageError(`${r.error}, got "${safe(value)}"`);
  return r.value;
}

/** How a session went: `helped` is solved with a hint, the editorial or a solution. */
export const RESULT_CHOICES = ['solved', 'attempted', 'reviewed', HELPED] as const;
export type LogResult = (typeof RESULT_CHOICES)[number];

export interface LeetLogOptions {
  difficulty?: 'easy' | 'medium' | 'hard';
  minutes?: number;
  result?: LogResult;
  rating?: ReviewRating;
  tags?: string;
  note?: string;
  date?: string;
  yes?: boolean;
}

export interface LeetListOptions {
  since?: string;
  problem?: string;
}

export interface LeetStatsOptions {
  by?: 'pattern';
  list?: ListId | 'all';
}

export interface LeetStartOptions {
  perDay?: number;
  on?: string;
}

export const leet: CommandDef = {
  name: 'leet',
  summary: 'LeetCode: log a session, reviews due, lists to work through, stats',
  group: 'Every day:',
  help: `
Every session is a review of its problem: FSRS schedules when it comes back.

Examples:
  $ study leet log 20 --minutes 12          Valid Parentheses, solved
  $ study leet due                          the problems to review today
  $ study leet start neetcode150 --per-day 2
  $ study leet next
  $ study leet stats --by pattern
`,
  subcommands: [
    {
      name: 'log',
      summary: 'log a LeetCode session (PROBLEM: a number, slug, title or URL)',
      args: [{ name: 'problem...', description: 'a number, slug, title or problem URL', complete: 'problem' }],
      options: [
        { flags: '--minutes <n>', description: 'whole minutes spent, 1 to 1440', parse: minutesValue },
        { flags: '--result <result>', description: 'how it went (default: solved; helped: solved with a hint or the editorial)', choices: RESULT_CHOICES },
        { flags: '--rating <rating>', description: 'how well you recalled it (default: from the result and minutes)', choices: RATINGS },
        { flags: '--difficulty <level>', description: 'for a problem the catalogue does not have', choices: ['easy', 'medium', 'hard'] },
        { flags: '--tags <list>', description: 'comma-separated topics, e.g. array,two-pointers' },
        { flags: '--note <text>', description: 'a note to keep with the session' },
        { flags: '--date <day>', description: 'the study day: today, yesterday, mon, -2 or YYYY-MM-DD (default: today)', parse: parseDayWords, complete: 'date' },
        { flags: '-y, --yes', description: 'ask nothing; take the defaults for what is not given' },
      ],
      help: `
PROBLEM is found in the catalogue of 450 problems however it is named: 20, #20,
valid-parentheses, "Valid Parentheses", "20. Valid Parentheses", or its URL; its
difficulty and pattern come from there. A problem not in the catalogue is logged as
given. Logging the same problem twice a day is two sessions.

The rating, unless --rating gives it: attempted is again; helped, or more minutes
than the target (easy 15, medium 30, hard 45), is hard; under half the target is
easy; else good. It prints when the problem comes back for review.

Missing fields are asked on a terminal (-y takes the defaults). Without a terminal only
PROBLEM is needed; the rest default to: minutes unrecorded; result solved; no tags; no
note.

Examples:
  $ study leet log 20 --minutes 12
  $ study leet log lru-cache --result helped
  $ study leet log "1. Two Sum" --tags array,hash-table --note "one pass with a map"
  $ study leet log 146 --rating again --date 2026-11-20     back-dated
`,
      action: () => import('./log.js'),
    },
    {
      name: 'due',
      summary: 'the problems due for review, oldest due first',
      options: [{ flags: '--all', description: 'every one (default: the first 20; --json gives all)' }],
      help: `
A problem is due on the day FSRS scheduled at its last session, and stays due until
you log it again.

Examples:
  $ study leet due
  $ study leet due --all
  $ study --json leet due
`,
      action: () => import('./due.js'),
    },
    {
      name: 'lists',
      summary: 'NeetCode 150 and Blind 75: your progress through each',
      help: `
Examples:
  $ study leet lists
  $ study leet start blind75
`,
      action: () => import('./lists.js'),
    },
    {
      name: 'start',
      summary: "work through a list: its unsolved problems, a few new ones a day, in today's agenda",
      args: [{ name: 'list', required: true, description: LIST_IDS.join(' or ') }],
      options: [
        { flags: '--per-day <n>', description: 'new problems a day, 1 to 20 (default 1)', parse: perDayValue },
        { flags: '--on <day>', description: 'the first day: YYYY-MM-DD, today, mon, -7 ... (default: today)', parse: parseDayWords, complete: 'date' },
      ],
      help: `
The list's problems come in its pattern order (Arrays & Hashing, Two Pointers, ...),
easy before hard; those solved before the first day are left out. It is a pace, not a
calendar: a missed day shifts it, solving ahead moves it on, rest days get no new
problems. Starting a list again, or another one, replaces the one started.

Examples:
  $ study leet start neetcode150
  $ study leet start blind75 --per-day 2 --on 2026-12-01
`,
      action: () => import('./start.js'),
    },
    {
      name: 'next',
      summary: 'the next new problem of the started list',
      help: `
Examples:
  $ study leet next
  $ study --json leet next
`,
      action: () => import('./next.js'),
    },
    {
      name: 'list',
      summary: 'the logged sessions, oldest first',
      options: [
        { flags: '--since <day>', description: 'only sessions on or after this study day (mon, -7, YYYY-MM-DD ...)', parse: parseDayWords, complete: 'date' },
        { flags: '--problem <p>', description: 'only sessions of this problem (number, slug, title or URL)', complete: 'problem' },
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
      summary: 'totals: sessions, problems, by difficulty, result, tag and week; or by pattern',
      options: [
        { flags: '--by <what>', description: 'pattern: per pattern, problems solved, reviews, lapses and retention', choices: ['pattern'] },
        { flags: '--list <list>', description: 'with --by pattern: the problems counted (default: the started list, else neetcode150)', choices: [...LIST_IDS, 'all'] },
      ],
      help: `
Examples:
  $ study leet stats
  $ study leet stats --by pattern
  $ study leet stats --by pattern --list all
  $ study --json leet stats
`,
      action: () => import('./stats.js'),
    },
  ],
};
