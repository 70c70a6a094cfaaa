import type { CommandDef } from '../../cli/command.js';
import { FIRST_DAY, LAST_DAY, parseWeekLabel } from '../../core/calendar.js';
import { UsageError } from '../../cli/errors.js';
import { safe } from '../../render/text.js';
import { parseDayWords } from '../shared.js';

export interface ReportOptions {
  week?: string;
  date?: string;
  format: 'text' | 'markdown' | 'json' | 'html';
  out?: string;
  force?: boolean;
}

/** A week label that exists (whether it does not depend on the week-start setting). */
function weekValue(value: string): string {
  const v = value.trim();
  if (parseWeekLabel(v, 1) === null) throw new UsageError(`expected a week like 2026-W48 that exists, got "${safe(value)}"`);
  const year = v.slice(0, 4);
  if (year < FIRST_DAY.slice(0, 4) || year > LAST_DAY.slice(0, 4)) {
    throw new UsageError(`expected a week of a year from ${FIRST_DAY.slice(0, 4)} to ${LAST_DAY.slice(0, 4)}, got "${safe(value)}"`);
  }
  return v;
}

export const report: CommandDef = {
  name: 'report',
  summary: 'the weekly report: what you did, each plan against its schedule, LeetCode, next week',
  group: 'Every day:',
  options: [
    { flags: '--week <week>', description: 'the week to report, like 2026-W48 (default: this week)', parse: weekValue, conflicts: ['date'], complete: 'week' },
    { flags: '--date <day>', description: 'report the week that contains this day (YYYY-MM-DD, -7, mon ...)', parse: parseDayWords, complete: 'date' },
    { flags: '--format <format>', description: 'how to write it (html: one page with pictures of the year)', choices: ['text', 'markdown', 'json', 'html'], default: 'text' },
    { flags: '--out <file>', description: 'write it to FILE (mode 0600) instead of stdout', complete: 'file' },
    { flags: '--force', description: 'overwrite FILE if it exists' },
  ],
  help: `
The report of this week speaks as of now; the report of a week that is over speaks as
of its last day, and reads the same forever (a later re-plan, pause, stop or load does
not change it). Time: the minutes recorded with done --minutes, log and leet log, per
plan and in all. When next week's items are all done, it names what comes next. The
HTML page (one file: no script, nothing fetched) adds a year of study days, each plan's
burn-up against its schedule, and LeetCode by week, difficulty and pattern.

Examples:
  $ study report                         this week
  $ study report --week 2026-W47         a past week
  $ study report --date 2026-11-18       the week that contains a day
  $ study report --date -7               last week
  $ study report --format markdown > week-47.md
  $ study report --format html --out week.html    open it in a browser
`,
  action: () => import('./run.js'),
};
