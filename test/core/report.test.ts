// The weekly report (core/report.ts buildReport): plans as progressOf gives them, the
// week's completions, LeetCode's week and streak, next week's items.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import type { Progress } from '../../src/core/progress.js';
import type { Session } from '../../src/core/records.js';

const PROGRESS: Progress = {
  done: 3,
  total: 8,
  percent: 37,
  expected: 4,
  expectedPercent: 50,
  behindBy: 1,
  aheadBy: 0,
  status: 'behind',
  pace: 1.5,
  paceWeeks: 2,
  projectedFinish: '2026-12-27',
  plannedFinish: '2026-12-13',
  week: 2,
  of: 4,
};

const session = (id: number, day: string, difficulty: string | null, minutes: number | null): Session => ({
  id,
  habitId: 'leetcode',
  at: `${day}T20:00:00+00:00`,
  day,
  problem: 'two-sum',
  number: null,
  slug: 'two-sum',
  title: null,
  difficulty,
  minutes,
  result: 'solved',
  tags: [],
  note: null,
});

describe('buildReport', () => {
  const r = buildReport({
    from: '2026-11-23',
    weekStartsOn: 1,
    asOf: '2026-11-26',
    plans: [
      {
        roadmap: 'r',
        title: 'R',
        progress: PROGRESS,
        nextWeek: 3,
        nextWeekEntries: [
          { id: 'r/s/e', title: 'e', dueWeek: 3 },
          { id: 'r/s/f', title: 'f', dueWeek: 4 },
        ],
        upcoming: { id: 'r/s/g', title: 'g', section: 'S', firstWeek: 4 },
        minutes: 90,
      },
    ],
    completed: [{ id: 'r/s/b', title: 'b', roadmap: 'r', date: '2026-11-24' }],
    sessions: [session(1, '2026-11-23', 'easy', 20), session(2, '2026-11-23', 'medium', 40), session(3, '2026-11-25', null, null)],
    streak: { current: 1, longest: 4 },
    habitMinutes: new Map([['leetcode', 60]]),
  });

  it('names the week, its days and the day it speaks as of', () => {
    expect(r).toMatchObject({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29', asOf: '2026-11-26' });
  });

  it('gives each plan the figures of its progress', () => {
    expect(r.roadmaps).toEqual([
      expect.objectContaining({ id: 'r', done: 3, total: 8, percent: 37, expectedPercent: 50, status: 'behind', behindBy: 1, week: 2, of: 4, pace: 1.5 }),
    ]);
  });

  it('LeetCode: sessions, problems, difficulty, minutes, days practised and the strip of the week', () => {
    expect(r.leetcode).toMatchObject({ sessions: 3, problems: 1, byDifficulty: { easy: 1, medium: 1, hard: 0, unknown: 1 }, minutes: 60, days: 2 });
    expect(r.leetcode.strip.map((d) => d.count)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(r.streak).toEqual({ current: 1, longest: 4 });
  });

  it('next week: the items due then (SPEC), and every item worked on then; nothing comes next while there are some', () => {
    expect(r.nextWeek.map((n) => n.id)).toEqual(['r/s/e']);
    expect(r.nextWeekPlanned.map((n) => n.id)).toEqual(['r/s/e', 'r/s/f']);
    expect(r.nextOpen).toEqual([]);
  });

  it('time: minutes on the plans’ items, each habit’s, and in all', () => {
    expect(r.roadmaps[0]!.minutes).toBe(90);
    expect(r.time).toEqual({ plans: 90, habits: [{ id: 'leetcode', minutes: 60 }], total: 150 });
  });
});
