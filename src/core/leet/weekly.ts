// A week of LeetCode practice: progress towards the weekly target (`config set
// leet-weekly-target 10`). Pure. (The reviews done and missed in a week: review.ts
// reviewWeek, and the store's read model that answers it by index.)
import { addDaysTo, DEFAULT_WEEK_STARTS_ON, weekLabel, weekStartOf, type Day } from '../calendar.js';

/** The setting and its default: 0 = no target. */
export const WEEKLY_TARGET_SETTING = 'leet-weekly-target';
export const DEFAULT_WEEKLY_TARGET = 0;
export const MAX_WEEKLY_TARGET = 1000;

/** leet-weekly-target: sessions a week, a whole number 0..1000 (0 turns it off). */
export function checkWeeklyTarget(text: string): { value: number } | { error: string } {
  const v = text.trim();
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > MAX_WEEKLY_TARGET) return { error: `expected a whole number of sessions from 0 (no target) to ${MAX_WEEKLY_TARGET}` };
  return { value: n };
}

export interface WeeklyProgress {
  /** 'YYYY-Www'. */
  readonly week: string;
  readonly from: Day;
  readonly to: Day;
  /** Sessions logged in the week: new problems and reviews, any result. */
  readonly done: number;
  /** The target; 0 when none is set. */
  readonly target: number;
  /** Sessions still to do to reach it (0 when reached or no target). */
  readonly left: number;
  /** True when a target is set and reached. */
  readonly met: boolean;
}

/**
 * Progress towards the weekly target in the week holding `day`. `sessionDays` holds the
 * study day of every session (one entry a session; any order, any range).
 */
export function weeklyProgress(
  sessionDays: readonly Day[],
  day: Day,
  target: number,
  weekStartsOn: number = DEFAULT_WEEK_STARTS_ON,
): WeeklyProgress {
  const from = weekStartOf(day, weekStartsOn);
  const to = addDaysTo(from, 6);
  let done = 0;
  for (const d of sessionDays) if (d >= from && d <= to) done++;
  const t = Math.max(0, Math.floor(target));
  return { week: weekLabel(day, weekStartsOn), from, to, done, target: t, left: Math.max(0, t - done), met: t > 0 && done >= t };
}
