// LeetCode practice: the catalogue, the started list, and what the card read models
// (store/leet-cards.ts) answer by index: the problems due for review, a list's problems
// with the day each was first solved, the reviews done and missed in a week, and the
// reviews and lapses per pattern. Sessions themselves are logged by store/sessions.ts.
import { addDaysTo, type Day } from '../core/calendar.js';
import { problemOfRow, type CatalogueProblem, type CatalogueRow } from '../core/leet/catalogue.js';
import type { ListId } from '../core/leet/plan.js';
import { isRating, type ReviewRating } from '../core/leet/rating.js';
import type { ProblemLookup } from '../core/leet/resolve.js';
import type { RatedSession } from '../core/leet/stats.js';
import type { Session } from '../core/records.js';
import { recordChange } from './changes.js';
import { lazy, write, type Db } from './db.js';
import { allProblems, lookupSql, storeLookup } from './leet-catalogue.js';
import { CARD_COLUMNS, cardStateOf, type CardDbRow, type CardNames } from './leet-cards.js';
import type { CardState } from '../core/leet/review.js';

/** A problem's names as `--json` writes them (core/leet: known problems have all but none null). */
export interface ProblemNames {
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: string | null;
  readonly pattern: string | null;
}

/** A problem's card, with its names and counts. */
export interface CardRow {
  readonly key: string;
  readonly known: boolean;
  readonly problem: ProblemNames;
  readonly card: CardState;
  /** The first day a session solved it (any result but attempted); null if none has. */
  readonly firstSolved: Day | null;
  readonly reviews: number;
  /** Reviews rated again. */
  readonly agains: number;
}

/** A started list. */
export interface StartedList {
  readonly list: ListId;
  readonly startDay: Day;
  readonly perDay: number;
  readonly startedAt: string;
}

/** Reviews, lapses and problems solved of one pattern, from the sessions up to a day. */
export interface PatternCounts {
  readonly pattern: string;
  readonly reviews: number;
  readonly lapses: number;
  readonly solved: number;
}

export const namesOf = (n: CardNames): ProblemNames => ({ number: n.number, slug: n.slug, title: n.title, difficulty: n.difficulty, pattern: n.pattern });

const cardRowOf = (r: CardDbRow): CardRow => ({
  key: r.key,
  known: r.known === 1,
  problem: { number: r.number, slug: r.slug, title: r.title, difficulty: r.difficulty, pattern: r.pattern },
  card: cardStateOf(r),
  firstSolved: r.first_solved,
  reviews: r.reviews,
  agains: r.agains,
});

const LIST_COLUMN: Readonly<Record<ListId, string>> = { neetcode150: 'neetcode150', blind75: 'blind75' };

type SessionDbRow = Omit<Session, 'habitId' | 'tags'> & { habitId: string; tags: string };

export function leetOf(db: Db) {
  const listQuery = (list: ListId) =>
    db.prepare<[], Omit<CatalogueRow, 'titleKey'> & { first_solved: string | null }>(
      `SELECT lp.number, lp.slug, lp.title, lp.difficulty, lp.pattern, lp.neetcode150, lp.blind75, lp.premium, c.first_solved
         FROM leet_problems lp LEFT JOIN leet_cards c ON c.key = lp.slug
        WHERE lp.${LIST_COLUMN[list]} = 1`,
    );
  const st = lazy({
    card: () => db.prepare<[string], CardDbRow>(`SELECT ${CARD_COLUMNS} FROM leet_cards WHERE key = ?`),
    dueCount: () => db.prepare<[string], number>('SELECT count(*) FROM leet_cards WHERE due <= ?').pluck(),
    nextDue: () => db.prepare<[string], string | null>('SELECT min(due) FROM leet_cards WHERE due > ?').pluck(),
    due: () => db.prepare<[string, number], CardDbRow>(`SELECT ${CARD_COLUMNS} FROM leet_cards WHERE due <= ? ORDER BY due, last_review, key LIMIT ?`),
    solved: () =>
      db.prepare<[], [number, string]>('SELECT number, first_solved FROM leet_cards WHERE known = 1 AND first_solved IS NOT NULL').raw(),
    neetcode150: () => listQuery('neetcode150'),
    blind75: () => listQuery('blind75'),
    lists: () => db.prepare<[], { list: string; start_day: string; per_day: number; started_at: string }>('SELECT list, start_day, per_day, started_at FROM leet_lists ORDER BY started_at, list'),
    clearLists: () => db.prepare('DELETE FROM leet_lists'),
    insertList: () => db.prepare<[string, string, number, string]>('INSERT INTO leet_lists (list, start_day, per_day, started_at) VALUES (?, ?, ?, ?)'),
    reviewsDone: () => db.prepare<[string, string], number>('SELECT count(*) FROM leet_reviews WHERE day BETWEEN ? AND ? AND seq > 1').pluck(),
    // A problem's last review up to `end` set it due inside the week, before today, and
    // nothing came after it by then.
    reviewsMissed: () =>
      db
        .prepare<{ from: string; last: string; end: string }, number>(
          `SELECT count(*) FROM leet_reviews r
            WHERE r.due BETWEEN @from AND @last AND r.day <= @end
              AND NOT EXISTS (SELECT 1 FROM leet_reviews n WHERE n.key = r.key AND n.seq > r.seq AND n.day <= @end)`,
        )
        .pluck(),
    patternCounts: () =>
      db.prepare<[string], PatternCounts>(
        `SELECT lp.pattern AS pattern, count(*) AS reviews, sum(r.rating = 'again') AS lapses,
                count(DISTINCT CASE WHEN r.solved = 1 THEN r.number END) AS solved
           FROM leet_reviews r JOIN leet_problems lp ON lp.number = r.number
          WHERE r.day <= ? GROUP BY lp.pattern`,
      ),
    // with no review after the day asked about, the cards hold the same counts, in fewer rows
    patternCountsNow: () =>
      db.prepare<[], PatternCounts>(
        `SELECT lp.pattern AS pattern, sum(c.reviews) AS reviews, sum(c.agains) AS lapses, count(c.first_solved) AS solved
           FROM leet_cards c JOIN leet_problems lp ON lp.number = c.number
          WHERE c.known = 1 GROUP BY lp.pattern`,
      ),
    lastReviewDay: () => db.prepare<[], string | null>('SELECT max(day) FROM leet_reviews').pluck(),
    patternTotals: () => db.prepare<[], [string, number]>('SELECT pattern, count(*) FROM leet_problems GROUP BY pattern').raw(),
    rated: () =>
      db.prepare<[], { day: string; number: number | null; solved: number; rating: string }>('SELECT day, number, solved, rating FROM leet_reviews ORDER BY day, session_id'),
    // Sessions of problems outside the catalogue named by a slug or a number, oldest first.
    unknownHistory: () =>
      db.prepare<[string, number | null], SessionDbRow>(
        `SELECT s.id, s.habit_id AS habitId, s.at, s.day, s.problem, s.number, s.slug, s.title, s.difficulty, s.minutes, s.result, s.tags, s.note, s.rating
           FROM leet_cards c JOIN leet_reviews r ON r.key = c.key JOIN sessions s ON s.id = r.session_id
          WHERE c.known = 0 AND (c.key = ? OR c.number = ?) ORDER BY s.day, s.id`,
      ),
  });

  return {
    /** Finds catalogue problems by number, slug or title key (core/leet/resolve.ts resolveProblem). */
    lookup(): ProblemLookup {
      return storeLookup(db);
    },

    /** The whole catalogue, by number. */
    catalogue(): CatalogueProblem[] {
      return allProblems(db);
    },

    /** A problem's card by its key (core/leet/resolve.ts canonicalKey), or null before its first session. */
    card(key: string): CardRow | null {
      const r = st.card.get(key);
      return r ? cardRowOf(r) : null;
    },

    /** How many problems are due for review on `day` (due then or before). */
    dueCount(day: Day): number {
      return st.dueCount.get(day)!;
    },

    /** The problems due for review on `day`, oldest due first (then the longest since the last review), at most `limit`. */
    due(day: Day, limit = -1): CardRow[] {
      return st.due.all(day, limit).map(cardRowOf);
    },

    /** The first day after `day` a problem falls due, or null when none will. */
    nextDue(day: Day): Day | null {
      return st.nextDue.get(day) ?? null;
    },

    /** Catalogue number -> the first day a session solved it. */
    solvedDays(): Map<number, Day> {
      return new Map(st.solved.all());
    },

    /** A list's problems (catalogue order) with the first day each was solved. */
    listProblems(list: ListId): { problem: CatalogueProblem; firstSolved: Day | null }[] {
      return st[list].all().map((r) => ({ problem: problemOfRow(r), firstSolved: r.first_solved }));
    },

    /** The started lists (at most one: starting a list replaces the one before). */
    lists(): StartedList[] {
      return st.lists.all().map((r) => ({ list: r.list as ListId, startDay: r.start_day, perDay: r.per_day, startedAt: r.started_at }));
    },

    /**
     * Starts `list` from `startDay` at `perDay` new problems a day, in place of any started
     * list. One change (undo passes over it: start the list before again).
     */
    startList(list: ListId, startDay: Day, perDay: number, at: string): void {
      write(db, () => {
        recordChange(db, 'list', `started leet list ${list} on ${startDay}`, at, null).event('leet.list.started', { list, startDay, perDay, at });
        st.clearLists.run();
        st.insertList.run(list, startDay, perDay, at);
      });
    },

    /**
     * Reviews done in the week from..to (sessions up to today, on a problem that had one
     * before) and missed (problems that fell due in the week before today and had no
     * session by its end): core/leet/review.ts reviewWeek, by index.
     */
    weekReviews(from: Day, to: Day, today: Day): { done: number; missed: number } {
      const end = to < today ? to : today;
      if (end < from) return { done: 0, missed: 0 };
      const last = to < today ? to : addDaysTo(today, -1);
      return { done: st.reviewsDone.get(from, end)!, missed: last < from ? 0 : st.reviewsMissed.get({ from, last, end })! };
    },

    /** Reviews, lapses and problems solved per pattern of the catalogue, from the sessions up to `asOf`. */
    patternCounts(asOf: Day): PatternCounts[] {
      const last = st.lastReviewDay.get() ?? null;
      return last === null || last <= asOf ? st.patternCountsNow.all() : st.patternCounts.all(asOf);
    },

    /** Problems per pattern in the catalogue. */
    patternTotals(): Map<string, number> {
      return new Map(st.patternTotals.all());
    },

    /** Every LeetCode session as core/leet/stats.ts reads it (catalogue number, result, rating), oldest first. */
    ratedSessions(): RatedSession[] {
      return st.rated.all().map((r) => ({ day: r.day, number: r.number, result: r.solved ? 'solved' : 'attempted', rating: (isRating(r.rating) ? r.rating : 'good') as ReviewRating }));
    },

    /** The sessions of a problem outside the catalogue, by the slug or number it was logged with. */
    unknownHistory(slug: string | null, number: number | null): Session[] {
      return st.unknownHistory.all(slug ?? (number !== null ? `#${number}` : ''), number).map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
    },

    /** The SQL of the statements on hot paths, for EXPLAIN QUERY PLAN in tests. */
    sql: {
      dueCount: () => st.dueCount.source,
      nextDue: () => st.nextDue.source,
      due: () => st.due.source,
      card: () => st.card.source,
      list: () => st.neetcode150.source,
      reviewsDone: () => st.reviewsDone.source,
      reviewsMissed: () => st.reviewsMissed.source,
      unknownHistory: () => st.unknownHistory.source,
      patternCounts: () => st.patternCounts.source,
      patternCountsNow: () => st.patternCountsNow.source,
      lastReviewDay: () => st.lastReviewDay.source,
      ...lookupSql(db),
    },
  };
}

export type Leet = ReturnType<typeof leetOf>;
