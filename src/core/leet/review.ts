// Reviews with FSRS (ts-fsrs): the card a problem keeps (plain JSON, in study days), and
// the reviews of a week. Pure: no clock, no random fuzz, so dates are exact. Loads
// ts-fsrs: only the commands that schedule import it (the rating and the parameters are
// in rating.ts, which does not).
//
// Days, not instants: a study day 'YYYY-MM-DD' is given to FSRS as that date's UTC
// midnight (so no time zone or daylight saving moves a day), and the due day is the
// review day plus FSRS's interval in whole days. Short-term scheduling is off (ts-fsrs
// `enable_short_term: false`, its long-term scheduler): no learning steps of minutes,
// every interval is a whole number of days, at least 1. Two reviews on one day are 0
// days apart (the second changes the card little unless it is again). FSRS's intervals
// are kept but for three guarantees (see `intervals`): the maximum interval is a
// ceiling, again is always sooner than good, and good on time never shortens the interval.
import { fsrs, createEmptyCard, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import { addDaysTo, parseDay, type Day } from '../calendar.js';
import { DEFAULT_FSRS, RATINGS, type FsrsParams, type ReviewRating } from './rating.js';

export * from './rating.js';

const schedulers = new Map<string, FSRS>();

function scheduler(params: FsrsParams): FSRS {
  const key = `${params.retention}/${params.maximumInterval}`;
  let f = schedulers.get(key);
  if (!f) {
    f = fsrs({
      request_retention: params.retention,
      maximum_interval: params.maximumInterval,
      enable_fuzz: false,
      enable_short_term: false,
    });
    schedulers.set(key, f);
  }
  return f;
}

// ---------------------------------------------------------------------------------------
// Cards

/**
 * What the store keeps per problem: FSRS's memory state and schedule, in study days.
 * Plain JSON; a problem never reviewed has no card (null).
 */
export interface CardState {
  /** The day the problem is due again. */
  readonly due: Day;
  /** The day of the last review. */
  readonly lastReview: Day;
  /** FSRS stability: days until recall falls to 90%. */
  readonly stability: number;
  /** FSRS difficulty, 1 .. 10. */
  readonly difficulty: number;
  /** Days from lastReview to due. */
  readonly scheduledDays: number;
  /** Reviews so far. */
  readonly reps: number;
  /** Reviews rated again after the first. */
  readonly lapses: number;
}

export interface ReviewOutcome {
  readonly card: CardState;
  /** = card.due: when the problem comes back. */
  readonly due: Day;
  /** Days until then (= card.scheduledDays). */
  readonly interval: number;
}

const GRADES: Readonly<Record<ReviewRating, Grade>> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function dateOf(day: Day): Date {
  if (parseDay(day) === null) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return new Date(`${day}T00:00:00.000Z`);
}

function fsrsCard(card: CardState): Card {
  return {
    due: dateOf(card.due),
    last_review: dateOf(card.lastReview),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: State.Review,
  };
}

/**
 * The card after a review rated `rating` on `day` (null: the problem's first review).
 * @throws RangeError when `day` is before the card's last review: replay the problem's
 * sessions in day order instead (replay).
 */
export function review(card: CardState | null, rating: ReviewRating, day: Day, params: FsrsParams = DEFAULT_FSRS): ReviewOutcome {
  const now = dateOf(day);
  if (card !== null && day < card.lastReview) {
    throw new RangeError(`a review on ${day} comes before the last one (${card.lastReview}): replay the reviews in order`);
  }
  const input = card === null ? createEmptyCard(now) : fsrsCard(card);
  const preview = scheduler(params).repeat(input, now);
  const next = preview[GRADES[rating]].card;
  const interval = intervals(
    RATINGS.map((r) => preview[GRADES[r]].card.scheduled_days) as [number, number, number, number],
    card !== null && day >= card.due ? card.scheduledDays : 0,
    params.maximumInterval,
  )[RATINGS.indexOf(rating)]!;
  // FSRS's due is review time + interval x 24 h: the same day as this.
  const due = addDaysTo(day, interval);
  const state: CardState = {
    due,
    lastReview: day,
    stability: next.stability,
    difficulty: next.difficulty,
    scheduledDays: interval,
    reps: next.reps,
    lapses: next.lapses,
  };
  return { card: state, due, interval };
}

/**
 * The intervals for again, hard, good and easy from FSRS's (which keeps them in that
 * order, each at least a day more than the one before), made to hold what a learner
 * expects: good or easy on or after the due day never comes back sooner than last time
 * (`onTime`: the last interval when the review is on or after the due day, else 0);
 * no interval passes the maximum (FSRS's ordering can pass it by up to 3 days); again
 * is always sooner than good (the maximum is at least 2).
 */
function intervals([again, hard, good, easy]: [number, number, number, number], onTime: number, maximum: number): [number, number, number, number] {
  good = Math.max(good, onTime);
  easy = Math.max(easy, good + 1);
  const cap = (n: number): number => Math.min(n, maximum);
  [hard, good, easy] = [cap(hard), cap(good), cap(easy)];
  again = Math.max(1, Math.min(again, good - 1));
  return [again, hard, good, easy];
}

export interface DatedRating {
  readonly day: Day;
  readonly rating: ReviewRating;
}

/**
 * The card after all `reviews` of one problem, applied in day order (stable: same-day
 * reviews keep their order); null when there are none. A back-dated session, or a
 * change of FSRS settings, is taken in by replaying the problem's sessions.
 */
export function replay(reviews: readonly DatedRating[], params: FsrsParams = DEFAULT_FSRS): CardState | null {
  const ordered = reviews
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.day < b.r.day ? -1 : a.r.day > b.r.day ? 1 : a.i - b.i));
  let card: CardState | null = null;
  for (const { r } of ordered) card = review(card, r.rating, r.day, params).card;
  return card;
}

/** True when the card is due on `day` or was due before it. */
export function isDue(card: CardState, day: Day): boolean {
  return card.due <= day;
}

/**
 * The items whose card is due on `day`, oldest due first (then the longest since the
 * last review, then as given), for `study leet due`.
 */
export function dueOn<T extends { readonly card: CardState }>(items: readonly T[], day: Day): T[] {
  return items
    .filter((x) => isDue(x.card, day))
    .map((x, i) => ({ x, i }))
    .sort((a, b) => cmp(a.x.card.due, b.x.card.due) || cmp(a.x.card.lastReview, b.x.card.lastReview) || a.i - b.i)
    .map(({ x }) => x);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A CardState from stored JSON, or null when it is not one (a damaged or older row). */
export function cardFromJson(value: unknown): CardState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const day = (x: unknown): x is Day => typeof x === 'string' && parseDay(x) !== null;
  const num = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isFinite(x) && x >= min;
  const int = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
  if (!day(v.due) || !day(v.lastReview) || !num(v.stability, 0) || !num(v.difficulty, 1)) return null;
  if (!int(v.scheduledDays) || !int(v.reps) || !int(v.lapses)) return null;
  return { due: v.due, lastReview: v.lastReview, stability: v.stability, difficulty: v.difficulty, scheduledDays: v.scheduledDays, reps: v.reps, lapses: v.lapses };
}

// ---------------------------------------------------------------------------------------
// A week of reviews

export interface ReviewWeek {
  /** Sessions in the week (up to today) on a problem that had a session before. */
  readonly done: number;
  /** Problems that fell due in the week (before today) and got no session by its end. */
  readonly missed: number;
}

/**
 * Reviews done and missed in the week from..to, as known on `today`. `histories` holds
 * each problem's sessions (any order inside; days and ratings). A review is missed when
 * the problem's card, replayed over its sessions up to the week's end (or today), fell
 * due on a day of the week before today and is still due: a review due today is not
 * missed yet, and one that fell due before the week counts in its own week.
 */
export function reviewWeek(
  histories: readonly (readonly DatedRating[])[],
  from: Day,
  to: Day,
  today: Day,
  params: FsrsParams = DEFAULT_FSRS,
): ReviewWeek {
  const end = to < today ? to : today;
  const lastMissable = to < today ? to : addDaysTo(today, -1);
  let done = 0;
  let missed = 0;
  if (end < from) return { done, missed };
  for (const history of histories) {
    const upToEnd = history.filter((r) => r.day <= end);
    const first = upToEnd.reduce<Day | null>((m, r) => (m === null || r.day < m ? r.day : m), null);
    let firstSeen = false;
    for (const r of upToEnd) {
      if (r.day < from) continue;
      // the problem's very first session is new, not a review (only one of several on that day)
      if (r.day === first && !firstSeen) {
        firstSeen = true;
        continue;
      }
      done++;
    }
    const card = replay(upToEnd, params);
    if (card !== null && card.due >= from && card.due <= lastMissable) missed++;
  }
  return { done, missed };
}
