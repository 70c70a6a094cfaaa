// What the leet commands share.
import { problemLabel } from '../../core/leet.js';
import type { Session } from '../../core/records.js';
import type { ProblemNames } from '../../store/index.js';

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
    rating: s.rating,
  };
}

/** A problem as `--json` writes it: {number, slug, title, difficulty, pattern}. */
export function problemJson(p: ProblemNames): ProblemNames {
  return { number: p.number, slug: p.slug, title: p.title, difficulty: p.difficulty, pattern: p.pattern };
}

/** '20. Valid Parentheses', 'Valid Parentheses', '#20' (not yet safe() for a terminal). */
export function labelOf(p: ProblemNames & { problem?: string | null }): string {
  return problemLabel({ number: p.number, slug: p.slug, title: p.title, problem: p.problem ?? null });
}

/** The problem's page on LeetCode, when its slug is known. */
export function urlOf(p: ProblemNames): string | null {
  return p.slug ? `https://leetcode.com/problems/${p.slug}/` : null;
}
