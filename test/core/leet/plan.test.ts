import { describe, expect, it } from 'vitest';
import { addDaysTo } from '../../../src/core/calendar.js';
import { PATTERN_ORDER } from '../../../src/core/leet/catalogue.js';
import { checkPerDay, firstSolvedDays, listProblems, listsProgress, planDay, type ListPlan } from '../../../src/core/leet/plan.js';
import { CATALOGUE } from './bundled.js';

const NC = listProblems('neetcode150', CATALOGUE);
const B75 = listProblems('blind75', CATALOGUE);
const nums = (ps: readonly { number: number }[]) => ps.map((p) => p.number);
const todayNums = (d: ReturnType<typeof planDay>) => d.today.map((t) => [t.problem.number, t.solved]);

describe('lists', () => {
  it('hold their problems in pattern order, then easy, medium, hard, then number', () => {
    expect(NC).toHaveLength(150);
    expect(B75).toHaveLength(75);
    expect(nums(NC.slice(0, 3))).toEqual([1, 217, 242]); // Arrays & Hashing, easy: Two Sum, Contains Duplicate, Valid Anagram
    const patterns = [...new Set(NC.map((p) => p.pattern))];
    expect(patterns).toEqual(PATTERN_ORDER.filter((p) => patterns.includes(p)));
    expect(patterns).toHaveLength(18);
    expect(B75.every((p) => p.blind75)).toBe(true);
  });

  it('show progress through each list and its next problem', () => {
    const solved = new Map([
      [217, '2026-03-01'],
      [1, '2026-03-02'],
      [9999, '2026-03-02'],
    ]);
    const [nc, b75] = listsProgress(CATALOGUE, solved);
    expect(nc).toMatchObject({ id: 'neetcode150', title: 'NeetCode 150', solved: 2, total: 150 });
    expect(nc!.next?.number).toBe(242); // 1 and 217 are solved
    expect(b75).toMatchObject({ id: 'blind75', title: 'Blind 75', solved: 2, total: 75 });
  });
});

describe('firstSolvedDays', () => {
  it('keeps the first day a problem was solved; an attempt does not solve it', () => {
    const days = firstSolvedDays([
      { day: '2026-03-05', number: 1, result: 'solved' },
      { day: '2026-03-02', number: 1, result: 'reviewed' },
      { day: '2026-03-01', number: 20, result: 'attempted' },
      { day: '2026-03-03', number: 20, result: 'helped' },
      { day: '2026-03-01', number: null, result: 'solved' },
      { day: '2026-03-01', number: 42, result: 'attempted' },
    ]);
    expect([...days].sort()).toEqual([
      [1, '2026-03-02'],
      [20, '2026-03-03'],
    ]);
  });
});

describe('planDay', () => {
  const start = '2026-03-02'; // a Monday
  const plan: ListPlan = { problems: NC, start, perDay: 2 };
  const [p1, p2, p3, p4, p5] = nums(NC) as [number, number, number, number, number];

  it('gives each day the first perDay problems not solved before it', () => {
    const none = new Map<number, string>();
    expect(todayNums(planDay(plan, none, start))).toEqual([
      [p1, false],
      [p2, false],
    ]);
    expect(planDay(plan, none, start)).toMatchObject({ next: NC[0], done: 0, total: 150, behind: 2 });
  });

  it('keeps what was solved today in today, marked, and counts it towards perDay', () => {
    const solved = new Map([[p2, start]]);
    expect(todayNums(planDay(plan, solved, start))).toEqual([
      [p1, false],
      [p2, true],
    ]);
    const three = new Map([
      [p1, start],
      [p3, start],
      [p5, start],
    ]);
    expect(todayNums(planDay(plan, three, start))).toEqual([
      [p1, true],
      [p3, true],
      [p5, true],
    ]);
    expect(planDay(plan, three, start)).toMatchObject({ done: 3, behind: 0, next: NC[1] });
  });

  it('slides after a missed day instead of piling problems up, and says how far behind', () => {
    const solved = new Map([
      [p1, start],
      [p2, start],
    ]);
    const thirdDay = addDaysTo(start, 2);
    const d = planDay(plan, solved, thirdDay);
    expect(todayNums(d)).toEqual([
      [p3, false],
      [p4, false],
    ]);
    expect(d).toMatchObject({ done: 2, behind: 4 });
  });

  it('leaves out problems solved before the start, and offers nothing before it', () => {
    const solved = new Map([[p1, '2026-01-10']]);
    const d = planDay(plan, solved, start);
    expect(d.total).toBe(149);
    expect(todayNums(d)).toEqual([
      [p2, false],
      [p3, false],
    ]);
    const before = planDay(plan, solved, '2026-03-01');
    expect(before).toMatchObject({ today: [], done: 0, behind: 0 });
    expect(before.next?.number).toBe(p2);
  });

  it('offers nothing on a rest day, nor counts it in the pace', () => {
    const weekdays: ListPlan = { ...plan, perDay: 1, restDays: new Set([0, 6]) };
    const none = new Map<number, string>();
    expect(planDay(weekdays, none, '2026-03-07').today).toEqual([]); // Saturday
    expect(planDay(weekdays, none, '2026-03-08').behind).toBe(5); // Mon..Fri
    expect(planDay(weekdays, none, '2026-03-15').behind).toBe(10);
    expect(planDay(weekdays, none, '2026-03-16').behind).toBe(11);
  });

  it('is done when every problem is solved', () => {
    const all = new Map(NC.map((p) => [p.number, start]));
    const d = planDay(plan, all, addDaysTo(start, 100));
    expect(d).toMatchObject({ today: [], next: null, done: 150, behind: 0 });
  });
});

describe('checkPerDay', () => {
  it('accepts 1..20 whole problems', () => {
    expect(checkPerDay('3')).toEqual({ value: 3 });
    for (const bad of ['0', '21', '1.5', 'two', '']) expect(checkPerDay(bad)).toHaveProperty('error');
  });
});
