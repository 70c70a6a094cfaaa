// Events -> plan: sections and items, by heading levels, labels, lists and tables. The
// builder keeps the current section, the pending heading (a heading becomes a section
// when content arrives under it), the current item group and the stack of item headings.
import { applyToItem, applyToSection } from './attributes.js';
import { classify, fieldsOf } from './classify.js';
import { findTitle, headingHolds, type Ev, type ListItem } from './events.js';
import { itemFromText, itemsFrom, listInto } from './items.js';
import { isAnchorOnly, newItem, newSection, sectionHasItems, type BItem, type BSection } from './plan.js';
import { addTable } from './tables.js';
import { headingWords } from './text.js';
import type { ImportWarning, Warn } from './types.js';
import { HABIT_TITLE, headingWordsOfMonth, type GroupKey, type LabelKey, type PhaseMatch, type WeekMatch } from './vocabulary.js';

export class Builder {
  readonly sections: BSection[] = [];
  readonly warnings: ImportWarning[] = [];
  title: string | null = null;
  readonly description: string[] = [];
  readonly roadmapNotes: string[] = [];

  cur: BSection | null = null;
  curLevel = 0;
  private group: LabelKey | null = null;
  itemStack: { item: BItem; level: number }[] = [];
  private pending: { section: BSection; level: number } | null = null;
  /** The words of the last heading that turned out to hold only other sections. */
  private container: string | null = null;
  private titleLevel = 0;

  warn: Warn = (line, message) => {
    this.warnings.push({ line, message });
  };

  run(evs: Ev[]): void {
    const titleAt = findTitle(evs);
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
        this.heading(ev, evs, k);
      } else if (ev.t === 'field') this.field(ev);
      else if (ev.t === 'para') this.para(ev, evs[k + 1]);
      else if (ev.t === 'list') this.list(ev);
      else addTable(this, ev);
    });
    this.closePending();
  }

  /** Makes `s` the current section at heading level `level`. */
  enter(s: BSection, level: number): void {
    this.closePending();
    this.sections.push(s);
    this.cur = s;
    this.curLevel = level;
    this.group = null;
    this.itemStack = [];
  }

  /** A heading with nothing under it yet: it becomes a section when content arrives. */
  private setPending(s: BSection, level: number): void {
    this.closePending();
    this.pending = { section: s, level };
    this.cur = null;
    this.curLevel = level;
    this.group = null;
    this.itemStack = [];
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

  groupList(s: BSection, key?: GroupKey): BItem[] {
    const g = key ?? (this.group && this.group !== 'notes' && this.group !== 'tips' ? this.group : this.group === 'tips' ? 'tasks' : s.defaultGroup);
    let list = s.groups.get(g);
    if (!list) {
      list = [];
      s.groups.set(g, list);
    }
    return list;
  }

  private get notesMode(): boolean {
    return this.group === 'notes' || (this.cur?.notesSink ?? this.pending?.section.notesSink ?? false);
  }

  private addNote(text: string, line: number): void {
    const s = this.section(line);
    if (s.notesSink) this.roadmapNotes.push(text);
    else s.notes.push(text);
  }

  private heading(ev: Extract<Ev, { t: 'heading' }>, evs: Ev[], k: number): void {
    const L = ev.level;
    const words = headingWords(ev.inl.text);
    // A pending heading followed by one at its level or above got no content.
    if (this.pending && L <= this.pending.level) this.closePending();
    while (this.itemStack.length && this.itemStack[this.itemStack.length - 1]!.level >= L) this.itemStack.pop();
    const cls = ev.cls;

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
        const s = cls.kind === 'phase' ? this.phaseSection(`Phase ${cls.match.n}`, cls.match, ev.line) : this.weekSection(cls.match, ev.line);
        this.enter(s, L);
      }
      this.group = cls.label;
      return;
    }
    // A week or phase is a section even when empty, unless weeks or phases follow
    // under it ("Month 1" over "Week 1", "Week 2"): then it only groups them.
    if (cls.kind === 'week') {
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
      const owner = this.cur ? this.curLevel : this.pending ? this.pending.level : null;
      if (owner !== null && L > owner && !(this.cur?.notesSink || this.pending?.section.notesSink)) {
        this.section(ev.line);
        this.group = cls.label;
        return;
      }
      const s = newSection(words, ev.line, 'label');
      if (cls.label === 'notes' || cls.label === 'tips') s.notesSink = true;
      else s.defaultGroup = cls.label;
      this.setPending(s, L);
      return;
    }
    // A plain heading: an item of the section above it, or a section of its own.
    const { prose, tags } = headingHolds(evs, k);
    const top = this.itemStack[this.itemStack.length - 1];
    if (this.notesMode && (this.cur || this.pending) && L > this.curLevel) {
      this.addNote(words, ev.line);
      return;
    }
    if (top && L > top.level) {
      const item = newItem(words, ev.line);
      top.item.children.push(item);
      this.itemStack.push({ item, level: L });
      return;
    }
    // Under a pending heading, a sub-heading is an item when the pending one is a week or
    // phase, or when the sub-heading holds a list or tags; one with prose of its own
    // ("### Project Overview" and a paragraph, under "## Based on ...") is a section.
    const pendingKind = this.pending?.section.kind;
    const underPending = this.pending !== null && L > this.pending.level && (tags || !prose || pendingKind === 'week' || pendingKind === 'phase');
    if ((this.cur && L > this.curLevel) || underPending || (tags && !this.cur && !this.pending)) {
      const s = this.section(ev.line);
      if (tags && this.curLevel >= L) this.curLevel = L - 1;
      const item = newItem(words, ev.line);
      this.groupList(s).push(item);
      this.itemStack = [{ item, level: L }];
      return;
    }
    if (this.pending && L > this.pending.level) this.discardPending();
    if (/^(?:weeks?|wk)\s*#?\s*0+\b/i.test(words)) this.warn(ev.line, `"${words}": plan weeks start at 1; imported as a section without weeks`);
    const s = newSection(words, ev.line, 'plain');
    s.habit = HABIT_TITLE.test(words);
    this.setPending(s, L);
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

  weekSection(m: WeekMatch, line: number): BSection {
    const [a, b] = m.weeks;
    const fallback = m.months ? '' : a === b ? `Week ${a}` : `Weeks ${a}-${b}`;
    const s = newSection(m.months ? headingWordsOfMonth(m) : m.rest || fallback, line, 'week');
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

  private field(ev: Extract<Ev, { t: 'field' }>): void {
    const cls = ev.cls;
    if (!this.cur && !this.pending && this.sections.length === 0 && this.itemStack.length === 0) {
      // "**Note:** ..." above every section: about the whole plan.
      const about = cls.kind === 'label' ? (cls.label === 'notes' || cls.label === 'tips' ? cls.value : null) : fieldsOf(cls).every((f) => f.field === 'note') ? ev.inl.text : null;
      if (about !== null) {
        if (about !== '') this.description.push(about);
        return;
      }
    }
    if (cls.kind === 'label') {
      const top = this.itemStack[this.itemStack.length - 1];
      if (cls.label === 'notes' || cls.label === 'tips') {
        if (top) top.item.notes.push(cls.value);
        else this.addNote(cls.value, ev.line);
        return;
      }
      if (top) {
        top.item.children.push(itemFromText(cls.value, ev.inl, ev.line, this.warn));
        return;
      }
      const s = this.section(ev.line);
      this.group = cls.label;
      this.groupList(s).push(itemFromText(cls.value, ev.inl, ev.line, this.warn));
      return;
    }
    const top = this.itemStack[this.itemStack.length - 1];
    for (const f of fieldsOf(cls)) {
      if (top) applyToItem(top.item, f.field, f.key, f.value, ev.line, this.warn);
      else applyToSection(this.section(ev.line), f.field, f.key, f.value, ev.line, this);
    }
  }


  private para(ev: Extract<Ev, { t: 'para' }>, next: Ev | undefined): void {
    const first = ev.lines[0]!;
    const joined = ev.lines.map((l) => l.text).join(' ');
    const top = this.itemStack[this.itemStack.length - 1];
    if (!this.cur && !this.pending && this.sections.length === 0 && !top) {
      this.description.push(ev.lines.map((l) => l.text).join('\n'));
      return;
    }
    if (this.notesMode) {
      this.addNote(joined, first.line);
      return;
    }
    if (top) {
      top.item.notes.push(joined);
      return;
    }
    const s = this.section(first.line);
    // "**Current Features:**" over a list: a caption (a note), not the section's description.
    const caption = ev.lines.length === 1 && /[:：]$/.test(first.text) && next?.t === 'list' && (first.inl.allBold || first.text.split(/\s+/).length <= 4);
    if (this.group && !caption) {
      for (const l of ev.lines) {
        if (/[:：]$/.test(l.text)) s.notes.push(l.text);
        else this.groupList(s).push(itemFromText(l.text, l.inl, l.line, this.warn));
      }
      return;
    }
    const prose = ev.lines.filter((l) => {
      const item = itemFromText(l.text, l.inl, l.line, this.warn);
      if (!item.linkOnly) return true;
      this.groupList(s, 'resources').push(item);
      return false;
    });
    if (prose.length === 0) return;
    if (caption || sectionHasItems(s)) s.notes.push(prose.map((l) => l.text).join(' '));
    else s.description.push(prose.map((l) => l.text).join('\n'));
  }

  private list(ev: Extract<Ev, { t: 'list' }>): void {
    // A table of contents (every item a link to a heading of this page) is navigation.
    if (ev.items.length > 0 && ev.items.every(isAnchorOnly)) {
      if (this.pending?.section.kind === 'plain') this.pending = null;
      return;
    }
    const top = this.itemStack[this.itemStack.length - 1];
    if (this.notesMode) {
      for (const it of ev.items) this.notesFrom(it, (n) => this.addNote(n, it.line));
      return;
    }
    if (top) {
      listInto(top.item, ev.items, 1, this.warn);
      return;
    }
    // A list of weeks ("- **Week 1:** ...") makes sections, unless it is inside a week or phase already.
    const inside = (this.cur ?? this.pending?.section)?.kind;
    const weeks = inside !== 'week' && inside !== 'phase';
    for (const it of ev.items) this.sectionListItem(it, weeks);
  }

  private notesFrom(it: ListItem, add: (note: string) => void): void {
    if (it.inl.text) add(it.inl.text);
    for (const p of it.paras) add(p);
    for (const c of it.children) this.notesFrom(c, add);
  }

  /** A top-level list item in a section: a week/phase/label with its children, a field, or an item. */
  private sectionListItem(it: ListItem, weeks: boolean): void {
    const cls = classify(it.inl, 'item');
    if ((cls.kind === 'week' || cls.kind === 'phase') && !cls.label && weeks) {
      this.discardPending();
      const s = cls.kind === 'week' ? this.weekSection(cls.match, it.line) : this.phaseSection(cls.match.title, cls.match, it.line);
      const level = this.curLevel;
      this.enter(s, level);
      for (const p of it.paras) s.description.push(p);
      for (const c of it.children) this.sectionListItem(c, false);
      return;
    }
    if (cls.kind === 'label' && cls.value === '') {
      if (cls.label === 'notes' || cls.label === 'tips') {
        for (const c of it.children) this.notesFrom(c, (n) => this.addNote(n, c.line));
        return;
      }
      const s = this.section(it.line);
      const outer = this.group;
      this.group = cls.label;
      this.listIntoSection(s, it.children);
      this.group = outer;
      return;
    }
    if (cls.kind === 'field') {
      const s = this.section(it.line);
      for (const f of fieldsOf(cls)) applyToSection(s, f.field, f.key, f.value, it.line, this);
      if (it.children.length) this.listIntoSection(s, it.children);
      return;
    }
    const s = this.section(it.line);
    this.listIntoSection(s, [it]);
  }

  private listIntoSection(s: BSection, items: readonly ListItem[]): void {
    const list = this.groupList(s);
    for (const it of items) {
      for (const item of itemsFrom(it, 1, this.warn)) {
        // A bare link in a list with no label over it is a resource.
        if (item.linkOnly && this.group === null) this.groupList(s, 'resources').push(item);
        else list.push(item);
      }
    }
  }

  /** The items a list item makes: usually one; its children when it has no words of its own. */
}

