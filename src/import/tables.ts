// Tables: a Week or Phase column makes a section per row; otherwise each row is an item
// titled by its title column, the other cells its attributes, children or notes.
import { applyToItem, applyToSection } from './attributes.js';
import { classify } from './classify.js';
import type { Builder } from './builder.js';
import type { Ev, TableCell } from './events.js';
import type { Inline } from './inline.js';
import { isWebUrl, itemFromText } from './items.js';
import { newItem, newSection, type BItem, type BSection } from './plan.js';
import { headingWords, prettyUrl } from './text.js';
import { columnOf, DONE_WORDS, matchWeek, NOTHING, splitCell, type Column } from './vocabulary.js';

/** A table: one section per row when it has a Week or Phase column, else one item per row. */
export function addTable(b: Builder, ev: Extract<Ev, { t: 'table' }>): void {
  const cols = ev.header.map((h) => columnOf(h.inl.text));
  const weekCol = cols.indexOf('week');
  const phaseCol = cols.indexOf('phase');
  const sectionCol = weekCol >= 0 ? weekCol : phaseCol;
  const titleCol = titleColumn(cols, ev, sectionCol);
  const header = (i: number): string => headingWords(ev.header[i]!.inl.text);
  const top = b.itemStack[b.itemStack.length - 1];
  // A week table under a phase (or a Milestones heading): its rows are that section's entries.
  const host = b.host?.section.kind;
  const weekRows = sectionCol >= 0 && sectionCol === weekCol && (host === 'phase' || host === 'label');
  const titleKind = cols[titleCol];
  const rowGroup = titleKind === 'topics' || titleKind === 'tasks' || titleKind === 'resources' || titleKind === 'criteria' || titleKind === 'milestones' ? titleKind : undefined;
  for (const row of ev.rows) {
    const cell = (i: number): TableCell | undefined => (i >= 0 ? row.cells[i] : undefined);
    const titleText = cell(titleCol)?.inl.text ?? '';
    if (sectionCol >= 0 && !weekRows) {
      const key = cell(sectionCol)?.inl.text ?? '';
      const s = rowSection(b, key, titleText, sectionCol === weekCol ? 'week' : 'phase', row.line);
      cols.forEach((c, i) => {
        if (i === sectionCol || i === titleCol) return;
        cellInto(b, s, c, header(i), row.cells[i], row.line, null);
      });
      // A row marked done in a Status column: the items of that row are done.
      const status = cols.indexOf('status');
      if (status >= 0 && DONE_WORDS.test(row.cells[status]?.inl.text ?? '')) {
        for (const list of s.groups.values()) {
          for (const it of list) {
            it.done = true;
            it.doneBy = 'status';
          }
        }
      }
      continue;
    }
    let item: BItem;
    if (weekRows) {
      const key = (cell(sectionCol)?.inl.text ?? '').trim();
      const words = /^\d/.test(key) ? `Week ${key}` : key;
      if (words === '' && titleText === '') continue;
      const title = titleText && !NOTHING.test(titleText) ? `${words}: ${titleText}` : words;
      item = itemFromText(title, cell(titleCol)?.inl ?? { text: title, links: [], allBold: false, images: 0 }, row.line, b.warn);
      item.weeks = matchWeek(words)?.weeks ?? null;
    } else {
      if (titleText === '' || NOTHING.test(titleText)) {
        if (row.cells.some((c) => c.inl.text !== '' && !NOTHING.test(c.inl.text))) {
          b.warn(row.line, `table row with nothing in its ${titleCol >= 0 ? `"${header(titleCol)}"` : 'title'} column skipped`);
        }
        continue;
      }
      item = itemFromText(titleText, cell(titleCol)!.inl, row.line, b.warn);
    }
    const links: BItem[] = [];
    cols.forEach((c, i) => {
      if (i === titleCol || (weekRows && i === sectionCol)) return;
      cellInto(b, null, c, header(i), row.cells[i], row.line, item, links);
    });
    const into = top ? top.item.children : b.groupList(b.section(row.line), weekRows ? undefined : rowGroup);
    into.push(item);
    if (links.length) (top ? top.item.children : b.groupList(b.section(row.line), 'resources')).push(...links);
  }
}

/**
 * The column that titles a row: the first whose header names the thing to do (Topic,
 * Problem, Course, Tasks...) or whose cells link to it; else the first with words in
 * most rows. `-`, `none` and bare numbers name nothing.
 */
function titleColumn(cols: readonly Column[], ev: Extract<Ev, { t: 'table' }>, sectionCol: number): number {
  const title = cols.indexOf('title');
  if (title >= 0) return title;
  const says = (i: number): number => ev.rows.filter((r) => {
    const v = r.cells[i]?.inl.text ?? '';
    return v !== '' && !NOTHING.test(v) && !/^[\d.\s-]+$/.test(v);
  }).length;
  const linked = (i: number): boolean => ev.rows.some((r) => (r.cells[i]?.inl.links.length ?? 0) > 0);
  const names = cols.findIndex((c, i) => {
    if (i === sectionCol || says(i) === 0) return false;
    if (c === 'topics' || c === 'tasks' || c === 'milestones' || c === 'criteria') return true;
    if (c === 'resources') return /\b(?:courses?|books?|projects?|videos?|tutorials?)\b/i.test(ev.header[i]!.inl.text) || linked(i);
    return c === 'other' && linked(i);
  });
  if (names >= 0) return names;
  const most = cols.findIndex((c, i) => i !== sectionCol && c === 'other' && says(i) * 2 >= ev.rows.length);
  return most >= 0 ? most : cols.findIndex((c, i) => i !== sectionCol && c === 'other');
}

function rowSection(b: Builder, key: string, title: string, kind: 'week' | 'phase', line: number): BSection {
  const words = kind === 'week' ? (/^\d/.test(key.trim()) ? `Week ${key}` : key) : /^\d/.test(key.trim()) ? `Phase ${key}` : key;
  const inl: Inline = { text: words, links: [], allBold: false, images: 0 };
  const cls = classify(inl, 'heading');
  b.discardPending();
  let s: BSection;
  if (cls.kind === 'week') {
    s = b.weekSection(cls.match, line);
    if (title) s.title = title;
  } else if (cls.kind === 'phase') {
    const t = title ? `${cls.match.title}: ${title}` : cls.match.title;
    s = b.phaseSection(t, cls.match, line);
  } else {
    if (key.trim() !== '') b.warn(line, `"${key}" is not a ${kind} number; the row was imported as a section without ${kind === 'week' ? 'weeks' : 'a phase number'}`);
    s = newSection(title || key || `Row at line ${line}`, line, 'plain');
    if (title && key.trim() !== '') s.description.push(key);
  }
  b.enter(s, b.curLevel);
  return s;
}

/**
 * One table cell into a row's section or item, by its column. Web links in a cell that is
 * neither the title nor a group column are kept as resources: of the row's section, or
 * (in `links`) titled by the row's item.
 */
function cellInto(b: Builder, s: BSection | null, col: Column, key: string, cell: TableCell | undefined, line: number, item: BItem | null, links: BItem[] = []): void {
  if (!cell || cell.inl.text === '' || NOTHING.test(cell.inl.text)) return;
  const value = cell.inl.text;
  if (col === 'priority' || col === 'difficulty' || col === 'effort' || col === 'duration' || col === 'status') {
    if (item) applyToItem(item, col, key, value, line, b.warn);
    else if (s && col === 'status') {
      if (!DONE_WORDS.test(value)) s.notes.push(`${key}: ${value}`);
    } else if (s) applyToSection(s, col, key, value, line, b);
    return;
  }
  if (col === 'topics' || col === 'tasks' || col === 'resources' || col === 'criteria' || col === 'milestones') {
    const parts = cell.parts.length > 1 ? cell.parts : splitCell(value, col);
    const made = parts.map((p) => {
      const linksHere = cell.inl.links.filter((l) => p.includes(l.text));
      return itemFromText(p, { text: p, links: linksHere, allBold: false, images: 0 }, line, b.warn);
    });
    if (item) item.children.push(...made);
    else if (s) {
      let list = s.groups.get(col);
      if (!list) s.groups.set(col, (list = []));
      list.push(...made);
    }
    return;
  }
  const web = cell.inl.links.filter((l) => isWebUrl(l.href));
  for (const l of web) {
    const words = l.text === l.href ? prettyUrl(l.href) : l.text;
    const r = newItem(item ? `${item.title}: ${words}` : words, line);
    r.url = l.href;
    if (item) links.push(r);
    else if (s) b.groupList(s, 'resources').push(r);
  }
  // What the cell says besides its web links is a note.
  let rest = value;
  for (const l of web) rest = rest.replace(l.text, ' ');
  if (/[\p{L}\p{N}]/u.test(rest)) {
    if (item) item.notes.push(`${key}: ${value}`);
    else if (s) s.notes.push(`${key}: ${value}`);
  }
}
