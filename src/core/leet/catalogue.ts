// The LeetCode problem catalogue (data/leetcode-problems.tsv): its rows checked and
// typed, the rows a store migration inserts, and the order of NeetCode's patterns.
// Pure: text in, plain data out.
import { DIFFICULTIES, type Difficulty } from '../model.js';

/** One problem of the catalogue. */
export interface CatalogueProblem {
  readonly number: number;
  /** LeetCode's slug: 'valid-parentheses'. */
  readonly slug: string;
  /** LeetCode's title: 'Valid Parentheses'. */
  readonly title: string;
  readonly difficulty: Difficulty;
  /** NeetCode's category: 'Stack', 'Arrays & Hashing', ... */
  readonly pattern: string;
  readonly neetcode150: boolean;
  readonly blind75: boolean;
  readonly premium: boolean;
}

/** The header of the TSV, in order. */
export const CATALOGUE_COLUMNS = ['number', 'slug', 'title', 'difficulty', 'pattern', 'neetcode150', 'blind75', 'premium'] as const;

/**
 * A catalogue row as a store inserts it: SQLite has no booleans (better-sqlite3 refuses
 * to bind them), so flags are 0 | 1; `titleKey` is `titleKey(title)`, the column a
 * lookup by title reads (see resolve.ts).
 */
export interface CatalogueRow {
  readonly number: number;
  readonly slug: string;
  readonly title: string;
  readonly titleKey: string;
  readonly difficulty: Difficulty;
  readonly pattern: string;
  readonly neetcode150: 0 | 1;
  readonly blind75: 0 | 1;
  readonly premium: 0 | 1;
}

/** A row of the catalogue that is not valid; `line` is 1-based, the header is line 1. */
export class CatalogueError extends Error {
  constructor(
    readonly line: number,
    detail: string,
    source = 'leetcode-problems.tsv',
  ) {
    super(`${source} line ${line}: ${detail}`);
    this.name = 'CatalogueError';
  }
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NUMBER_RE = /^[1-9]\d{0,5}$/;

/**
 * The problems of a catalogue TSV, in file order. Every row is checked: 8 tab-separated
 * fields; number a whole number 1..999999; slug lower-case words joined by hyphens; a
 * title with no spaces around it; difficulty easy | medium | hard; a pattern; flags 0 | 1;
 * no number or slug twice. Blank lines (and a CR before LF) are allowed.
 * @throws CatalogueError naming the first bad line.
 */
export function parseCatalogue(tsv: string, source?: string): CatalogueProblem[] {
  const lines = tsv.replace(/^\uFEFF/, '').split('\n');
  const fail = (line: number, detail: string): never => {
    throw new CatalogueError(line, detail, source);
  };
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== CATALOGUE_COLUMNS.join('\t')) fail(1, `expected the header ${CATALOGUE_COLUMNS.join(' <tab> ')}`);

  const problems: CatalogueProblem[] = [];
  const numbers = new Map<number, number>();
  const slugs = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '');
    if (text.trim() === '') continue;
    const line = i + 1;
    const f = text.split('\t');
    if (f.length !== CATALOGUE_COLUMNS.length) fail(line, `expected ${CATALOGUE_COLUMNS.length} tab-separated fields, got ${f.length}`);
    const [num, slug, title, difficulty, pattern, nc, b75, premium] = f as [string, string, string, string, string, string, string, string];
    if (!NUMBER_RE.test(num)) fail(line, `number ${JSON.stringify(num)} is not a whole number from 1`);
    const number = Number(num);
    if (!SLUG_RE.test(slug)) fail(line, `slug ${JSON.stringify(slug)} is not lower-case words joined by hyphens`);
    if (title === '' || title !== title.trim()) fail(line, `title ${JSON.stringify(title)} is empty or has spaces around it`);
    if (!(DIFFICULTIES as readonly string[]).includes(difficulty)) fail(line, `difficulty ${JSON.stringify(difficulty)} is not easy, medium or hard`);
    if (pattern === '' || pattern !== pattern.trim()) fail(line, `pattern ${JSON.stringify(pattern)} is empty or has spaces around it`);
    const flag = (name: string, v: string): boolean => (v === '1' ? true : v === '0' ? false : fail(line, `${name} ${JSON.stringify(v)} is not 0 or 1`));
    const problem: CatalogueProblem = {
      number,
      slug,
      title,
      difficulty: difficulty as Difficulty,
      pattern,
      neetcode150: flag('neetcode150', nc),
      blind75: flag('blind75', b75),
      premium: flag('premium', premium),
    };
    const sameNumber = numbers.get(number);
    if (sameNumber !== undefined) fail(line, `number ${number} is already on line ${sameNumber}`);
    const sameSlug = slugs.get(slug);
    if (sameSlug !== undefined) fail(line, `slug ${slug} is already on line ${sameSlug}`);
    numbers.set(number, line);
    slugs.set(slug, line);
    problems.push(problem);
  }
  return problems;
}

/**
 * A title folded for matching what a user typed: accents dropped, lower case, only
 * letters and digits kept. 'Valid Parentheses', 'valid parentheses', 'VALID
 * PARENTHESES' and 'valid-parentheses' all give 'validparentheses'; 'Pow(x, n)' gives
 * 'powxn'. No two titles of the bundled catalogue share a key (tested).
 */
export function titleKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The rows a migration inserts into the store, one per problem, in catalogue order. */
export function catalogueRows(problems: readonly CatalogueProblem[]): CatalogueRow[] {
  const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);
  return problems.map((p) => ({
    number: p.number,
    slug: p.slug,
    title: p.title,
    titleKey: titleKey(p.title),
    difficulty: p.difficulty,
    pattern: p.pattern,
    neetcode150: bit(p.neetcode150),
    blind75: bit(p.blind75),
    premium: bit(p.premium),
  }));
}

/** A problem back from a stored row (the inverse of catalogueRows). */
export function problemOfRow(row: Omit<CatalogueRow, 'titleKey'>): CatalogueProblem {
  return {
    number: row.number,
    slug: row.slug,
    title: row.title,
    difficulty: row.difficulty,
    pattern: row.pattern,
    neetcode150: row.neetcode150 === 1,
    blind75: row.blind75 === 1,
    premium: row.premium === 1,
  };
}

// ---------------------------------------------------------------------------------------
// Patterns

/**
 * NeetCode's roadmap order of patterns. The catalogue's other pattern, `JavaScript`
 * (JavaScript-only exercises), and any pattern a later catalogue adds come after these,
 * in alphabetical order.
 */
export const PATTERN_ORDER = [
  'Arrays & Hashing',
  'Two Pointers',
  'Sliding Window',
  'Stack',
  'Binary Search',
  'Linked List',
  'Trees',
  'Tries',
  'Heap / Priority Queue',
  'Backtracking',
  'Graphs',
  'Advanced Graphs',
  '1-D Dynamic Programming',
  '2-D Dynamic Programming',
  'Greedy',
  'Intervals',
  'Math & Geometry',
  'Bit Manipulation',
] as const;

const PATTERN_RANK = new Map<string, number>(PATTERN_ORDER.map((p, i) => [p, i]));

/** Orders pattern names: roadmap order first, then any other pattern alphabetically. */
export function comparePatterns(a: string, b: string): number {
  const ra = PATTERN_RANK.get(a) ?? PATTERN_ORDER.length;
  const rb = PATTERN_RANK.get(b) ?? PATTERN_ORDER.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIFFICULTY_RANK: Readonly<Record<Difficulty, number>> = { easy: 0, medium: 1, hard: 2 };

/** A list's order: pattern (comparePatterns), then easy, medium, hard, then number. */
export function compareInListOrder(a: CatalogueProblem, b: CatalogueProblem): number {
  return comparePatterns(a.pattern, b.pattern) || DIFFICULTY_RANK[a.difficulty] - DIFFICULTY_RANK[b.difficulty] || a.number - b.number;
}
