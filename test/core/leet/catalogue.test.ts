import { describe, expect, it } from 'vitest';
import {
  CatalogueError,
  PATTERN_ORDER,
  catalogueRows,
  compareInListOrder,
  comparePatterns,
  parseCatalogue,
  problemOfRow,
  titleKey,
} from '../../../src/core/leet/catalogue.js';
import { CATALOGUE, CATALOGUE_TSV, problem } from './bundled.js';

const HEADER = 'number\tslug\ttitle\tdifficulty\tpattern\tneetcode150\tblind75\tpremium';
const GOOD = '20\tvalid-parentheses\tValid Parentheses\teasy\tStack\t1\t1\t0';

function errorOf(tsv: string): CatalogueError {
  try {
    parseCatalogue(tsv);
  } catch (e) {
    if (e instanceof CatalogueError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

describe('the bundled catalogue', () => {
  it('has the 450 problems and the counts data/README.md states', () => {
    expect(CATALOGUE).toHaveLength(450);
    const count = (f: (p: (typeof CATALOGUE)[number]) => boolean) => CATALOGUE.filter(f).length;
    expect(count((p) => p.neetcode150)).toBe(150);
    expect(count((p) => p.blind75)).toBe(75);
    expect(count((p) => p.blind75 && !p.neetcode150)).toBe(0);
    expect(count((p) => p.premium)).toBe(8);
    expect(count((p) => p.difficulty === 'easy')).toBe(109);
    expect(count((p) => p.difficulty === 'medium')).toBe(289);
    expect(count((p) => p.difficulty === 'hard')).toBe(52);
  });

  it('keeps the corrections the README names', () => {
    expect(problem(68)).toMatchObject({ slug: 'text-justification', title: 'Text Justification' });
    expect(problem(1911)).toMatchObject({ slug: 'maximum-alternating-subsequence-sum' });
    expect(problem(20)).toEqual({
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

  it('names every pattern of the roadmap order, and only JavaScript besides', () => {
    const patterns = new Set(CATALOGUE.map((p) => p.pattern));
    for (const p of PATTERN_ORDER) expect(patterns, p).toContain(p);
    expect([...patterns].filter((p) => !(PATTERN_ORDER as readonly string[]).includes(p))).toEqual(['JavaScript']);
  });

  it('gives every title its own key, so a title names one problem', () => {
    const keys = new Set(CATALOGUE.map((p) => titleKey(p.title)));
    expect(keys.size).toBe(CATALOGUE.length);
  });

  it('gives a migration plain rows (0/1 flags, the title key) that read back as the problems', () => {
    const rows = catalogueRows(CATALOGUE);
    expect(rows).toHaveLength(450);
    expect(rows.find((r) => r.number === 20)).toEqual({
      number: 20,
      slug: 'valid-parentheses',
      title: 'Valid Parentheses',
      titleKey: 'validparentheses',
      difficulty: 'easy',
      pattern: 'Stack',
      neetcode150: 1,
      blind75: 1,
      premium: 0,
    });
    for (const r of rows) for (const v of Object.values(r)) expect(['string', 'number']).toContain(typeof v);
    expect(rows.map(problemOfRow)).toEqual(CATALOGUE);
  });

  it('parses the same with Windows line ends and a byte order mark', () => {
    expect(parseCatalogue('\uFEFF' + CATALOGUE_TSV.replace(/\n/g, '\r\n'))).toEqual(CATALOGUE);
  });
});

describe('parseCatalogue rejects a bad row, naming its line', () => {
  it.each([
    ['a wrong header', 'number\tslug\n' + GOOD, 1, /header/],
    ['a missing field', `${HEADER}\n${GOOD}\n21\tx\tX\teasy\tStack\t1\t0`, 3, /8 tab-separated fields, got 7/],
    ['a number that is not one', `${HEADER}\n2O\tvalid-parentheses\tValid Parentheses\teasy\tStack\t1\t1\t0`, 2, /number "2O"/],
    ['number 0', `${HEADER}\n0\tx\tX\teasy\tStack\t0\t0\t0`, 2, /number "0"/],
    ['a slug with capitals', `${HEADER}\n20\tValid-Parentheses\tValid Parentheses\teasy\tStack\t1\t1\t0`, 2, /slug "Valid-Parentheses"/],
    ['an empty title', `${HEADER}\n20\tvalid-parentheses\t\teasy\tStack\t1\t1\t0`, 2, /title ""/],
    ['a capitalised difficulty', `${HEADER}\n20\tvalid-parentheses\tValid Parentheses\tEasy\tStack\t1\t1\t0`, 2, /difficulty "Easy" is not easy, medium or hard/],
    ['an empty pattern', `${HEADER}\n20\tvalid-parentheses\tValid Parentheses\teasy\t\t1\t1\t0`, 2, /pattern ""/],
    ['a flag that is not 0 or 1', `${HEADER}\n20\tvalid-parentheses\tValid Parentheses\teasy\tStack\t1\tyes\t0`, 2, /blind75 "yes" is not 0 or 1/],
    ['a number twice', `${HEADER}\n${GOOD}\n\n20\tother\tOther\teasy\tStack\t0\t0\t0`, 4, /number 20 is already on line 2/],
    ['a slug twice', `${HEADER}\n${GOOD}\n21\tvalid-parentheses\tOther\teasy\tStack\t0\t0\t0`, 3, /slug valid-parentheses is already on line 2/],
  ])('%s', (_, tsv, line, message) => {
    const e = errorOf(tsv);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^leetcode-problems\\.tsv line ${line}: `));
    expect(e.message).toMatch(message);
  });

  it('names the file it was given', () => {
    expect(() => parseCatalogue(`${HEADER}\n1\tx\tX\tsimple\tP\t0\t0\t0`, 'data/extra.tsv')).toThrow(/^data\/extra\.tsv line 2: difficulty/);
  });
});

describe('titleKey', () => {
  it('folds case, spacing, hyphens, punctuation and accents', () => {
    for (const t of ['Valid Parentheses', 'valid parentheses', 'VALID PARENTHESES', 'valid-parentheses', '  Valid   Parentheses ', 'Vâlid Parenthèses'])
      expect(titleKey(t), t).toBe('validparentheses');
    expect(titleKey('Pow(x, n)')).toBe(titleKey('pow x n'));
  });
});

describe('list order', () => {
  it('puts patterns in NeetCode roadmap order, any other pattern after them alphabetically', () => {
    const shuffled = ['JavaScript', 'Bit Manipulation', 'Zeta', 'Arrays & Hashing', 'Stack', 'Two Pointers'];
    expect([...shuffled].sort(comparePatterns)).toEqual(['Arrays & Hashing', 'Two Pointers', 'Stack', 'Bit Manipulation', 'JavaScript', 'Zeta']);
  });

  it('orders problems by pattern, then easy before medium before hard, then number', () => {
    const stack = CATALOGUE.filter((p) => p.pattern === 'Stack' && p.neetcode150).sort(compareInListOrder);
    expect(stack.map((p) => p.difficulty)).toEqual([...stack.map((p) => p.difficulty)].sort((a, b) => ['easy', 'medium', 'hard'].indexOf(a) - ['easy', 'medium', 'hard'].indexOf(b)));
    expect(stack[0]!.number).toBe(20);
    for (let i = 1; i < stack.length; i++) {
      const [a, b] = [stack[i - 1]!, stack[i]!];
      if (a.difficulty === b.difficulty) expect(a.number).toBeLessThan(b.number);
    }
  });
});
