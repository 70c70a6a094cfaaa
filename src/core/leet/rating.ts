// The rating of a LeetCode session and the FSRS parameters, as settings hold them: what
// the store, `today`, `report` and `config` need of reviews without loading the FSRS
// library (src/core/leet/review.ts, which schedules, loads ts-fsrs). Pure.
import type { Difficulty } from '../model.js';

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof RATINGS)[number];

export function isRating(v: unknown): v is ReviewRating {
  return typeof v === 'string' && (RATINGS as readonly string[]).includes(v);
}

/** --rating: again | hard | good | easy, any case. */
export function checkRating(text: string): { value: ReviewRating } | { error: string } {
  const v = text.trim().toLowerCase();
  return isRating(v) ? { value: v } : { error: 'expected again, hard, good or easy' };
}

/** The result a session gets for "solved with help" (a hint, the editorial, a solution). */
export const HELPED = 'helped';

/** Minutes a problem of each difficulty should take; a problem of no known difficulty gets medium's. */
export const TARGET_MINUTES: Readonly<Record<Difficulty, number>> = { easy: 15, medium: 30, hard: 45 };

export function targetMinutesFor(difficulty: string | null | undefined): number {
  return difficulty === 'easy' || difficulty === 'medium' || difficulty === 'hard' ? TARGET_MINUTES[difficulty] : TARGET_MINUTES.medium;
}

export interface RatingInput {
  /** solved | attempted | reviewed | helped; null or unknown reads as solved (the log's default). */
  readonly result: string | null;
  readonly minutes: number | null;
  readonly targetMinutes: number;
  /** --rating, when given: it wins. */
  readonly rating?: ReviewRating | null;
}

/**
 * The rating of a session: --rating when given; else 'attempted' (not solved) is again;
 * 'helped' (solved with help) or more minutes than the target is hard; fewer than half
 * the target is easy; anything else solved (solved, reviewed, no minutes) is good.
 */
export function ratingFor({ result, minutes, targetMinutes, rating }: RatingInput): ReviewRating {
  if (rating) return rating;
  if (result === 'attempted') return 'again';
  if (result === HELPED) return 'hard';
  if (minutes !== null && minutes > targetMinutes) return 'hard';
  if (minutes !== null && minutes < targetMinutes / 2) return 'easy';
  return 'good';
}

// ---------------------------------------------------------------------------------------
// Parameters

export interface FsrsParams {
  /** Desired retention, the chance to recall a problem when it is due: 0.70 .. 0.99. */
  readonly retention: number;
  /** The longest interval in days: 2 .. 36500. */
  readonly maximumInterval: number;
}

/** ts-fsrs's defaults (request_retention 0.9, maximum_interval 36500). */
export const DEFAULT_FSRS: FsrsParams = { retention: 0.9, maximumInterval: 36500 };

/** The settings that hold FSRS parameters, with their defaults as stored text. */
export const FSRS_SETTINGS = { 'fsrs-retention': '0.9', 'fsrs-maximum-interval': '36500' } as const;

/** fsrs-retention: a number from 0.7 to 0.99. */
export function checkRetention(text: string): { value: number } | { error: string } {
  const v = text.trim();
  const n = Number(v);
  if (!/^0?\.\d+$/.test(v) || !(n >= 0.7 && n <= 0.99)) return { error: 'expected a retention from 0.70 to 0.99, like 0.9' };
  return { value: n };
}

/** fsrs-maximum-interval: whole days from 2 to 36500 (again must stay sooner than good). */
export function checkMaximumInterval(text: string): { value: number } | { error: string } {
  const v = text.trim();
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 2 || n > 36500) return { error: 'expected whole days from 2 to 36500' };
  return { value: n };
}

/** FSRS parameters from stored settings; a missing or invalid value takes the default. */
export function fsrsParamsFrom(settings: Readonly<Record<string, string | undefined>>): FsrsParams {
  const r = settings['fsrs-retention'];
  const m = settings['fsrs-maximum-interval'];
  const retention = r === undefined ? null : checkRetention(r);
  const maximumInterval = m === undefined ? null : checkMaximumInterval(m);
  return {
    retention: retention && 'value' in retention ? retention.value : DEFAULT_FSRS.retention,
    maximumInterval: maximumInterval && 'value' in maximumInterval ? maximumInterval.value : DEFAULT_FSRS.maximumInterval,
  };
}
