// Events -> plan: sections and items, by heading levels, labels, lists and tables. The
// builder keeps the current section, the pending heading (a heading becomes a section
// when content arrives under it), the current item group and the stack of item headings.
// Lists are read by lists.ts, tables by tables.ts, fields and paragraphs by prose.ts.
import type { Ev, ListItem } from './events.js';
import { noteText } from './items.js';
import { addList } from './lists.js';
import { allListItems } from './marks.js';
import { newItem, newSection, sectionHasItems, type BItem, type BSection } from './plan.js';
import { addField, addPara } from './prose.js';
import { findTitle, headingHolds, planLevel } from './shape.js';
import { addTable } from './tables.js';
import { headingWords } from './text.js';
import type { ImportWarning, Warn } from './types.js';
import { DAILY_HEADING, HABIT_TITLE, headingWordsOfMonth, type GroupKey, type LabelKey, type PhaseMatch, type WeekMatch } from './vocabulary.js';

/** Labels whose content is notes, not items. */
const isNoteLabel = (l: LabelKey | null): boolean => l === 'notes' || l === 'about';

export class Builder {
  readonly sections: BSection[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly notices: ImportWarning[] = [];
  title: string | null = null;
  readonly description: string[] = [];
  readonly roadmapNotes: string[] = [];
  /** The list items placed somewhere (an item, a note, an attribute, a label, a skipped table of contents). */
  readonly used = new Set<ListItem>();

  cur: BSection | null = null;
  curLevel = 0;
  group: LabelKey | null = null;
  /** The heading level the group was opened at: a heading at that level or above closes it. */
  private groupLevel = 0;
  /** A list was read into the current group: a paragraph after it is prose, not more items. */
  listInGroup = false;
  /** Item headings, innermost last, with the list each was added to. */
  itemStack: { item: BItem; level: number; parent: BItem[] }[] = [];
  pending: { section: BSection; level: number } | null = null;
  /** The words of the last heading that turned out to hold only other sections. */
  private container: string | null = null;
  private titleLevel = 0;
  /** Headings at this level or above are sections, never items (shape.ts). */
  private planLevel = Infinity;
  /** No heading after the title yet: a list here introduces the plan. */
  intro = true;
  /** Later headings carry the plan: an introduction's plain list is notes. */
  get plannedBelow(): boolean {
    return this.planLevel < Infinity;
  }

  warn: Warn = (line, message) => {
    this.warnings.push({ line, message });
  };

  run(evs: Ev[]): void {
    const titleAt = findTitle(evs);
    this.planLevel = planLevel(evs, titleAt);
    evs.forEach((ev, k) => {
      if (ev.t === 'heading') {
        if (k === titleAt) {
          this.title = headingWords(ev.inl.text);
          this.titleLevel = ev.level;
          this.curLevel = ev.level;
          return;
        }
        if (titleAt >= 0 && k < titleAt) {
          // A heading above the title (a repository name over the plan's name): description.
          this.description.push(headingWords(ev.inl.text));
          return;
        }
        this.intro = false;
        this.heading(ev, evs, k);
      } else if (ev.t === 'field') addField(this, ev);
      else if (ev.t === 'para') addPara(this, ev, evs[k + 1]);
      else if (ev.t === 'list') addList(this, ev);
      else addTable(this, ev);
    });
    this.closePending();
    // Nothing vanishes without a word: a list item no rule placed is named.
    for (const ev of evs) {
      if (ev.t !== 'list') continue;
      for (const it of allListItems(ev.items)) {
        if (!this.used.has(it) && it.inl.text !== '') this.warn(it.line, `list item "${it.inl.text.slice(0, 60)}" was not imported`);
      }
    }
  }

  /** Makes `s` the current section at heading level `level`. */
  enter(s: BSection, level: number): void {
    this.closePending();
    this.sections.push(s);
    this.cur = s;
    this.curLevel = level;
    this.setGroup(null, 0);
    this.itemStack = [];
  }

  /** A heading with nothing under it yet: it becomes a section when content arrives. */
  private setPending(s: BSection, level: number): void {
    this.closePending();
    this.pending = { section: s, level };
    this.cur = null;
    this.curLevel = level;
    this.setGroup(null, 0);
    this.itemStack = [];
  }

  setGroup(group: LabelKey | null, level: number): void {
    this.group = group;
    this.groupLevel = level;
    this.listInGroup = false;
  }

  /** A pending heading followed by one at its level or above, or by the end: it has nothing under it. */
  private closePending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (p.section.kind === 'week' || p.section.kind === 'phase') {
      this.sections.push(p.section);
      return;
    }
    if (!p.section.notesSink) this.warn(p.section.line, `heading "${p.section.title}" has nothing under it; skipped`);
  }

  /** The section that receives content now (materialising a pending heading, or an implicit one). */
  section(line: number): BSection {
    if (this.pending) {
      const { section, level } = this.pending;
      this.pending = null;
      this.sections.push(section);
      this.cur = section;
      this.curLevel = level;
      return section;
    }
    if (!this.cur) {
      const s = newSection(this.container ?? this.title ?? 'Plan', line, 'plain');
      this.sections.push(s);
      this.cur = s;
      this.curLevel = this.titleLevel;
    }
    return this.cur;
  }

  /** The section content goes to now, pending or current. */
  get host(): { section: BSection; level: number } | null {
    if (this.cur) return { section: this.cur, level: this.curLevel };
    return this.pending;
  }

  groupList(s: BSection, key?: GroupKey): BItem[] {
    const l = this.group;
    const g: GroupKey = key ?? (l === 'tips' ? 'tasks' : l === null || l === 'notes' || l === 'about' ? s.defaultGroup : l);
    let list = s.groups.get(g);
    if (!list) {
      list = [];
      s.groups.set(g, list);
    }
    return list;
  }

  get notesMode(): boolean {
    return isNoteLabel(this.group) || (this.host?.section.notesSink ?? false);
  }

  /** A note of the current section, or of the plan in a notes section; an about section's prose describes the plan. */
  addNote(text: string, line: number, prose = false): void {
    const s = this.section(line);
    if (s.about && prose) this.description.push(text);
    else if (s.notesSink) this.roadmapNotes.push(text);
    else s.notes.push(text);
  }

  /** Adds an item for heading words to the current section (or the item heading above) and opens it for what follows. */
  private itemHeading(words: string, line: number, level: number, weeks: readonly [number, number] | null = null): void {
    const top = this.itemStack[this.itemStack.length - 1];
    const item = newItem(words, line);
    item.weeks = weeks;
    item.habit = DAILY_HEADING.test(words);
    const parent = top && level > top.level ? top.item.children : this.groupList(this.section(line));
    parent.push(item);
    if (!(top && level > top.level)) this.itemStack = [];
    this.itemStack.push({ item, level, parent });
  }

  private heading(ev: Extract<Ev, { t: 'heading' }>, evs: Ev[], k: number): void {
    const L = ev.level;
    const words = headingWords(ev.inl.text);
    // A pending heading followed by one at its level or above got no content.
    if (this.pending && L <= this.pending.level) this.closePending();
    while (this.itemStack.length && this.itemStack[this.itemStack.length - 1]!.level >= L) this.itemStack.pop();
    // A heading closes every group opened at its level or below it.
    if (this.group !== null && L <= this.groupLevel) this.setGroup(null, 0);
    const cls = ev.cls;
    const host = this.host;

    // "### 🎯 Goal: ship it" with no list under it: a note, not something to check.
    if (cls.kind === 'field' && !headingHolds(evs, k).list) {
      const top = this.itemStack[this.itemStack.length - 1];
      const text = ev.inl.text.replace(/^\W+/u, '');
      if (top) top.item.notes.push(text);
      else if (host && L > host.level) this.addNote(text, ev.line);
      else if (this.sections.length === 0 && !host) this.description.push(text);
      else this.roadmapNotes.push(text);
      return;
    }
    if ((cls.kind === 'week' || cls.kind === 'phase') && cls.label) {
      // "Phase 1 Resources", "Week 3 tasks": more for a section that exists.
      const matches = (s: BSection): boolean =>
        cls.kind === 'phase' ? s.phase === cls.match.n : s.weekSection && s.weeks?.[0] === cls.match.weeks[0] && s.weeks[1] === cls.match.weeks[1];
      if (this.pending && matches(this.pending.section)) this.section(ev.line);
      const target = this.sections.find(matches);
      this.discardPending();
      if (target) {
        this.cur = target;
        this.curLevel = L;
        this.itemStack = [];
      } else {
        const s = cls.kind === 'phase' ? this.phaseSection(`Phase ${cls.match.n}`, cls.match, ev.line) : this.weekSection(cls.match, ev.line, true);
        this.enter(s, L);
      }
      this.setGroup(cls.label, L);
      return;
    }
    if (cls.kind === 'week') {
      // "### Week 1" under "## Phase 1" or "## Milestones": one of that section's entries.
      const kind = host?.section.kind;
      if (host && L > host.level && (kind === 'phase' || kind === 'label') && !host.section.notesSink) {
        this.itemHeading(words, ev.line, L, cls.match.weeks);
        return;
      }
      // A week is a section even when empty, unless weeks follow under it ("Month 1" over
      // "Week 1", "Week 2"): then it only groups them.
      this.discardPending();
      this.setPending(this.weekSection(cls.match, ev.line), L);
      return;
    }
    if (cls.kind === 'phase') {
      this.discardPending();
      this.setPending(this.phaseSection(cls.match.title, cls.match, ev.line), L);
      return;
    }
    if (cls.kind === 'label') {
      const top = this.itemStack[this.itemStack.length - 1];
      if (top && L > top.level) return; // "Resources" under an item heading: more of the item.
      if (host && L > host.level && !host.section.notesSink) {
        this.section(ev.line);
        this.setGroup(cls.label, L);
        return;
      }
      const s = newSection(words, ev.line, 'label');
      if (cls.label === 'notes' || cls.label === 'tips' || cls.label === 'about') s.notesSink = true;
      else s.defaultGroup = cls.label;
      s.about = cls.label === 'about';
      this.setPending(s, L);
      return;
    }
    // A plain heading: an item of the section above it, or a section of its own.
    const { prose, tags, list, table } = headingHolds(evs, k);
    const top = this.itemStack[this.itemStack.length - 1];
    if (this.notesMode && host && L > host.level) {
      this.addNote(words, ev.line);
      return;
    }
    // A bold line with nothing under it, inside a section, is a line of prose.
    if (ev.pseudo && cls.kind === 'bold' && host && !prose && !list && !tags) {
      if (top) top.item.notes.push(noteText(ev.inl));
      else this.addNote(noteText(ev.inl), ev.line);
      return;
    }
    // A heading over a table (of courses, of problems) under plain headings is a section:
    // the plain headings above it only group such sections.
    if (table && host && host.section.kind === 'plain' && !host.section.notesSink && L > host.level) {
      this.groupsSections();
    } else if (top && L > top.level) {
      this.itemHeading(words, ev.line, L);
      return;
    }
    // Under a pending heading, a sub-heading is an item when the pending one is a week or
    // phase, or when the sub-heading holds a list or tags; one with prose of its own
    // ("### Project Overview" and a paragraph, under "## Based on ...") is a section.
    // Headings at the plan's own level are sections, whatever came before them.
    const pendingKind = this.pending?.section.kind;
    const underPending = this.pending !== null && L > this.pending.level && (tags || !prose || pendingKind === 'week' || pendingKind === 'phase');
    const deep = this.planLevel === Infinity || L > this.planLevel;
    if (!table && ((this.cur && L > this.curLevel && deep) || underPending || (tags && !host && deep))) {
      this.section(ev.line);
      if (tags && this.curLevel >= L) this.curLevel = L - 1;
      this.itemHeading(words, ev.line, L);
      return;
    }
    if (this.pending && L > this.pending.level) this.discardPending();
    if (/^(?:weeks?|wk)\s*#?\s*0+\b/i.test(words)) this.warn(ev.line, `"${words}": plan weeks start at 1; imported as a section without weeks`);
    const s = newSection(words, ev.line, 'plain');
    s.habit = HABIT_TITLE.test(words);
    this.setPending(s, L);
  }

  /**
   * The headings above turned out to group sections: item headings with nothing of their
   * own go, and a current section with no items gives its words to the plan's notes.
   */
  private groupsSections(): void {
    for (const { item, parent } of this.itemStack) {
      const at = parent.indexOf(item);
      if (at >= 0 && item.children.length === 0 && item.notes.length === 0) parent.splice(at, 1);
    }
    this.itemStack = [];
    const s = this.cur;
    if (s && !this.pending && !sectionHasItems(s) && s.kind === 'plain') {
      this.sections.splice(this.sections.indexOf(s), 1);
      const words = [...s.description, ...s.notes].join(' ');
      if (words !== '') this.roadmapNotes.push(`${s.title}: ${words}`);
      this.container = s.title;
      this.cur = null;
    }
  }

  /** The pending heading held only other sections: remember its words, write nothing. */
  discardPending(): void {
    if (!this.pending) return;
    const s = this.pending.section;
    this.pending = null;
    if (s.kind === 'week' || s.kind === 'phase') return;
    this.container = s.title;
    if (this.sections.length === 0 && !s.notesSink) this.description.push(s.title);
  }

  /** A week section; `labelled` ("Week 7-8 Topics:") takes its title from the weeks, not the label. */
  weekSection(m: WeekMatch, line: number, labelled = false): BSection {
    const [a, b] = m.weeks;
    const fallback = m.months ? '' : a === b ? `Week ${a}` : `Weeks ${a}-${b}`;
    const title = m.months ? headingWordsOfMonth(labelled ? { ...m, rest: '' } : m) : labelled ? fallback : m.rest || fallback;
    const s = newSection(title, line, 'week');
    s.weeks = m.weeks;
    s.weekSection = true;
    if (m.problem) this.warn(line, m.problem);
    return s;
  }

  phaseSection(title: string, m: PhaseMatch, line: number): BSection {
    const s = newSection(title, line, 'phase');
    s.phase = m.n;
    s.duration = m.duration;
    s.weeks = m.weeks;
    return s;
  }
}
