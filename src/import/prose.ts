// Lines that are not lists, tables or headings: `Key: value` fields and label lines, and
// paragraphs, placed by what the builder is reading now.
import { applyToItem, applyToSection } from './attributes.js';
import type { Builder } from './builder.js';
import { fieldsOf } from './classify.js';
import type { Ev } from './events.js';
import { itemFromText, noteText } from './items.js';
import { sectionHasItems } from './plan.js';

/** A `Key: value` or `Label: entry` line: an attribute, a note, or an entry of a group. */
export function addField(b: Builder, ev: Extract<Ev, { t: 'field' }>): void {
  const cls = ev.cls;
  const top = b.itemStack[b.itemStack.length - 1];
  if (!b.host && b.sections.length === 0 && !top) {
    // "**Note:** ..." above every section: about the whole plan.
    const about =
      cls.kind === 'label' ? (cls.label === 'notes' || cls.label === 'tips' || cls.label === 'about' ? cls.value : null) : fieldsOf(cls).every((f) => f.field === 'note') ? ev.inl.text : null;
    if (about !== null) {
      if (about !== '') b.description.push(about);
      return;
    }
  }
  if (b.host?.section.notesSink && !top) {
    b.addNote(noteText(ev.inl), ev.line);
    return;
  }
  if (cls.kind === 'label') {
    if (cls.label === 'notes' || cls.label === 'tips' || cls.label === 'about') {
      if (top) top.item.notes.push(cls.value);
      else b.addNote(cls.value, ev.line);
      return;
    }
    if (top) {
      top.item.children.push(itemFromText(cls.value, ev.inl, ev.line, b.warn));
      return;
    }
    const s = b.section(ev.line);
    b.setGroup(cls.label, b.curLevel + 1);
    if (cls.value !== '') b.groupList(s).push(itemFromText(cls.value, ev.inl, ev.line, b.warn));
    return;
  }
  for (const f of fieldsOf(cls)) {
    if (top) applyToItem(top.item, f.field, f.key, f.value, ev.line, b.warn);
    else applyToSection(b.section(ev.line), f.field, f.key, f.value, ev.line, b);
  }
}

/** A paragraph: the plan's description above every section, notes, an item's notes, a group's entries, or a section's description. */
export function addPara(b: Builder, ev: Extract<Ev, { t: 'para' }>, next: Ev | undefined): void {
  const first = ev.lines[0]!;
  const joined = ev.lines.map((l) => l.text).join(' ');
  const top = b.itemStack[b.itemStack.length - 1];
  if (!b.host && b.sections.length === 0 && !top) {
    b.description.push(ev.lines.map((l) => l.text).join('\n'));
    return;
  }
  if (b.notesMode) {
    b.addNote(joined, first.line, true);
    return;
  }
  if (top) {
    top.item.notes.push(joined);
    return;
  }
  const s = b.section(first.line);
  // "**Current Features:**" over a list: a caption (a note), not the section's description.
  const caption = ev.lines.length === 1 && /[:：]$/.test(first.text) && next?.t === 'list' && (first.inl.allBold || first.text.split(/\s+/).length <= 4);
  // Lines right under a label are its entries; a paragraph after the label's list is prose.
  if (b.group && !caption && !b.listInGroup) {
    for (const l of ev.lines) {
      if (/[:：]$/.test(l.text)) s.notes.push(l.text);
      else b.groupList(s).push(itemFromText(l.text, l.inl, l.line, b.warn));
    }
    return;
  }
  const prose = ev.lines.filter((l) => {
    const item = itemFromText(l.text, l.inl, l.line, b.warn);
    if (!item.linkOnly) return true;
    b.groupList(s, 'resources').push(item);
    return false;
  });
  if (prose.length === 0) return;
  if (caption || sectionHasItems(s)) s.notes.push(prose.map((l) => l.text).join(' '));
  else s.description.push(prose.map((l) => l.text).join('\n'));
}
