// The bounds on what enters study, in one place and free of imports (the entry loads it
// for STUDY_NOW): the days a user may give, and the longest plan. Within them every day
// study computes (a plan's last week, a streak walked back) is a four-digit year, which
// core/calendar.ts handles; outside them is refused where it enters, with these numbers.

/** The first and last day a user may give study (options, STUDY_NOW, backups). */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '2999-12-31';

/**
 * The longest a plan may be, in weeks (20 years): the bound on `weeks:` and `duration:`
 * in a roadmap file and on every schedule stored. 2999-12-31 plus 20 years is still a
 * four-digit year.
 */
export const MAX_PLAN_WEEKS = 1040;

/** A 'YYYY-MM-DD' (already known to be a real date) from FIRST_DAY to LAST_DAY: four-digit years compare as text. */
export function dayInBounds(day: string): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}
