import { describe, expect, it } from 'vitest';
import { catalogueLookup, canonicalKey, resolveProblem, type ProblemLookup } from '../../../src/core/leet/resolve.js';
import { CATALOGUE } from './bundled.js';

const lookup = catalogueLookup(CATALOGUE);

describe('resolveProblem: one problem however it is named', () => {
  it.each([
    '20',
    '#20',
    'valid-parentheses',
    'Valid Parentheses',
    'valid parentheses',
    'VALID PARENTHESES',
    '  Valid   Parentheses  ',
    'https://leetcode.com/problems/valid-parentheses/',
    'https://leetcode.com/problems/valid-parentheses',
    'https://leetcode.com/problems/valid-parentheses/description/',
    'https://leetcode.com/problems/valid-parentheses/solutions/4567/stack-o-n/',
    'https://leetcode.com/problems/valid-parentheses/description/?envType=study-plan-v2&envId=top-interview-150',
    'leetcode.com/problems/valid-parentheses/',
    'https://leetcode.cn/problems/valid-parentheses/description/',
    '20. Valid Parentheses',
    '#20 valid-parentheses',
  ])('%s is problem 20, with its difficulty and pattern', (text) => {
    expect(resolveProblem(text, lookup)).toEqual({
      known: true,
      typed: text.trim().replace(/\s+/g, ' '),
      number: 20,
      slug: 'valid-parentheses',
      title: 'Valid Parentheses',
      difficulty: 'easy',
      pattern: 'Stack',
      neetcode150: true,
      blind75: true,
      premium: false,
    });
  });

  it.each([
    ['Pow(x, n)', 50],
    ['pow x n', 50],
    ['powx-n', 50],
    ['3Sum', 15],
    ['15. 3Sum', 15],
    ['132 Pattern', 456],
    ['132-pattern', 456],
    ['Is Graph Bipartite?', 785],
    ['is graph bipartite', 785],
    ['Insert Delete GetRandom O(1)', 380],
  ])('%s is problem %i', (text, number) => {
    const r = resolveProblem(text, lookup);
    expect(r?.known && r.number).toBe(number);
  });

  it('trusts the number when a number and a name disagree', () => {
    expect(resolveProblem('1. Valid Parentheses', lookup)).toMatchObject({ known: true, number: 1, slug: 'two-sum' });
  });

  it('accepts a problem outside the catalogue, named as given', () => {
    expect(resolveProblem('3999', lookup)).toEqual({ known: false, typed: '3999', number: 3999, slug: null, title: null, difficulty: null, pattern: null });
    expect(resolveProblem('My Own Puzzle', lookup)).toEqual({
      known: false,
      typed: 'My Own Puzzle',
      number: null,
      slug: 'my-own-puzzle',
      title: 'My Own Puzzle',
      difficulty: null,
      pattern: null,
    });
    expect(resolveProblem('https://leetcode.com/problems/some-new-problem/description/', lookup)).toMatchObject({
      known: false,
      number: null,
      slug: 'some-new-problem',
      title: 'Some New Problem',
    });
  });

  it('is null for blank text', () => {
    expect(resolveProblem('   ', lookup)).toBeNull();
  });

  it('asks the lookup only by number, slug and title key (what a store indexes)', () => {
    const asked: string[] = [];
    const spy: ProblemLookup = {
      byNumber: (n) => (asked.push(`number ${n}`), lookup.byNumber(n)),
      bySlug: (s) => (asked.push(`slug ${s}`), lookup.bySlug(s)),
      byTitleKey: (k) => (asked.push(`title ${k}`), lookup.byTitleKey(k)),
    };
    expect(resolveProblem('valid parentheses', spy)).toMatchObject({ number: 20 });
    expect(asked).toEqual(['slug valid-parentheses']);
    asked.length = 0;
    expect(resolveProblem('pow x n', spy)).toMatchObject({ number: 50 });
    expect(asked).toEqual(['slug pow-x-n', 'title powxn']);
  });
});

describe('canonicalKey', () => {
  it('is the catalogue slug for every spelling of a catalogue problem', () => {
    const sessions = [
      { problem: '20', number: 20, slug: null, title: null },
      { problem: 'Valid Parentheses', number: null, slug: 'valid-parentheses', title: 'Valid Parentheses' },
      { problem: 'valid parenthesis?', number: null, slug: 'valid-parenthesis', title: 'valid parenthesis?' },
    ];
    expect(sessions.slice(0, 2).map((s) => canonicalKey(s, lookup))).toEqual(['valid-parentheses', 'valid-parentheses']);
    // a misspelling is another problem: it is not guessed
    expect(canonicalKey(sessions[2]!, lookup)).toBe('valid-parenthesis');
  });

  it('is the slug, else #N, else the typed text for a problem outside the catalogue', () => {
    expect(canonicalKey({ problem: 'x', number: 3999, slug: 'my-puzzle', title: null }, lookup)).toBe('my-puzzle');
    expect(canonicalKey({ problem: '3999', number: 3999, slug: null, title: null }, lookup)).toBe('#3999');
    expect(canonicalKey({ problem: 'Задача', number: null, slug: null, title: 'Задача' }, lookup)).toBe('задача');
  });
});
