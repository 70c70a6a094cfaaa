// Where a learner is weak: per NeetCode pattern, problems solved, reviews, lapses and
// retention (`study leet stats --by pattern`), and the weakest patterns (the weekly
// report). Pure.
import type { Day } from '../calendar.js';
import { comparePatterns, type CatalogueProblem } from './catalogue.js';
import type { ListId } from './plan.js';
import type { ReviewRating } from './rating.js';

/** A session as the stats read it: its catalogue number (null if none), result and rating. */
export interface RatedSession {
  readonly day: Day;
  readonly number: number | null;
  readonly result: string | null;
  readonly rating: ReviewRating;
}

export interface PatternStats {
  readonly pattern: string;
  /** Problems of the pattern with a session that solved them (any result but attempted). */
  readonly solved: number;
  /** Problems of the pattern in the list (or in the catalogue when no list is given). */
  readonly total: number;
  /** Sessions on the pattern's problems: every session is a review of its problem. */
  readonly reviews: number;
  /** Reviews rated again. */
  readonly lapses: number;
  /** Share of reviews not rated again, 0..1; null with no reviews. */
  readonly retention: number | null;
}

/**
 * Stats per pattern over the problems of `list` (or of the whole catalogue), every
 * pattern of that scope included, in NeetCode's roadmap order (comparePatterns).
 * Sessions of problems outside the scope (another list, or not in the catalogue) are
 * not counted.
 */
export function patternStats(sessions: readonly RatedSession[], catalogue: readonly CatalogueProblem[], list?: ListId): PatternStats[] {
  const scope = new Map<number, CatalogueProblem>();
  for (const p of catalogue) if (list === undefined || p[list]) scope.set(p.number, p);

  const acc = new Map<string, { total: number; solved: Set<number>; reviews: number; lapses: number }>();
  const entry = (pattern: string) => {
    let e = acc.get(pattern);
    if (!e) acc.set(pattern, (e = { total: 0, solved: new Set(), reviews: 0, lapses: 0 }));
    return e;
  };
  for (const p of scope.values()) entry(p.pattern).total++;
  for (const s of sessions) {
    const p = s.number === null ? undefined : scope.get(s.number);
    if (!p) continue;
    const e = entry(p.pattern);
    e.reviews++;
    if (s.rating === 'again') e.lapses++;
    if (s.result !== 'attempted') e.solved.add(p.number);
  }
  return [...acc]
    .sort(([a], [b]) => comparePatterns(a, b))
    .map(([pattern, e]) => ({
      pattern,
      solved: e.solved.size,
      total: e.total,
      reviews: e.reviews,
      lapses: e.lapses,
      retention: e.reviews === 0 ? null : (e.reviews - e.lapses) / e.reviews,
    }));
}

/** Reviews a pattern needs before it can be named weak. */
export const MIN_REVIEWS_FOR_WEAK = 3;

/**
 * The `n` weakest patterns: of the patterns with at least `minReviews` reviews and at
 * least one lapse, the lowest retention first; ties go to more lapses, then to the
 * smaller share of the pattern solved, then to roadmap order. Fewer than `n` (or none)
 * when fewer patterns qualify: a pattern never failed is not weak.
 */
export function weakestPatterns(stats: readonly PatternStats[], n = 2, minReviews = MIN_REVIEWS_FOR_WEAK): PatternStats[] {
  const share = (s: PatternStats): number => (s.total === 0 ? 0 : s.solved / s.total);
  return stats
    .filter((s) => s.reviews >= minReviews && s.lapses > 0)
    .sort(
      (a, b) =>
        a.retention! - b.retention! || b.lapses - a.lapses || share(a) - share(b) || comparePatterns(a.pattern, b.pattern),
    )
    .slice(0, Math.max(0, n));
}
