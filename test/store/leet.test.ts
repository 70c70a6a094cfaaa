// The LeetCode store: migrations 006 and 007 on a store at version 5 (the catalogue, the merge of
// spellings, ratings), the card read model against the core's replay (logged in any
// order, rebuilt whole), the reviews of a week against core/leet/review.ts reviewWeek,
// and a backup from before version 7.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysTo } from '../../src/core/calendar.js';
import { parseProblem } from '../../src/core/leet.js';
import { RATINGS, type ReviewRating } from '../../src/core/leet/rating.js';
import { replay, reviewWeek } from '../../src/core/leet/review.js';
import { patternStats } from '../../src/core/leet/stats.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { rebuildReadModels } from '../../src/store/read-models.js';
import { APPLICATION_ID, loadCardEngine, openStore, SCHEMA_VERSION } from '../../src/store/index.js';
import { CATALOGUE } from '../core/leet/bundled.js';
import { cli, cliJson, tempDir } from '../support/cli.js';

interface OldSession {
  problem: string;
  day: string;
  difficulty?: string | null;
  minutes?: number | null;
  result?: string;
}

/** A store at schema version 5, made with versions 1-5's own SQL, holding LeetCode sessions as study before version 6 stored them. */
function storeAtV5(path: string, sessions: readonly OldSession[]): void {
  const db = new Database(path);
  for (const m of MIGRATIONS.slice(0, 5)) db.exec(m as string);
  const insert = db.prepare(
    `INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note)
     VALUES ('leetcode', ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL)`,
  );
  for (const s of sessions) {
    const ref = parseProblem(s.problem)!;
    insert.run(`${s.day}T20:00:00+00:00`, s.day, ref.problem, ref.number, ref.slug, ref.title, s.difficulty ?? null, s.minutes ?? null, s.result ?? 'solved');
  }
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 5');
  db.close();
}

function rows(path: string, sql: string): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('migrations 006 and 007 on a store at version 5', () => {
  // The first test of this file: nothing has loaded the FSRS engine yet, so `today` finds
  // that the migration needs it, loads it and opens the store again.
  it('study today migrates it: the catalogue, the spellings of one problem merged, ratings; nothing lost', async () => {
    const db = join(tempDir(), 'study.db');
    storeAtV5(db, [
      { problem: '20', day: '2026-11-16', difficulty: 'easy', minutes: 10 },
      { problem: 'valid-parentheses', day: '2026-11-17', result: 'attempted' },
      { problem: 'Valid Parentheses', day: '2026-11-18', minutes: 20 },
      { problem: 'https://leetcode.com/problems/valid-parentheses/description/', day: '2026-11-19', minutes: 5 },
      { problem: '5000. My Kata', day: '2026-11-18', difficulty: 'hard' },
      { problem: '5000', day: '2026-11-19' },
    ]);
    const before = rows(db, 'SELECT id, day, problem FROM sessions ORDER BY id');
    // by next summer both problems are due again
    const today = await cliJson<{ leet: { reviewsDue: number } }>(['today'], { db, now: '2027-06-01T09:00' });
    expect(today.leet.reviewsDue).toBe(2);
    expect(rows(db, 'SELECT id, day, problem FROM sessions ORDER BY id')).toEqual(before);
    expect(rows(db, 'SELECT number, slug, title, difficulty, rating FROM sessions ORDER BY id')).toEqual([
      { number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy', rating: 'good' },
      { number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy', rating: 'again' },
      { number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy', rating: 'hard' },
      { number: 20, slug: 'valid-parentheses', title: 'Valid Parentheses', difficulty: 'easy', rating: 'easy' },
      { number: 5000, slug: 'my-kata', title: 'My Kata', difficulty: 'hard', rating: 'good' },
      { number: 5000, slug: 'my-kata', title: 'My Kata', difficulty: 'hard', rating: 'good' },
    ]);
    expect(rows(db, 'SELECT count(*) AS n FROM leet_problems')).toEqual([{ n: 450 }]);
    expect(rows(db, 'SELECT key, reviews FROM leet_cards ORDER BY key')).toEqual([
      { key: 'my-kata', reviews: 2 },
      { key: 'valid-parentheses', reviews: 4 },
    ]);
    expect(await cliJson(['leet', 'stats'], { db, now: '2026-11-23T09:00' })).toMatchObject({ sessions: 6, problems: 2 });
    expect(rows(db, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
  });

  it('property: merging spellings never loses a session; every spelling of a catalogue problem ends as it', async () => {
    await loadCardEngine();
    const spellingsOf = (n: number): string[] => {
      const p = CATALOGUE.find((x) => x.number === n)!;
      return [`${n}`, `#${n}`, p.slug, p.title, p.title.toLowerCase(), `https://leetcode.com/problems/${p.slug}/`, `https://leetcode.com/problems/${p.slug}/description/`, `${n}. ${p.title}`];
    };
    const numbers = [1, 20, 146, 200, 322];
    const session = fc.oneof(
      fc.record({ known: fc.constant(true), n: fc.constantFrom(...numbers), which: fc.nat(7), day: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ known: fc.constant(false), n: fc.integer({ min: 1, max: 3 }), which: fc.nat(1), day: fc.integer({ min: 0, max: 30 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(session, { minLength: 1, maxLength: 25 }), async (list) => {
        const db = join(tempDir(), 'study.db');
        const typed = list.map((s) => (s.known ? spellingsOf(s.n)[s.which]! : s.which === 0 ? `kata-${s.n}` : `Kata ${s.n}`));
        storeAtV5(
          db,
          list.map((s, i) => ({ problem: typed[i]!, day: addDaysTo('2026-10-01', s.day) })),
        );
        openStore(db).close();
        const after = rows(db, 'SELECT id, problem, number, slug, rating FROM sessions ORDER BY id');
        expect(after).toHaveLength(list.length);
        after.forEach((r, i) => {
          expect(r.problem).toBe(typed[i]);
          expect(r.rating).not.toBeNull();
          if (list[i]!.known) expect([r.number, r.slug]).toEqual([list[i]!.n, CATALOGUE.find((p) => p.number === list[i]!.n)!.slug]);
        });
        const problems = new Set(list.map((s) => (s.known ? `#${s.n}` : `kata-${s.n}`)));
        expect(rows(db, 'SELECT key FROM leet_cards')).toHaveLength(problems.size);
        expect(rows(db, 'SELECT sum(reviews) AS n FROM leet_cards')).toEqual([{ n: list.length }]);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('the card read model', () => {
  const problems = ['two-sum', 'valid-parentheses', 'lru-cache'];
  const entry = fc.record({ p: fc.nat(problems.length - 1), day: fc.integer({ min: 0, max: 59 }), rating: fc.constantFrom(...RATINGS), attempted: fc.boolean() });

  it('property: logged in any order (back-dated ones too), each card is the core’s replay of its sessions, and a rebuild gives the same', async () => {
    await loadCardEngine();
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 30 }), async (list) => {
        const path = join(tempDir(), 'study.db');
        const store = openStore(path);
        try {
          for (const e of list) {
            const day = addDaysTo('2026-10-01', e.day);
            store.sessions.add({
              habitId: 'leetcode',
              at: `${day}T20:00:00+00:00`,
              day,
              problem: problems[e.p]!,
              number: CATALOGUE.find((c) => c.slug === problems[e.p])!.number,
              slug: problems[e.p]!,
              title: null,
              difficulty: null,
              minutes: null,
              result: e.attempted ? 'attempted' : 'solved',
              tags: [],
              note: null,
              rating: e.rating,
            }, 'LeetCode');
          }
          const cards = () => problems.map((slug) => store.leet.card(slug));
          const incremental = cards();
          problems.forEach((slug, p) => {
            const history = list.filter((e) => e.p === p).map((e) => ({ day: addDaysTo('2026-10-01', e.day), rating: e.rating as ReviewRating }));
            const card = incremental[p];
            if (history.length === 0) return expect(card).toBeNull();
            expect(card!.card).toEqual(replay(history));
            expect(card!.reviews).toBe(history.length);
            expect(card!.agains).toBe(history.filter((h) => h.rating === 'again').length);
            const solvedDays = list.filter((e) => e.p === p && !e.attempted).map((e) => addDaysTo('2026-10-01', e.day)).sort();
            expect(card!.firstSolved).toBe(solvedDays[0] ?? null);
          });
          // the reviews of a few weeks, as the core counts them
          const histories = problems.map((_, p) => list.filter((e) => e.p === p).map((e) => ({ day: addDaysTo('2026-10-01', e.day), rating: e.rating as ReviewRating })));
          for (const [from, today] of [
            ['2026-10-05', '2026-11-20'],
            ['2026-10-19', '2026-10-21'],
            ['2026-11-23', '2026-11-24'],
          ] as const) {
            const to = addDaysTo(from, 6);
            expect(store.leet.weekReviews(from, to, today), `${from} as of ${today}`).toEqual(reviewWeek(histories, from, to, today));
          }
          // reviews, lapses and problems solved per pattern, up to a day and up to now, as the core counts them
          const rated = store.leet.ratedSessions();
          for (const asOf of ['2026-10-20', '2099-01-01']) {
            const core = patternStats(rated.filter((r) => r.day <= asOf), CATALOGUE).filter((p) => p.reviews > 0);
            const byStore = store.leet.patternCounts(asOf).sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
            expect(byStore, asOf).toEqual(core.map((p) => ({ pattern: p.pattern, reviews: p.reviews, lapses: p.lapses, solved: p.solved })).sort((a, b) => (a.pattern < b.pattern ? -1 : 1)));
          }
          const raw = new Database(path);
          raw.transaction(() => rebuildReadModels(raw))();
          raw.close();
          expect(cards()).toEqual(incremental);
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('backups', () => {
  it('a backup from before version 7 (sessions under several spellings, no ratings) restores merged and rated', async () => {
    const src = join(tempDir(), 'src.db');
    await cli(['leet', 'log', 'two-sum'], { db: src, now: '2026-11-20T09:00' });
    await cli(['leet', 'start', 'blind75'], { db: src, now: '2026-11-20T09:00' });
    const doc = JSON.parse((await cli(['export'], { db: src, now: '2026-11-20T09:00' })).out);
    expect(doc.leet_lists).toEqual([{ list: 'blind75', start_day: '2026-11-20', per_day: 1, started_at: '2026-11-20T09:00:00+00:00' }]);
    // as version 2 wrote it: no ratings, no lists, '1' and 'two-sum' apart
    const old = { ...doc, version: 2, leet_lists: undefined };
    old.sessions = [
      { ...doc.sessions[0], rating: undefined, number: null },
      { ...doc.sessions[0], id: 2, problem: '1', number: 1, slug: null, title: null, difficulty: null, minutes: 50, rating: undefined },
    ];
    const dir = tempDir();
    const file = join(dir, 'old.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(old));
    const restored = join(dir, 'restored.db');
    expect((await cli(['import-backup', file], { db: restored, now: '2026-11-20T09:00' })).code).toBe(0);
    expect(rows(restored, 'SELECT problem, number, slug, difficulty, rating FROM sessions ORDER BY id')).toEqual([
      { problem: 'two-sum', number: 1, slug: 'two-sum', difficulty: 'easy', rating: 'good' },
      { problem: '1', number: 1, slug: 'two-sum', difficulty: 'easy', rating: 'hard' },
    ]);
    expect(rows(restored, 'SELECT key, reviews FROM leet_cards')).toEqual([{ key: 'two-sum', reviews: 2 }]);
  });
});
