// The pictures of the HTML report from plain counts: the year's days, a plan's burn-up
// (across re-plans), the year's LeetCode.
import { describe, expect, it } from 'vitest';
import { burnupOf, heatmapDays, leetcodeYearOf, yearRange, type BurnupInput } from '../../src/core/pictures.js';
import type { SessionLike } from '../../src/core/leet.js';

describe('yearRange', () => {
  it('covers 52 weeks ending with the reported week, or today when that is earlier', () => {
    expect(yearRange('2026-11-23', '2026-11-29', '2026-11-26', 1)).toEqual({ from: '2025-12-01', to: '2026-11-26' });
    expect(yearRange('2026-11-16', '2026-11-22', '2026-11-26', 1)).toEqual({ from: '2025-11-24', to: '2026-11-22' });
    // weeks from Sunday
    expect(yearRange('2026-11-22', '2026-11-28', '2026-11-30', 0)).toEqual({ from: '2025-11-30', to: '2026-11-28' });
  });
});

describe('heatmapDays', () => {
  it('gives every day its sessions, completions, rest and frozen marks', () => {
    const days = heatmapDays({
      from: '2026-11-21',
      to: '2026-11-24',
      sessions: new Map([['2026-11-22', 2]]),
      completions: new Map([['2026-11-24', 3]]),
      restDays: new Set([0, 6]),
      frozen: new Set(['2026-11-23']),
    });
    expect(days).toEqual([
      { date: '2026-11-21', sessions: 0, completions: 0, rest: true, frozen: false },
      { date: '2026-11-22', sessions: 2, completions: 0, rest: true, frozen: false },
      { date: '2026-11-23', sessions: 0, completions: 0, rest: false, frozen: true },
      { date: '2026-11-24', sessions: 0, completions: 3, rest: false, frozen: false },
    ]);
    expect(heatmapDays({ from: '2026-11-24', to: '2026-11-23', sessions: new Map(), completions: new Map(), restDays: new Set(), frozen: new Set() })).toEqual([]);
  });
});

describe('burnupOf', () => {
  // A 4-week plan from Monday 2 Nov 2026: 2 leaves due in each week, 1 unscheduled, 1 done in the file.
  const base: BurnupInput = {
    id: 'p',
    title: 'P',
    weekStartsOn: 1,
    asOf: '2026-11-18',
    plan: { startDay: '2026-11-02', totalWeeks: 4, version: 1 },
    versions: [{ version: 1, effectiveDay: '2026-11-02', startDay: '2026-11-02', due: [0, 1, 2, 3, 4].map((week) => ({ week, due: week === 0 ? 1 : 2 })) }],
    total: 9,
    doneInFile: 1,
    doneByDay: new Map([
      ['2026-11-03', 1],
      ['2026-11-08', 1],
      ['2026-11-12', 2],
      ['2026-11-20', 1], // after the day the report speaks as of
    ]),
    plannedFinish: '2026-11-29',
    forecastFinish: '2026-12-06',
  };

  it('counts what was done by each week’s end, up to the day it speaks as of, and what was due by then', () => {
    const b = burnupOf(base);
    expect(b.weeks.map((w) => [w.week, w.label, w.from, w.to, w.done, w.planned])).toEqual([
      [1, '2026-W45', '2026-11-02', '2026-11-08', 3, 2],
      [2, '2026-W46', '2026-11-09', '2026-11-15', 5, 4],
      [3, '2026-W47', '2026-11-16', '2026-11-22', 5, 6],
      [4, '2026-W48', '2026-11-23', '2026-11-29', null, 8],
    ]);
    expect(b).toMatchObject({ id: 'p', total: 9, plannedFinish: '2026-11-29', forecastFinish: '2026-12-06' });
  });

  it('judges each week that is over by the version in force at its end, in that version’s weeks', () => {
    // Re-planned on 16 Nov: weeks 3-4 moved to 4-5; and a re-start on 23 Nov a week later.
    const replanned = {
      ...base,
      asOf: '2026-11-30',
      plan: { startDay: '2026-11-09', totalWeeks: 5, version: 3 },
      versions: [
        base.versions[0]!,
        { version: 2, effectiveDay: '2026-11-16', startDay: '2026-11-02', due: [{ week: 1, due: 2 }, { week: 2, due: 2 }, { week: 4, due: 2 }, { week: 5, due: 2 }] },
        { version: 3, effectiveDay: '2026-11-23', startDay: '2026-11-09', due: [{ week: 1, due: 4 }, { week: 3, due: 2 }, { week: 4, due: 2 }] },
      ],
    };
    const b = burnupOf(replanned);
    // Weeks of version 3 (from 9 Nov). Week 1 (9-15 Nov) ended under version 1: due by its week 2.
    // Week 2 (16-22 Nov) ended under version 2: due by its week 3 = 4. Week 3 ended under version 3.
    expect(b.weeks.map((w) => [w.week, w.from, w.done, w.planned])).toEqual([
      [1, '2026-11-09', 5, 4],
      [2, '2026-11-16', 6, 4],
      [3, '2026-11-23', 6, 6],
      [4, '2026-11-30', 6, 8],
      [5, '2026-12-07', null, 8],
    ]);
  });

  it('runs on to the week it speaks as of when the plan is late, and draws no done count before it starts', () => {
    const late = burnupOf({ ...base, asOf: '2026-12-10' });
    expect(late.weeks).toHaveLength(6);
    expect(late.weeks[5]).toMatchObject({ week: 6, done: 6, planned: 8 });
    const early = burnupOf({ ...base, asOf: '2026-10-20' });
    expect(early.weeks.map((w) => w.done)).toEqual([null, null, null, null]);
  });
});

describe('leetcodeYearOf', () => {
  const s = (day: string, slug: string, difficulty: string | null, tags: string[] = []): SessionLike => ({
    day,
    problem: slug,
    number: null,
    slug,
    title: null,
    difficulty,
    minutes: null,
    result: 'solved',
    tags,
  });

  it('sums sessions per week, and counts distinct problems by difficulty and by pattern', () => {
    const perDay = new Map([
      ['2026-11-02', 1],
      ['2026-11-04', 2],
      ['2026-11-16', 1],
    ]);
    const sessions = [
      s('2026-11-02', 'two-sum', 'easy', ['arrays']),
      s('2026-11-04', 'two-sum', 'easy', ['arrays', 'hashing']),
      s('2026-11-04', 'lru-cache', null),
      s('2026-11-16', 'lru-cache', 'medium', ['design']),
      s('2026-11-16', 'mystery', null),
    ];
    const y = leetcodeYearOf({ from: '2026-11-02', to: '2026-11-18' }, perDay, sessions, 1);
    expect(y.perWeek).toEqual([
      { week: '2026-W45', from: '2026-11-02', sessions: 3 },
      { week: '2026-W46', from: '2026-11-09', sessions: 0 },
      { week: '2026-W47', from: '2026-11-16', sessions: 1 },
    ]);
    expect(y.byDifficulty).toEqual({ easy: 1, medium: 1, hard: 0, unknown: 1 });
    // lru-cache has a pattern from a later session: it is not also counted as without one.
    expect(y.byPattern).toEqual([
      { pattern: 'arrays', problems: 1 },
      { pattern: 'design', problems: 1 },
      { pattern: 'hashing', problems: 1 },
      { pattern: '', problems: 1 },
    ]);
  });

  it('takes patterns from what it is given (the problem catalogue, once there is one)', () => {
    const y = leetcodeYearOf({ from: '2026-11-02', to: '2026-11-08' }, new Map(), [s('2026-11-02', 'two-sum', 'easy', ['x'])], 1, () => ['Arrays & Hashing']);
    expect(y.byPattern).toEqual([{ pattern: 'Arrays & Hashing', problems: 1 }]);
  });
});
