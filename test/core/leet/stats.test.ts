import { describe, expect, it } from 'vitest';
import { patternStats, weakestPatterns, type PatternStats, type RatedSession } from '../../../src/core/leet/stats.js';
import { CATALOGUE, problem } from './bundled.js';

const s = (number: number | null, rating: RatedSession['rating'], result = 'solved', day = '2026-03-02'): RatedSession => ({ day, number, result, rating });

describe('patternStats', () => {
  // 20 Valid Parentheses and 155 Min Stack are Stack; 1 Two Sum and 217 Contains Duplicate are Arrays & Hashing
  const sessions = [
    s(20, 'good'),
    s(20, 'again', 'attempted'),
    s(155, 'again', 'attempted'),
    s(1, 'easy'),
    s(1, 'good', 'reviewed'),
    s(217, 'hard', 'helped'),
    s(9999, 'again', 'attempted'), // not in the catalogue
    s(null, 'good'),
  ];

  it('counts per pattern problems solved / in the list, reviews, lapses and retention, in roadmap order', () => {
    const stats = patternStats(sessions, CATALOGUE, 'neetcode150');
    expect(stats.map((x) => x.pattern).slice(0, 4)).toEqual(['Arrays & Hashing', 'Two Pointers', 'Sliding Window', 'Stack']);
    const by = new Map(stats.map((x) => [x.pattern, x]));
    const nc = (pattern: string) => CATALOGUE.filter((p) => p.neetcode150 && p.pattern === pattern).length;
    expect(by.get('Arrays & Hashing')).toEqual({ pattern: 'Arrays & Hashing', solved: 2, total: nc('Arrays & Hashing'), reviews: 3, lapses: 0, retention: 1 });
    expect(by.get('Stack')).toEqual({ pattern: 'Stack', solved: 1, total: nc('Stack'), reviews: 3, lapses: 2, retention: 1 / 3 });
    expect(by.get('Tries')).toEqual({ pattern: 'Tries', solved: 0, total: nc('Tries'), reviews: 0, lapses: 0, retention: null });
    expect(stats.reduce((n, x) => n + x.total, 0)).toBe(150);
  });

  it('without a list, covers the whole catalogue, JavaScript last', () => {
    const stats = patternStats(sessions, CATALOGUE);
    expect(stats.reduce((n, x) => n + x.total, 0)).toBe(450);
    expect(stats.at(-1)?.pattern).toBe('JavaScript');
  });

  it('leaves out problems outside the list', () => {
    const notBlind = CATALOGUE.find((p) => p.neetcode150 && !p.blind75 && p.pattern === 'Stack')!;
    expect(problem(20).blind75).toBe(true);
    const stats = patternStats([s(notBlind.number, 'again', 'attempted'), s(20, 'good')], CATALOGUE, 'blind75');
    expect(stats.find((x) => x.pattern === 'Stack')).toMatchObject({ solved: 1, reviews: 1, lapses: 0 });
  });
});

describe('weakestPatterns', () => {
  const p = (pattern: string, reviews: number, lapses: number, solved = 1, total = 10): PatternStats => ({
    pattern,
    solved,
    total,
    reviews,
    lapses,
    retention: reviews === 0 ? null : (reviews - lapses) / reviews,
  });

  it('names the lowest retention among patterns with enough reviews and a lapse', () => {
    const stats = [p('Arrays & Hashing', 10, 1), p('Stack', 4, 2), p('Trees', 2, 2), p('Graphs', 5, 0), p('Greedy', 6, 2)];
    expect(weakestPatterns(stats).map((x) => x.pattern)).toEqual(['Stack', 'Greedy']);
    expect(weakestPatterns(stats, 5).map((x) => x.pattern)).toEqual(['Stack', 'Greedy', 'Arrays & Hashing']);
    expect(weakestPatterns(stats, 3, 1).map((x) => x.pattern)).toEqual(['Trees', 'Stack', 'Greedy']);
  });

  it('breaks ties by more lapses, then the smaller share solved, then roadmap order', () => {
    const stats = [p('Greedy', 4, 2, 5), p('Trees', 8, 4, 5), p('Stack', 4, 2, 1), p('Tries', 4, 2, 1)];
    expect(weakestPatterns(stats, 4).map((x) => x.pattern)).toEqual(['Trees', 'Stack', 'Tries', 'Greedy']);
  });

  it('names none when nothing was failed', () => {
    expect(weakestPatterns([p('Stack', 9, 0), p('Trees', 0, 0)])).toEqual([]);
  });
});
