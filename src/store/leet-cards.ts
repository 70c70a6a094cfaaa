// The LeetCode read models (src/store/read-models.ts creates and rebuilds them with the
// others): every LeetCode session is a review of its problem, and each problem has an
// FSRS card (core/leet/review.ts).
//
// - leet_reviews: one row per LeetCode session: its problem's key (core/leet/resolve.ts
//   canonicalKey), its place in the problem's reviews (seq: by day, then id), its rating,
//   whether it solved the problem, and the day the problem was due after it. The reviews
//   done and missed in a week are read from it by index (store/leet.ts).
// - leet_cards: one row per problem: its names, the first day it was solved, its review
//   and again counts, and its card with the day it is due, indexed (`study leet due`,
//   `today`).
//
// Written in the same transaction as each session (leetSessionAdded), rebuilt whole
// after a migration, a restore, or a change of day-start or of the FSRS settings.
// Scheduling needs the FSRS library (ts-fsrs), which only the commands that write load:
// await loadCardEngine() first; `today` and `report` only read these tables.
import type { Day } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import { catalogueLookup, catalogueProblemOf, canonicalKey, type ProblemLookup, type SessionName } from '../core/leet/resolve.js';
import { FSRS_SETTINGS, fsrsParamsFrom, isRating, ratingFor, targetMinutesFor, type FsrsParams, type ReviewRating } from '../core/leet/rating.js';
import type { CardState } from '../core/leet/review.js';
import type { NewSession } from '../core/records.js';
import { lazy, type Db } from './db.js';
import { allProblems, storeLookup } from './leet-catalogue.js';

export const LEET_SCHEMA = `
  CREATE TABLE leet_reviews (
    session_id INTEGER PRIMARY KEY,
    key        TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    day        TEXT NOT NULL,
    number     INTEGER,
    rating     TEXT NOT NULL,
    solved     INTEGER NOT NULL,
    due        TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX leet_reviews_by_key ON leet_reviews(key, seq);
  CREATE INDEX leet_reviews_by_day ON leet_reviews(day);
  CREATE INDEX leet_reviews_by_due ON leet_reviews(due);

  CREATE TABLE leet_cards (
    key             TEXT PRIMARY KEY,
    number          INTEGER,
    known           INTEGER NOT NULL,
    slug            TEXT,
    title           TEXT,
    difficulty      TEXT,
    pattern         TEXT,
    first_solved    TEXT,
    reviews         INTEGER NOT NULL,
    agains          INTEGER NOT NULL,
    due             TEXT NOT NULL,
    last_review     TEXT NOT NULL,
    stability       REAL NOT NULL,
    fsrs_difficulty REAL NOT NULL,
    scheduled_days  INTEGER NOT NULL,
    reps            INTEGER NOT NULL,
    lapses          INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX leet_cards_by_due ON leet_cards(due, last_review);
  CREATE INDEX leet_cards_by_number ON leet_cards(number);
`;

export const LEET_TABLES = ['leet_reviews', 'leet_cards'] as const;

// ---------------------------------------------------------------------------------------
// The FSRS engine, loaded by the commands that write

type Engine = Pick<typeof import('../core/leet/review.js'), 'review'>;
let engine: Engine | null = null;

/** Loads the FSRS scheduler (ts-fsrs), which writing LeetCode sessions and rebuilding cards need. */
export async function loadCardEngine(): Promise<void> {
  engine ??= await import('../core/leet/review.js');
}

/** A migration or rebuild was about to schedule cards before loadCardEngine(): store/index.ts openStoreAsync loads it and opens again. */
export class CardEngineNeeded extends Error {
  constructor() {
    super('the FSRS engine is needed to rebuild LeetCode cards: await loadCardEngine() first');
    this.name = 'CardEngineNeeded';
  }
}

function need(): Engine {
  if (engine === null) throw new CardEngineNeeded();
  return engine;
}

/** True when rebuilding the cards of this store (at any version) would need the engine and it is not loaded. */
export function needsCardEngine(db: Db): boolean {
  if (engine !== null) return false;
  const hasSessions = db.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sessions'").pluck().get()! > 0;
  return hasSessions && db.prepare<[string], number>('SELECT 1 FROM sessions WHERE habit_id = ? LIMIT 1').pluck().get(LEETCODE_HABIT) !== undefined;
}

// ---------------------------------------------------------------------------------------
// Rows

/** A problem's names as its card keeps them: the catalogue's, or the sessions' own. */
export interface CardNames {
  readonly number: number | null;
  readonly known: boolean;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: string | null;
  readonly pattern: string | null;
}

export interface CardDbRow {
  key: string;
  number: number | null;
  known: number;
  slug: string | null;
  title: string | null;
  difficulty: string | null;
  pattern: string | null;
  first_solved: string | null;
  reviews: number;
  agains: number;
  due: string;
  last_review: string;
  stability: number;
  fsrs_difficulty: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
}

export const CARD_COLUMNS =
  'key, number, known, slug, title, difficulty, pattern, first_solved, reviews, agains, due, last_review, stability, fsrs_difficulty, scheduled_days, reps, lapses';

export const cardStateOf = (r: CardDbRow): CardState => ({
  due: r.due,
  lastReview: r.last_review,
  stability: r.stability,
  difficulty: r.fsrs_difficulty,
  scheduledDays: r.scheduled_days,
  reps: r.reps,
  lapses: r.lapses,
});

/** A session as a review: its day, rating, and whether it solved the problem (any result but attempted). */
interface Review {
  readonly sessionId: number;
  readonly day: Day;
  readonly rating: ReviewRating;
  readonly solved: boolean;
}

/** The LeetCode fields of a session, as the read model reads them. */
type LeetSession = SessionName & Pick<NewSession, 'day' | 'difficulty' | 'minutes' | 'result'> & { readonly rating?: string | null };

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function statements(db: Db) {
  return lazy({
    settings: () =>
      db.prepare<[string, string], [string, string]>('SELECT key, value FROM settings WHERE key IN (?, ?)').raw(),
    card: () => db.prepare<[string], CardDbRow>(`SELECT ${CARD_COLUMNS} FROM leet_cards WHERE key = ?`),
    reviewsOf: () =>
      db.prepare<[string], { session_id: number; day: string; rating: string; solved: number }>(
        'SELECT session_id, day, rating, solved FROM leet_reviews WHERE key = ? ORDER BY seq',
      ),
    clearReviews: () => db.prepare<[string]>('DELETE FROM leet_reviews WHERE key = ?'),
    insertReview: () =>
      db.prepare<[number, string, number, string, number | null, string, number, string]>(
        'INSERT INTO leet_reviews (session_id, key, seq, day, number, rating, solved, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    putCard: () =>
      db.prepare(
        `INSERT OR REPLACE INTO leet_cards (${CARD_COLUMNS})
         VALUES (@key, @number, @known, @slug, @title, @difficulty, @pattern, @first_solved, @reviews, @agains, @due, @last_review,
                 @stability, @fsrs_difficulty, @scheduled_days, @reps, @lapses)`,
      ),
    sessions: () =>
      db.prepare<[string], LeetSession & { id: number }>(
        'SELECT id, day, problem, number, slug, title, difficulty, minutes, result, rating FROM sessions WHERE habit_id = ? ORDER BY day, id',
      ),
  });
}
const st = (db: Db): ReturnType<typeof statements> => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

/** The FSRS parameters the settings hold. */
function paramsOf(db: Db): FsrsParams {
  const keys = Object.keys(FSRS_SETTINGS) as [string, string];
  return fsrsParamsFrom(Object.fromEntries(st(db).settings.all(...keys)));
}

/** A session's rating: the one stored, else what its result and minutes give. */
export function ratingOf(s: LeetSession): ReviewRating {
  if (isRating(s.rating)) return s.rating;
  return ratingFor({ result: s.result, minutes: s.minutes, targetMinutes: targetMinutesFor(s.difficulty) });
}

/** A problem's key and names, from a session (named as the log or the merge left it). */
export function problemOf(s: SessionName & { difficulty: string | null }, lookup: ProblemLookup): { key: string; names: CardNames } {
  const p = catalogueProblemOf(s, lookup);
  if (p) return { key: p.slug, names: { number: p.number, known: true, slug: p.slug, title: p.title, difficulty: p.difficulty, pattern: p.pattern } };
  return { key: canonicalKey(s, lookup), names: { number: s.number, known: false, slug: s.slug, title: s.title, difficulty: s.difficulty, pattern: null } };
}

function putCard(db: Db, key: string, names: CardNames, card: CardState, totals: { firstSolved: Day | null; reviews: number; agains: number }): void {
  st(db).putCard.run({
    key,
    number: names.number,
    known: names.known ? 1 : 0,
    slug: names.slug,
    title: names.title,
    difficulty: names.difficulty,
    pattern: names.pattern,
    first_solved: totals.firstSolved,
    reviews: totals.reviews,
    agains: totals.agains,
    due: card.due,
    last_review: card.lastReview,
    stability: card.stability,
    fsrs_difficulty: card.difficulty,
    scheduled_days: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
  });
}

/** Writes a problem's reviews (in day order, then id) and its card from scratch: a rebuild, or a back-dated session. */
function writeProblem(db: Db, key: string, names: CardNames, reviews: readonly Review[], params: FsrsParams): CardState {
  const { review } = need();
  const s = st(db);
  s.clearReviews.run(key);
  let card: CardState | null = null;
  let firstSolved: Day | null = null;
  let agains = 0;
  reviews.forEach((r, i) => {
    card = review(card, r.rating, r.day, params).card;
    s.insertReview.run(r.sessionId, key, i + 1, r.day, names.known ? names.number : null, r.rating, r.solved ? 1 : 0, card.due);
    if (r.solved && (firstSolved === null || r.day < firstSolved)) firstSolved = r.day;
    if (r.rating === 'again') agains++;
  });
  putCard(db, key, names, card!, { firstSolved, reviews: reviews.length, agains });
  return card!;
}

/** What logging a session did to its problem. */
export interface Reviewed {
  readonly key: string;
  readonly names: CardNames;
  readonly rating: ReviewRating;
  readonly card: CardState;
  /** The problem's reviews so far, this one included. */
  readonly reviews: number;
}

/**
 * After LeetCode session `id` was logged: its review row and its problem's card. A
 * session on or after the problem's last review is one FSRS step from the card; a
 * back-dated one replays the problem's reviews in order. In the caller's transaction.
 */
export function leetSessionAdded(db: Db, id: number, session: LeetSession): Reviewed {
  const { review } = need();
  const s = st(db);
  const { key, names } = problemOf(session, storeLookup(db));
  const rating = ratingOf(session);
  const solved = session.result !== 'attempted';
  const params = paramsOf(db);
  const prev = s.card.get(key);
  if (prev && session.day < prev.last_review) {
    const reviews: Review[] = s.reviewsOf.all(key).map((r) => ({ sessionId: r.session_id, day: r.day, rating: r.rating as ReviewRating, solved: r.solved === 1 }));
    reviews.push({ sessionId: id, day: session.day, rating, solved });
    reviews.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.sessionId - b.sessionId));
    // a problem outside the catalogue keeps the names of its latest session
    const kept = names.known ? names : { ...names, number: prev.number, slug: prev.slug, title: prev.title, difficulty: prev.difficulty };
    const card = writeProblem(db, key, kept, reviews, params);
    return { key, names: kept, rating, card, reviews: reviews.length };
  }
  const card = review(prev ? cardStateOf(prev) : null, rating, session.day, params).card;
  const reviews = (prev?.reviews ?? 0) + 1;
  s.insertReview.run(id, key, reviews, session.day, names.known ? names.number : null, rating, solved ? 1 : 0, card.due);
  const firstSolved = solved && (prev?.first_solved == null || session.day < prev.first_solved) ? session.day : (prev?.first_solved ?? null);
  putCard(db, key, names, card, { firstSolved, reviews, agains: (prev?.agains ?? 0) + (rating === 'again' ? 1 : 0) });
  return { key, names, rating, card, reviews };
}

/** Rewrites every review and card from the LeetCode sessions. In the caller's transaction. */
export function rebuildLeetCards(db: Db): void {
  db.exec('DELETE FROM leet_reviews; DELETE FROM leet_cards;');
  const sessions = st(db).sessions.all(LEETCODE_HABIT);
  if (sessions.length === 0) return;
  need();
  const lookup = catalogueLookup(allProblems(db));
  const problems = new Map<string, { names: CardNames; reviews: Review[] }>();
  for (const s of sessions) {
    const { key, names } = problemOf(s, lookup);
    const p = problems.get(key);
    const r: Review = { sessionId: s.id, day: s.day, rating: ratingOf(s), solved: s.result !== 'attempted' };
    if (p) {
      p.reviews.push(r);
      p.names = names; // the latest session's names (the same for a catalogue problem)
    } else {
      problems.set(key, { names, reviews: [r] });
    }
  }
  const params = paramsOf(db);
  for (const [key, p] of problems) writeProblem(db, key, p.names, p.reviews, params);
}
