import { describe, expect, it } from 'vitest';
import { checkWeeklyTarget, weeklyProgress } from '../../../src/core/leet/weekly.js';
import { replay, review, reviewWeek, type DatedRating } from '../../../src/core/leet/review.js';

describe('weeklyProgress', () => {
  const days = ['2026-03-01', '2026-03-02', '2026-03-02', '2026-03-04', '2026-03-08', '2026-03-09'];
  it('counts the sessions of the week holding the day against the target', () => {
    expect(weeklyProgress(days, '2026-03-04', 10)).toEqual({
      week: '2026-W10',
      from: '2026-03-02',
      to: '2026-03-08',
      done: 4,
      target: 10,
      left: 6,
      met: false,
    });
    expect(weeklyProgress(days, '2026-03-04', 4)).toMatchObject({ done: 4, left: 0, met: true });
  });

  it('follows the week start, and reports no target as 0', () => {
    expect(weeklyProgress(days, '2026-03-04', 0, 0)).toMatchObject({ from: '2026-03-01', to: '2026-03-07', done: 4, target: 0, left: 0, met: false });
  });

  it('checks leet-weekly-target', () => {
    expect(checkWeeklyTarget('10')).toEqual({ value: 10 });
    expect(checkWeeklyTarget('0')).toEqual({ value: 0 });
    for (const bad of ['-1', '2.5', 'ten', '1001']) expect(checkWeeklyTarget(bad), bad).toHaveProperty('error');
  });
});

describe('reviewWeek', () => {
  // a good first review on Monday 2026-03-02 falls due on Thursday 03-05
  const first: DatedRating = { day: '2026-03-02', rating: 'good' };
  expect(review(null, 'good', first.day).due).toBe('2026-03-05');
  const week = ['2026-03-02', '2026-03-08'] as const;

  it('counts a review done when a problem seen before gets a session in the week', () => {
    const histories = [
      [first, { day: '2026-03-05', rating: 'good' as const }],
      [{ day: '2026-02-20', rating: 'good' as const }, { day: '2026-03-03', rating: 'good' as const }],
    ];
    expect(histories.map((h) => replay(h)!.due)).toEqual(['2026-03-19', '2026-03-29']);
    expect(reviewWeek(histories, ...week, '2026-03-10')).toEqual({ done: 2, missed: 0 });
    // first failed on 02-20, the review on 03-03 brings it back on 03-07: missed
    const lapsed = [{ day: '2026-02-20', rating: 'again' as const }, { day: '2026-03-03', rating: 'good' as const }];
    expect(replay(lapsed)!.due).toBe('2026-03-07');
    expect(reviewWeek([histories[0]!, lapsed], ...week, '2026-03-10')).toEqual({ done: 2, missed: 1 });
  });

  it('counts a review missed when it fell due in the week and got no session by its end', () => {
    expect(reviewWeek([[first]], ...week, '2026-03-10')).toEqual({ done: 0, missed: 1 });
    // done late, after the week: still missed in that week
    expect(reviewWeek([[first, { day: '2026-03-09', rating: 'good' }]], ...week, '2026-03-10')).toEqual({ done: 0, missed: 1 });
  });

  it('does not count a review due today as missed yet, nor anything after today', () => {
    expect(reviewWeek([[first]], ...week, '2026-03-05')).toEqual({ done: 0, missed: 0 });
    expect(reviewWeek([[first]], ...week, '2026-03-06')).toEqual({ done: 0, missed: 1 });
    expect(reviewWeek([[first, { day: '2026-03-07', rating: 'good' }]], ...week, '2026-03-06')).toEqual({ done: 0, missed: 1 });
  });

  it('counts a second session of a new problem on its first day as a review', () => {
    expect(reviewWeek([[first, { day: '2026-03-02', rating: 'easy' }]], ...week, '2026-03-03').done).toBe(1);
  });
});
