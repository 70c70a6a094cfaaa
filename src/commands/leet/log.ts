// study leet log [PROBLEM] [options]: a LeetCode session, the built-in `leetcode` habit.
// What is not given is asked on a terminal; without one, only PROBLEM is needed.
import { existsSync } from 'node:fs';
import { LEETCODE_HABIT } from '../../core/habits.js';
import { DIFFICULTIES, RESULTS, checkMinutes, completeFromHistory, parseProblem, parseTags, problemLabel, type Difficulty, type ProblemRef, type Result } from '../../core/leet.js';
import type { NewSession, Session } from '../../core/records.js';
import { studyDayOfLocal } from '../../core/streak.js';
import { UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';
import { habitStreak, pastDayOf, sessionTimestamp, settingsBeforeWriting } from '../shared.js';
import type { LeetLogOptions } from './index.js';
import { sessionJson } from './shared.js';

/** Defaults for what is neither given nor asked (documented in docs/commands.md). */
export const LOG_DEFAULTS = { difficulty: null, minutes: null, result: 'solved' as Result, tags: [] as string[], note: null };

/** What was given on the command line, checked; undefined where nothing was given. */
interface Given {
  ref: ProblemRef | null;
  difficulty: Difficulty | undefined;
  minutes: number | undefined;
  result: Result | undefined;
  tags: string[] | undefined;
  note: string | undefined;
}

function given(problem: string, opts: LeetLogOptions): Given {
  const note = opts.note?.trim();
  return {
    ref: parseProblem(problem),
    difficulty: opts.difficulty,
    minutes: opts.minutes,
    result: opts.result,
    tags: opts.tags === undefined ? undefined : parseTags(opts.tags),
    note: note === undefined ? undefined : note,
  };
}


export default async function log(run: Run, args: string[], opts: LeetLogOptions): Promise<number> {
  const g = given(args.join(' '), opts);
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
  const todayDay = studyDayOfLocal(run.now.local, settings.dayStart);
  const day = pastDayOf('--date', opts.date, todayDay);
  // No store is created before the prompts are answered: Ctrl-C on a first run leaves nothing behind.
  const earlier = existsSync(run.dbPath) ? (await run.store()).sessions.all(LEETCODE_HABIT) : [];

  let ref = g.ref;
  let { difficulty, minutes, result, tags, note } = g;
  if (ask) {
    const answers = await promptMissing(run, { ...g }, earlier);
    ref = answers.ref;
    ({ difficulty, minutes, result, tags, note } = answers);
  }
  const store = await run.store();
  // after a prompt, what another shell logged meanwhile counts too
  const history = ask ? store.sessions.all(LEETCODE_HABIT) : earlier;
  if (ref === null) throw new UsageError('leet log: missing PROBLEM');
  const known = completeFromHistory(ref, history);

  const session: NewSession = {
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
  // what was typed, or '1. Two Sum' for a bare number whose name an earlier session gave
  const shown = /^#?\d+$/.test(known.ref.problem) ? problemLabel(known.ref) : known.ref.problem;
  const id = store.sessions.add(session, `LeetCode ${shown}`);

  const streak = habitStreak(store, LEETCODE_HABIT, todayDay, settings);
  if (run.json) {
    run.out(JSON.stringify({ session: sessionJson({ id, ...session }), streak: { current: streak.current, longest: streak.longest, doneToday: streak.doneToday } }));
  }
  const details = [session.difficulty, session.minutes === null ? null : `${session.minutes} min`, session.result === 'solved' ? null : session.result].filter(
    (d): d is string => d !== null,
  );
  let tail = `streak ${plural(streak.current, 'day')}`;
  if (!streak.doneToday && streak.todayCount > 0) tail += ` (today ${streak.todayCount} of ${settings.dailyTarget} sessions)`;
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
async function promptMissing(run: Run, g: Given, history: readonly Session[]): Promise<Answers> {
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

