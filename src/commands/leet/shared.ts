// What the leet commands share.
import type { Session } from '../../core/records.js';

/** A session as `--json` writes it. */
export function sessionJson(s: Session): Record<string, unknown> {
  return {
    id: s.id,
    date: s.day,
    at: s.at,
    problem: s.problem,
    number: s.number,
    slug: s.slug,
    title: s.title,
    difficulty: s.difficulty,
    minutes: s.minutes,
    result: s.result,
    tags: s.tags,
    note: s.note,
  };
}
