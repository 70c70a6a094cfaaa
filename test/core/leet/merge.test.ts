import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProblem } from '../../../src/core/leet.js';
import { mergePlan, type OldSessionRow } from '../../../src/core/leet/merge.js';
import { canonicalKey, catalogueLookup } from '../../../src/core/leet/resolve.js';
import type { CatalogueProblem } from '../../../src/core/leet/catalogue.js';
import { CATALOGUE } from './bundled.js';

const lookup = catalogueLookup(CATALOGUE);

function row(id: number, typed: string, difficulty: string | null = null): OldSessionRow {
  const ref = parseProblem(typed)!;
  return { id, problem: ref.problem, number: ref.number, slug: ref.slug, title: ref.title, difficulty };
}

function spellings(p: CatalogueProblem): string[] {
  return [
    String(p.number),
    `#${p.number}`,
    p.slug,
    p.title,
    p.title.toLowerCase(),
    p.title.toUpperCase(),
    `https://leetcode.com/problems/${p.slug}/`,
    `https://leetcode.com/problems/${p.slug}/description/`,
    `${p.number}. ${p.title}`,
  ];
}

/** Problems outside the catalogue: number 4000 + k, one name each. */
const OUTSIDE = ['Alpha Beta Gamma', 'Count the Stones', 'Zigzag Walk II', 'Minimum Lamps'];
const outsideSpellings = (k: number): string[] => {
  const title = OUTSIDE[k]!;
  return [String(4000 + k), title, title.toLowerCase().replace(/ /g, '-'), `${4000 + k}. ${title}`];
};

describe('mergePlan', () => {
  it('gives every spelling of a catalogue problem its number, slug, title and difficulty', () => {
    const complete = { id: 3, problem: 'Valid Parentheses', number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy' };
    const rows = [row(1, '20', 'medium'), row(2, 'valid-parentheses'), complete, row(4, '20. Valid Parentheses')];
    const plan = mergePlan(rows, lookup);
    for (const m of plan)
      expect(m).toMatchObject({ known: true, number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy', key: 'valid-parentheses' });
    expect(plan.map((m) => m.changed)).toEqual([true, true, false, true]);
  });

  it('links spellings of a problem outside the catalogue as the stats do, keeping a typed title', () => {
    const rows = [row(1, '4000', 'hard'), row(2, 'my-puzzle'), row(3, '4000. My Puzzle!'), row(4, '4001'), row(5, 'Другая задача')];
    expect(mergePlan(rows, lookup)).toEqual([
      { id: 1, known: false, number: 4000, slug: 'my-puzzle', title: 'My Puzzle!', difficulty: 'hard', key: 'my-puzzle', changed: true },
      { id: 2, known: false, number: 4000, slug: 'my-puzzle', title: 'My Puzzle!', difficulty: 'hard', key: 'my-puzzle', changed: true },
      { id: 3, known: false, number: 4000, slug: 'my-puzzle', title: 'My Puzzle!', difficulty: 'hard', key: 'my-puzzle', changed: true },
      { id: 4, known: false, number: 4001, slug: null, title: null, difficulty: null, key: '#4001', changed: false },
      { id: 5, known: false, number: null, slug: null, title: 'Другая задача', difficulty: null, key: 'другая задача', changed: false },
    ]);
  });

  it('merging spellings never loses or duplicates a session, and every spelling of one problem ends with one key', () => {
    const catalogueSpelling = fc
      .tuple(fc.constantFrom(...CATALOGUE.slice(0, 60)), fc.nat(8))
      .map(([p, i]) => ({ known: p.number, typed: spellings(p)[i]! }));
    const outsideSpelling = fc.tuple(fc.nat(OUTSIDE.length - 1), fc.nat(3)).map(([k, i]) => ({ outside: k, typed: outsideSpellings(k)[i]! }));
    const difficulty = fc.constantFrom(null, 'easy', 'medium', 'hard', 'Hard?');
    const sessions = fc.array(fc.tuple(fc.oneof(catalogueSpelling, outsideSpelling), difficulty), { maxLength: 40 });

    fc.assert(
      fc.property(sessions, fc.boolean(), (list, shuffle) => {
        const rows = list.map(([s, d], i) => row(i + 1, s.typed, d));
        const input = shuffle ? [...rows].reverse() : rows;
        const plan = mergePlan(input, lookup);

        // one answer per session, in order: none lost, none twice
        expect(plan.map((m) => m.id)).toEqual(input.map((r) => r.id));

        const keys = new Map<string, Set<string>>();
        list.forEach(([s], i) => {
          const m = plan.find((x) => x.id === i + 1)!;
          const group = 'known' in s ? `c${s.known}` : `o${s.outside}`;
          if ('known' in s) expect(m).toMatchObject({ known: true, number: s.known, key: m.slug });
          const set = keys.get(group) ?? new Set();
          set.add(m.key);
          keys.set(group, set);
          // the key the plan reports is the one canonicalKey gives the merged session
          expect(canonicalKey({ problem: rows[i]!.problem, number: m.number, slug: m.slug, title: m.title }, lookup)).toBe(m.key);
        });
        for (const [group, set] of keys) {
          // a problem outside the catalogue is linked only when some session named it by number and name
          const linked = group.startsWith('c') || list.some(([s]) => 'outside' in s && `o${s.outside}` === group && /^\d+\. /.test(s.typed));
          if (linked) expect([...set], group).toHaveLength(1);
        }
        const catalogueKeys = [...keys].filter(([g]) => g.startsWith('c')).map(([, s]) => [...s][0]);
        expect(new Set(catalogueKeys).size).toBe(catalogueKeys.length);

        // running the plan on its result changes nothing
        const merged = input.map((r) => {
          const m = plan.find((x) => x.id === r.id)!;
          return { ...r, number: m.number, slug: m.slug, title: m.title, difficulty: m.difficulty };
        });
        const again = mergePlan(merged, lookup);
        expect(again.filter((m) => m.changed)).toEqual([]);
        expect(again.map((m) => m.key)).toEqual(plan.map((m) => m.key));
      }),
      { numRuns: 200 },
    );
  });
});
