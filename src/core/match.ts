// Finding the item a user means by what they typed after `study done`: a full id, a
// unique id suffix, an exact title, or words of a title. Pure: candidates in, a verdict out.

export interface Candidate {
  /** Full item id `<roadmap>/<section>/<item>[/<child>...]`. */
  readonly id: string;
  readonly title: string;
  readonly roadmap: string;
}

export type MatchHow = 'id' | 'suffix' | 'title' | 'words';

export type MatchResult<C extends Candidate = Candidate> =
  | { readonly kind: 'one'; readonly item: C; readonly how: MatchHow }
  | { readonly kind: 'many'; readonly items: readonly C[]; readonly how: MatchHow }
  | { readonly kind: 'none'; readonly closest: readonly C[] };

/**
 * Text folded for matching: compatibility forms unified (full-width letters, ligatures),
 * accents dropped from Latin letters only (so Bengali vowel signs and viramas survive),
 * lowercased, `ß` as `ss`, runs of white space as one space, trimmed.
 */
export function fold(text: string): string {
  // Printable ASCII needs no Unicode normalisation (and the first normalize() of a process
  // loads ICU data): lowercase, one space between words.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/ +/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Words of folded text for similarity: runs of letters, marks and digits. */
function tokens(folded: string): string[] {
  return folded.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** 0..1: how alike two words are (1 = equal). */
function wordSimilarity(a: string, b: string): number {
  const n = Math.max([...a].length, [...b].length);
  return n === 0 ? 1 : 1 - distance(a, b) / n;
}

const MAX_CLOSEST = 5;

/**
 * The titles closest to `task`: ranked by how many of its words the title contains,
 * then by how alike the remaining words are to the title's (or the id's last segment's)
 * words (typos), then shorter titles, then candidate order. Only titles that are at
 * least half alike are offered. `folded`: a candidate's title folded, when the caller has
 * it already (the store keeps it).
 */
export function closestTitles<C extends Candidate>(task: string, candidates: readonly C[], max = MAX_CLOSEST, folded: (c: C) => string = (c) => fold(c.title)): C[] {
  const words = tokens(fold(task));
  if (words.length === 0) return [];
  const scored: { c: C; present: number; score: number; size: number; index: number }[] = [];
  // Titles share most of their words: each pair of words is compared once.
  const similarity = words.map(() => new Map<string, number>());
  const alike = (i: number, t: string): number => {
    let v = similarity[i]!.get(t);
    if (v === undefined) similarity[i]!.set(t, (v = wordSimilarity(words[i]!, t)));
    return v;
  };
  candidates.forEach((c, index) => {
    const title = folded(c);
    const titleWords = [...new Set([...tokens(title), ...tokens(fold(c.id.slice(c.id.lastIndexOf('/') + 1)))])];
    let present = 0;
    let score = 0;
    for (const [i, w] of words.entries()) {
      if (title.includes(w)) {
        present++;
        score += 1;
      } else {
        // A word more than half alike is a typo; less alike is noise.
        const best = titleWords.reduce((m, t) => Math.max(m, alike(i, t)), 0);
        if (best >= 0.6) score += best;
      }
    }
    if (score / words.length >= 0.5) scored.push({ c, present, score, size: tokens(title).length, index });
  });
  scored.sort((a, b) => b.present - a.present || b.score - a.score || a.size - b.size || a.index - b.index);
  return scored.slice(0, max).map((s) => s.c);
}

/**
 * What `task` names among `candidates` (given in roadmap, then file order; matches keep
 * that order):
 * 1. a full id;
 * 2. an id suffix on a path-segment boundary (`ids` in `…/w01-02/ids`), case-insensitive;
 * 3. a title equal to `task` once both are folded — an exact title wins over words;
 * 3b. (a task with a '/') an id tail whose last segment is cut short: `w01-02/horiz`;
 * 4. titles that contain every word of `task` (folded, as substrings).
 * A step that finds several is ambiguous, except that when several ids end with the
 * suffix, a single exact title among all candidates still wins. Null when no step finds
 * anything.
 */
function judge<C extends Candidate>(task: string, candidates: readonly C[]): Exclude<MatchResult<C>, { kind: 'none' }> | null {
  const raw = task.trim();
  const exact = candidates.find((c) => c.id === raw);
  if (exact) return { kind: 'one', item: exact, how: 'id' };

  const folded = fold(raw);
  const lower = raw.toLowerCase();
  const byId = candidates.filter((c) => c.id.toLowerCase() === lower || c.id.toLowerCase().endsWith('/' + lower));
  const byTitle = candidates.filter((c) => fold(c.title) === folded);

  if (byId.length === 1) return { kind: 'one', item: byId[0]!, how: byId[0]!.id.toLowerCase() === lower ? 'id' : 'suffix' };
  if (byTitle.length === 1) return { kind: 'one', item: byTitle[0]!, how: 'title' };
  if (byId.length > 1) {
    const union = candidates.filter((c) => byId.includes(c) || byTitle.includes(c));
    return { kind: 'many', items: union, how: 'suffix' };
  }
  if (byTitle.length > 1) return { kind: 'many', items: byTitle, how: 'title' };

  // A tail of an id whose last segment is cut short: `w01-02/horizontal`.
  if (lower.includes('/')) {
    const byPartial = candidates.filter((c) => partialTail(c.id, lower));
    if (byPartial.length === 1) return { kind: 'one', item: byPartial[0]!, how: 'suffix' };
    if (byPartial.length > 1) return { kind: 'many', items: byPartial, how: 'suffix' };
  }

  const words = wordsOf(raw);
  const byWords = candidates.filter((c) => {
    const title = fold(c.title);
    return words.every((w) => title.includes(w));
  });
  if (byWords.length === 1) return { kind: 'one', item: byWords[0]!, how: 'words' };
  if (byWords.length > 1) return { kind: 'many', items: byWords, how: 'words' };
  return null;
}

/**
 * Whether `tail` (lowercase, with a '/') is a tail of `id` whose last segment is cut
 * short: every segment of it but the last is a whole segment of the id, in place, and the
 * last begins the id's last segment.
 */
export function partialTail(id: string, tail: string): boolean {
  const want = tail.split('/');
  const have = id.toLowerCase().split('/');
  if (want.length >= have.length || want.some((w) => w === '')) return false;
  const offset = have.length - want.length;
  return want.every((w, i) => (i === want.length - 1 ? have[offset + i]!.startsWith(w) : have[offset + i] === w));
}

/** The words of a TASK as step 4 compares them: folded, split on white space. */
export function wordsOf(task: string): string[] {
  return fold(task.trim()).split(' ').filter((w) => w !== '');
}

/**
 * Where the candidates come from: the store answers each question by index, so that a
 * TASK is judged without reading every item (listSource below answers them from a list).
 */
export interface CandidateSource<C extends Candidate> {
  /**
   * Candidates steps 1-3 can pick: the full id, an id ending with '/' + task
   * (case-insensitive), the folded title, and (for a task with a '/') ids whose last
   * segment begins with the task's last segment.
   */
  named(task: string): C[];
  /** Candidates whose folded title contains every one of `words` (step 4). */
  withWords(words: readonly string[]): C[];
  /** Every candidate (for the closest titles when nothing matches). */
  all(): (C & { folded?: string })[];
}

/** A CandidateSource over a list of candidates: the reference the store's index must agree with. */
export function listSource<C extends Candidate & { folded?: string }>(candidates: readonly C[]): CandidateSource<C> {
  const titles = candidates.map((c) => c.folded ?? fold(c.title));
  return {
    named: (task) => {
      const raw = task.trim();
      const lower = raw.toLowerCase();
      const folded = fold(raw);
      return candidates.filter(
        (c, i) => c.id === raw || c.id.toLowerCase() === lower || c.id.toLowerCase().endsWith('/' + lower) || titles[i] === folded || (lower.includes('/') && partialTail(c.id, lower)),
      );
    },
    withWords: (words) => candidates.filter((_, i) => words.every((w) => titles[i]!.includes(w))),
    all: () => [...candidates],
  };
}

/**
 * What a TASK of `study done` names: the steps of `judge` among the items of started plans
 * (`started`), then, when they find nothing there, among every item; a TASK that names
 * something in a started plan is not looked for in roadmaps nobody started. When nothing
 * matches, the closest titles, those of started plans first.
 */
export function findTask<C extends Candidate>(task: string, source: CandidateSource<C>, started: (c: C) => boolean): MatchResult<C> {
  const raw = task.trim();
  if (raw === '') return { kind: 'none', closest: [] };
  const named = source.named(raw);
  let byWords: C[] | undefined;
  const within = (keep: (c: C) => boolean): MatchResult<C> | null => {
    const here = named.filter(keep);
    if (here.length > 0) return judge(raw, here);
    byWords ??= source.withWords(wordsOf(raw));
    return judge(raw, byWords.filter(keep));
  };
  const result = within(started) ?? within(() => true);
  if (result) return result;
  const all = source.all();
  const folded = (c: C & { folded?: string }): string => c.folded ?? fold(c.title);
  const first = closestTitles(raw, all.filter(started), undefined, folded);
  const rest = closestTitles(raw, all.filter((c) => !started(c)), undefined, folded);
  return { kind: 'none', closest: [...first, ...rest].slice(0, MAX_CLOSEST) };
}

/** findTask over a list, with nothing started: the rules of `judge` alone. */
export function matchTask<C extends Candidate>(task: string, candidates: readonly C[]): MatchResult<C> {
  return findTask(task, listSource(candidates), () => false);
}
