// A validated raw roadmap (what the YAML said) -> the roadmap model (what it means):
// ids assigned, weeks and durations parsed, text kept as written. Pure.
import type { Duration, Habit, Item, ItemKind, Roadmap, Section, WeekRange } from './model.js';
import { GROUP_KEYS } from './model.js';
import { effortHours } from './effort.js';
import { KeySpace, slugify } from './slug.js';
import type { RawHabit, RawItem, RawRoadmap, RawSection } from '../roadmap/schema.js';
import { DURATION_RE, EVERY_RE, WEEKS_RE } from './patterns.js';

export type Path = readonly (string | number)[];
/** A problem the schema cannot see (duplicate ids), at a path into the raw document. */
export interface NormalizeIssue {
  readonly path: Path;
  readonly message: string;
}

const GROUP_KIND = new Map<string, ItemKind>(GROUP_KEYS);

function notesOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((s) => s.trim()).filter((s) => s !== '');
}

export function parseWeeks(value: number | string): WeekRange {
  if (typeof value === 'number') return [value, value];
  const m = WEEKS_RE.exec(value)!;
  const from = Number(m[1]);
  return [from, m[2] === undefined ? from : Number(m[2])];
}

/** Weeks for a duration as written; days round up to whole weeks, a month counts 4 weeks. */
export function parseDuration(value: number | string): Duration {
  const text = String(value).trim();
  if (typeof value === 'number') {
    const w = Math.max(1, Math.ceil(value));
    return { kind: 'weeks', min: w, max: w, text };
  }
  const m = DURATION_RE.exec(value)!;
  if (m[1] === undefined) return { kind: 'ongoing', text };
  const unit = m[3]!.toLowerCase();
  const toWeeks = (n: number): number =>
    Math.max(1, Math.ceil(unit.startsWith('day') ? n / 7 : unit.startsWith('month') ? n * 4 : n));
  const min = toWeeks(Number(m[1]));
  const max = m[2] === undefined ? min : toWeeks(Number(m[2]));
  return { kind: 'weeks', min, max, text };
}

export function perWeekOf(every: string): number {
  const m = EVERY_RE.exec(every)!;
  return m[2] === undefined ? 7 : Math.min(7, Math.max(1, Number(m[2])));
}

/**
 * The roadmap model of a raw roadmap. `fallbackId` (the file name's slug) is used when
 * the file gives no id. Issues are returned, not thrown, so that all are reported.
 */
export function normalize(raw: RawRoadmap, fallbackId: string): { roadmap: Roadmap; issues: NormalizeIssue[] } {
  const issues: NormalizeIssue[] = [];
  const roadmapId = raw.id ?? fallbackId;
  let order = 0;

  /** Keys for a list of things with optional explicit ids; explicit ids are claimed first. */
  const keysFor = (
    entries: ReadonlyArray<{ id?: string | undefined; base: string; path: Path }>,
    space: KeySpace,
  ): string[] => {
    for (const e of entries) {
      if (e.id !== undefined && !space.claim(e.id)) {
        issues.push({ path: [...e.path, 'id'], message: `id "${e.id}" is used twice here; ids must be unique` });
      }
    }
    return entries.map((e) => e.id ?? space.fresh(e.base));
  };

  const items = (list: readonly RawItem[], kind: ItemKind, parentId: string, path: Path, space: KeySpace): Item[] => {
    const objs = list.map((it) => (typeof it === 'string' ? { title: it } : it));
    const keys = keysFor(
      objs.map((o, i) => ({ id: 'id' in o ? o.id : undefined, base: slugify(o.title) || `${kind}-${i + 1}`, path: [...path, i] })),
      space,
    );
    return objs.map((o, i) => {
      const id = `${parentId}/${keys[i]}`;
      const full = typeof list[i] === 'string' ? undefined : (list[i] as Exclude<RawItem, string>);
      const myOrder = order++;
      const children = full?.items ? items(full.items, kind, id, [...path, i, 'items'], new KeySpace()) : [];
      return {
        id,
        title: o.title.trim(),
        kind,
        doneInFile: full?.done === true,
        effort: full?.effort ?? null,
        effortHours: full?.effort === undefined ? null : effortHours(full.effort),
        priority: full?.priority ?? null,
        difficulty: full?.difficulty ?? null,
        url: full?.url ?? null,
        notes: notesOf(full?.notes),
        children,
        order: myOrder,
      };
    });
  };

  const sectionKeys = keysFor(
    raw.sections.map((s, i) => ({
      id: s.id,
      base: slugify(s.title) || (s.weeks !== undefined ? `weeks-${String(s.weeks).replace(/\s|–/g, '-')}` : `section-${i + 1}`),
      path: ['sections', i],
    })),
    new KeySpace(),
  );

  const sections: Section[] = raw.sections.map((s: RawSection, i) => {
    const id = `${roadmapId}/${sectionKeys[i]}`;
    const space = new KeySpace();
    const sectionItems: Item[] = [];
    for (const key of Object.keys(s)) {
      const kind = GROUP_KIND.get(key);
      const list = s[key as keyof RawSection] as RawItem[] | undefined;
      if (kind && list) for (const it of items(list, kind, id, ['sections', i, key], space)) sectionItems.push(it);
    }
    return {
      id,
      title: s.title.trim(),
      weeks: s.weeks === undefined ? null : parseWeeks(s.weeks),
      duration: s.duration === undefined ? null : parseDuration(s.duration),
      description: s.description?.trim() || null,
      notes: notesOf(s.notes),
      priority: s.priority ?? null,
      difficulty: s.difficulty ?? null,
      effort: s.effort ?? null,
      effortHours: s.effort === undefined ? null : effortHours(s.effort),
      items: sectionItems,
    };
  });

  const habitList: readonly RawHabit[] = raw.habits ?? [];
  const habitKeys = keysFor(
    habitList.map((h, i) => ({ id: h.id, base: slugify(h.title) || `habit-${i + 1}`, path: ['habits', i] })),
    new KeySpace(),
  );
  const habits: Habit[] = habitList.map((h, i) => ({
    id: habitKeys[i]!,
    title: h.title.trim(),
    every: h.every,
    perWeek: perWeekOf(h.every),
    minutes: h.minutes === undefined ? null : String(h.minutes),
    priority: h.priority ?? null,
    difficulty: h.difficulty ?? null,
    effort: h.effort ?? null,
    notes: notesOf(h.notes),
  }));

  return {
    roadmap: {
      id: roadmapId,
      title: raw.title.trim(),
      kind: raw.kind,
      description: raw.description?.trim() || null,
      notes: notesOf(raw.notes),
      sections,
      habits,
    },
    issues,
  };
}

/** Every item of a roadmap, parents before their children, in file order. */
export function* allItems(roadmap: Pick<Roadmap, 'sections'>): Generator<{ item: Item; section: Section; parent: Item | null }> {
  function* walk(list: readonly Item[], section: Section, parent: Item | null): Generator<{ item: Item; section: Section; parent: Item | null }> {
    for (const item of list) {
      yield { item, section, parent };
      yield* walk(item.children, section, item);
    }
  }
  for (const section of roadmap.sections) yield* walk(section.items, section, null);
}
