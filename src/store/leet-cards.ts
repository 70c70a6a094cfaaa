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
// Scheduling is done by store/leet-scheduling.ts with the FSRS library (ts-fsrs), which
// only the commands that write load: await loadCardEngine() first. `today` and `report`
// only read these tables (store/leet.ts), without either.
import { LEETCODE_HABIT } from '../core/habits.js';
import { isRating, ratingFor, targetMinutesFor, type ReviewRating } from '../core/leet/rating.js';
import type { SessionName } from '../core/leet/resolve.js';
import type { CardState } from '../core/leet/review.js';
import type { NewSession } from '../core/records.js';
import type { Db } from './db.js';

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

type Engine = typeof import('./leet-scheduling.js');
let engine: Engine | null = null;

/** Loads the scheduling code and FSRS (ts-fsrs), which writing LeetCode sessions and rebuilding cards need. */
export async function loadCardEngine(): Promise<void> {
  engine ??= await import('./leet-scheduling.js');
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

/** The LeetCode fields of a session, as the read model reads them. */
export type LeetSession = SessionName & Pick<NewSession, 'day' | 'difficulty' | 'minutes' | 'result'> & { readonly rating?: string | null };

/** A session's rating: the one stored, else what its result and minutes give. */
export function ratingOf(s: LeetSession): ReviewRating {
  if (isRating(s.rating)) return s.rating;
  return ratingFor({ result: s.result, minutes: s.minutes, targetMinutes: targetMinutesFor(s.difficulty) });
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
 * After LeetCode session `id` was logged: its review row and its problem's card
 * (store/leet-scheduling.ts). In the caller's transaction.
 */
export function leetSessionAdded(db: Db, id: number, session: LeetSession): Reviewed {
  return need().leetSessionAdded(db, id, session);
}

/** After LeetCode session `sessionId` was removed: its review and its problem's card (store/leet-scheduling.ts). In the caller's transaction. */
export function leetSessionRemoved(db: Db, sessionId: number): void {
  need().leetSessionRemoved(db, sessionId);
}

/** Rewrites every review and card from the LeetCode sessions (none: nothing to schedule). In the caller's transaction. */
export function rebuildLeetCards(db: Db): void {
  db.exec('DELETE FROM leet_reviews; DELETE FROM leet_cards;');
  if (db.prepare<[string], number>('SELECT 1 FROM sessions WHERE habit_id = ? LIMIT 1').pluck().get(LEETCODE_HABIT) === undefined) return;
  need().rebuildLeetCards(db);
}
