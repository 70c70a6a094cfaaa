// The records a user's history is made of, one type each, shared by the store, the core
// and the backup document: a session of a habit, a completion of an item, a version of a
// plan. Plain data.
import type { Day } from './calendar.js';
import type { Pace, Schedule } from './schedule.js';

/** A logged session of a habit (`leetcode` for `study leet log`). */
export interface Session {
  readonly id: number;
  readonly habitId: string;
  /** The moment, with its UTC offset: 2026-11-23T20:15:00+06:00. */
  readonly at: string;
  /** The study day it counts for. */
  readonly day: Day;
  /** What was typed as the problem (LeetCode), else null. */
  readonly problem: string | null;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: string | null;
  readonly minutes: number | null;
  readonly result: string | null;
  readonly tags: readonly string[];
  readonly note: string | null;
  /** A LeetCode session's review rating: again | hard | good | easy (null for other habits). */
  readonly rating: string | null;
}

/** A session as the store's table and a backup document keep it: snake_case columns, its tags parsed. */
export interface SessionRow {
  readonly id: number;
  readonly habit_id: string;
  readonly at: string;
  readonly day: Day;
  readonly problem: string | null;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: string | null;
  readonly minutes: number | null;
  readonly result: string | null;
  readonly tags: readonly string[];
  readonly note: string | null;
  readonly rating: string | null;
}

/** The record of a session row (for the store's reads and the checks of a backup alike). */
export function sessionOfRow(r: SessionRow): Session {
  return {
    id: r.id,
    habitId: r.habit_id,
    at: r.at,
    day: r.day,
    problem: r.problem,
    number: r.number,
    slug: r.slug,
    title: r.title,
    difficulty: r.difficulty,
    minutes: r.minutes,
    result: r.result,
    tags: r.tags,
    note: r.note,
    rating: r.rating,
  };
}

/**
 * A session about to be logged: everything but its id. A LeetCode session without a
 * rating gets the one its result and minutes give (core/leet/rating.ts ratingFor).
 */
export type NewSession = Omit<Session, 'id' | 'rating'> & { readonly rating?: string | null };

/** Where in a phase's duration range a plan lands: its min, middle or max (core/schedule.ts). */
export const PACES = ['min', 'mid', 'max'] as const;

/**
 * Why a plan got a new version: started (or started again from another day), re-planned
 * (open work moved forward), paused (its weeks stop counting against it), resumed (the
 * open work moved forward by the weeks it was paused) or stopped (it ends; its history and
 * reports stay).
 */
export const PLAN_VERSION_KINDS = ['start', 'replan', 'pause', 'resume', 'stop'] as const;
export type PlanVersionKind = (typeof PLAN_VERSION_KINDS)[number];

/**
 * One schedule a plan has had (and its state: a paused or stopped version keeps the
 * schedule it had). A week is judged by the version in force at its end (the latest whose effective day is
 * on or before it; the first version for any earlier week), so a week's report reads
 * the same forever.
 */
export interface PlanVersion {
  readonly roadmapId: string;
  /** 1, 2, ... */
  readonly version: number;
  readonly kind: PlanVersionKind;
  /** The study day it took effect. */
  readonly effectiveDay: Day;
  /** The moment it was made. */
  readonly at: string;
  /** Plan week 1 is the week that contains this day. */
  readonly startDay: Day;
  readonly hoursPerWeek: number;
  readonly pace: Pace;
}

/** A plan version as the store's table and a backup document keep it (snake_case columns). */
export interface PlanVersionRow {
  readonly roadmap_id: string;
  readonly version: number;
  readonly kind: string;
  readonly effective_day: string;
  readonly at: string;
  readonly start_day: string;
  readonly hours_per_week: number;
  readonly pace: string;
}

/** The record of a plan version row (for the store's reads and the checks of a backup alike). */
export function planVersionOfRow(r: PlanVersionRow): PlanVersion {
  return {
    roadmapId: r.roadmap_id,
    version: r.version,
    kind: r.kind as PlanVersionKind,
    effectiveDay: r.effective_day,
    at: r.at,
    startDay: r.start_day,
    hoursPerWeek: r.hours_per_week,
    pace: r.pace as Pace,
  };
}

/** A plan version with its schedule (the scheduler's output). */
export interface PlanVersionWithSchedule extends PlanVersion {
  readonly schedule: Schedule;
}
