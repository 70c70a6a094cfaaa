// Marks and navigation, decided per list before the builder reads it: a ✅ is a done mark
// only next to open items or where the document also uses checkboxes (otherwise it is a
// bullet), and a list made of links into the document itself is a table of contents.
import type { Ev, ListItem } from './events.js';
import { DONE_MARK, readCheck } from './inline.js';

export interface Bullets {
  /** ✅ marks read as bullets, not as done. */
  readonly count: number;
  /** The line of the first of them (0 when there is none). */
  readonly line: number;
}

const opensOrChecks = (text: string): boolean => {
  const c = readCheck(text);
  return c.how === 'box' || (c.how === 'mark' && c.done === false);
};

/**
 * Removes the ✅ marks that are bullets: in a document with no checkbox or open mark
 * (`[ ]`, `[x]`, ☐, ⬜) anywhere, a list (or run of lines) where every entry starts with ✅
 * uses it as decoration, like a template's milestones. A list that mixes ✅ with
 * unmarked or open entries keeps its marks as done.
 */
export function settleDoneMarks(evs: Ev[]): Bullets {
  const lists: ListItem[][] = [];
  const runs: { text: string; line: number }[][] = [];
  let checkboxes = false;
  const walk = (items: ListItem[]): void => {
    lists.push(items);
    for (const it of items) {
      if (opensOrChecks(it.inl.text)) checkboxes = true;
      walk(it.children);
    }
  };
  for (const ev of evs) {
    if (ev.t === 'list') walk(ev.items);
    else if (ev.t === 'para') {
      runs.push(ev.lines);
      if (ev.lines.some((l) => opensOrChecks(l.text))) checkboxes = true;
    }
  }
  if (checkboxes) return { count: 0, line: 0 };
  let count = 0;
  let line = 0;
  const note = (at: number): void => {
    count++;
    if (line === 0 || at < line) line = at;
  };
  for (const items of lists) {
    if (items.length === 0 || !items.every((it) => DONE_MARK.test(it.inl.text))) continue;
    for (const it of items) {
      it.inl = { ...it.inl, text: it.inl.text.replace(DONE_MARK, '') };
      note(it.line);
    }
  }
  for (const lines of runs) {
    const marked = lines.filter((l) => DONE_MARK.test(l.text));
    if (marked.length < 2 || marked.length !== lines.length) continue;
    for (const l of marked) {
      l.text = l.text.replace(DONE_MARK, '');
      note(l.line);
    }
  }
  return { count, line };
}

/** A list item that is only a link to a heading of this page (`[Week 1](#week-1)`). */
function anchorOnly(it: ListItem): boolean {
  const l = it.inl.links[0];
  return it.inl.links.length === 1 && l !== undefined && /^#./.test(l.href) && l.text === it.inl.text;
}

/**
 * A table of contents: a list whose entries are mostly links into the document itself.
 * Gives how many such links it has, and the entries that are something else (a line of
 * language links inside it), to be read as any list; null when the list is not one.
 */
export function tableOfContents(items: readonly ListItem[]): { links: number; rest: ListItem[] } | null {
  let anchors = 0;
  let others = 0;
  const count = (list: readonly ListItem[]): void => {
    for (const it of list) {
      if (anchorOnly(it)) anchors++;
      else if (it.inl.text !== '') others++;
      count(it.children);
    }
  };
  count(items);
  if (anchors === 0 || anchors < 2 * others) return null;
  const rest = (list: readonly ListItem[]): ListItem[] =>
    list.flatMap((it) => (anchorOnly(it) || it.inl.text === '' ? rest(it.children) : [{ ...it, children: rest(it.children) }]));
  return { links: anchors, rest: rest(items) };
}

/** Every item of a list, depth first. */
export function* allListItems(items: readonly ListItem[]): Generator<ListItem> {
  for (const it of items) {
    yield it;
    yield* allListItems(it.children);
  }
}
