// The LeetCode part of `study today`: the reviews due and the first of them, today's new
// problems of the started list, and the week's sessions against the weekly target. A few
// indexed reads of the card read model; no scheduling (ts-fsrs is not loaded).
import { addDaysTo, weekStartOf, type Day } from '../../core/calendar.js';
import { LEETCODE_HABIT } from '../../core/habits.js';
import { weeklyProgress } from '../../core/leet/weekly.js';
import type { Settings } from '../../core/settings.js';
import type { LeetToday } from '../../render/leet.js';
import type { Store } from '../../store/index.js';
import { startedPlan } from './plan.js';

export function leetToday(store: Store, day: Day, settings: Settings): LeetToday {
  const reviewsDue = store.leet.dueCount(day);
  const first = reviewsDue > 0 ? (store.leet.due(day, 1)[0] ?? null) : null;
  const plan = startedPlan(store, day, settings);
  const from = weekStartOf(day, settings.weekStart);
  const counts = store.sessions.countsBetween(LEETCODE_HABIT, from, addDaysTo(from, 6));
  const sessionDays = [...counts].flatMap(([d, n]) => Array.from({ length: n }, () => d));
  const week = weeklyProgress(sessionDays, day, settings.leetWeeklyTarget, settings.weekStart);
  return {
    reviewsDue,
    firstDue: first ? { problem: first.problem, due: first.card.due } : null,
    list: plan ? { id: plan.started.list, title: plan.info.title, done: plan.day.done, total: plan.day.total, behind: plan.day.behind, next: plan.day.next } : null,
    new: plan ? plan.day.today.map((p) => ({ problem: p.problem, solved: p.solved })) : [],
    weekly: { done: week.done, target: week.target },
  };
}
