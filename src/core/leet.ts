// LeetCode sessions: what the user typed as a problem, slug <-> title, option checks,
// and the stats of `study leet stats`. Pure: plain data in and out, no clock, no store.
import { parseDay, weekLabel, DEFAULT_WEEK_STARTS_ON, type Day } from './calendar.js';
import { DIFFICULTIES, type Difficulty } from './model.js';
import type { Session } from './records.js';

export { DIFFICULTIES, type Difficulty };

export const RESULTS = ['solved', 'attempted', 'reviewed'] as const;
export type Result = (typeof RESULTS)[number];

/** Minutes a session may last: 1 .. 1440. */
export const MAX_MINUTES = 1440;

/** A problem as identified by what the user typed: any of number, slug, title may be known. */
export interface ProblemRef {
  /** What was typed, trimmed. */
  readonly problem: string;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
}

/** The fields of a session (core/records.ts) that stats and matching read. */
export type SessionLike = Pick<Session, 'day' | 'problem' | 'number' | 'slug' | 'title' | 'difficulty' | 'minutes' | 'result' | 'tags'>;

// ---------------------------------------------------------------------------------------
// Problems

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NUMBER_RE = /^#?(\d{1,6})$/;
/** '1. Two Sum', '#1 two-sum', '1: Two Sum' */
const NUMBERED_RE = /^#?(\d{1,6})\s*[.:)-]?\s+(\S.*)$/;
const URL_RE = /^(?:https?:\/\/)?(?:www\.)?leetcode\.(?:com|cn)\/problems\/([a-z0-9-]+)\/?(?:[?#/].*)?$/i;

/** Words LeetCode keeps lower case inside a title ('Best Time to Buy and Sell Stock'). */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);
const ROMAN_RE = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/;

/**
 * A title as LeetCode slugs it: 'Two Sum' -> 'two-sum', 'Pow(x, n)' -> 'powx-n',
 * 'Two Sum II - Input Array Is Sorted' -> 'two-sum-ii-input-array-is-sorted'.
 * Accents are folded; anything but letters, digits, spaces and hyphens is dropped.
 * '' when nothing is left (a title in another script).
 */
export function leetSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]+/g, '')
    .replace(/[\s-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A readable title from a slug: 'two-sum' -> 'Two Sum', 'best-time-to-buy-and-sell-stock'
 * -> 'Best Time to Buy and Sell Stock', 'jump-game-ii' -> 'Jump Game II'. A guess (the
 * slug lost the punctuation), used only when no title is known.
 */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter((w) => w !== '')
    .map((w, i) => {
      if (ROMAN_RE.test(w)) return w.toUpperCase();
      if (i > 0 && MINOR_WORDS.has(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/**
 * What the user typed as PROBLEM: a number ('1', '#1'), a slug ('two-sum'), a problem URL,
 * a title ('Two Sum'), or a number and a slug or title ('1. Two Sum'). The slug and title
 * are completed from each other. Null when `text` is blank.
 */
export function parseProblem(text: string): ProblemRef | null {
  const problem = text.trim().replace(/\s+/g, ' ');
  if (problem === '') return null;
  const url = URL_RE.exec(problem);
  if (url) return fromName(problem, null, url[1]!.toLowerCase());
  const num = NUMBER_RE.exec(problem);
  if (num) return { problem, number: Number(num[1]), slug: null, title: null };
  const numbered = NUMBERED_RE.exec(problem);
  if (numbered) return fromName(problem, Number(numbered[1]), numbered[2]!);
  return fromName(problem, null, problem);
}

function fromName(problem: string, number: number | null, name: string): ProblemRef {
  if (SLUG_RE.test(name)) return { problem, number, slug: name, title: titleFromSlug(name) };
  const slug = leetSlug(name);
  return { problem, number, slug: slug === '' ? null : slug, title: name };
}

/**
 * `ref` completed from earlier sessions of the same problem (same slug, or same number):
 * a number logged once as '1. Two Sum' gives later logs of '1' their slug and title, and
 * the other way round. The most recent matching session wins; a title the user typed
 * beats one guessed from a slug. Also returns the difficulty last recorded for it.
 */
export function completeFromHistory(
  ref: ProblemRef,
  history: readonly SessionLike[],
): { ref: ProblemRef; difficulty: Difficulty | null } {
  let number = ref.number;
  let slug = ref.slug;
  let title = ref.title;
  let difficulty: Difficulty | null = null;
  // A title guessed from a slug gives way to one the user typed in an earlier session.
  let guessed = title === null || (slug !== null && title === titleFromSlug(slug));
  for (let i = history.length - 1; i >= 0; i--) {
    const s = history[i]!;
    const same = (slug !== null && s.slug === slug) || (number !== null && s.number === number);
    if (!same) continue;
    number ??= s.number;
    slug ??= s.slug;
    if (guessed && s.title !== null && (s.slug === null || s.title !== titleFromSlug(s.slug))) {
      title = s.title;
      guessed = false;
    } else if (title === null && s.title !== null) {
      title = s.title;
    }
    if (difficulty === null && isDifficulty(s.difficulty)) difficulty = s.difficulty;
  }
  if (title === null && slug !== null) title = titleFromSlug(slug);
  return { ref: { problem: ref.problem, number, slug, title }, difficulty };
}

/** 'two-sum', else '#1', else the typed text in lower case: what makes two sessions the same problem. */
export function problemKey(s: Pick<SessionLike, 'number' | 'slug' | 'problem'>, slugOfNumber?: ReadonlyMap<number, string>): string {
  if (s.slug) return s.slug;
  if (s.number !== null) return slugOfNumber?.get(s.number) ?? `#${s.number}`;
  return (s.problem ?? '').trim().toLowerCase();
}

/** How a session's problem is shown: '1. Two Sum', 'Two Sum', '#1', or the typed text. Not yet safe() for a terminal. */
export function problemLabel(s: Pick<SessionLike, 'number' | 'slug' | 'title' | 'problem'>): string {
  const name = s.title ?? (s.slug ? titleFromSlug(s.slug) : null);
  if (s.number !== null) return name ? `${s.number}. ${name}` : `#${s.number}`;
  return name ?? s.problem ?? '?';
}

/** number -> slug, from every session that recorded both (the latest wins). */
function slugsOfNumbers(sessions: readonly SessionLike[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const s of sessions) if (s.number !== null && s.slug) map.set(s.number, s.slug);
  return map;
}

/** True when the session is one of the problem `ref` names (by slug, number or typed text). */
export function sameProblem(s: SessionLike, ref: ProblemRef, slugOfNumber?: ReadonlyMap<number, string>): boolean {
  const key = problemKey(s, slugOfNumber);
  if (ref.slug !== null && key === ref.slug) return true;
  if (ref.number !== null && (s.number === ref.number || key === slugOfNumber?.get(ref.number))) return true;
  return key === problemKey(ref, slugOfNumber);
}

/** The sessions of one problem, with numbers and slugs linked across all `sessions`. */
export function filterByProblem<T extends SessionLike>(sessions: readonly T[], ref: ProblemRef): T[] {
  const links = slugsOfNumbers(sessions);
  return sessions.filter((s) => sameProblem(s, ref, links));
}

// ---------------------------------------------------------------------------------------
// Options

export function isDifficulty(v: unknown): v is Difficulty {
  return typeof v === 'string' && (DIFFICULTIES as readonly string[]).includes(v);
}

export function isResult(v: unknown): v is Result {
  return typeof v === 'string' && (RESULTS as readonly string[]).includes(v);
}

/** A checked option value, or the error that says what was expected (the caller names the option). */
export type Checked<T> = { value: T } | { error: string };

export function checkDifficulty(text: string): Checked<Difficulty> {
  const v = text.trim().toLowerCase();
  return isDifficulty(v) ? { value: v } : { error: 'expected easy, medium or hard' };
}

export function checkResult(text: string): Checked<Result> {
  const v = text.trim().toLowerCase();
  return isResult(v) ? { value: v } : { error: 'expected solved, attempted or reviewed' };
}

/** Whole minutes 1..1440. */
export function checkMinutes(text: string): Checked<number> {
  const v = text.trim();
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > MAX_MINUTES) return { error: `expected whole minutes from 1 to ${MAX_MINUTES}` };
  return { value: n };
}

/**
 * Tags from 'a,b' (or several occurrences): trimmed, lower case, inner spaces as hyphens
 * ('Hash Table' -> 'hash-table', as LeetCode names its topics), blanks dropped, no repeats.
 */
export function parseTags(text: string | readonly string[]): string[] {
  const parts = (typeof text === 'string' ? [text] : text).flatMap((t) => t.split(','));
  const tags: string[] = [];
  for (const p of parts) {
    const t = p.trim().toLowerCase().replace(/\s+/g, '-');
    if (t !== '' && !tags.includes(t)) tags.push(t);
  }
  return tags;
}

/** A study day for --date / --since: a real 'YYYY-MM-DD' on or before `today`. */
export function checkPastDay(text: string, today: Day): Checked<Day> {
  const v = text.trim();
  if (parseDay(v) === null) return { error: `expected a date YYYY-MM-DD that exists, got "${v}"` };
  if (v > today) return { error: `${v} is in the future (today is ${today})` };
  return { value: v };
}

// ---------------------------------------------------------------------------------------
// Stats

export interface WeekMinutes {
  /** 'YYYY-Www' (ISO when weeks start on Monday). */
  readonly week: string;
  readonly sessions: number;
  /** Minutes of the sessions that recorded them. */
  readonly minutes: number;
}

export interface RepeatedProblem {
  readonly key: string;
  readonly label: string;
  /** Sessions with result 'solved'. */
  readonly solved: number;
  readonly sessions: number;
}

export interface LeetStats {
  readonly sessions: number;
  /** Distinct problems (by slug, number linked to slug, or typed text). */
  readonly problems: number;
  /** Study days with at least one session. */
  readonly days: number;
  /** Sessions by difficulty; sessions with none recorded are in `unknown`. */
  readonly byDifficulty: { easy: number; medium: number; hard: number; unknown: number };
  /** Distinct problems by their last recorded difficulty. */
  readonly problemsByDifficulty: { easy: number; medium: number; hard: number; unknown: number };
  readonly byResult: { solved: number; attempted: number; reviewed: number; unknown: number };
  /** Sessions per tag, most used first (then by name). */
  readonly byTag: { tag: string; sessions: number }[];
  /** Total minutes of the sessions that recorded them. */
  readonly minutes: number;
  /** Sessions that recorded minutes. */
  readonly timedSessions: number;
  /** Weeks that had sessions, oldest first. */
  readonly minutesPerWeek: WeekMinutes[];
  /** Problems solved more than once, most often first. */
  readonly solvedMoreThanOnce: RepeatedProblem[];
  readonly firstDay: Day | null;
  readonly lastDay: Day | null;
}

/** Totals over sessions (any order). Weeks start on `weekStartsOn` (0 = Sunday, default Monday). */
export function leetStats(sessions: readonly SessionLike[], weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): LeetStats {
  const links = slugsOfNumbers(sessions);
  const byDifficulty = { easy: 0, medium: 0, hard: 0, unknown: 0 };
  const byResult = { solved: 0, attempted: 0, reviewed: 0, unknown: 0 };
  const tags = new Map<string, number>();
  const weeks = new Map<string, { sessions: number; minutes: number }>();
  const days = new Set<Day>();
  const problems = new Map<string, { label: string; difficulty: string | null; lastDay: Day; solved: number; sessions: number }>();
  let minutes = 0;
  let timed = 0;
  let firstDay: Day | null = null;
  let lastDay: Day | null = null;

  for (const s of sessions) {
    byDifficulty[isDifficulty(s.difficulty) ? s.difficulty : 'unknown']++;
    byResult[isResult(s.result) ? s.result : 'unknown']++;
    for (const t of s.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    const m = typeof s.minutes === 'number' && s.minutes > 0 ? s.minutes : 0;
    if (m > 0) timed++;
    minutes += m;
    const label = weekLabel(s.day, weekStartsOn);
    const w = weeks.get(label) ?? { sessions: 0, minutes: 0 };
    w.sessions++;
    w.minutes += m;
    weeks.set(label, w);
    days.add(s.day);
    if (firstDay === null || s.day < firstDay) firstDay = s.day;
    if (lastDay === null || s.day > lastDay) lastDay = s.day;

    const key = problemKey(s, links);
    const p = problems.get(key) ?? { label: problemLabel(s), difficulty: null, lastDay: s.day, solved: 0, sessions: 0 };
    p.sessions++;
    if (s.result === 'solved') p.solved++;
    if (s.day >= p.lastDay) {
      p.lastDay = s.day;
      if (isDifficulty(s.difficulty)) p.difficulty = s.difficulty;
      if (s.title !== null || s.number !== null) p.label = problemLabel(s);
    } else if (p.difficulty === null && isDifficulty(s.difficulty)) {
      p.difficulty = s.difficulty;
    }
    problems.set(key, p);
  }

  const problemsByDifficulty = { easy: 0, medium: 0, hard: 0, unknown: 0 };
  for (const p of problems.values()) problemsByDifficulty[isDifficulty(p.difficulty) ? p.difficulty : 'unknown']++;

  return {
    sessions: sessions.length,
    problems: problems.size,
    days: days.size,
    byDifficulty,
    problemsByDifficulty,
    byResult,
    byTag: [...tags].map(([tag, n]) => ({ tag, sessions: n })).sort((a, b) => b.sessions - a.sessions || (a.tag < b.tag ? -1 : 1)),
    minutes,
    timedSessions: timed,
    minutesPerWeek: [...weeks].map(([week, w]) => ({ week, ...w })).sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0)),
    solvedMoreThanOnce: [...problems]
      .filter(([, p]) => p.solved > 1)
      .map(([key, p]) => ({ key, label: p.label, solved: p.solved, sessions: p.sessions }))
      .sort((a, b) => b.solved - a.solved || (a.key < b.key ? -1 : 1)),
    firstDay,
    lastDay,
  };
}
