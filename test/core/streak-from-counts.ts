// Streaks from sessions per day, as the tests state them: the qualifying days (at least
// daily-target sessions, real dates, up to today) are what the store's SQL selects
// (src/store/sessions.ts qualifyingDays), handed to core/streak.ts streakOf.
import { dayNumberOf, type Day } from '../../src/core/calendar.js';
import { effectiveTarget, streakOf, type StreakResult, type StreakSettings } from '../../src/core/streak.js';

export function computeStreak(counts: ReadonlyMap<Day, number>, today: Day, settings: StreakSettings): StreakResult {
  const target = effectiveTarget(settings.dailyTarget);
  const todayNumber = dayNumberOf(today);
  const days: number[] = [];
  for (const [day, n] of counts) {
    const d = dayNumberOf(day);
    if (d !== null && n >= target && (todayNumber === null || d <= todayNumber)) days.push(d);
  }
  days.sort((a, b) => a - b);
  return streakOf(days, counts.get(today) ?? 0, today, settings);
}
