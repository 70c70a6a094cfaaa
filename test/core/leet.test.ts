import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkDifficulty,
  checkMinutes,
  checkPastDay,
  checkResult,
  completeFromHistory,
  filterByProblem,
  leetSlug,
  leetStats,
  parseProblem,
  parseTags,
  problemKey,
  problemLabel,
  titleFromSlug,
  type SessionLike,
} from '../../src/core/leet.js';

describe('parseProblem', () => {
  it.each([
    ['1', { problem: '1', number: 1, slug: null, title: null }],
    ['#146', { problem: '#146', number: 146, slug: null, title: null }],
    ['two-sum', { problem: 'two-sum', number: null, slug: 'two-sum', title: 'Two Sum' }],
    ['Two Sum', { problem: 'Two Sum', number: null, slug: 'two-sum', title: 'Two Sum' }],
    ['  Two   Sum ', { problem: 'Two Sum', number: null, slug: 'two-sum', title: 'Two Sum' }],
    ['1. Two Sum', { problem: '1. Two Sum', number: 1, slug: 'two-sum', title: 'Two Sum' }],
    ['#1 two-sum', { problem: '#1 two-sum', number: 1, slug: 'two-sum', title: 'Two Sum' }],
    ['50: Pow(x, n)', { problem: '50: Pow(x, n)', number: 50, slug: 'powx-n', title: 'Pow(x, n)' }],
    ['subsets', { problem: 'subsets', number: null, slug: 'subsets', title: 'Subsets' }],
    [
      'https://leetcode.com/problems/lru-cache/description/',
      { problem: 'https://leetcode.com/problems/lru-cache/description/', number: null, slug: 'lru-cache', title: 'Lru Cache' },
    ],
    ['দুই যোগফল', { problem: 'দুই যোগফল', number: null, slug: null, title: 'দুই যোগফল' }],
  ])('%j', (text, expected) => {
    expect(parseProblem(text)).toEqual(expected);
  });

  it('blank is null', () => {
    expect(parseProblem('')).toBeNull();
    expect(parseProblem('   ')).toBeNull();
  });
});

describe('slugs and titles', () => {
  it.each([
    ['Two Sum', 'two-sum'],
    ['Pow(x, n)', 'powx-n'],
    ['Sqrt(x)', 'sqrtx'],
    ['N-Queens', 'n-queens'],
    ['Two Sum II - Input Array Is Sorted', 'two-sum-ii-input-array-is-sorted'],
    ["Moore's Voting", 'moores-voting'],
    ['Café Résumé', 'cafe-resume'],
    ['???', ''],
  ])('leetSlug(%j) = %j', (title, slug) => {
    expect(leetSlug(title)).toBe(slug);
  });

  it.each([
    ['two-sum', 'Two Sum'],
    ['best-time-to-buy-and-sell-stock', 'Best Time to Buy and Sell Stock'],
    ['jump-game-ii', 'Jump Game II'],
    ['the-skyline-problem', 'The Skyline Problem'],
    ['3sum', '3sum'],
  ])('titleFromSlug(%j) = %j', (slug, title) => {
    expect(titleFromSlug(slug)).toBe(title);
  });

  it('property: a slug survives slug -> title -> slug', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const slug = words.join('-');
        expect(leetSlug(titleFromSlug(slug))).toBe(slug);
      }),
    );
  });

  it('property: leetSlug is idempotent and yields a slug or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const slug = leetSlug(text);
        expect(slug === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)).toBe(true);
        expect(leetSlug(slug)).toBe(slug);
      }),
    );
  });
});

function session(over: Partial<SessionLike>): SessionLike {
  return { day: '2026-11-23', problem: null, number: null, slug: null, title: null, difficulty: null, minutes: null, result: 'solved', tags: [], ...over };
}

describe('completeFromHistory', () => {
  const history = [
    session({ day: '2026-11-01', problem: '1. Two Sum', number: 1, slug: 'two-sum', title: 'Two Sum', difficulty: 'easy' }),
    session({ day: '2026-11-02', problem: 'lru-cache', slug: 'lru-cache', title: 'Lru Cache' }),
    session({ day: '2026-11-03', problem: 'LRU Cache', slug: 'lru-cache', title: 'LRU Cache', difficulty: 'medium' }),
  ];

  it('a bare number gets the slug, title and difficulty an earlier session gave it', () => {
    expect(completeFromHistory(parseProblem('1')!, history)).toEqual({
      ref: { problem: '1', number: 1, slug: 'two-sum', title: 'Two Sum' },
      difficulty: 'easy',
    });
  });

  it('a slug gets the number, and a typed title beats one guessed from the slug', () => {
    expect(completeFromHistory(parseProblem('two-sum')!, history).ref).toEqual({ problem: 'two-sum', number: 1, slug: 'two-sum', title: 'Two Sum' });
    expect(completeFromHistory(parseProblem('lru-cache')!, history)).toEqual({
      ref: { problem: 'lru-cache', number: null, slug: 'lru-cache', title: 'LRU Cache' },
      difficulty: 'medium',
    });
  });

  it('an unknown problem stays as given', () => {
    expect(completeFromHistory(parseProblem('42')!, history)).toEqual({
      ref: { problem: '42', number: 42, slug: null, title: null },
      difficulty: null,
    });
  });
});

describe('problem identity', () => {
  it('keys and labels', () => {
    expect(problemKey(session({ slug: 'two-sum', number: 1 }))).toBe('two-sum');
    expect(problemKey(session({ number: 1 }))).toBe('#1');
    expect(problemKey(session({ number: 1 }), new Map([[1, 'two-sum']]))).toBe('two-sum');
    expect(problemKey(session({ problem: 'দুই যোগফল' }))).toBe('দুই যোগফল');
    expect(problemLabel(session({ number: 1, slug: 'two-sum', title: 'Two Sum' }))).toBe('1. Two Sum');
    expect(problemLabel(session({ number: 3 }))).toBe('#3');
    expect(problemLabel(session({ slug: 'jump-game-ii' }))).toBe('Jump Game II');
  });

  it('filterByProblem links a number to the slug another session recorded with it', () => {
    const rows = [
      session({ problem: '1', number: 1 }),
      session({ problem: '1. Two Sum', number: 1, slug: 'two-sum', title: 'Two Sum' }),
      session({ problem: 'two-sum', slug: 'two-sum', title: 'Two Sum' }),
      session({ problem: 'three-sum', slug: 'three-sum' }),
    ];
    expect(filterByProblem(rows, parseProblem('two-sum')!)).toHaveLength(3);
    expect(filterByProblem(rows, parseProblem('#1')!)).toHaveLength(3);
    expect(filterByProblem(rows, parseProblem('Three Sum')!)).toHaveLength(1);
    expect(filterByProblem(rows, parseProblem('2')!)).toHaveLength(0);
  });
});

describe('option checks', () => {
  it('difficulty and result', () => {
    expect(checkDifficulty('Easy')).toEqual({ value: 'easy' });
    expect(checkDifficulty('insane')).toEqual({ error: 'expected easy, medium or hard' });
    expect(checkResult('reviewed')).toEqual({ value: 'reviewed' });
    expect(checkResult('done')).toEqual({ error: 'expected solved, attempted or reviewed' });
  });

  it.each(['0', '-5', '1.5', 'abc', '', '1441', '1e2', ' '])('minutes %j is refused', (m) => {
    expect(checkMinutes(m)).toEqual({ error: 'expected whole minutes from 1 to 1440' });
  });

  it.each([
    ['1', 1],
    ['45', 45],
    ['1440', 1440],
    [' 30 ', 30],
  ])('minutes %j = %d', (m, n) => {
    expect(checkMinutes(m)).toEqual({ value: n });
  });

  it('tags', () => {
    expect(parseTags('Array, Hash Table,,array , two-pointers')).toEqual(['array', 'hash-table', 'two-pointers']);
    expect(parseTags(['dp', 'graph,dp'])).toEqual(['dp', 'graph']);
    expect(parseTags('')).toEqual([]);
  });

  it('past days', () => {
    expect(checkPastDay('2026-11-23', '2026-11-23')).toEqual({ value: '2026-11-23' });
    expect(checkPastDay('2024-02-29', '2026-11-23')).toEqual({ value: '2024-02-29' });
    expect(checkPastDay('2026-11-24', '2026-11-23')).toEqual({ error: '2026-11-24 is in the future (today is 2026-11-23)' });
    expect(checkPastDay('2026-02-30', '2026-11-23')).toEqual({ error: 'expected a date YYYY-MM-DD that exists, got "2026-02-30"' });
    expect(checkPastDay('2026-1-5', '2026-11-23')).toEqual({ error: 'expected a date YYYY-MM-DD that exists, got "2026-1-5"' });
  });
});

describe('leetStats', () => {
  const rows: SessionLike[] = [
    session({ day: '2026-11-16', problem: '1', number: 1, difficulty: 'easy', minutes: 20, tags: ['array'] }),
    session({ day: '2026-11-17', problem: 'two-sum', number: 1, slug: 'two-sum', title: 'Two Sum', difficulty: 'easy', minutes: 10, tags: ['array', 'hash-table'] }),
    session({ day: '2026-11-17', problem: 'lru-cache', slug: 'lru-cache', difficulty: 'medium', minutes: 60, result: 'attempted', tags: ['design'] }),
    session({ day: '2026-11-22', problem: 'lru-cache', slug: 'lru-cache', difficulty: 'medium', minutes: 45, tags: ['design', 'hash-table'] }),
    session({ day: '2026-11-23', problem: 'Median of Two Sorted Arrays', slug: 'median-of-two-sorted-arrays', title: 'Median of Two Sorted Arrays', difficulty: 'hard', result: 'reviewed' }),
    session({ day: '2026-11-23', problem: 'two-sum', slug: 'two-sum', title: 'Two Sum', minutes: 5 }),
    session({ day: '2026-11-23', problem: '7', number: 7 }),
  ];

  it('exact totals (weeks from Monday)', () => {
    expect(leetStats(rows)).toEqual({
      sessions: 7,
      problems: 4, // two-sum (1 linked), lru-cache, median-of-two-sorted-arrays, #7
      days: 4,
      byDifficulty: { easy: 2, medium: 2, hard: 1, unknown: 2 },
      problemsByDifficulty: { easy: 1, medium: 1, hard: 1, unknown: 1 },
      byResult: { solved: 5, attempted: 1, reviewed: 1, unknown: 0 },
      byTag: [
        { tag: 'array', sessions: 2 },
        { tag: 'design', sessions: 2 },
        { tag: 'hash-table', sessions: 2 },
      ],
      minutes: 140,
      timedSessions: 5,
      minutesPerWeek: [
        { week: '2026-W47', sessions: 4, minutes: 135 },
        { week: '2026-W48', sessions: 3, minutes: 5 },
      ],
      solvedMoreThanOnce: [{ key: 'two-sum', label: 'Two Sum', solved: 3, sessions: 3 }],
      firstDay: '2026-11-16',
      lastDay: '2026-11-23',
    });
  });

  it('weeks starting on Sunday put Sunday 11-22 in the next week', () => {
    expect(leetStats(rows, 0).minutesPerWeek).toEqual([
      { week: '2026-W47', sessions: 3, minutes: 90 },
      { week: '2026-W48', sessions: 4, minutes: 50 },
    ]);
  });

  it('no sessions', () => {
    expect(leetStats([])).toMatchObject({ sessions: 0, problems: 0, days: 0, minutes: 0, minutesPerWeek: [], firstDay: null, lastDay: null });
  });

  it('property: the breakdowns add up to the sessions', () => {
    const arb = fc.record({
      day: fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10)),
      problem: fc.constantFrom('1', 'two-sum', 'lru-cache', 'Two Sum', '7'),
      difficulty: fc.constantFrom(null, 'easy', 'medium', 'hard'),
      minutes: fc.option(fc.integer({ min: 1, max: 1440 })),
      result: fc.constantFrom('solved', 'attempted', 'reviewed'),
      tags: fc.subarray(['array', 'dp', 'graph']),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), (raw) => {
        const sessions = raw.map((r) => ({ ...r, ...parseProblem(r.problem)! }));
        const s = leetStats(sessions);
        const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
        expect(sum(s.byDifficulty)).toBe(s.sessions);
        expect(sum(s.byResult)).toBe(s.sessions);
        expect(sum(s.problemsByDifficulty)).toBe(s.problems);
        expect(s.minutesPerWeek.reduce((a, w) => a + w.sessions, 0)).toBe(s.sessions);
        expect(s.minutesPerWeek.reduce((a, w) => a + w.minutes, 0)).toBe(s.minutes);
        expect(s.problems).toBeLessThanOrEqual(s.sessions);
        expect(s.days).toBeLessThanOrEqual(s.sessions);
        // '1' stays apart from two-sum: no session here records a number with a slug
        expect(s.problems).toBeLessThanOrEqual(4);
      }),
    );
  });
});
