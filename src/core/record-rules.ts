// The rules every stored record obeys, one function per record (core/records.ts has their
// types), shared by the store, which checks each record as it writes it (so that no
// command can store one that breaks a later `today` or `report`), and by `study
// import-backup`, which checks a whole document before writing any of it. Each returns
// the problems found, as [field, what is wrong]; none means the record holds. Pure.
import { FIRST_DAY, LAST_DAY, MAX_PLAN_WEEKS } from './bounds.js';
import { inCalendar, type Day } from './calendar.js';
import { MAX_MINUTES, isDifficulty, isResult } from './leet.js';
import { HELPED, isRating, RATINGS } from './leet/rating.js';
import { PACES, PLAN_VERSION_KINDS, type NewSession, type PlanVersionWithSchedule } from './records.js';
import { canonicalSetting, isSettingKey, SETTING_KEYS } from './settings.js';

export type RuleProblem = readonly [field: string, message: string];

/** The longest text a record keeps in one field (a title, a note): far more than anyone types. */
export const MAX_TEXT = 10_000;

const MOMENT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d([+-])(\d{2}):(\d{2})$/;

const quote = (v: unknown): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return `"${text.length > 24 ? `${text.slice(0, 23)}…` : text}"`;
};

/** A study day: a real date in the calendar study keeps (core/bounds.ts), not after `today` when given. */
export function dayProblem(day: unknown, today: Day | null = null): string | null {
  if (typeof day !== 'string' || !inCalendar(day)) return `expected a date YYYY-MM-DD from ${FIRST_DAY} to ${LAST_DAY}, got ${quote(day)}`;
  if (today !== null && day > today) return `${day} is in the future (today is ${today})`;
  return null;
}

/** A moment as study stores it: 2026-11-23T20:15:00+06:00, on a day in the calendar, with a real offset. */
export function momentProblem(at: unknown): string | null {
  const m = typeof at === 'string' ? MOMENT_RE.exec(at) : null;
  if (!m || !inCalendar(m[1]!) || Number(m[4]) > 18 || Number(m[5]) > 59) {
    return `expected a moment like 2026-11-23T20:15:00+06:00, got ${quote(at)}`;
  }
  return null;
}

const text = (v: unknown, nullable: boolean): boolean => (nullable && v === null) || (typeof v === 'string' && v.length <= MAX_TEXT);

function collect(checks: readonly (readonly [string, string | null])[]): RuleProblem[] {
  return checks.filter((c): c is [string, string] => c[1] !== null);
}

/** A session of a habit. `today`: sessions after it are refused (null: not checked). */
export function sessionProblems(s: NewSession, today: Day | null = null): RuleProblem[] {
  return collect([
    ['habit_id', typeof s.habitId === 'string' && /^[a-z0-9][a-z0-9-/]*$/.test(s.habitId) && s.habitId.length <= 200 ? null : `expected a habit id, got ${quote(s.habitId)}`],
    ['at', momentProblem(s.at)],
    ['day', dayProblem(s.day, today)],
    ['problem', text(s.problem, true) ? null : 'expected text or null'],
    ['number', s.number === null || (Number.isInteger(s.number) && s.number >= 1 && s.number <= 1e7) ? null : `expected a problem number or null, got ${quote(s.number)}`],
    ['slug', text(s.slug, true) ? null : 'expected text or null'],
    ['title', text(s.title, true) ? null : 'expected text or null'],
    ['difficulty', s.difficulty === null || isDifficulty(s.difficulty) ? null : `expected easy, medium, hard or null, got ${quote(s.difficulty)}`],
    [
      'minutes',
      s.minutes === null || (Number.isInteger(s.minutes) && s.minutes >= 1 && s.minutes <= MAX_MINUTES)
        ? null
        : `expected whole minutes from 1 to ${MAX_MINUTES} or null, got ${quote(s.minutes)}`,
    ],
    [
      'result',
      s.result === null || isResult(s.result) || s.result === HELPED ? null : `expected solved, attempted, reviewed, ${HELPED} or null, got ${quote(s.result)}`,
    ],
    ['rating', s.rating == null || isRating(s.rating) ? null : `expected ${RATINGS.join(', ')} or null, got ${quote(s.rating)}`],
    ['tags', Array.isArray(s.tags) && s.tags.length <= 100 && s.tags.every((t) => text(t, false) && t !== '') ? null : 'expected a list of tags'],
    ['note', text(s.note, true) ? null : 'expected text or null'],
  ]);
}

/** A completion of an item: the study day it counts for, when it was made and undone. */
export function completionProblems(c: { itemId: string; day: Day; at: string; undoneAt: string | null }, today: Day | null = null): RuleProblem[] {
  return collect([
    ['item_id', text(c.itemId, false) && c.itemId !== '' ? null : 'expected an item id'],
    ['day', dayProblem(c.day, today)],
    ['at', momentProblem(c.at)],
    ['undone_at', c.undoneAt === null ? null : momentProblem(c.undoneAt)],
  ]);
}

/** A setting: a known key with its value in canonical form (what `study config set` stores). */
export function settingProblems(key: string, value: string): RuleProblem[] {
  if (!isSettingKey(key)) return [['key', `unknown setting ${quote(key)}; one of: ${SETTING_KEYS.join(', ')}`]];
  if (typeof value !== 'string') return [['value', 'expected text']];
  const r = canonicalSetting(key, value);
  if ('error' in r) return [['value', `${key}: ${r.error}, got ${quote(value)}`]];
  return r.value === value ? [] : [['value', `${key}: expected ${quote(r.value)}, got ${quote(value)}`]];
}

/** Weeks [from, to] of a plan: whole, from 1, from <= to, at most MAX_PLAN_WEEKS. */
const weekRangeOk = (r: unknown): boolean =>
  Array.isArray(r) && r.length === 2 && r.every((w) => Number.isInteger(w) && w >= 1 && w <= MAX_PLAN_WEEKS) && (r[0] as number) <= (r[1] as number);

/** A schedule as core/schedule.ts makes it: every week a whole number from 1 to MAX_PLAN_WEEKS. */
export function scheduleProblems(s: unknown): RuleProblem[] {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return [['schedule', 'expected a schedule']];
  const { totalWeeks, sections, due, spans } = s as Record<string, unknown>;
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const problems: RuleProblem[] = [];
  if (!Number.isInteger(totalWeeks) || (totalWeeks as number) < 0 || (totalWeeks as number) > MAX_PLAN_WEEKS) {
    problems.push(['schedule.totalWeeks', `a plan lasts at most ${MAX_PLAN_WEEKS} weeks (20 years), got ${quote(totalWeeks)}`]);
  }
  if (!isMap(sections) || !Object.values(sections).every((r) => r === null || weekRangeOk(r))) {
    problems.push(['schedule.sections', `expected week ranges from 1 to ${MAX_PLAN_WEEKS}`]);
  }
  if (!isMap(due) || !Object.values(due).every((w) => w === null || (Number.isInteger(w) && (w as number) >= 1 && (w as number) <= MAX_PLAN_WEEKS))) {
    problems.push(['schedule.due', `expected weeks from 1 to ${MAX_PLAN_WEEKS}`]);
  }
  if (!isMap(spans) || !Object.values(spans).every(weekRangeOk)) problems.push(['schedule.spans', `expected week ranges from 1 to ${MAX_PLAN_WEEKS}`]);
  return problems;
}

/** A version of a plan, with its schedule. `today`: versions made after it are refused (null: not checked). */
export function planVersionProblems(v: Omit<PlanVersionWithSchedule, 'version'> & { version?: number }, today: Day | null = null): RuleProblem[] {
  return [
    ...collect([
      ['version', v.version === undefined || (Number.isInteger(v.version) && v.version >= 1) ? null : `expected 1, 2, ..., got ${quote(v.version)}`],
      ['kind', (PLAN_VERSION_KINDS as readonly string[]).includes(v.kind) ? null : `expected ${PLAN_VERSION_KINDS.join(' or ')}, got ${quote(v.kind)}`],
      ['effective_day', dayProblem(v.effectiveDay, today)],
      ['at', momentProblem(v.at)],
      ['start_day', dayProblem(v.startDay)],
      [
        'hours_per_week',
        typeof v.hoursPerWeek === 'number' && v.hoursPerWeek > 0 && v.hoursPerWeek <= 168 ? null : `expected hours above 0 and at most 168, got ${quote(v.hoursPerWeek)}`,
      ],
      ['pace', (PACES as readonly string[]).includes(v.pace) ? null : `expected ${PACES.join(', ')}, got ${quote(v.pace)}`],
    ]),
    ...scheduleProblems(v.schedule),
  ];
}

/** A record that breaks its rules, refused by the store before it writes anything. */
export function refusal(what: string, problems: readonly RuleProblem[]): string | null {
  return problems.length === 0 ? null : `${what} was not stored: ${describeProblems(problems)}`;
}

/** Problems as one line: `field: message; field: message`. */
export function describeProblems(problems: readonly RuleProblem[]): string {
  return problems.map(([field, message]) => `${field}: ${message}`).join('; ');
}
