// study leet log [PROBLEM] [options]: a LeetCode session, the built-in `leetcode` habit,
// and a review of its problem: the problem is found in the catalogue however it is named
// (number, slug, title, URL), and FSRS says when it comes back. What is not given is
// asked on a terminal; without one, only PROBLEM is needed.
import { existsSync, readFileSync } from 'node:fs';
import { addDaysTo, daysBetween, type Day } from '../../core/calendar.js';
import { LEETCODE_HABIT } from '../../core/habits.js';
import { DIFFICULTIES, checkMinutes, completeFromHistory, parseProblem, parseTags, type Difficulty, type ProblemRef } from '../../core/leet.js';
import { HELPED, ratingFor, targetMinutesFor, type ReviewRating } from '../../core/leet/rating.js';
import { canonicalKey, catalogueLookup, resolveProblem, type ProblemLookup, type ResolvedProblem } from '../../core/leet/resolve.js';
import type { NewSession } from '../../core/records.js';
import { studyDayOfLocal } from '../../core/streak.js';
import { timestampOf } from '../../cli/clock.js';
import { bundledDataFile } from '../../cli/paths.js';
import { parseCatalogue } from '../../core/leet/catalogue.js';
import { UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { weekdayDate } from '../../render/dates.js';
import { plural, safe, truncate, width } from '../../render/text.js';
import { loadCardEngine, type Store } from '../../store/index.js';
import { habitStreak, pastDayOf, sessionTimestamp, settingsBeforeWriting } from '../shared.js';
import { RESULT_CHOICES, type LeetLogOptions, type LogResult } from './index.js';
import { labelOf, problemJson, sessionJson } from './shared.js';

/** Defaults for what is neither given nor asked (documented in docs/leetcode.md). */
export const LOG_DEFAULTS = { difficulty: null, minutes: null, result: 'solved' as LogResult, tags: [] as string[], note: null };

/** What was given on the command line, checked; undefined where nothing was given. */
interface Given {
  text: string | null;
  difficulty: Difficulty | undefined;
  minutes: number | undefined;
  result: LogResult | undefined;
  tags: string[] | undefined;
  note: string | undefined;
}

function given(problem: string, opts: LeetLogOptions): Given {
  const note = opts.note?.trim();
  return {
    text: parseProblem(problem) === null ? null : problem,
    difficulty: opts.difficulty,
    minutes: opts.minutes,
    result: opts.result,
    tags: opts.tags === undefined ? undefined : parseTags(opts.tags),
    note: note === undefined ? undefined : note,
  };
}

/** The names a session of `p` is stored under: the catalogue's, or for another problem what was typed, completed from its earlier sessions. */
function namesFor(p: ResolvedProblem, store: Store): { ref: ProblemRef; difficulty: Difficulty | null } {
  if (p.known) return { ref: { problem: p.typed, number: p.number, slug: p.slug, title: p.title }, difficulty: p.difficulty };
  const ref = { problem: p.typed, number: p.number, slug: p.slug, title: p.title };
  return completeFromHistory(ref, store.leet.unknownHistory(p.slug, p.number));
}

export default async function log(run: Run, args: string[], opts: LeetLogOptions): Promise<number> {
  const g = given(args.join(' '), opts);
  const ask = run.canPrompt && opts.yes !== true;
  if (g.text === null && !ask) {
    const missing = ['PROBLEM (a number, slug, title or URL)'];
    if (g.difficulty === undefined) missing.push('--difficulty (unless the catalogue has the problem)');
    if (g.minutes === undefined) missing.push('--minutes');
    if (g.result === undefined) missing.push('--result');
    if (g.tags === undefined) missing.push('--tags');
    if (g.note === undefined) missing.push('--note');
    throw new UsageError(
      `leet log: missing PROBLEM; not a terminal, so nothing was asked (would have asked: ${missing.join(', ')}); e.g. study leet log two-sum --minutes 20`,
    );
  }

  // --date is checked before the store is opened (or created): a bad one writes nothing.
  const settings = await settingsBeforeWriting(run);
  const todayDay = studyDayOfLocal(run.now.local, settings.dayStart);
  const day = pastDayOf('--date', opts.date, todayDay);

  let text = g.text;
  let { difficulty, minutes, result, tags, note } = g;
  if (ask) {
    // No store is created before the prompts are answered: Ctrl-C on a first run leaves
    // nothing behind (the catalogue is then read from the package).
    const lookup = existsSync(run.dbPath) ? (await run.store()).leet.lookup() : bundledLookup();
    ({ text, difficulty, minutes, result, tags, note } = await promptMissing(run, g, lookup));
  }
  if (text === null) throw new UsageError('leet log: missing PROBLEM');
  const store = await run.store();
  await loadCardEngine();
  const resolved = resolveProblem(text, store.leet.lookup())!;
  const names = namesFor(resolved, store);
  const notes: string[] = [];
  if (resolved.known && difficulty !== undefined && difficulty !== resolved.difficulty) {
    notes.push(`${safe(labelOf(resolved))} is ${resolved.difficulty} in the catalogue; --difficulty ${difficulty} is not used`);
  }
  const firstTime = !resolved.known && store.leet.card(canonicalKey(names.ref, store.leet.lookup())) === null;
  if (firstTime) notes.push(`"${safe(resolved.typed)}" is not in the LeetCode catalogue; logged as given, with no pattern`);

  const sessionDifficulty = resolved.known ? resolved.difficulty : (difficulty ?? names.difficulty ?? LOG_DEFAULTS.difficulty);
  const sessionResult = result ?? LOG_DEFAULTS.result;
  const sessionMinutes = minutes ?? LOG_DEFAULTS.minutes;
  const rating: ReviewRating = ratingFor({ result: sessionResult, minutes: sessionMinutes, targetMinutes: targetMinutesFor(sessionDifficulty), rating: opts.rating ?? null });
  const session: NewSession = {
    habitId: LEETCODE_HABIT,
    at: sessionTimestamp(run, todayDay, day),
    day,
    problem: names.ref.problem,
    number: names.ref.number,
    slug: names.ref.slug,
    title: names.ref.title,
    difficulty: sessionDifficulty,
    minutes: sessionMinutes,
    result: sessionResult,
    tags: tags ?? LOG_DEFAULTS.tags,
    note: note === undefined || note === '' ? LOG_DEFAULTS.note : note,
    rating,
  };
  const { id, reviewed } = store.sessions.addReview(session, `LeetCode ${resolved.known ? labelOf(resolved) : resolved.typed}`);
  const problem = { ...reviewed.names, problem: session.problem };
  const nextReview = reviewed.card.due;

  const streak = habitStreak(store, LEETCODE_HABIT, todayDay, settings);
  if (run.json) {
    run.out(
      JSON.stringify({
        problem: problemJson(problem),
        known: resolved.known,
        rating,
        nextReview,
        interval: reviewed.card.scheduledDays,
        reviews: reviewed.reviews,
        session: sessionJson({ id, ...session, rating }),
        streak: { current: streak.current, longest: streak.longest, doneToday: streak.doneToday },
      }),
    );
  }
  for (const n of notes) run.note(n);
  const details = [session.difficulty, session.minutes === null ? null : `${session.minutes} min`, session.result === 'solved' ? null : session.result].filter(
    (d): d is string => d !== null,
  );
  const tail = `${details.length ? ` (${details.join(', ')})` : ''} for ${day}`;
  // 'study: logged ' and the tail take their room; the problem's name gets the rest of 80 columns
  // a catalogue problem by its number and title; another as typed (a bare number with the name an earlier session gave it)
  const shown = resolved.known || /^#?\d+$/.test(resolved.typed) ? labelOf(problem) : resolved.typed;
  run.note(`logged ${truncate(safe(shown), Math.max(16, run.columns - 14 - width(tail)))}${tail}`);
  let status = `streak ${plural(streak.current, 'day')}`;
  if (!streak.doneToday && streak.todayCount > 0) status += ` (today ${streak.todayCount} of ${settings.dailyTarget} sessions)`;
  const inDays = daysBetween(todayDay, nextReview);
  // a back-dated session's next review may be past already: due now
  const when = inDays < 0 ? `due now, ${plural(-inDays, 'day')} ago` : inDays === 0 ? 'today' : inDays === 1 ? 'tomorrow' : `in ${inDays} days`;
  run.note(`rated ${rating} · next review ${weekdayDate(nextReview)} (${when}) · ${status}`);
  return 0;
}

/**
 * The catalogue read from the package (data/leetcode-problems.tsv), for the one case where
 * there is no store to ask yet: the prompts of a first `study leet log`, answered before
 * the store is created.
 */
function bundledLookup(): ProblemLookup {
  return catalogueLookup(parseCatalogue(readFileSync(bundledDataFile('leetcode-problems.tsv'), 'utf8')));
}

interface Answers {
  text: string | null;
  difficulty: Difficulty | undefined;
  minutes: number | undefined;
  result: LogResult | undefined;
  tags: string[] | undefined;
  note: string | undefined;
}

/** Asks for whatever was not given (a TTY only); the difficulty only of a problem the catalogue does not have. Enter takes the default shown. */
async function promptMissing(run: Run, g: Given, lookup: ProblemLookup): Promise<Answers> {
  const { input, select } = await import('@inquirer/prompts');
  const context = { input: run.ctx.stdin, output: run.ctx.stdout as unknown as NodeJS.WritableStream };
  let text = g.text;
  if (text === null) {
    text = await input(
      {
        message: 'Problem (number, slug, title or URL):',
        validate: (v: string) => (parseProblem(v) === null ? 'a number (20), a slug (valid-parentheses), a title or a problem URL' : true),
      },
      context,
    );
  }
  const known = resolveProblem(text, lookup)?.known === true;
  let difficulty = g.difficulty;
  if (difficulty === undefined && !known) {
    const picked = await select<Difficulty | ''>(
      {
        message: 'Difficulty:',
        choices: [...DIFFICULTIES.map((d) => ({ value: d as Difficulty | '', name: d })), { value: '', name: '(not recorded)' }],
        default: '',
      },
      context,
    );
    difficulty = picked === '' ? undefined : picked;
  }
  let minutes = g.minutes;
  if (minutes === undefined) {
    const answer = await input(
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
    minutes = answer.trim() === '' ? undefined : Number(answer.trim());
  }
  let result = g.result;
  if (result === undefined) {
    result = await select<LogResult>(
      { message: 'Result:', choices: RESULT_CHOICES.map((r) => ({ value: r, name: r === HELPED ? 'helped (solved with a hint or the editorial)' : r })), default: LOG_DEFAULTS.result },
      context,
    );
  }
  let tags = g.tags;
  if (tags === undefined) tags = parseTags(await input({ message: 'Tags, comma-separated (Enter to skip):' }, context));
  let note = g.note;
  if (note === undefined) note = (await input({ message: 'Note (Enter to skip):' }, context)).trim();
  return { text, difficulty, minutes, result, tags, note };
}
