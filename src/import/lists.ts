// Lists -> the plan: a list of weeks makes week sections, a labelled entry ("- Topics:")
// a group, a field entry an attribute, anything else items; in a notes section, notes.
// A table of contents is skipped with a notice, and a plain list introducing the plan
// (language links, a few words about it) goes to the plan's notes.
import { applyToSection } from './attributes.js';
import type { Builder } from './builder.js';
import { classify, fieldsOf } from './classify.js';
import type { Ev, ListItem } from './events.js';
import { readCheck } from './inline.js';
import { itemsFrom, listInto, noteText } from './items.js';
import { allListItems, tableOfContents } from './marks.js';
import { sectionHasItems, type BSection } from './plan.js';

export function addList(b: Builder, ev: Extract<Ev, { t: 'list' }>): void {
  const items = ev.items;
  const toc = tableOfContents(items);
  if (toc) {
    for (const it of allListItems(items)) b.used.add(it);
    b.notices.push({ line: ev.line, message: `table of contents skipped (${toc.links} link${toc.links === 1 ? '' : 's'} to headings of this page)` });
    // Its heading goes with it: an item heading with nothing else under it, or a pending section.
    const top = b.itemStack[b.itemStack.length - 1];
    const at = top ? top.parent.indexOf(top.item) : -1;
    if (top && at >= 0 && top.item.children.length === 0 && top.item.notes.length === 0 && top.item.line < ev.line) {
      top.parent.splice(at, 1);
      b.itemStack.pop();
      // A "## Table of Contents" section that held only that: it goes too.
      const s = b.cur;
      if (s && s.kind === 'plain' && b.itemStack.length === 0 && !sectionHasItems(s) && s.description.length === 0 && s.notes.length === 0) {
        b.sections.splice(b.sections.indexOf(s), 1);
        b.cur = null;
      }
    }
    if (b.pending?.section.kind === 'plain') b.pending = null;
    // What else it holds (a line of language links) is about the document: the plan's notes.
    for (const it of toc.rest) notesFrom(b, it, (n) => b.roadmapNotes.push(n));
    return;
  }
  const top = b.itemStack[b.itemStack.length - 1];
  if (b.notesMode) {
    for (const it of items) notesFrom(b, it, (n) => b.addNote(n, it.line));
    return;
  }
  if (top) {
    listInto(top.item, items, 1, b);
    return;
  }
  if (b.intro && !b.host && b.sections.length === 0 && b.plannedBelow && introduces(items)) {
    for (const it of items) notesFrom(b, it, (n) => b.roadmapNotes.push(n));
    return;
  }
  // A list of weeks ("- **Week 1:** ...") makes sections, unless it is inside a week or phase already.
  const inside = b.host?.section.kind;
  const weeks = inside !== 'week' && inside !== 'phase';
  for (const it of items) sectionListItem(b, it, weeks);
  if (b.group !== null) b.listInGroup = true;
}

/** A list before the plan's first section that is not itself plan: no checkboxes, no weeks, phases or labels. */
function introduces(items: readonly ListItem[]): boolean {
  return items.every((it) => {
    if (readCheck(it.inl.text).done !== null) return false;
    const c = classify(it.inl, 'item');
    return c.kind !== 'week' && c.kind !== 'phase' && c.kind !== 'label' && introduces(it.children);
  });
}

function notesFrom(b: Builder, it: ListItem, add: (note: string) => void): void {
  b.used.add(it);
  if (it.inl.text) add(noteText(it.inl));
  for (const p of it.paras) add(p);
  for (const c of it.children) notesFrom(b, c, add);
}

/** A top-level list item in a section: a week/phase/label with its children, a field, or an item. */
function sectionListItem(b: Builder, it: ListItem, weeks: boolean): void {
  const cls = classify(it.inl, 'item');
  if ((cls.kind === 'week' || cls.kind === 'phase') && !cls.label && weeks) {
    b.used.add(it);
    b.discardPending();
    const s = cls.kind === 'week' ? b.weekSection(cls.match, it.line) : b.phaseSection(cls.match.title, cls.match, it.line);
    b.enter(s, b.curLevel);
    for (const p of it.paras) s.description.push(p);
    for (const c of it.children) sectionListItem(b, c, false);
    return;
  }
  if (cls.kind === 'label' && cls.value === '') {
    b.used.add(it);
    if (cls.label === 'notes' || cls.label === 'tips' || cls.label === 'about') {
      for (const c of it.children) notesFrom(b, c, (n) => b.addNote(n, c.line));
      return;
    }
    if (it.children.length === 0) {
      b.warn(it.line, `"${it.inl.text}" has nothing under it; skipped`);
      return;
    }
    const s = b.section(it.line);
    const outer = b.group;
    b.group = cls.label;
    listIntoSection(b, s, it.children);
    b.group = outer;
    return;
  }
  if (cls.kind === 'field') {
    b.used.add(it);
    const s = b.section(it.line);
    for (const f of fieldsOf(cls)) applyToSection(s, f.field, f.key, f.value, it.line, b);
    if (it.children.length) listIntoSection(b, s, it.children);
    return;
  }
  const s = b.section(it.line);
  listIntoSection(b, s, [it]);
}

function listIntoSection(b: Builder, s: BSection, items: readonly ListItem[]): void {
  const list = b.groupList(s);
  for (const it of items) {
    for (const item of itemsFrom(it, 1, b)) {
      // A bare link in a list with no label over it is a resource.
      if (item.linkOnly && b.group === null) b.groupList(s, 'resources').push(item);
      else list.push(item);
    }
  }
}
