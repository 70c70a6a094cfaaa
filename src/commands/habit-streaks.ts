// A habit's streak on a study day, from the store by index: the qualifying days since a
// saved walk over the older history (issue #7: ten years of daily sessions are thousands
// of days, and only the last few weeks change). Same answer as core/streak.ts
// computeStreak over store.sessionCounts (test/perf.test.ts holds them together).
import { addDaysTo, dayNumberOf } from '../core/calendar.js';
import { effectiveTarget, STREAK_START, streakOfDays, walkStreak, type StreakResult, type StreakSettings, type StreakWalk } from '../core/streak.js';
import type { Store } from '../store/store.js';

/** The walk is saved this many days behind today (sessions can still be back-dated into the last days)... */
const SAVE_BEHIND = 7;
/** ... and saved again once it is this many days behind. */
const SAVE_AGAIN = 35;

export function habitStreak(store: Store, habitId: string, today: string, settings: StreakSettings): StreakResult {
  const target = effectiveTarget(settings.dailyTarget);
  const rules = `${target}/${[...settings.restDays].sort((a, b) => a - b).join(',')}`;
  const saved = store.streakWalk(habitId, rules);
  const usable = saved !== null && saved.through < today;
  let from: StreakWalk = usable ? saved.walk : STREAK_START;
  let days = store.qualifyingDays(habitId, target, today, usable ? saved.through : undefined);
  const checkpoint = addDaysTo(today, -SAVE_BEHIND);
  if (!usable ? saved === null : saved.through < addDaysTo(today, -SAVE_AGAIN)) {
    const cut = dayNumberOf(checkpoint)!;
    let i = 0;
    while (i < days.length && days[i]! <= cut) i++;
    from = walkStreak(from, days.slice(0, i), settings.restDays);
    days = days.slice(i);
    store.saveStreakWalk(habitId, rules, checkpoint, from);
  }
  return streakOfDays(days, store.sessionsOn(habitId, today), today, settings, from);
}
