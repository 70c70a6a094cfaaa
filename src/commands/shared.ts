// What several commands need: finding a roadmap by what the user typed, the bundled
// roadmaps on a brand-new store, today's study day and settings, argument parsers, and a
// roadmap's progress as of a moment (the one way every command computes it).
import { existsSync } from 'node:fs';
import { addDaysTo, dayFromWords, daysBetween, parseDay, type Day } from '../core/calendar.js';
import { timestampOf } from '../cli/clock.js';
import { asOf, progressOf, type Progress } from '../core/progress.js';
import type { PlanVersionKind } from '../core/records.js';
import { settingsFrom, type Settings } from '../core/settings.js';
import { effectiveTarget, streakOf, studyDayOfLocal, type StreakResult } from '../core/streak.js';
import { StudyError, UsageError } from '../cli/errors.js';
import type { Run } from '../cli/run.js';
import { safe } from '../render/text.js';
import type { Store } from '../store/index.js';

/** A ROADMAP argument checked before the store is opened: an empty one is a usage error. */
export function roadmapArg(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError('ROADMAP: expected a roadmap id (see study roadmaps), got an empty string');
  return value;
}

/** A roadmap id from an exact id or a unique prefix of one. */
export function findRoadmapId(store: Store, wanted: string): string {
  const ids = store.roadmaps.ids();
  if (ids.includes(wanted)) return wanted;
  const matches = ids.filter((id) => id.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new StudyError(`roadmap "${safe(wanted)}" is ambiguous: ${matches.join(', ')}`);
  if (ids.length === 0) throw new StudyError('no roadmaps are loaded; run: study load');
  throw new StudyError(`roadmap "${safe(wanted)}" not found; loaded: ${ids.join(', ')} (see study roadmaps)`);
}

/**
 * The store, with the bundled roadmaps loaded into it if it has never had any roadmap,
 * so that a first `study today` or `study roadmaps` shows something real.
 */
export async function storeWithRoadmaps(run: Run): Promise<Store> {
  const store = await run.store();
  if (store.roadmaps.isEmpty()) {
    const { loadPaths } = await import('./load/run.js');
    const reports = await loadPaths(run, []);
    run.note(`first run: loaded the ${reports.length} bundled roadmaps into ${safe(run.dbPath)}`);
  }
  return store;
}

/**
 * The settings, read without creating a store: one that does not exist yet has the
 * defaults. For checking arguments that depend on them (a --date in the future) before
 * anything is written.
 */
export async function settingsBeforeWriting(run: Run): Promise<Settings> {
  if (!existsSync(run.dbPath)) return settingsFrom({});
  return settingsFrom((await run.store()).settings.all());
}

/** Today's study day and the settings, as every plan-aware command needs them. */
export function todayOf(run: Run, store: Store): { today: Day; settings: Settings } {
  const settings = settingsFrom(store.settings.all());
  return { today: studyDayOfLocal(run.now.local, settings.dayStart), settings };
}

/** A day option's parser: a real calendar day YYYY-MM-DD, or a usage error. */
export function parseDayValue(value: string): Day {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`expected a date YYYY-MM-DD, got "${safe(value)}"`);
  const day = parseDay(v);
  if (day === null) throw new UsageError(`expected a date YYYY-MM-DD that exists, got "${safe(value)}"`);
  return day;
}

/**
 * A day option's parser where a day may be said in words (`today`, `yesterday`, `mon`,
 * `-2`, `2026-11-20`): checked now against a fixed day, turned into a day by `dayOf` when
 * the command knows today.
 */
export function parseDayWords(value: string): string {
  const v = value.trim();
  if (dayFromWords(v, '2026-01-01') === null) {
    throw new UsageError(
      /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? `expected a date YYYY-MM-DD that exists, got "${safe(value)}"`
        : `expected a day: today, yesterday, a weekday (mon), -N (days ago) or YYYY-MM-DD; got "${safe(value)}"`,
    );
  }
  return v;
}

/** The day a `parseDayWords` option names, on study day `today`; a usage error if it is after today. */
export function pastDayOf(option: string, words: string | undefined, today: Day): Day {
  if (words === undefined) return today;
  const day = dayFromWords(words, today)!;
  if (day > today) throw new UsageError(`${option}: ${day} is in the future (today is ${today})`);
  return day;
}

/** A whole-number option's parser, from `min` to `max`. */
export function wholeNumber(min: number, max: number, unit: string): (value: string) => number {
  return (value) => {
    const v = value.trim();
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`expected a whole number of ${unit} from ${min} to ${max}, got "${safe(value)}"`);
    return n;
  };
}

/** A plan (the version judged by), as progress needs it. */
export interface PlanRef {
  readonly version: number;
  readonly startDay: Day;
  readonly totalWeeks: number;
  /** What made the version: a pause or a stop puts the plan in that state. */
  readonly kind: PlanVersionKind;
}

/** The state a plan version leaves its plan in. */
export const stateOf = (kind: PlanVersionKind): 'active' | 'paused' | 'stopped' => (kind === 'pause' ? 'paused' : kind === 'stop' ? 'stopped' : 'active');

/**
 * A roadmap's progress, as of now or as of the end of a week that is over (`weekEnd`, its
 * last day): core/progress.ts progressOf over the store's counts. `plan`: the version of
 * its plan to judge by (the current one; for a past week, the one in force then), or null
 * when it is not started.
 */
export function progressFor(store: Store, roadmapId: string, plan: PlanRef | null, today: Day, settings: Settings, weekEnd?: Day): Progress {
  const timing = plan ? { startDay: plan.startDay, totalWeeks: plan.totalWeeks, weekStartsOn: settings.weekStart, state: stateOf(plan.kind) } : null;
  const when = asOf(timing, today, weekEnd);
  const counts = plan ? store.progress.ofPlan(roadmapId, plan.version, when.day, when.day === today) : store.progress.ofRoadmap(roadmapId, when.day);
  return progressOf(counts, timing, when);
}

/** A habit's streak on study day `day`: core/streak.ts streakOf over the qualifying days the store gives by index. */
export function habitStreak(store: Store, habitId: string, day: Day, settings: Settings): StreakResult {
  const days = store.sessions.qualifyingDays(habitId, effectiveTarget(settings.dailyTarget), day);
  return streakOf(days, store.sessions.countOn(habitId, day), day, settings);
}

/**
 * The moment a session logged now is stored at. Back-dated to `day`, it is that day with
 * the current wall-clock time and offset, kept inside the same study day: at 01:30
 * (before a 04:00 day start) a session for D is stored at D+1 01:30, which belongs to D.
 */
export function sessionTimestamp(run: Run, todayDay: Day, day: Day): string {
  const calendarDate = run.now.local.slice(0, 10);
  const shift = daysBetween(todayDay, calendarDate); // 1 before the day start, else 0
  const local = `${addDaysTo(day, shift)}${run.now.local.slice(10)}`;
  return timestampOf({ local, offsetMinutes: run.now.offsetMinutes });
}
