// The LeetCode catalogue as the store holds it (leet_problems, loaded by migration 007):
// looked up by number, slug or title key, on their indexes; and the merge of sessions
// stored under different spellings of one problem, which the migration and a restore of
// an older backup run.
import { problemOfRow, type CatalogueProblem, type CatalogueRow } from '../core/leet/catalogue.js';
import { mergePlan, type OldSessionRow } from '../core/leet/merge.js';
import { ratingFor, targetMinutesFor } from '../core/leet/rating.js';
import type { ProblemLookup } from '../core/leet/resolve.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import { lazy, type Db } from './db.js';

type ProblemDbRow = Omit<CatalogueRow, 'titleKey'>;

const COLUMNS = 'number, slug, title, difficulty, pattern, neetcode150, blind75, premium';

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function statements(db: Db) {
  return lazy({
    byNumber: () => db.prepare<[number], ProblemDbRow>(`SELECT ${COLUMNS} FROM leet_problems WHERE number = ?`),
    bySlug: () => db.prepare<[string], ProblemDbRow>(`SELECT ${COLUMNS} FROM leet_problems WHERE slug = ?`),
    byTitleKey: () => db.prepare<[string], ProblemDbRow>(`SELECT ${COLUMNS} FROM leet_problems WHERE title_key = ? ORDER BY number LIMIT 1`),
    all: () => db.prepare<[], ProblemDbRow>(`SELECT ${COLUMNS} FROM leet_problems ORDER BY number`),
  });
}
const st = (db: Db): ReturnType<typeof statements> => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

/** The catalogue, asked one problem at a time on its indexes (core/leet/resolve.ts). */
export function storeLookup(db: Db): ProblemLookup {
  const s = st(db);
  const of = (row: ProblemDbRow | undefined): CatalogueProblem | null => (row ? problemOfRow(row) : null);
  return {
    byNumber: (n) => of(s.byNumber.get(n)),
    bySlug: (slug) => of(s.bySlug.get(slug)),
    byTitleKey: (key) => of(s.byTitleKey.get(key)),
  };
}

/** Every problem of the catalogue, by number. */
export function allProblems(db: Db): CatalogueProblem[] {
  return st(db).all.all().map(problemOfRow);
}

/** The SQL of the lookups, for EXPLAIN QUERY PLAN in tests. */
export const lookupSql = (db: Db) => ({ byNumber: () => st(db).byNumber.source, bySlug: () => st(db).bySlug.source, byTitleKey: () => st(db).byTitleKey.source });

/**
 * Gives every LeetCode session the canonical name of its problem (core/leet/merge.ts
 * mergePlan: the catalogue's number, slug, title and difficulty, or one name for the
 * spellings of a problem outside it), and a rating to those without one (from the
 * result and minutes, against the target of its difficulty). Rows are updated, never
 * added or removed; what was typed is kept. Running it again changes nothing. In the
 * caller's transaction.
 */
export function mergeSpellings(db: Db): void {
  const rows = db
    .prepare<[string], OldSessionRow & { result: string | null; minutes: number | null; rating: string | null }>(
      'SELECT id, problem, number, slug, title, difficulty, result, minutes, rating FROM sessions WHERE habit_id = ? ORDER BY id',
    )
    .all(LEETCODE_HABIT);
  if (rows.length === 0) return;
  const plan = mergePlan(rows, storeLookup(db));
  const rename = db.prepare<[number | null, string | null, string | null, string | null, number]>(
    'UPDATE sessions SET number = ?, slug = ?, title = ?, difficulty = ? WHERE id = ?',
  );
  const rate = db.prepare<[string, number]>('UPDATE sessions SET rating = ? WHERE id = ?');
  plan.forEach((m, i) => {
    const row = rows[i]!;
    if (m.changed) rename.run(m.number, m.slug, m.title, m.difficulty, m.id);
    if (row.rating === null) {
      rate.run(ratingFor({ result: row.result, minutes: row.minutes, targetMinutes: targetMinutesFor(m.difficulty) }), m.id);
    }
  });
}
