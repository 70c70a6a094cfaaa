// The statements `study today`, `done`, `report`, `streak` and `leet` run read by index: EXPLAIN
// QUERY PLAN of the store's own statements (the SQL it prepares, not a copy) searches,
// and never scans a table that grows with the store.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openForCompletion, openStore, type CompletionReads, type Store } from '../../src/store/index.js';
import { cli, tempDir } from '../support/cli.js';

let store: Store;
let reads: CompletionReads & { close(): void };
beforeAll(async () => {
  const db = join(tempDir(), 'study.db');
  await cli(['start', 'system-architecture-12w'], { db, now: '2026-11-23T09:00' });
  await cli(['done', 'monolith'], { db, now: '2026-11-23T09:00' });
  await cli(['leet', 'log', 'two-sum'], { db, now: '2026-11-23T09:00' });
  store = openStore(db);
  reads = openForCompletion(db)!;
  return () => {
    reads.close();
    store.close();
  };
});

/**
 * The steps that scan: any but the plans (one row per started plan: `p` in plans.current)
 * and the folded titles' index (the words of a TASK are substrings: no index finds them).
 */
const ALLOWED = [
  /^SCAN p USING COVERING INDEX sqlite_autoindex_plans_1$/,
  /^SCAN item_keys USING COVERING INDEX item_keys_by_folded$/,
  // the LeetCode catalogue: 450 rows shipped with study, whatever the store holds
  /^SCAN lp$/,
];
const scans = (plan: string[]): string[] => plan.filter((d) => d.startsWith('SCAN ') && !ALLOWED.some((a) => a.test(d)));

describe('the hot statements', () => {
  const cases = (): [string, string, unknown[]][] => [
    ['plans.current', store.plans.sql.current(), []],
    ['plans.versionAt', store.plans.sql.versionAt(), ['r', 'r', '2026-11-22']],
    ['agenda.weeks', store.agenda.sql.weeks(), ['r', 1, 1, 3, 3]],
    ['agenda.overdue', store.agenda.sql.overdue(), ['r', 1, 3, 8]],
    ['agenda.overdueCount', store.agenda.sql.overdueCount(), ['r', 1, 3]],
    ['agenda.upcoming', store.agenda.sql.upcoming(), ['r', 1, 3]],
    ['progress.now', store.progress.sql.now(), ['r', 1]],
    ['progress.asOf', store.progress.sql.asOf(), ['2026-11-22', 'r', 1]],
    ['progress.recent', store.progress.sql.recent(), ['r', '2026-10-26', '2026-11-22']],
    ['progress.leaves', store.progress.sql.leaves(), ['2026-11-22', 'r/', 'r0']],
    ['items.named', store.items.sql.named(), ['r/s/i', 'i/s/r', 'i/s/r/', 'i/s/r0', 'title', 'i', 'i\uffff']],
    ['items.words', store.items.sql.words(2), ['redis', 'cache']],
    ['items.tail', store.items.sql.tail(), ['i', 'i/', 'i0']],
    ['items.subtree', store.items.sql.subtree(), ['r/s/i', 'r/s/i/', 'r/s/i0']],
    ['completions.between', store.completions.sql.between(), ['2026-11-16', '2026-11-22']],
    ['sessions.qualifying', store.sessions.sql.qualifying(), ['leetcode', '2026-11-23', 1]],
    ['sessions.countsBetween', store.sessions.sql.countsBetween(), ['leetcode', '2026-05-25', '2026-11-23']],
    ['sessions.between', store.sessions.sql.between(), ['leetcode', '2026-11-16', '2026-11-22']],
    ['sessions.countOn', store.sessions.sql.countOn(), ['leetcode', '2026-11-23']],
    ['leet.byNumber', store.leet.sql.byNumber(), [20]],
    ['leet.bySlug', store.leet.sql.bySlug(), ['valid-parentheses']],
    ['leet.byTitleKey', store.leet.sql.byTitleKey(), ['validparentheses']],
    ['leet.card', store.leet.sql.card(), ['two-sum']],
    ['leet.dueCount', store.leet.sql.dueCount(), ['2026-11-23']],
    ['leet.due', store.leet.sql.due(), ['2026-11-23', 1]],
    ['leet.nextDue', store.leet.sql.nextDue(), ['2026-11-23']],
    ['leet.list', store.leet.sql.list(), []],
    ['leet.reviewsDone', store.leet.sql.reviewsDone(), ['2026-11-16', '2026-11-22']],
    ['leet.reviewsMissed', store.leet.sql.reviewsMissed(), [{ from: '2026-11-16', last: '2026-11-22', end: '2026-11-22' }]],
    ['leet.unknownHistory', store.leet.sql.unknownHistory(), ['a-b', 5000]],
    ['leet.lastReviewDay', store.leet.sql.lastReviewDay(), []],
    // report --format html: a year of days, and each plan's done leaves over time
    ['completions.countsBetween', store.completions.sql.countsBetween(), ['2025-12-01', '2026-11-29']],
    ['progress.doneInFile', store.progress.sql.doneInFile(), ['r']],
    ['progress.doneDays', store.progress.sql.doneDays(), ['r']],
    // study __complete, on every Tab
    ['complete.roadmaps', reads.sql.roadmaps(), ['sys', 'sys\u{10ffff}', 100]],
    ['complete.plans', reads.sql.plans(), ['sys', 'sys\u{10ffff}', 100]],
    ['complete.openEntries', reads.sql.openEntries(), ['r', 1, 100]],
    ['complete.byId', reads.sql.byId(), ['r/s', 'r/s\u{10ffff}', 100]],
    ['complete.byTail', reads.sql.byTail(), ['refac', 'refac\u{10ffff}', 100]],
    ['complete.byTitle', reads.sql.byTitle(), ['clean', 'clean\u{10ffff}', 100]],
    ['complete.problems', reads.sql.problems(), ['two', 'two\u{10ffff}', 'leetcode', 'two', 'two\u{10ffff}', 100]],
  ];

  it('search an index, never scan a big table', () => {
    for (const [name, sql, params] of cases()) {
      const plan = store.explain(sql, params);
      expect(plan.length, name).toBeGreaterThan(0);
      expect(scans(plan), `${name}: ${plan.join(' | ')}`).toEqual([]);
    }
  });

  it('the words of a TASK are looked for in the folded titles’ index, not in the items', () => {
    expect(store.explain(store.items.sql.words(1), ['redis']).join(' | ')).toMatch(/item_keys_by_folded/);
  });

  it('the check can see a scan', () => {
    expect(scans(store.explain('SELECT * FROM sessions WHERE note = ?', ['x']))).not.toEqual([]);
  });
});
