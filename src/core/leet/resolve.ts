// One problem however it is named: '20', '#20', 'valid-parentheses', 'Valid Parentheses',
// a leetcode.com or leetcode.cn URL, '20. Valid Parentheses' -> catalogue problem 20.
// The catalogue is asked through a small lookup (three indexed reads in the store);
// catalogueLookup() answers it from an array. Pure.
import { parseProblem } from '../leet.js';
import { titleKey, type CatalogueProblem } from './catalogue.js';

/** How a caller finds catalogue problems: by number, by slug, by titleKey(title). */
export interface ProblemLookup {
  byNumber(number: number): CatalogueProblem | null | undefined;
  bySlug(slug: string): CatalogueProblem | null | undefined;
  byTitleKey(key: string): CatalogueProblem | null | undefined;
}

/** A problem of the catalogue, with what was typed for it. */
export interface KnownProblem extends CatalogueProblem {
  readonly known: true;
  /** What the user typed, trimmed, inner spaces collapsed. */
  readonly typed: string;
}

/**
 * A problem that is not in the catalogue, named as given: number, slug and title are
 * guessed from the text as parseProblem (src/core/leet.ts) does; any may be null.
 */
export interface UnknownProblem {
  readonly known: false;
  readonly typed: string;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: null;
  readonly pattern: null;
}

export type ResolvedProblem = KnownProblem | UnknownProblem;

/** A lookup over an array of problems (tests, migrations, a catalogue held in memory). */
export function catalogueLookup(problems: readonly CatalogueProblem[]): ProblemLookup {
  const numbers = new Map(problems.map((p) => [p.number, p]));
  const slugs = new Map(problems.map((p) => [p.slug, p]));
  const titles = new Map(problems.map((p) => [titleKey(p.title), p]));
  return {
    byNumber: (n) => numbers.get(n),
    bySlug: (s) => slugs.get(s),
    byTitleKey: (k) => titles.get(k),
  };
}

/**
 * The catalogue problem of a number, a slug or a title (in that order of trust), if any.
 * First, text that starts with a number is tried whole as a title: '132 Pattern' is
 * problem 456, not problem 132.
 */
function find(lookup: ProblemLookup, { problem, number, slug, title }: SessionName): CatalogueProblem | null {
  if (number !== null && problem !== null && /^\d/.test(problem.trim())) {
    const key = titleKey(problem);
    const p = /\D/.test(key) ? lookup.byTitleKey(key) : null;
    if (p) return p;
  }
  if (number !== null) {
    const p = lookup.byNumber(number);
    if (p) return p;
  }
  if (slug !== null) {
    const p = lookup.bySlug(slug);
    if (p) return p;
  }
  for (const name of [title, slug]) {
    if (name === null) continue;
    const key = titleKey(name);
    if (key === '') continue;
    const p = lookup.byTitleKey(key);
    if (p) return p;
  }
  return null;
}

/**
 * The problem `text` names, or null when it is blank. Accepted: a number ('20', '#20'),
 * a slug, a title in any case and spacing, a problem URL (leetcode.com or leetcode.cn,
 * with or without '/description/', '/solutions/...', a query or a fragment), or a number
 * and a name ('20. Valid Parentheses'). When a number and a name disagree, the number
 * wins (LeetCode numbers are unique; names are typed from memory). A problem that is not
 * in the catalogue comes back `known: false`, named as given.
 */
export function resolveProblem(text: string, lookup: ProblemLookup): ResolvedProblem | null {
  const ref = parseProblem(text);
  if (ref === null) return null;
  const found = find(lookup, ref);
  if (found) return { ...found, known: true, typed: ref.problem };
  return { known: false, typed: ref.problem, number: ref.number, slug: ref.slug, title: ref.title, difficulty: null, pattern: null };
}

/** The fields of a stored session that name its problem (as sessions hold them today). */
export interface SessionName {
  /** What was typed. */
  readonly problem: string | null;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
}

/** The catalogue problem a stored session names, from its number, slug, title or typed text. */
export function catalogueProblemOf(s: SessionName, lookup: ProblemLookup): CatalogueProblem | null {
  const found = find(lookup, s);
  if (found) return found;
  const typed = s.problem === null ? null : resolveProblem(s.problem, lookup);
  return typed?.known ? typed : null;
}

/**
 * What makes two sessions the same problem: the catalogue slug of a catalogue problem
 * (whichever way it was named), else the session's own slug, else '#N', else its typed
 * text in lower case. After the merge migration (mergePlan) every session of a
 * catalogue problem carries its catalogue slug, so the key is then just the slug.
 */
export function canonicalKey(s: SessionName, lookup: ProblemLookup): string {
  const p = catalogueProblemOf(s, lookup);
  if (p) return p.slug;
  if (s.slug) return s.slug;
  if (s.number !== null) return `#${s.number}`;
  return (s.problem ?? '').trim().toLowerCase();
}
