// Tables: a Week or Phase column makes a section per row; otherwise each row is an item
// titled by its title column, the other cells its attributes, children or notes.
import { applyToItem, applyToSection } from './attributes.js';
import { classify } from './classify.js';
import type { Builder } from './builder.js';
import type { Ev, TableCell } from './events.js';
import type { Inline } from './inline.js';
import { itemFromText } from './items.js';
import { newSection, type BItem, type BSection } from './plan.js';
import { headingWords } from './text.js';
import { columnOf, DONE_WORDS, splitCell, type Column } from './vocabulary.js';

/** A table: one section per row when it has a Week or Phase column, else one item per row. */
export function addTable(b: Builder, ev: Extract<Ev, { t: 'table' }>): void {
  const cols = ev.header.map((h) => columnOf(h.inl.text));
  const weekCol = cols.indexOf('week');
  const phaseCol = cols.indexOf('phase');
  let titleCol = cols.indexOf('title');
  const sectionCol = weekCol >= 0 ? weekCol : phaseCol;
  if (titleCol < 0) titleCol = cols.findIndex((c, i) => i !== sectionCol && (c === 'other' || c === 'topics' || c === 'tasks'));
  const top = b.itemStack[b.itemStack.length - 1];
  for (const row of ev.rows) {
    const cell = (i: number): TableCell | undefined => (i >= 0 ? row.cells[i] : undefined);
    const titleText = cell(titleCol)?.inl.text ?? '';
    if (sectionCol >= 0) {
      const key = cell(sectionCol)?.inl.text ?? '';
      const s = rowSection(b, key, titleText, sectionCol === weekCol ? 'week' : 'phase', row.line);
      cols.forEach((c, i) => {
        if (i === sectionCol || i === titleCol) return;
        cellInto(b, s, c, ev.header[i]!.inl.text, row.cells[i], row.line, null);
      });
      // A row marked done in a Status column: the items of that row are done.
      const status = cols.indexOf('status');
      if (status >= 0 && DONE_WORDS.test(row.cells[status]?.inl.text ?? '')) {
        for (const list of s.groups.values()) for (const it of list) it.done = true;
      }
      continue;
    }
    if (titleText === '') {
      if (row.cells.some((c) => c.inl.text !== '')) b.warn(row.line, 'table row with an empty first column skipped');
      continue;
    }
    const item = itemFromText(titleText, cell(titleCol)!.inl, row.line, b.warn);
    cols.forEach((c, i) => {
      if (i === titleCol) return;
      cellInto(b, null, c, ev.header[i]!.inl.text, row.cells[i], row.line, item);
    });
    if (top) top.item.children.push(item);
    else b.groupList(b.section(row.line)).push(item);
  }
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

/** One table cell into a row's section or item, by its column. */
function cellInto(b: Builder, s: BSection | null, col: Column, header: string, cell: TableCell | undefined, line: number, item: BItem | null): void {
  if (!cell || cell.inl.text === '') return;
  const key = headingWords(header);
  const value = cell.inl.text;
  if (col === 'priority' || col === 'difficulty' || col === 'effort' || col === 'duration' || col === 'status') {
    if (item) applyToItem(item, col, key, value, line, b.warn);
    else if (s && col === 'status') {
      if (!DONE_WORDS.test(value)) s.notes.push(`${key}: ${value}`);
    }
    else if (s) applyToSection(s, col, key, value, line, b);
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
  if (item) item.notes.push(`${key}: ${value}`);
  else if (s) s.notes.push(`${key}: ${value}`);
}
