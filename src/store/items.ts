// Items as `study done` finds and marks them, read by index from item_keys: candidates
// for a TASK (core/match.ts decides among them), an item's subtree with its marks, and
// how many ids end with a tail (for the shortest id a user can type).
import { fold, type Candidate, type CandidateSource } from '../core/match.js';
import { subtreeDone } from '../core/progress.js';
import { lazy, type Db, type Statement } from './db.js';
import { reversedId, under } from './read-models.js';

/** An item as the index has it. */
export interface ItemKey extends Candidate {
  /** File order within its roadmap. */
  readonly position: number;
}

/** An item of a subtree, with whether it is marked done in its file and by an active completion. */
export interface SubtreeRow {
  readonly id: string;
  readonly parentId: string | null;
  readonly title: string;
  readonly doneInFile: boolean;
  readonly completed: boolean;
}

interface KeyRow {
  id: string;
  title: string;
  roadmap_id: string;
  position: number;
}
interface SubtreeDbRow {
  id: string;
  parent_id: string | null;
  title: string;
  done_in_file: number;
  done_day: string | null;
}

/** At most this many words of a TASK go into the SQL of the words query. */
const MAX_SQL_WORDS = 32;

const keyOf = (r: KeyRow): ItemKey => ({ id: r.id, title: r.title, roadmap: r.roadmap_id, position: r.position });
const subtreeRowOf = (r: SubtreeDbRow): SubtreeRow => ({
  id: r.id,
  parentId: r.parent_id,
  title: r.title,
  doneInFile: r.done_in_file === 1,
  completed: r.done_day !== null,
});

export function itemsOf(db: Db) {
  const st = lazy({
    named: () =>
      db.prepare<[string, string, string, string, string, string, string], KeyRow>(
        `SELECT id, title, roadmap_id, position FROM item_keys
          WHERE id = ? OR reversed = ? OR (reversed >= ? AND reversed < ?) OR folded = ? OR (reversed >= ? AND reversed < ?)
          ORDER BY roadmap_id, position`,
      ),
    all: () => db.prepare<[], KeyRow & { folded: string }>('SELECT id, title, roadmap_id, position, folded FROM item_keys ORDER BY roadmap_id, position'),
    tail: () => db.prepare<[string, string, string], string>('SELECT id FROM item_keys WHERE reversed = ? OR (reversed >= ? AND reversed < ?)').pluck(),
    // one range of the index, [rev, rev + '0'), in which rev itself and rev + '/...' are
    // the ids that end with the tail (a range and an equality would be two searches)
    startedTail: () =>
      db
        .prepare<{ rev: string; end: string }, number>(
          `SELECT count(*) FROM (SELECT 1 FROM item_keys k WHERE k.reversed >= :rev AND k.reversed < :end
              AND (k.reversed = :rev OR substr(k.reversed, length(:rev) + 1, 1) = '/')
              AND EXISTS (SELECT 1 FROM plans p WHERE p.roadmap_id = k.roadmap_id) LIMIT 2)`,
        )
        .pluck(),
    subtree: () =>
      db.prepare<[string, string, string], SubtreeDbRow>(
        'SELECT id, parent_id, title, done_in_file, done_day FROM item_keys WHERE id = ? OR (id >= ? AND id < ?) ORDER BY position',
      ),
    row: () => db.prepare<[string], SubtreeDbRow>('SELECT id, parent_id, title, done_in_file, done_day FROM item_keys WHERE id = ?'),
  });
  const words = new Map<number, Statement<string[], KeyRow & { folded: string }>>();

  /** The SQL of the words query for `n` words: the folded titles' index is scanned, never the items. */
  const wordsSql = (n: number): string =>
    `SELECT id, title, roadmap_id, position, folded FROM item_keys
      WHERE id IN (SELECT id FROM item_keys INDEXED BY item_keys_by_folded WHERE ${Array.from({ length: n }, () => 'instr(folded, ?) > 0').join(' AND ') || '1'})
      ORDER BY roadmap_id, position`;

  const source: CandidateSource<ItemKey> = {
    named(task) {
      const raw = task.trim();
      const rev = reversedId(raw.toLowerCase());
      // A tail whose last segment is cut short (`w01-02/horiz`): ids whose last segment begins with it.
      const cut = raw.includes('/') ? rev.slice(0, rev.indexOf('/')) : '';
      return st.named.all(raw, rev, `${rev}/`, `${rev}0`, fold(raw), cut, cut === '' ? '' : `${cut}\uffff`).map(keyOf);
    },
    withWords(list) {
      // SQLite bounds the depth of an expression: the longest words (the rarest) narrow the
      // titles in SQL, and every word decides here.
      const unique = [...new Set(list)];
      const narrow = unique.length <= MAX_SQL_WORDS ? unique : [...unique].sort((a, b) => b.length - a.length).slice(0, MAX_SQL_WORDS);
      let stmt = words.get(narrow.length);
      if (!stmt) words.set(narrow.length, (stmt = db.prepare<string[], KeyRow & { folded: string }>(wordsSql(narrow.length))));
      const rows = stmt.all(...narrow);
      return (narrow.length < unique.length ? rows.filter((r) => unique.every((w) => r.folded.includes(w))) : rows).map(keyOf);
    },
    all() {
      return st.all.all().map((r) => ({ ...keyOf(r), folded: r.folded }));
    },
  };

  return {
    /** Candidates for a TASK of `study done`, by index (core/match.ts findTask decides). */
    source,

    /** The ids (not archived) that are `tail` or end with '/' + `tail` (case-sensitive). */
    idsEndingWith(tail: string): string[] {
      const rev = reversedId(tail.toLowerCase());
      return st.tail.all(rev, `${rev}/`, `${rev}0`).filter((id) => id === tail || id.endsWith(`/${tail}`));
    },

    /**
     * How many items of started plans have an id that is `tail` or ends with '/' + `tail`
     * (case-insensitive, as study done matches), counted up to 2: whether the tail names
     * one item is all a caller needs, and a common last segment is not counted through.
     */
    startedEndingWith(tail: string): number {
      const rev = reversedId(tail.toLowerCase());
      return st.startedTail.get({ rev, end: `${rev}0` })!;
    },

    /** An item and everything under it, parents before children in file order; empty if there is no such item. */
    subtree(id: string): SubtreeRow[] {
      return st.subtree.all(id, ...under(id)).map(subtreeRowOf);
    },

    /** Whether an item was done as of the end of study day `day` (by its subtree's marks then: core/progress.ts subtreeDone). */
    doneAsOf(id: string, day: string): boolean {
      const rows = st.subtree.all(id, ...under(id)).map((r) => ({ id: r.id, parentId: r.parent_id, marked: r.done_in_file === 1 || (r.done_day !== null && r.done_day <= day) }));
      return subtreeDone(id, rows);
    },

    /** One item (not archived), or null. */
    row(id: string): SubtreeRow | null {
      const r = st.row.get(id);
      return r ? subtreeRowOf(r) : null;
    },

    /** The SQL of the statements `study done` runs, for EXPLAIN QUERY PLAN in tests. */
    sql: { named: () => st.named.source, words: wordsSql, tail: () => st.tail.source, startedTail: () => st.startedTail.source, subtree: () => st.subtree.source },
  };
}

export type Items = ReturnType<typeof itemsOf>;
