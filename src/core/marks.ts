// What marking an item done (or reopening it) writes, decided from its subtree as the
// store has it: `study done PARENT` marks the items under it, `--undo` reopens an item,
// what is under it, and the parents it made done. Pure: rows in, ids out.

/** An item of a subtree, parents before children, with its marks. */
export interface MarkRow {
  readonly id: string;
  readonly parentId: string | null;
  /** `done: true` in the roadmap file: only an edit of the file reopens it. */
  readonly doneInFile: boolean;
  /** It has an active completion. */
  readonly completed: boolean;
}

/**
 * The items done in a subtree (parents first): marked (`marked(row)`), or with children
 * that are all done (core/progress.ts resolveDone's rule, for one subtree).
 */
export function doneIn<R extends MarkRow>(rows: readonly R[], marked: (row: R) => boolean): Set<string> {
  const children = new Map<string, R[]>();
  for (const r of rows) {
    if (r.parentId === null) continue;
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  const done = new Set<string>();
  // Children come after their parents: resolve from the end.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const kids = children.get(r.id);
    if (marked(r) || (kids !== undefined && kids.every((k) => done.has(k.id)))) done.add(r.id);
  }
  return done;
}

const markedNow = (r: MarkRow): boolean => r.completed || r.doneInFile;

/** The items of a subtree (its root first) that need a completion to be done: those not done yet. */
export function toComplete(subtree: readonly MarkRow[]): string[] {
  const done = doneIn(subtree, markedNow);
  return subtree.filter((r) => !done.has(r.id)).map((r) => r.id);
}

export type Reopen =
  | { readonly kind: 'reopen'; readonly ids: string[]; readonly wasDone: boolean }
  /** It stays done whatever is reopened: marked in its file, or all its items are. */
  | { readonly kind: 'refused'; readonly why: 'marked in file' | 'items marked in file' };

/**
 * Reopening the root of `subtree`: its completion and those of the items under it, and of
 * its ancestors (`ancestors`, nearest first) that have one (a parent is not done while
 * one of its items is open). Refused when the root would still be done by file marks.
 */
export function toReopen(subtree: readonly MarkRow[], ancestors: readonly MarkRow[]): Reopen {
  const root = subtree[0]!;
  const wasDone = doneIn(subtree, markedNow).has(root.id);
  const ids = [...subtree, ...ancestors].filter((r) => r.completed).map((r) => r.id);
  const reopened = new Set(ids);
  const after = doneIn(subtree, (r) => r.doneInFile || (r.completed && !reopened.has(r.id)));
  if (after.has(root.id)) return { kind: 'refused', why: root.doneInFile ? 'marked in file' : 'items marked in file' };
  return { kind: 'reopen', ids, wasDone };
}
