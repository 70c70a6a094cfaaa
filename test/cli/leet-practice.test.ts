// LeetCode practice (issue 14), driven in-process: one problem however it is named,
// reviews with FSRS (log, due), lists as plans (lists, start, next, today), where you are
// weak (stats --by pattern, report), the weekly target, and the FSRS settings.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysTo } from '../../src/core/calendar.js';
import { replay, review, reviewWeek } from '../../src/core/leet/review.js';
import { width } from '../../src/render/text.js';
import { cli, cliJson, tempDir } from '../support/cli.js';

// 2026-11-23 is a Monday.
const NOW = '2026-11-23T09:30';
const store = (): string => join(tempDir(), 'study.db');
const at = (day: string, time = '09:30'): string => `${day}T${time}`;

interface Problem {
  number: number | null;
  slug: string | null;
  title: string | null;
  difficulty: string | null;
  pattern: string | null;
}
interface LogJson {
  problem: Problem;
  known: boolean;
  rating: string;
  nextReview: string;
  interval: number;
  reviews: number;
  session: { id: number; problem: string; rating: string };
}
interface DueJson {
  problem: Problem;
  due: string;
  lastReview: string;
  reviews: number;
  url: string | null;
}
interface TodayLeet {
  reviewsDue: number;
  firstDue: { problem: Problem; due: string } | null;
  list: { id: string; done: number; total: number; behind: number } | null;
  new: (Problem & { solved: boolean })[];
  weekly: { done: number; target: number };
}

async function log(db: string, now: string, ...args: string[]): Promise<LogJson> {
  return cliJson<LogJson>(['leet', 'log', ...args], { db, now });
}

const VALID_PARENTHESES: Problem = { number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy', pattern: 'Stack' };

describe('one problem, however it is named', () => {
  it('the four spellings of one problem (and its URL, with or without /description/) resolve to it', async () => {
    const db = store();
    const spellings = [
      '20',
      '#20',
      'valid-parentheses',
      'Valid Parentheses',
      'valid parentheses',
      'VALID PARENTHESES',
      'https://leetcode.com/problems/valid-parentheses/',
      'https://leetcode.com/problems/valid-parentheses/description/',
      '20. Valid Parentheses',
    ];
    for (const s of spellings) {
      const r = await log(db, NOW, s);
      expect(r.problem, s).toEqual(VALID_PARENTHESES);
      expect(r.known, s).toBe(true);
      // what was typed is kept
      expect(r.session.problem, s).toBe(s);
    }
    expect(await cliJson(['leet', 'stats'], { db, now: NOW })).toMatchObject({ sessions: spellings.length, problems: 1, byDifficulty: { easy: spellings.length } });
    expect(await cliJson<unknown[]>(['leet', 'list', '--problem', 'https://leetcode.com/problems/valid-parentheses/'], { db, now: NOW })).toHaveLength(spellings.length);
  });

  it('a problem outside the catalogue is logged as given, and said so once', async () => {
    const db = store();
    const first = await cli(['--json', 'leet', 'log', 'my-own-kata', '--difficulty', 'hard'], { db, now: NOW });
    expect(first.err.split('\n')[0]).toBe('study: "my-own-kata" is not in the LeetCode catalogue; logged as given, with no pattern');
    expect(JSON.parse(first.out)).toMatchObject({ problem: { number: null, slug: 'my-own-kata', title: 'My Own Kata', difficulty: 'hard', pattern: null }, known: false });
    const second = await cli(['leet', 'log', 'my-own-kata'], { db, now: at('2026-11-24') });
    expect(second.err).not.toContain('catalogue');
    // its difficulty is remembered, and it is one problem with two reviews
    expect(await cliJson(['leet', 'stats'], { db, now: at('2026-11-24') })).toMatchObject({ problems: 1, byDifficulty: { hard: 2 } });
  });

  it('the catalogue’s difficulty wins over --difficulty, with a note', async () => {
    const db = store();
    const r = await cli(['leet', 'log', 'two-sum', '--difficulty', 'hard'], { db, now: NOW });
    expect(r.err.split('\n')[0]).toBe('study: 1. Two Sum is easy in the catalogue; --difficulty hard is not used');
    expect((await cliJson<{ difficulty: string }[]>(['leet', 'list'], { db, now: NOW }))[0]!.difficulty).toBe('easy');
  });
});

describe('reviews with FSRS', () => {
  it('study leet log --json: the problem, its rating and when it comes back (the issue’s shape)', async () => {
    const db = store();
    const r = await log(db, NOW, '20', '--minutes', '12');
    expect(r).toMatchObject({ problem: VALID_PARENTHESES, rating: 'good', nextReview: '2026-11-26', interval: 3, reviews: 1 });
    expect(Object.keys(r)).toEqual(['problem', 'known', 'rating', 'nextReview', 'interval', 'reviews', 'session', 'streak']);
  });

  it('the rating: --rating, else attempted is again, helped or past the target is hard, under half of it easy, else good', async () => {
    const db = store();
    const cases: [string[], string, number][] = [
      [['1', '--result', 'attempted'], 'again', 1],
      [['2', '--result', 'helped'], 'hard', 2],
      [['3', '--minutes', '31'], 'hard', 2], // medium: target 30
      [['5', '--minutes', '14'], 'easy', 8], // under 15, half of medium's 30
      [['11', '--minutes', '15'], 'good', 3], // half is not under half
      [['42', '--minutes', '45'], 'good', 3], // hard: target 45
      [['15', '--result', 'attempted', '--rating', 'easy'], 'easy', 8], // --rating wins
    ];
    for (const [args, rating, days] of cases) {
      const r = await log(db, NOW, ...args);
      expect([args.join(' '), r.rating, r.nextReview]).toEqual([args.join(' '), rating, addDaysTo('2026-11-23', days)]);
    }
  });

  it('study leet due: problems due today or before, oldest due first; logging one takes it off', async () => {
    const db = store();
    await log(db, at('2026-11-16'), '20'); // good: due 11-19
    await log(db, at('2026-11-18'), '1', '--result', 'attempted'); // again: due 11-19, reviewed later
    await log(db, at('2026-11-21'), '217'); // good: due 11-24, not yet
    const due = await cliJson<DueJson[]>(['leet', 'due'], { db, now: NOW });
    expect(due.map((d) => [d.problem.number, d.due, d.lastReview])).toEqual([
      [20, '2026-11-19', '2026-11-16'],
      [1, '2026-11-19', '2026-11-18'],
    ]);
    expect(due[0]).toEqual({ problem: VALID_PARENTHESES, due: '2026-11-19', lastReview: '2026-11-16', reviews: 1, url: 'https://leetcode.com/problems/valid-parentheses/' });
    const text = await cli(['leet', 'due'], { db, now: NOW });
    expect(text.out).toBe(
      [
        'due          problem                level  pattern           last',
        '4 days late  20. Valid Parentheses  easy   Stack             2026-11-16',
        '4 days late  1. Two Sum             easy   Arrays & Hashing  2026-11-18',
        '',
      ].join('\n'),
    );
    expect(text.err).toBe('study: 2 reviews due; log each when done: study leet log PROBLEM\n');
    await log(db, NOW, 'valid-parentheses');
    expect((await cliJson<DueJson[]>(['leet', 'due'], { db, now: NOW })).map((d) => d.problem.number)).toEqual([1]);
    await log(db, NOW, 'two-sum');
    expect(await cli(['leet', 'due'], { db, now: NOW })).toEqual({ code: 0, out: '', err: 'study: nothing to review today; the next review is on Tue 24 Nov\n' });
  });

  it('study leet due shows the 20 due longest, and says how many more; --all and --json show all', async () => {
    const db = store();
    const numbers = [1, 2, 3, 4, 5, 11, 15, 20, 21, 42, 49, 70, 76, 79, 84, 98, 100, 102, 104, 105, 121, 124];
    for (const [i, n] of numbers.entries()) await log(db, at(addDaysTo('2026-11-01', i % 10)), String(n));
    const r = await cli(['leet', 'due'], { db, now: NOW });
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.at(-1)).toBe('… and 2 more: study leet due --all');
    expect(r.err).toBe('study: 22 reviews due; log each when done: study leet log PROBLEM\n');
    expect((await cli(['leet', 'due', '--all'], { db, now: NOW })).out.trimEnd().split('\n')).toHaveLength(1 + 22);
    expect(await cliJson<unknown[]>(['leet', 'due'], { db, now: NOW })).toHaveLength(22);
  });

  it('a back-dated session is taken in by replaying the problem’s sessions in day order', async () => {
    const db = store();
    await log(db, NOW, '20');
    const r = await log(db, NOW, '20', '--result', 'attempted', '--date', '2026-11-20');
    const expected = replay([
      { day: '2026-11-20', rating: 'again' },
      { day: '2026-11-23', rating: 'good' },
    ])!;
    expect(r.nextReview).toBe(expected.due);
    expect(r.reviews).toBe(2);
    // a session after both is one step from that card
    const next = await log(db, at(expected.due), '20');
    expect(next.nextReview).toBe(review(expected, 'good', expected.due).due);
  });

  it('a back-dated session whose next review has passed says it is due now, not "today"', async () => {
    const db = store();
    const r = await cli(['leet', 'log', '20', '--date', '2026-11-01'], { db, now: NOW });
    expect(r.code).toBe(0);
    expect(r.err.split('\n')[1]).toMatch(/^study: rated good · next review Wed 4 Nov \(due now, 19 days ago\) · streak 0 days$/);
  });

  it('the FSRS settings reschedule every card; bad values name the range', async () => {
    const db = store();
    await log(db, at('2026-11-01'), '20');
    await log(db, at('2026-11-04'), '20'); // on time: good, 3 days, then longer
    const before = (await cliJson<DueJson[]>(['leet', 'due'], { db, now: '2027-06-01T09:00' }))[0]!.due;
    expect((await cli(['config', 'set', 'fsrs-retention', '0.8'], { db, now: NOW })).err).toBe('study: fsrs-retention = 0.8\n');
    const after = (await cliJson<DueJson[]>(['leet', 'due'], { db, now: '2027-06-01T09:00' }))[0]!.due;
    expect(after > before).toBe(true);
    expect(after).toBe(replay([{ day: '2026-11-01', rating: 'good' }, { day: '2026-11-04', rating: 'good' }], { retention: 0.8, maximumInterval: 36500 })!.due);
    await cli(['config', 'set', 'fsrs-maximum-interval', '2'], { db, now: NOW });
    expect((await cliJson<DueJson[]>(['leet', 'due'], { db, now: '2027-06-01T09:00' }))[0]!.due).toBe('2026-11-06');
    for (const [key, value, err] of [
      ['fsrs-retention', '0.5', 'study: fsrs-retention: expected a retention from 0.70 to 0.99, like 0.9\n'],
      ['fsrs-retention', '1', 'study: fsrs-retention: expected a retention from 0.70 to 0.99, like 0.9\n'],
      ['fsrs-maximum-interval', '1', 'study: fsrs-maximum-interval: expected whole days from 2 to 36500\n'],
      ['fsrs-maximum-interval', '36501', 'study: fsrs-maximum-interval: expected whole days from 2 to 36500\n'],
      ['leet-weekly-target', '1001', 'study: leet-weekly-target: expected a whole number of sessions from 0 (no target) to 1000\n'],
    ]) {
      expect(await cli(['config', 'set', key!, value!], { db, now: NOW })).toEqual({ code: 2, out: '', err });
    }
    const config = await cliJson<Record<string, string>>(['config'], { db, now: NOW });
    expect(config).toMatchObject({ 'fsrs-retention': '0.8', 'fsrs-maximum-interval': '2', 'leet-weekly-target': '0', 'freezes-per-month': '0' });
  });
});

describe('lists as plans', () => {
  it('lists, start, next, and today’s new problems beside the roadmap plans', async () => {
    const db = store();
    await log(db, at('2026-11-20'), '20'); // solved before the plan: left out of it
    const lists = await cliJson<{ id: string; solved: number; total: number; next: Problem; started: unknown }[]>(['leet', 'lists'], { db, now: NOW });
    expect(lists.map((l) => [l.id, l.solved, l.total, l.next.number, l.started])).toEqual([
      ['neetcode150', 1, 150, 1, null],
      ['blind75', 1, 75, 1, null],
    ]);

    const started = await cli(['leet', 'start', 'neetcode150', '--per-day', '2'], { db, now: NOW });
    expect(started.err).toBe(
      'study: started NeetCode 150 on Mon 23 Nov: 149 problems to solve, 2 a day; first: 1. Two Sum\nstudy: see them each day in study today, or: study leet next\n',
    );
    let today = (await cliJson<{ leet: TodayLeet }>(['today'], { db, now: NOW })).leet;
    expect(today.list).toEqual({ id: 'neetcode150', done: 0, total: 149, behind: 2 });
    expect(today.new.map((p) => [p.number, p.solved])).toEqual([
      [1, false],
      [217, false],
    ]);
    expect(await cliJson(['leet', 'next'], { db, now: NOW })).toMatchObject({ list: 'neetcode150', problem: { number: 1, pattern: 'Arrays & Hashing' }, today: { new: 2, solved: 0 } });

    await log(db, NOW, 'two-sum');
    today = (await cliJson<{ leet: TodayLeet }>(['today'], { db, now: NOW })).leet;
    expect(today.new.map((p) => [p.number, p.solved])).toEqual([
      [1, true],
      [217, false],
    ]);
    expect(today.list).toMatchObject({ done: 1, behind: 1 });
    const next = await cli(['leet', 'next'], { db, now: NOW });
    expect(next.out).toBe('217. Contains Duplicate  easy · Arrays & Hashing\nhttps://leetcode.com/problems/contains-duplicate/\n');
    expect(next.err).toBe('study: NeetCode 150: 1 of 149 solved · today 1 of 2 new problems · 1 behind\n');

    // a missed day shifts the plan: Wednesday offers the next two unsolved
    today = (await cliJson<{ leet: TodayLeet }>(['today'], { db, now: at('2026-11-25') })).leet;
    expect(today.new.map((p) => p.number)).toEqual([217, 242]);
    // rest days get no new problems
    await cli(['config', 'set', 'rest-days', 'wed'], { db, now: NOW });
    expect((await cliJson<{ leet: TodayLeet }>(['today'], { db, now: at('2026-11-25') })).leet.new).toEqual([]);
    // the lists say which is started
    expect((await cliJson<{ started: unknown }[]>(['leet', 'lists'], { db, now: NOW }))[0]!.started).toEqual({ on: '2026-11-23', perDay: 2 });
  });

  it('starting another list replaces the one started; --on sets the first day', async () => {
    const db = store();
    await cli(['leet', 'start', 'neetcode150'], { db, now: NOW });
    const r = await cli(['leet', 'start', 'blind75', '--on', '2026-12-01'], { db, now: NOW });
    expect(r.err.split('\n')[0]).toBe('study: replaces neetcode150 (started 2026-11-23)');
    expect((await cliJson<{ leet: TodayLeet }>(['today'], { db, now: NOW })).leet).toMatchObject({ list: { id: 'blind75', done: 0, total: 75, behind: 0 }, new: [] });
    expect((await cliJson<{ leet: TodayLeet }>(['today'], { db, now: at('2026-12-01') })).leet.new.map((p) => p.number)).toEqual([1]);
  });

  it('bad lists and paces are usage errors that change nothing', async () => {
    const db = store();
    for (const [args, err] of [
      [['leet', 'start', 'grind169'], 'study: LIST: expected neetcode150 or blind75, got "grind169"; see study leet lists\n'],
      [['leet', 'start', 'blind75', '--per-day', '0'], 'study: --per-day: expected a whole number of problems from 1 to 20, got "0"\n'],
      [['leet', 'start', 'blind75', '--per-day', '21'], 'study: --per-day: expected a whole number of problems from 1 to 20, got "21"\n'],
      [['leet', 'start', 'blind75', '--on', '2026-02-30'], 'study: --on: expected a date YYYY-MM-DD that exists, got "2026-02-30"\n'],
    ] as const) {
      expect(await cli(args, { db, now: NOW })).toEqual({ code: 2, out: '', err });
    }
    expect(await cliJson(['leet', 'next'], { db, now: NOW })).toBeNull();
  });
});

describe('today, the report and the weekly target', () => {
  it('today: the LeetCode block in 80 columns; --json: reviews due, new problems, weekly progress', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: NOW });
    await log(db, at('2026-11-16'), '3', '--minutes', '50'); // hard: due 11-18
    await log(db, at('2026-11-17'), '20'); // good: due 11-20
    await cli(['leet', 'start', 'blind75'], { db, now: NOW });
    await cli(['config', 'set', 'leet-weekly-target', '5'], { db, now: NOW });
    await log(db, NOW, 'two-sum');
    const json = await cliJson<{ leet: TodayLeet }>(['today'], { db, now: NOW });
    expect(json.leet).toEqual({
      reviewsDue: 2,
      firstDue: { problem: { number: 3, slug: 'longest-substring-without-repeating-characters', title: 'Longest Substring Without Repeating Characters', difficulty: 'medium', pattern: 'Sliding Window' }, due: '2026-11-18' },
      list: { id: 'blind75', done: 1, total: 73, behind: 0 },
      new: [{ number: 1, slug: 'two-sum', title: 'Two Sum', difficulty: 'easy', pattern: 'Arrays & Hashing', solved: true }],
      weekly: { done: 1, target: 5 },
    });
    const text = await cli(['today'], { db, now: NOW });
    const lines = text.out.split('\n');
    const start = lines.indexOf('LeetCode');
    expect(lines.slice(start, start + 6)).toEqual([
      'LeetCode',
      '  2 reviews due · first: 3. Longest Substring Without Repeatin… (due Wed 18 Nov)',
      '  Blind 75: 1 of 73 solved',
      '    ✓ 1. Two Sum  easy · Arrays & Hashing',
      '  this week 1 of 5 sessions',
      '      study leet due',
    ]);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(80);
  });

  it('no block when there is nothing to say (no list, nothing due, no target); the JSON is always there', async () => {
    const db = store();
    await log(db, NOW, '20');
    expect((await cli(['today'], { db, now: NOW })).out).not.toContain('\nLeetCode\n');
    expect((await cliJson<{ leet: TodayLeet }>(['today'], { db, now: NOW })).leet).toEqual({ reviewsDue: 0, firstDue: null, list: null, new: [], weekly: { done: 1, target: 0 } });
  });

  it('stats --by pattern and the report: reviews, lapses, retention, the weakest patterns, reviews done and missed', async () => {
    const db = store();
    // Stack: 20 again twice, then good; 155 good. Arrays & Hashing: 1 again once of three.
    await log(db, at('2026-11-16'), '20', '--result', 'attempted');
    await log(db, at('2026-11-17'), '20', '--result', 'attempted');
    await log(db, at('2026-11-18'), '20');
    await log(db, at('2026-11-18'), '155');
    await log(db, at('2026-11-16'), '1');
    await log(db, at('2026-11-19'), '1', '--result', 'attempted');
    await log(db, at('2026-11-20'), '1');
    await cli(['config', 'set', 'leet-weekly-target', '10'], { db, now: NOW });
    const stats = await cliJson<{ list: string; patterns: { pattern: string; solved: number; total: number; reviews: number; lapses: number; retention: number | null }[]; weakest: string[] }>(
      ['leet', 'stats', '--by', 'pattern'],
      { db, now: NOW },
    );
    expect(stats.list).toBe('neetcode150');
    expect(stats.patterns.find((p) => p.pattern === 'Stack')).toEqual({ pattern: 'Stack', solved: 2, total: 7, reviews: 4, lapses: 2, retention: 0.5 });
    expect(stats.patterns.find((p) => p.pattern === 'Arrays & Hashing')).toMatchObject({ solved: 1, reviews: 3, lapses: 1 });
    expect(stats.weakest).toEqual(['Stack', 'Arrays & Hashing']);
    const text = await cli(['leet', 'stats', '--by', 'pattern'], { db, now: NOW });
    expect(text.out.split('\n')).toContain('weakest: Stack (50%), Arrays & Hashing (67%)');
    expect(text.out.split('\n')[0]).toBe('pattern                  solved  reviews  lapses  retention');

    const report = await cliJson<{ leetcode: { reviews: unknown; weakPatterns: unknown; weekly: unknown } }>(['report', '--week', '2026-W47'], { db, now: NOW });
    expect(report.leetcode.weakPatterns).toEqual([
      { pattern: 'Stack', reviews: 4, lapses: 2, retention: 0.5 },
      { pattern: 'Arrays & Hashing', reviews: 3, lapses: 1, retention: 2 / 3 },
    ]);
    // 7 sessions of 3 problems: 4 reviews; missed: what the core's replay of each problem says
    const week = reviewWeek(
      [
        [{ day: '2026-11-16', rating: 'again' }, { day: '2026-11-17', rating: 'again' }, { day: '2026-11-18', rating: 'good' }],
        [{ day: '2026-11-18', rating: 'good' }],
        [{ day: '2026-11-16', rating: 'good' }, { day: '2026-11-19', rating: 'again' }, { day: '2026-11-20', rating: 'good' }],
      ],
      '2026-11-16',
      '2026-11-22',
      '2026-11-23',
    );
    expect(week.missed).toBeGreaterThan(0);
    expect(report.leetcode.reviews).toEqual({ done: 4, missed: week.missed });
    expect(report.leetcode.weekly).toEqual({ done: 7, target: 10 });
    const reportText = await cli(['report', '--week', '2026-W47'], { db, now: NOW });
    expect(reportText.out).toContain('\n  reviews 4 done · 2 missed · weekly target 7 of 10\n  weakest: Stack (50% of 4 recalled), Arrays & Hashing (67% of 3)\n');
  });
});
