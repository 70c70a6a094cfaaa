// A week of LeetCode practice: progress towards the weekly target (`config set
// leet-weekly-target 10`), and the reviews done and missed (the weekly report). Pure.
import { addDaysTo, DEFAULT_WEEK_STARTS_ON, weekLabel, weekStartOf, type Day } from '../calendar.js';
import { DEFAULT_FSRS, replay, type DatedRating, type FsrsParams } from './review.js';

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

export interface ReviewWeek {
  /** Sessions in the week (up to today) on a problem that had a session before. */
  readonly done: number;
  /** Problems that fell due in the week (before today) and got no session by its end. */
  readonly missed: number;
}

/**
 * Reviews done and missed in the week from..to, as known on `today`. `histories` holds
 * each problem's sessions (any order inside; days and ratings). A review is missed when
 * the problem's card, replayed over its sessions up to the week's end (or today), fell
 * due on a day of the week before today and is still due: a review due today is not
 * missed yet, and one that fell due before the week counts in its own week.
 */
export function reviewWeek(
  histories: readonly (readonly DatedRating[])[],
  from: Day,
  to: Day,
  today: Day,
  params: FsrsParams = DEFAULT_FSRS,
): ReviewWeek {
  const end = to < today ? to : today;
  const lastMissable = to < today ? to : addDaysTo(today, -1);
  let done = 0;
  let missed = 0;
  if (end < from) return { done, missed };
  for (const history of histories) {
    const upToEnd = history.filter((r) => r.day <= end);
    const first = upToEnd.reduce<Day | null>((m, r) => (m === null || r.day < m ? r.day : m), null);
    let firstSeen = false;
    for (const r of upToEnd) {
      if (r.day < from) continue;
      // the problem's very first session is new, not a review (only one of several on that day)
      if (r.day === first && !firstSeen) {
        firstSeen = true;
        continue;
      }
      done++;
    }
    const card = replay(upToEnd, params);
    if (card !== null && card.due >= from && card.due <= lastMissable) missed++;
  }
  return { done, missed };
}
