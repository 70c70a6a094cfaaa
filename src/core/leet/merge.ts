// The merge migration's plan: sessions that stores hold under different spellings of
// one problem ('20', 'valid-parentheses', '20. Valid Parentheses') get one canonical
// number, slug, title and difficulty. Pure: rows in, one answer per row out; the store
// writes the rows whose `changed` is true, in one transaction.
import { isDifficulty, titleFromSlug, type Difficulty } from '../leet.js';
import { catalogueProblemOf, type ProblemLookup, type SessionName } from './resolve.js';

/** A session row as stores before the catalogue hold it. */
export interface OldSessionRow extends SessionName {
  readonly id: number;
  readonly difficulty: string | null;
}

/** The canonical naming of a problem. */
interface Canonical {
  /** Whether the problem is in the catalogue. */
  readonly known: boolean;
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: Difficulty | null;
  /** canonicalKey of the merged session: the same for every spelling of one problem. */
  readonly key: string;
}

/** The canonical naming of one session. */
export interface MergedSession extends Canonical {
  readonly id: number;
  /** True when number, slug, title or difficulty differ from the row's. */
  readonly changed: boolean;
}

/**
 * One entry per row (same order as `rows`), saying how each session is named after the
 * merge:
 * - a catalogue problem (found by number, slug, title or typed text, see resolve.ts):
 *   the catalogue's number, slug, title and difficulty, key = its slug;
 * - any other problem: the sessions are grouped as `study leet stats` groups them today
 *   (by slug; a number-only session joins the slug that the latest session holding both
 *   gave that number; else '#N'; else the typed text), and every session of a group
 *   gets the group's latest number, its slug, its title (a title the user typed beats
 *   one guessed from the slug; the latest wins) and its latest recorded difficulty.
 * "Latest" is by id. The typed text (`problem`) is never changed. Running the plan on
 * its own output changes nothing.
 */
export function mergePlan(rows: readonly OldSessionRow[], lookup: ProblemLookup): MergedSession[] {
  const byId = [...rows].sort((a, b) => a.id - b.id);
  const known = new Map<number, Canonical>();
  const unknown: OldSessionRow[] = [];
  for (const r of byId) {
    const p = catalogueProblemOf(r, lookup);
    if (p) known.set(r.id, { known: true, number: p.number, slug: p.slug, title: p.title, difficulty: p.difficulty, key: p.slug });
    else unknown.push(r);
  }

  // number -> slug, from unknown sessions that recorded both; the latest wins.
  const links = new Map<number, string>();
  for (const r of unknown) if (r.number !== null && r.slug) links.set(r.number, r.slug);
  const keyOf = (r: OldSessionRow): string =>
    r.slug ?? (r.number !== null ? (links.get(r.number) ?? `#${r.number}`) : (r.problem ?? '').trim().toLowerCase());

  const groups = new Map<string, OldSessionRow[]>();
  for (const r of unknown) {
    const key = keyOf(r);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const canonical = new Map<number, Canonical>(known);
  for (const [key, group] of groups) {
    const c = groupName(key, group);
    for (const r of group) canonical.set(r.id, c);
  }

  return rows.map((r) => {
    const c = canonical.get(r.id)!;
    const changed = r.number !== c.number || r.slug !== c.slug || r.title !== c.title || r.difficulty !== c.difficulty;
    return { id: r.id, ...c, changed };
  });
}

/** The name of a group of sessions (oldest first) of one problem outside the catalogue. */
function groupName(key: string, group: readonly OldSessionRow[]): Canonical {
  let number: number | null = null;
  let slug: string | null = null;
  let typedTitle: string | null = null;
  let anyTitle: string | null = null;
  let difficulty: Difficulty | null = null;
  for (const r of group) {
    if (r.number !== null) number = r.number;
    if (r.slug) slug = r.slug;
    if (r.title !== null && r.title !== '') {
      anyTitle = r.title;
      if (r.slug === null || r.title !== titleFromSlug(r.slug)) typedTitle = r.title;
    }
    if (isDifficulty(r.difficulty)) difficulty = r.difficulty;
  }
  const title = typedTitle ?? anyTitle ?? (slug ? titleFromSlug(slug) : null);
  return { known: false, number, slug, title, difficulty, key };
}
