// Finishing: the built plan -> a raw roadmap. The kind (unless given), a phased plan's
// timeline, ids (weeks as w01-02, phases as phase-2, hashes for titles with no Latin
// letters), habits from daily sections, and the title when the document has none.
import type { Kind } from '../core/model.js';
import { slugify } from '../core/slug.js';
import type { RawHabit, RawItem, RawRoadmap, RawSection } from '../roadmap/schema.js';
import type { Builder } from './builder.js';
import type { Bullets } from './marks.js';
import { allOf, countItems, newItem, sectionHasItems, type BItem, type BSection } from './plan.js';
import { clean, hash6, prettyUrl } from './text.js';
import { NothingToImportError, type ImportOptions, type ImportWarning } from './types.js';
import { GROUP_ITEM_KIND, GROUP_ORDER, ONGOING_TITLE } from './vocabulary.js';

function inferKind(sections: readonly BSection[]): Kind {
  const weeks = sections.filter((s) => s.weekSection).length;
  const phases = sections.filter((s) => s.kind === 'phase').length;
  if (weeks > 0 && weeks > phases) return 'weekly';
  if (phases > 0) return 'phased';
  const items = sections.flatMap(allOf);
  const total = countItems(items, () => true);
  const checked = countItems(items, (i) => i.done !== null);
  const tagged = countItems(items, (i) => i.priority !== null || i.difficulty !== null || i.effort !== null) + sections.filter((s) => s.priority || s.difficulty || s.effort).length;
  if (total > 0 && checked * 2 >= total) return 'checklist';
  if (tagged > 0) return 'tracks';
  return 'checklist';
}

/**
 * A phased plan with a week-by-week timeline holding one entry per phase ("Week 1-2:
 * Foundation Review" ... for Phase 1 ...): each phase gets its entry's weeks, and the
 * entry's items become a milestone of the phase.
 */
function mergeTimeline(sections: BSection[]): BSection[] {
  const phases = sections.filter((s) => s.kind === 'phase' && s.weeks === null);
  const weeks = sections.filter((s) => s.weekSection);
  if (phases.length === 0 || phases.length !== weeks.length) return sections;
  for (let i = 1; i < weeks.length; i++) if (weeks[i]!.weeks![0] <= weeks[i - 1]!.weeks![1]) return sections;
  phases.forEach((p, i) => {
    const w = weeks[i]!;
    p.weeks = w.weeks;
    const milestone = newItem(w.title, w.line);
    milestone.children = allOf(w);
    milestone.notes = [...w.description, ...w.notes];
    let list = p.groups.get('milestones');
    if (!list) p.groups.set('milestones', (list = []));
    list.push(milestone);
  });
  return sections.filter((s) => !s.weekSection);
}

/** Which scope an explicit id is claimed in: a section's top-level items, or one parent's children. */
class IdScope {
  private readonly used = new Set<string>();
  claim(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** Items as the YAML writes them; an item left with no words (a bare `[ ]`) gives way to its children. */
function rawItems(items: readonly BItem[], kind: string, scope: IdScope): RawItem[] {
  return items.flatMap((item) => {
    const title = clean(item.title) || (item.url ? prettyUrl(item.url) : '');
    return title === '' ? rawItems(item.children, kind, scope) : [rawItem({ ...item, title }, kind, scope)];
  });
}

function rawItem(item: BItem, kind: string, scope: IdScope): RawItem {
  const title = item.title;
  const children = rawItems(item.children, kind, new IdScope());
  const id = sluggable(title) ? undefined : scope.claim(`${kind}-${hash6(title)}`);
  const notes = item.notes.map(clean).filter((n) => n !== '');
  const simple = id === undefined && item.done !== true && !item.url && !item.priority && !item.difficulty && !item.effort && notes.length === 0 && children.length === 0;
  if (simple) return title;
  return {
    ...(id !== undefined ? { id } : {}),
    title,
    ...(item.done === true ? { done: true } : {}),
    ...(item.priority ? { priority: item.priority } : {}),
    ...(item.difficulty ? { difficulty: item.difficulty } : {}),
    ...(item.effort ? { effort: item.effort } : {}),
    ...(item.url ? { url: item.url } : {}),
    ...(notes.length === 1 ? { notes: notes[0]! } : notes.length > 1 ? { notes } : {}),
    ...(children.length ? { items: children } : {}),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether the title gives an id of its own (an ASCII letter or digit always does). */
const sluggable = (title: string): boolean => /[A-Za-z0-9]/.test(title) || slugify(title) !== '';

function sectionId(s: BSection): string | undefined {
  if (s.kind === 'phase' && s.phase !== null) return `phase-${s.phase}`;
  if (s.weekSection && s.weeks) {
    const [a, b] = s.weeks;
    return a === b ? `w${pad(a)}` : `w${pad(a)}-${pad(b)}`;
  }
  return sluggable(s.title) ? undefined : `section-${hash6(s.title)}`;
}

/** The minutes a title names: `(15-30 minutes)`, `20 min`. */
function minutesIn(title: string): string | null {
  const m = /\b(\d+(?:\s*[-–]\s*\d+)?)\s*(?:min|mins|minutes)\b/i.exec(title);
  return m ? m[1]!.replace(/\s/g, '').replace('–', '-') : null;
}

/** A habit from an entry of a daily section; the minutes of the section's title ("Daily (15-30 minutes)") when the entry names none. */
function habitOf(title: string, from: BItem | BSection, notes: readonly string[], outer: string | null = null): RawHabit {
  const perWeek = /\b([1-7])\s*(?:x|times)?\s*(?:\/|per|a|each)\s*week\b/i.exec(title);
  const minutes = from.minutes ?? minutesIn(title) ?? outer;
  const id = slugify(title.replace(/\([^)]*\)/g, ' ')) || slugify(title) || `habit-${hash6(title)}`;
  return {
    id,
    title,
    every: perWeek ? `${perWeek[1]} per week` : 'day',
    ...(minutes ? { minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes } : {}),
    ...(from.priority ? { priority: from.priority } : {}),
    ...(from.difficulty ? { difficulty: from.difficulty } : {}),
    ...(from.effort ? { effort: from.effort } : {}),
    ...(notes.length ? { notes: [...notes] } : {}),
  };
}


/** The built plan as a raw roadmap, with the warnings of the whole import in line order. */
export function finishPlan(builder: Builder, frontTitle: string | null, options: ImportOptions, bullets: Bullets): { roadmap: RawRoadmap; warnings: ImportWarning[]; notices: ImportWarning[] } {
  let sections = builder.sections.filter((s) => !s.notesSink);
  for (const s of sections) {
    // "## Django" with only "- Priority: High" under it: the section is the one thing to do.
    if (s.kind === 'plain' && !sectionHasItems(s) && (s.priority || s.difficulty || s.effort)) {
      const it = newItem(s.title, s.line);
      Object.assign(it, { priority: s.priority, difficulty: s.difficulty, effort: s.effort, minutes: s.minutes });
      s.groups.set(s.defaultGroup, [it]);
    }
  }
  const kind = options.kind ?? inferKind(sections);
  if (kind === 'phased') {
    sections = mergeTimeline(sections);
    for (const s of sections) if (s.kind !== 'phase' && s.duration === null && s.weeks === null && ONGOING_TITLE.test(s.title)) s.duration = 'ongoing';
  }
  // A phase whose entries are weeks ("### Week 1" under it, a week table) spans them.
  for (const s of sections) {
    if (s.kind !== 'phase' || s.weeks !== null) continue;
    const spans = allOf(s).map((it) => it.weeks).filter((w) => w !== null);
    if (spans.length) s.weeks = [Math.min(...spans.map((w) => w[0])), Math.max(...spans.map((w) => w[1]))];
  }
  if (sections.length === 0) {
    throw new NothingToImportError('found no sections, lists or tables to import; a plan needs headings (## Week 1), lists or a table');
  }

  let title = builder.title ?? frontTitle;
  if (title === null) {
    const stem = (options.fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    title = clean(stem.replace(/[-_]+/g, ' ')) || 'Imported plan';
    title = title.charAt(0).toUpperCase() + title.slice(1);
    builder.warnings.push({ line: 1, message: `no title (a "# Title" heading) found; used "${title}": edit title: in the YAML` });
  }

  const idScope = new IdScope();
  const habits: RawHabit[] = [];
  const rawSections: RawSection[] = sections.map((s) => {
    const explicit = sectionId(s);
    const id = explicit ? idScope.claim(explicit) : undefined;
    const scope = new IdScope();
    const raw: RawSection = { ...(id ? { id } : {}), title: s.title };
    if (s.weeks) raw.weeks = s.weeks[0] === s.weeks[1] ? s.weeks[0] : `${s.weeks[0]}-${s.weeks[1]}`;
    if (s.duration) raw.duration = s.duration;
    const description = s.description.map((d) => d.trim()).filter((d) => d !== '').join('\n');
    if (description) raw.description = description;
    const notes = s.notes.map(clean).filter((n) => n !== '');
    if (notes.length) raw.notes = notes.length === 1 ? notes[0]! : notes;
    if (s.priority) raw.priority = s.priority;
    if (s.difficulty) raw.difficulty = s.difficulty;
    if (s.effort) raw.effort = s.effort;
    for (const g of GROUP_ORDER) {
      const list = s.groups.get(g);
      const items = list ? rawItems(list, GROUP_ITEM_KIND[g], scope) : [];
      if (items.length) raw[g] = items;
    }
    if (s.habit) {
      const items = allOf(s);
      const outer = s.minutes ?? minutesIn(s.title);
      if (items.length) for (const it of items) habits.push(habitOf(it.title, it, it.notes, outer));
      else habits.push(habitOf(s.title, s, s.notes));
    } else {
      // "### Daily" inside a section: its entries (or, with none, itself) are habits too.
      for (const it of allOf(s)) {
        if (!it.habit) continue;
        const outer = it.minutes ?? minutesIn(it.title);
        if (it.children.length) for (const c of it.children) habits.push(habitOf(c.title, c, c.notes, outer));
        else habits.push(habitOf(it.title, it, it.notes));
      }
    }
    return raw;
  });
  const habitScope = new IdScope();
  for (const h of habits) h.id = habitScope.claim(h.id!);

  const description = builder.description.map((d) => d.trim()).filter((d) => d !== '').join('\n\n');
  const notes = builder.roadmapNotes.map(clean).filter((n) => n !== '');
  const id = options.id ?? (slugify((options.fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) || slugify(title) || 'imported-plan');
  const roadmap: RawRoadmap = {
    id,
    title,
    kind,
    ...(description ? { description } : {}),
    ...(notes.length ? { notes } : {}),
    sections: rawSections,
    ...(habits.length ? { habits } : {}),
  };
  const warnings = [...builder.warnings].sort((a, b) => a.line - b.line);
  const notices = [...doneNotices(sections, bullets), ...builder.notices].sort((a, b) => a.line - b.line);
  return { roadmap, warnings, notices };
}

/** How many items were taken as done and why, when ✅ marks were involved (taken as done, or read as bullets). */
function doneNotices(sections: readonly BSection[], bullets: Bullets): ImportWarning[] {
  const by = { box: 0, mark: 0, status: 0 };
  const walk = (items: readonly BItem[]): void => {
    for (const it of items) {
      if (it.done === true && it.doneBy) by[it.doneBy]++;
      walk(it.children);
    }
  };
  for (const s of sections) walk(allOf(s));
  const out: ImportWarning[] = [];
  if (by.mark > 0) {
    const parts = [by.box && `${by.box} checked [x]`, `${by.mark} marked ✅ in lists with open items or in a file with checkboxes`, by.status && `${by.status} by a status`].filter(Boolean);
    const n = by.box + by.mark + by.status;
    out.push({ line: 0, message: `${n} item${n === 1 ? '' : 's'} taken as done: ${parts.join(', ')}` });
  }
  if (bullets.count > 0) {
    out.push({ line: bullets.line, message: `${bullets.count} ✅ mark${bullets.count === 1 ? '' : 's'} read as bullets, not as done: no list of this file has open items or checkboxes next to them` });
  }
  return out;
}
