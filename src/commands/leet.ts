// study leet log | list | stats: LeetCode sessions, the built-in `leetcode` habit.
import { existsSync } from 'node:fs';
import { addDaysTo, daysBetween } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import {
  DIFFICULTIES,
  RESULTS,
  checkDifficulty,
  checkMinutes,
  checkPastDay,
  checkResult,
  completeFromHistory,
  filterByProblem,
  leetStats,
  parseProblem,
  parseTags,
  problemLabel,
  type Checked,
  type Difficulty,
  type ProblemRef,
  type Result,
} from '../core/leet.js';
import { settingsFrom, type Settings } from '../core/settings.js';
import { computeStreak, studyDayOfLocal, type Day } from '../core/streak.js';
import { timestampOf } from '../clock.js';
import { UsageError } from '../errors.js';
import type { Run } from '../run.js';
import type { SessionInput, SessionRow, Store } from '../store/store.js';
import { safe } from '../text.js';
import { settingsBeforeWriting } from './shared.js';

/** Defaults for what is neither given nor asked (documented in the README). */
export const LOG_DEFAULTS = { difficulty: null, minutes: null, result: 'solved' as Result, tags: [] as string[], note: null };

export interface LeetOptions {
  difficulty?: string;
  minutes?: string;
  result?: string;
  tags?: string;
  note?: string;
  date?: string;
  since?: string;
  problem?: string;
  yes?: boolean;
}

const ALL_HISTORY = '0000-01-01';

export default async function leet(run: Run, args: string[], opts: LeetOptions): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'log':
      return log(run, rest.join(' '), opts);
    case 'list':
      if (rest.length) throw new UsageError('leet list takes no arguments; filter with --since D or --problem P');
      return list(run, opts);
    case 'stats':
      if (rest.length) throw new UsageError('leet stats takes no arguments');
      return stats(run);
    case undefined:
      throw new UsageError('missing action: study leet log PROBLEM, study leet list, or study leet stats');
    default:
      throw new UsageError(`unknown leet action "${safe(action)}"; use: log, list, stats`);
  }
}

function checked<T>(option: string, given: string, result: Checked<T>): T {
  if ('error' in result) throw new UsageError(`${option}: ${result.error}, got "${safe(given)}"`);
  return result.value;
}

function today(run: Run, settings: Settings): Day {
  return studyDayOfLocal(run.now.local, settings.dayStart);
}

/** --date D or --since D: a real day, not after today. */
function pastDay(option: string, text: string, todayDay: Day): Day {
  const r = checkPastDay(text, todayDay);
  if ('error' in r) throw new UsageError(`${option}: ${safe(r.error)}`);
  return r.value;
}

/** What was given on the command line, checked; undefined where nothing was given. */
interface Given {
  ref: ProblemRef | null;
  difficulty: Difficulty | undefined;
  minutes: number | undefined;
  result: Result | undefined;
  tags: string[] | undefined;
  note: string | undefined;
}

function given(problem: string, opts: LeetOptions): Given {
  const note = opts.note?.trim();
  return {
    ref: parseProblem(problem),
    difficulty: opts.difficulty === undefined ? undefined : checked('--difficulty', opts.difficulty, checkDifficulty(opts.difficulty)),
    minutes: opts.minutes === undefined ? undefined : checked('--minutes', opts.minutes, checkMinutes(opts.minutes)),
    result: opts.result === undefined ? undefined : checked('--result', opts.result, checkResult(opts.result)),
    tags: opts.tags === undefined ? undefined : parseTags(opts.tags),
    note: note === undefined ? undefined : note,
  };
}

/**
 * The moment a session logged now is stored at. Back-dated to `day`, it is that day with
 * the current wall-clock time and offset, kept inside the same study day: at 01:30
 * (before a 04:00 day start) a session for D is stored at D+1 01:30, which belongs to D.
 */
function sessionTimestamp(run: Run, todayDay: Day, day: Day): string {
  const calendarDate = run.now.local.slice(0, 10);
  const shift = daysBetween(todayDay, calendarDate); // 1 before the day start, else 0
  const local = `${addDaysTo(day, shift)}${run.now.local.slice(10)}`;
  return timestampOf({ local, offsetMinutes: run.now.offsetMinutes });
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

async function log(run: Run, problemText: string, opts: LeetOptions): Promise<number> {
  const g = given(problemText, opts);
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date.trim())) {
    throw new UsageError(`--date: expected a date YYYY-MM-DD, got "${safe(opts.date)}"`);
  }
  const ask = run.canPrompt && opts.yes !== true;
  if (g.ref === null && !ask) {
    const missing = ['PROBLEM (a number, slug or title)'];
    if (g.difficulty === undefined) missing.push('--difficulty');
    if (g.minutes === undefined) missing.push('--minutes');
    if (g.result === undefined) missing.push('--result');
    if (g.tags === undefined) missing.push('--tags');
    if (g.note === undefined) missing.push('--note');
    throw new UsageError(
      `leet log: missing PROBLEM; not a terminal, so nothing was asked (would have asked: ${missing.join(', ')}); e.g. study leet log two-sum --difficulty easy --minutes 20`,
    );
  }

  // --date is checked before the store is opened (or created): a bad one writes nothing.
  const settings = await settingsBeforeWriting(run);
  const todayDay = today(run, settings);
  const day = opts.date === undefined ? todayDay : pastDay('--date', opts.date, todayDay);
  // No store is created before the prompts are answered: Ctrl-C on a first run leaves nothing behind.
  const earlier = existsSync(run.dbPath) ? (await run.store()).sessionsSince(LEETCODE_HABIT, ALL_HISTORY) : [];

  let ref = g.ref;
  let { difficulty, minutes, result, tags, note } = g;
  if (ask) {
    const answers = await promptMissing(run, { ...g }, earlier);
    ref = answers.ref;
    ({ difficulty, minutes, result, tags, note } = answers);
  }
  const store = await run.store();
  // after a prompt, what another shell logged meanwhile counts too
  const history = ask ? store.sessionsSince(LEETCODE_HABIT, ALL_HISTORY) : earlier;
  if (ref === null) throw new UsageError('leet log: missing PROBLEM');
  const known = completeFromHistory(ref, history);

  const session: SessionInput = {
    habitId: LEETCODE_HABIT,
    at: sessionTimestamp(run, todayDay, day),
    day,
    problem: known.ref.problem,
    number: known.ref.number,
    slug: known.ref.slug,
    title: known.ref.title,
    // a problem's difficulty does not change: the last one recorded for it is the default
    difficulty: difficulty ?? known.difficulty ?? LOG_DEFAULTS.difficulty,
    minutes: minutes ?? LOG_DEFAULTS.minutes,
    result: result ?? LOG_DEFAULTS.result,
    tags: tags ?? LOG_DEFAULTS.tags,
    note: note === undefined || note === '' ? LOG_DEFAULTS.note : note,
  };
  const id = store.addSession(session);

  const streak = computeStreak(store.sessionCounts(LEETCODE_HABIT), todayDay, settings);
  if (run.json) {
    run.out(JSON.stringify({ session: sessionJson({ id, ...session }), streak: { current: streak.current, longest: streak.longest, doneToday: streak.doneToday } }));
  }
  const details = [session.difficulty, session.minutes === null ? null : `${session.minutes} min`, session.result === 'solved' ? null : session.result].filter(
    (d): d is string => d !== null,
  );
  let tail = `streak ${plural(streak.current, 'day')}`;
  if (!streak.doneToday && streak.todayCount > 0) tail += ` (today ${streak.todayCount} of ${settings.dailyTarget} sessions)`;
  // what was typed, or '1. Two Sum' for a bare number whose name an earlier session gave
  const shown = /^#?\d+$/.test(known.ref.problem) ? problemLabel(known.ref) : known.ref.problem;
  run.note(`logged ${safe(shown)}${details.length ? ` (${details.join(', ')})` : ''} for ${day} · ${tail}`);
  return 0;
}

interface Answers {
  ref: ProblemRef | null;
  difficulty: Difficulty | undefined;
  minutes: number | undefined;
  result: Result | undefined;
  tags: string[] | undefined;
  note: string | undefined;
}

/** Asks for whatever was not given (a TTY only). Enter takes the default shown. */
async function promptMissing(run: Run, g: Given, history: readonly SessionRow[]): Promise<Answers> {
  const { input, select } = await import('@inquirer/prompts');
  const context = { input: run.ctx.stdin, output: run.ctx.stdout as unknown as NodeJS.WritableStream };
  let ref = g.ref;
  if (ref === null) {
    const text = await input(
      {
        message: 'Problem (number, slug or title):',
        validate: (v: string) => (parseProblem(v) === null ? 'a number (1), a slug (two-sum) or a title (Two Sum)' : true),
      },
      context,
    );
    ref = parseProblem(text);
  }
  const knownDifficulty = ref === null ? null : completeFromHistory(ref, history).difficulty;
  let difficulty = g.difficulty;
  if (difficulty === undefined) {
    const picked = await select<Difficulty | ''>(
      {
        message: 'Difficulty:',
        choices: [...DIFFICULTIES.map((d) => ({ value: d as Difficulty | '', name: d })), { value: '', name: '(not recorded)' }],
        default: knownDifficulty ?? '',
      },
      context,
    );
    difficulty = picked === '' ? undefined : picked;
  }
  let minutes = g.minutes;
  if (minutes === undefined) {
    const text = await input(
      {
        message: 'Minutes (Enter to skip):',
        validate: (v: string) => {
          if (v.trim() === '') return true;
          const r = checkMinutes(v);
          return 'error' in r ? r.error : true;
        },
      },
      context,
    );
    minutes = text.trim() === '' ? undefined : Number(text.trim());
  }
  let result = g.result;
  if (result === undefined) {
    result = await select<Result>(
      { message: 'Result:', choices: RESULTS.map((r) => ({ value: r, name: r })), default: LOG_DEFAULTS.result },
      context,
    );
  }
  let tags = g.tags;
  if (tags === undefined) tags = parseTags(await input({ message: 'Tags, comma-separated (Enter to skip):' }, context));
  let note = g.note;
  if (note === undefined) note = (await input({ message: 'Note (Enter to skip):' }, context)).trim();
  return { ref, difficulty, minutes, result, tags, note };
}

function sessionJson(s: SessionRow): Record<string, unknown> {
  return {
    id: s.id,
    date: s.day,
    at: s.at,
    problem: s.problem,
    number: s.number,
    slug: s.slug,
    title: s.title,
    difficulty: s.difficulty,
    minutes: s.minutes,
    result: s.result,
    tags: s.tags,
    note: s.note,
  };
}

function allSessions(store: Store): SessionRow[] {
  return store.sessionsSince(LEETCODE_HABIT, ALL_HISTORY);
}

async function list(run: Run, opts: LeetOptions): Promise<number> {
  let filter: ProblemRef | null = null;
  if (opts.problem !== undefined) {
    filter = parseProblem(opts.problem);
    if (filter === null) throw new UsageError('--problem: expected a number, slug or title');
  }
  const settings = await settingsBeforeWriting(run);
  const since = opts.since === undefined ? null : pastDay('--since', opts.since, today(run, settings));
  const store = await run.store();
  let rows = allSessions(store);
  if (filter !== null) rows = filterByProblem(rows, filter);
  if (since !== null) rows = rows.filter((r) => r.day >= since);

  if (run.json) {
    run.out(JSON.stringify(rows.map(sessionJson)));
    return 0;
  }
  if (rows.length === 0) {
    run.note(
      filter !== null || since !== null
        ? 'no LeetCode sessions match'
        : 'no LeetCode sessions yet; log one: study leet log two-sum --difficulty easy --minutes 20',
    );
    return 0;
  }
  const { table } = await import('../render/table.js');
  const { truncate } = await import('../text.js');
  const c = run.chalk;
  // One line per session; its tags and note, when it has any, on a line below it.
  const lines = table(
    [
      ['date', 'time', 'problem', 'level', 'min', 'result'],
      ...rows.map((r) => [
        r.day,
        r.at.slice(11, 16),
        safe(problemLabel(r)),
        r.difficulty ?? '-',
        r.minutes === null ? '-' : String(r.minutes),
        r.result ?? '-',
      ]),
    ],
    [{}, {}, { flex: 1, min: 16 }, {}, { align: 'right' }, {}],
    run.columns,
  );
  const out = [c.dim(lines[0]!)];
  const indent = ' '.repeat(19); // under the problem
  rows.forEach((r, i) => {
    out.push(lines[i + 1]!);
    const extra = [r.tags.map((t) => `#${t}`).join(' '), r.note ?? ''].filter((x) => x !== '').join(' · ');
    if (extra !== '') out.push(indent + c.dim(truncate(safe(extra), Math.max(8, run.columns - indent.length))));
  });
  run.out(out.join('\n'));
  run.note(plural(rows.length, 'session'));
  return 0;
}

async function stats(run: Run): Promise<number> {
  const store = await run.store();
  const settings = settingsFrom(store.settings());
  const s = leetStats(allSessions(store), settings.weekStart);
  if (run.json) {
    run.out(JSON.stringify(s));
    return 0;
  }
  if (s.sessions === 0) {
    run.note('no LeetCode sessions yet; log one: study leet log two-sum --difficulty easy --minutes 20');
    return 0;
  }
  const { table } = await import('../render/table.js');
  const c = run.chalk;
  const join = (parts: [string, number][]): string =>
    parts
      .filter(([k, n]) => k !== 'unknown' || n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · ');
  const summary: string[][] = [
    ['sessions', `${s.sessions} on ${plural(s.days, 'day')}, ${s.firstDay} to ${s.lastDay}`],
    ['problems', `${s.problems} distinct: ${join(Object.entries(s.problemsByDifficulty))}`],
    ['difficulty', join(Object.entries(s.byDifficulty))],
    ['result', join(Object.entries(s.byResult))],
    ['minutes', `${s.minutes}${s.timedSessions < s.sessions ? ` (${s.timedSessions} of ${s.sessions} sessions timed)` : ''}`],
  ];
  if (s.byTag.length) summary.push(['tags', safe(s.byTag.map((t) => `${t.tag} ${t.sessions}`).join(' · '))]);
  const out = table(summary, [{ style: (cell) => c.dim(cell) }, { flex: 1 }], run.columns);

  const weeks = s.minutesPerWeek.slice(-12);
  out.push('', c.dim(s.minutesPerWeek.length > weeks.length ? `the last ${weeks.length} weeks with sessions:` : 'by week:'));
  out.push(
    ...table(
      weeks.map((w) => [w.week, plural(w.sessions, 'session'), `${w.minutes} min`]),
      [{}, { align: 'right' }, { align: 'right' }],
      run.columns,
      '  ',
    ),
  );
  if (s.solvedMoreThanOnce.length) {
    out.push('', c.dim('solved more than once:'));
    out.push(
      ...table(
        s.solvedMoreThanOnce.map((p) => [safe(p.label), `${p.solved} times`]),
        [{ flex: 1, min: 12 }, { align: 'right' }],
        run.columns,
        '  ',
      ),
    );
  }
  run.out(out.join('\n'));
  return 0;
}
