import { describe, expect, it } from 'vitest';
import { allHabits, habitStatuses } from '../../src/core/habits.js';
import { computeStreak } from './streak-from-counts.js';
import type { Habit, Roadmap } from '../../src/core/model.js';

function habit(id: string, title: string): Habit {
  return { id, title, perWeek: 7, every: 'day', minutes: null, priority: null, difficulty: null, effort: null, notes: [] };
}

function roadmap(id: string, habits: Habit[]): Roadmap {
  return { id, title: id, kind: 'tracks', description: null, notes: [], sections: [], habits };
}

describe('allHabits', () => {
  it('leetcode alone when no roadmap declares a habit', () => {
    expect(allHabits([])).toEqual([{ id: 'leetcode', title: 'LeetCode', roadmaps: [] }]);
  });

  it('leetcode first (titled by its first declaration), then declared habits in order, each id once', () => {
    const roadmaps = [
      roadmap('a', [habit('reading', 'Read 20 pages'), habit('leetcode', 'LeetCode (1 problem/day)')]),
      roadmap('b', [habit('leetcode', 'LeetCode daily'), habit('anki', 'Anki reviews'), habit('reading', 'Reading again')]),
    ];
    expect(allHabits(roadmaps)).toEqual([
      { id: 'leetcode', title: 'LeetCode (1 problem/day)', roadmaps: ['a', 'b'] },
      { id: 'reading', title: 'Read 20 pages', roadmaps: ['a', 'b'] },
      { id: 'anki', title: 'Anki reviews', roadmaps: ['b'] },
    ]);
  });
});

describe('habitStatuses', () => {
  const counts: Record<string, Map<string, number>> = {
    leetcode: new Map([
      ['2026-11-20', 1], // Fri
      ['2026-11-21', 1], // Sat
      ['2026-11-22', 1], // Sun
    ]),
    reading: new Map([
      ['2026-11-20', 1],
      ['2026-11-23', 2],
    ]),
  };
  const countsFor = (id: string): Map<string, number> => counts[id] ?? new Map();
  const today = '2026-11-23'; // Monday

  it('each habit with its streak, in the order given, duplicates once', () => {
    const habits = [
      { id: 'leetcode', title: 'LeetCode' },
      { id: 'reading', title: 'Reading' },
      { id: 'anki', title: 'Anki' },
      { id: 'reading', title: 'Reading twice' },
    ];
    expect(habitStatuses(habits, (id) => computeStreak(countsFor(id), today, { restDays: new Set(), dailyTarget: 1 }))).toEqual([
      { id: 'leetcode', title: 'LeetCode', doneToday: false, current: 3, longest: 3, atRisk: true, todayCount: 0 },
      { id: 'reading', title: 'Reading', doneToday: true, current: 1, longest: 1, atRisk: false, todayCount: 2 },
      { id: 'anki', title: 'Anki', doneToday: false, current: 0, longest: 0, atRisk: false, todayCount: 0 },
    ]);
  });

  it('settings apply: weekend rest days bridge reading; daily target 2', () => {
    const weekend = { restDays: new Set([0, 6]), dailyTarget: 1 };
    expect(habitStatuses([{ id: 'reading', title: 'Reading' }], (id) => computeStreak(countsFor(id), today, weekend))).toMatchObject([{ current: 2, longest: 2 }]);
    const two = { restDays: new Set<number>(), dailyTarget: 2 };
    expect(habitStatuses([{ id: 'leetcode', title: 'L' }, { id: 'reading', title: 'R' }], (id) => computeStreak(countsFor(id), today, two))).toMatchObject([
      { id: 'leetcode', current: 0, longest: 0, doneToday: false, atRisk: false },
      { id: 'reading', current: 1, longest: 1, doneToday: true },
    ]);
  });
});
