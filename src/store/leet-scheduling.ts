// Scheduling the LeetCode cards (the read models of store/leet-cards.ts): a session's
// review written from its problem's card (one FSRS step, or a replay of the problem's
// sessions when it is back-dated), and every card rebuilt from the sessions. Loaded with
// FSRS (ts-fsrs) by leet-cards.ts loadCardEngine, only by the commands that write.
import type { Day } from '../core/calendar.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import { catalogueLookup, catalogueProblemOf, canonicalKey, type ProblemLookup, type SessionName } from '../core/leet/resolve.js';
import { FSRS_SETTINGS, fsrsParamsFrom, type FsrsParams, type ReviewRating } from '../core/leet/rating.js';
import { review, type CardState } from '../core/leet/review.js';
import { lazy, type Db } from './db.js';
import { allProblems, storeLookup } from './leet-catalogue.js';
import { CARD_COLUMNS, cardStateOf, ratingOf, type CardDbRow, type CardNames, type LeetSession, type Reviewed } from './leet-cards.js';

/** A session as a review: its day, rating, and whether it solved the problem (any result but attempted). */
interface Review {
  readonly sessionId: number;
  readonly day: Day;
  readonly rating: ReviewRating;
  readonly solved: boolean;
}

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
  const s = st(db);
  s.clearReviews.run(key);
  let card: CardState | null = null;
  let firstSolved: Day | null = null;
  let agains = 0;
  reviews.forEach((r, i) => {
    const next = review(card, r.rating, r.day, params).card;
    s.insertReview.run(r.sessionId, key, i + 1, r.day, names.known ? names.number : null, r.rating, r.solved ? 1 : 0, next.due);
    card = next;
    if (r.solved && (firstSolved === null || r.day < firstSolved)) firstSolved = r.day;
    if (r.rating === 'again') agains++;
  });
  putCard(db, key, names, card!, { firstSolved, reviews: reviews.length, agains });
  return card!;
}

/**
 * After LeetCode session `id` was logged: its review row and its problem's card. A
 * session on or after the problem's last review is one FSRS step from the card; a
 * back-dated one replays the problem's reviews in order. In the caller's transaction.
 */
export function leetSessionAdded(db: Db, id: number, session: LeetSession): Reviewed {
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

/** Writes every review and card from the LeetCode sessions, into emptied tables. In the caller's transaction. */
export function rebuildLeetCards(db: Db): void {
  const sessions = st(db).sessions.all(LEETCODE_HABIT);
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

/**
 * After LeetCode session `sessionId` was removed (`study undo`): its review row goes, and
 * its problem's card is replayed from the reviews left (none left: no card). In the
 * caller's transaction.
 */
export function leetSessionRemoved(db: Db, sessionId: number): void {
  const key = db.prepare<[number], string>('SELECT key FROM leet_reviews WHERE session_id = ?').pluck().get(sessionId);
  if (key === undefined) return;
  const s = st(db);
  const prev = s.card.get(key)!;
  const reviews: Review[] = s.reviewsOf
    .all(key)
    .filter((r) => r.session_id !== sessionId)
    .map((r) => ({ sessionId: r.session_id, day: r.day, rating: r.rating as ReviewRating, solved: r.solved === 1 }));
  if (reviews.length === 0) {
    s.clearReviews.run(key);
    db.prepare<[string]>('DELETE FROM leet_cards WHERE key = ?').run(key);
    return;
  }
  const names: CardNames = { number: prev.number, known: prev.known === 1, slug: prev.slug, title: prev.title, difficulty: prev.difficulty, pattern: prev.pattern };
  writeProblem(db, key, names, reviews, paramsOf(db));
}
