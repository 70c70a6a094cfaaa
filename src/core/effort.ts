// Effort and priority: the two item attributes the scheduler reads.

/** Hours for the named efforts of SPEC section 4. */
export const NAMED_EFFORT_HOURS: Readonly<Record<string, number>> = { short: 2, medium: 5, long: 10 };
/** Hours for an item whose effort nobody wrote down. */
export const DEFAULT_EFFORT_HOURS = 2;

const EFFORT_RE = /^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(h|m|min)$/;

/**
 * Hours of an effort as written: `short|medium|long`, `3h`, `90m`, `1.5h`, or a range
 * (`2-4h`, `30-60m`, whose middle counts). Returns null for text that is none of these.
 */
export function effortHours(text: string): number | null {
  const t = text.trim().toLowerCase();
  const named = NAMED_EFFORT_HOURS[t];
  if (named !== undefined) return named;
  const m = EFFORT_RE.exec(t);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (hi < lo || hi === 0) return null;
  const mid = (lo + hi) / 2;
  return m[3] === 'h' ? mid : mid / 60;
}

const PRIORITY_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Sort rank of a priority as written (`high`, or a range such as `low-medium`, whose
 * higher end counts): 0 for critical ... 3 for low; an item without one ranks as medium.
 */
export function priorityRank(priority: string | null): number {
  if (priority === null) return PRIORITY_RANK.medium!;
  let best = PRIORITY_RANK.medium!;
  let seen = false;
  for (const part of priority.split('-')) {
    const r = PRIORITY_RANK[part.trim()];
    if (r !== undefined) {
      best = seen ? Math.min(best, r) : r;
      seen = true;
    }
  }
  return best;
}
