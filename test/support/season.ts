// A learner's season, entered through the real CLI in the order it happened: a year of
// LeetCode (most weekdays, tagged by pattern, Sundays as rest days), the 12-week system
// architecture plan from 7 Sep 2026 with items done a little later each week than
// planned, and the Backend & DevOps checklist from 5 Oct 2026, re-planned on 16 Nov.
// "Today" is Thursday 26 Nov 2026 (week 2026-W48). Seeded: the same store every run.
import { addDaysTo, daysBetween, planWeekRange, weekdayOf } from '../../src/core/calendar.js';
import { cli, cliJson } from './cli.js';

export const SEASON_NOW = '2026-11-26T21:00';
export const SEASON_TODAY = '2026-11-26';

/** mulberry32, as bench/rng.ts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROBLEMS: readonly [string, 'easy' | 'medium' | 'hard', string][] = [
  ['two-sum', 'easy', 'arrays-hashing'],
  ['valid-anagram', 'easy', 'arrays-hashing'],
  ['group-anagrams', 'medium', 'arrays-hashing'],
  ['top-k-frequent-elements', 'medium', 'heap'],
  ['valid-palindrome', 'easy', 'two-pointers'],
  ['3sum', 'medium', 'two-pointers'],
  ['container-with-most-water', 'medium', 'two-pointers'],
  ['best-time-to-buy-and-sell-stock', 'easy', 'sliding-window'],
  ['longest-substring-without-repeating-characters', 'medium', 'sliding-window'],
  ['minimum-window-substring', 'hard', 'sliding-window'],
  ['valid-parentheses', 'easy', 'stack'],
  ['daily-temperatures', 'medium', 'stack'],
  ['binary-search', 'easy', 'binary-search'],
  ['search-in-rotated-sorted-array', 'medium', 'binary-search'],
  ['median-of-two-sorted-arrays', 'hard', 'binary-search'],
  ['reverse-linked-list', 'easy', 'linked-list'],
  ['lru-cache', 'medium', 'linked-list'],
  ['invert-binary-tree', 'easy', 'trees'],
  ['binary-tree-level-order-traversal', 'medium', 'trees'],
  ['serialize-and-deserialize-binary-tree', 'hard', 'trees'],
  ['number-of-islands', 'medium', 'graphs'],
  ['course-schedule', 'medium', 'graphs'],
  ['climbing-stairs', 'easy', 'dynamic-programming'],
  ['coin-change', 'medium', 'dynamic-programming'],
  ['subsets', 'medium', 'backtracking'],
];

interface ShowItem {
  id: string;
  dueWeek: number | null;
  items: ShowItem[];
}

const leaves = (items: readonly ShowItem[]): ShowItem[] => items.flatMap((i) => (i.items.length ? leaves(i.items) : [i]));

/** Builds the season in the store `db`; returns nothing, fails the test on any error. */
export async function season(db: string): Promise<void> {
  const rnd = random(48);
  const events: { at: string; args: string[] }[] = [];
  const add = (at: string, args: string[]): void => void events.push({ at, args });

  add('2025-11-30T09:00', ['config', 'set', 'rest-days', 'sun']);
  for (let day = '2025-12-01'; day <= SEASON_TODAY; day = addDaysTo(day, 1)) {
    const sunday = weekdayOf(day) === 0;
    const busy = 0.55 + 0.3 * Math.sin(daysBetween('2025-12-01', day) / 45);
    if (rnd() >= (sunday ? 0.12 : busy)) continue;
    const n = rnd() < 0.25 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const [slug, difficulty, tag] = PROBLEMS[Math.floor(rnd() * PROBLEMS.length)]!;
      const minutes = String(10 + Math.floor(rnd() * 50));
      add(`${day}T${20 + k}:00`, ['leet', 'log', slug, '--difficulty', difficulty, '--tags', tag, '--minutes', minutes, '-y']);
    }
  }

  // The plans, and what was done of them: each leaf some days after the week it was due in.
  add('2026-09-07T08:00', ['start', 'system-architecture-12w']);
  add('2026-10-05T08:00', ['start', 'backend-devops-checklist']);
  add('2026-11-16T08:30', ['schedule', '--replan']);
  const run = async (list: typeof events): Promise<void> => {
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const e of list) {
      const r = await cli(e.args, { db, now: e.at });
      if (r.code !== 0) throw new Error(`study ${e.args.join(' ')} at ${e.at} exited ${r.code}: ${r.err}`);
    }
  };
  // Up to both starts, then what was done (known once the plans have their weeks), then the rest.
  const firstPart = '2026-10-05T08:01';
  await run(events.filter((e) => e.at < firstPart));
  const rest = events.filter((e) => e.at >= firstPart);
  const plans: [string, string, number][] = [
    ['system-architecture-12w', '2026-09-07', 0.1],
    ['backend-devops-checklist', '2026-10-05', 0.6],
  ];
  for (const [id, start, lag] of plans) {
    const show = await cliJson<{ sections: { items: ShowItem[] }[] }>(['show', id], { db, now: firstPart });
    let i = 0;
    for (const leaf of show.sections.flatMap((s) => leaves(s.items))) {
      if (leaf.dueWeek === null) continue;
      const [, due] = planWeekRange(start, leaf.dueWeek, 1);
      const day = addDaysTo(due, Math.floor(i++ * lag) - 3 + Math.floor(rnd() * 4));
      if (day <= SEASON_TODAY && day >= start) rest.push({ at: `${day}T19:00`, args: ['done', leaf.id] });
    }
  }
  await run(rest);
}
