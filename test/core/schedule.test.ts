import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { durationWeeks, schedule, type Pace, type Schedule } from '../../src/core/schedule.js';
import { priorityRank } from '../../src/core/effort.js';
import type { Duration, Item, Kind, Roadmap, Section, WeekRange } from '../../src/core/model.js';

// ---------------------------------------------------------------------------------
// A little builder for model objects. Item ids are `r/<section>/<title>[/<child>...]`,
// so tests can name items by their titles.

interface ItemSpec {
  t: string;
  effort?: number;
  priority?: string;
  done?: boolean;
  children?: Array<ItemSpec | string>;
}

interface SectionSpec {
  id: string;
  weeks?: [number, number];
  /** [min, max] weeks (as the loader produces them) or 'ongoing'. */
  duration?: [number, number] | 'ongoing';
  priority?: string;
  effort?: number;
  items?: Array<ItemSpec | string>;
}

function duration(d: [number, number] | 'ongoing'): Duration {
  return d === 'ongoing'
    ? { kind: 'ongoing', text: 'ongoing' }
    : { kind: 'weeks', min: d[0], max: d[1], text: `${d[0]}-${d[1]} weeks` };
}

function build(kind: Kind, specs: SectionSpec[]): { roadmap: Roadmap; done: Set<string> } {
  let order = 0;
  const marked = new Set<string>();
  const item = (spec: ItemSpec | string, prefix: string): Item => {
    const s: ItemSpec = typeof spec === 'string' ? { t: spec } : spec;
    const id = `${prefix}/${s.t}`;
    if (s.done) marked.add(id);
    const own = order++;
    return {
      id,
      title: s.t,
      kind: 'item',
      doneInFile: s.done ?? false,
      effort: s.effort === undefined ? null : `${s.effort}h`,
      effortHours: s.effort ?? null,
      priority: s.priority ?? null,
      difficulty: null,
      url: null,
      notes: [],
      children: (s.children ?? []).map((c) => item(c, id)),
      order: own,
    };
  };
  const sections: Section[] = specs.map((s) => ({
    id: `r/${s.id}`,
    title: s.id,
    weeks: s.weeks ?? null,
    duration: s.duration === undefined ? null : duration(s.duration),
    description: null,
    notes: [],
    priority: s.priority ?? null,
    difficulty: null,
    effort: s.effort === undefined ? null : `${s.effort}h`,
    effortHours: s.effort ?? null,
    items: (s.items ?? []).map((i) => item(i, `r/${s.id}`)),
  }));
  const roadmap: Roadmap = { id: 'r', title: 'R', kind, description: null, notes: [], sections, habits: [] };
  return { roadmap, done: resolveDone(roadmap, marked) };
}

/** Done as the store resolves it: marked, or a parent whose children are all done. */
function resolveDone(roadmap: Roadmap, marked: ReadonlySet<string>): Set<string> {
  const done = new Set<string>();
  const visit = (item: Item): boolean => {
    const kids = item.children.map(visit);
    const isDone = marked.has(item.id) || (kids.length > 0 && kids.every(Boolean));
    if (isDone) done.add(item.id);
    return isDone;
  };
  for (const s of roadmap.sections) s.items.forEach(visit);
  return done;
}

function run(kind: Kind, specs: SectionSpec[], hoursPerWeek = 8, pace: Pace = 'mid'): Schedule {
  const { roadmap, done } = build(kind, specs);
  return schedule(roadmap, { hoursPerWeek, pace }, done);
}

/** due weeks by item path relative to the roadmap (`sec/title`). */
function dueOf(s: Schedule): Record<string, number | null> {
  return Object.fromEntries(Object.entries(s.due).map(([id, w]) => [id.slice(2), w]));
}

function sectionsOf(s: Schedule): Record<string, WeekRange | null> {
  return Object.fromEntries(Object.entries(s.sections).map(([id, w]) => [id.slice(2), w]));
}

// ---------------------------------------------------------------------------------

describe('durationWeeks', () => {
  it('picks min, middle (rounded up) or max of a range', () => {
    expect(durationWeeks(duration([2, 4]), 'min')).toBe(2);
    expect(durationWeeks(duration([2, 4]), 'mid')).toBe(3);
    expect(durationWeeks(duration([2, 4]), 'max')).toBe(4);
    expect(durationWeeks(duration([4, 6]), 'min')).toBe(4);
    expect(durationWeeks(duration([4, 6]), 'mid')).toBe(5);
    expect(durationWeeks(duration([4, 6]), 'max')).toBe(6);
    expect(durationWeeks(duration([2, 3]), 'mid')).toBe(3);
    expect(durationWeeks(duration([1, 2]), 'mid')).toBe(2);
  });

  it('is the number itself for a fixed duration', () => {
    for (const pace of ['min', 'mid', 'max'] as const) expect(durationWeeks(duration([3, 3]), pace)).toBe(3);
  });

  it('reads durations the loader converted to weeks (days round up, 1 month = 4 weeks)', () => {
    // `10 days` -> 2 weeks, `2 months` -> 8 weeks, `1-2 months` -> 4-8 weeks
    expect(durationWeeks({ kind: 'weeks', min: 2, max: 2, text: '10 days' }, 'mid')).toBe(2);
    expect(durationWeeks({ kind: 'weeks', min: 8, max: 8, text: '2 months' }, 'min')).toBe(8);
    expect(durationWeeks({ kind: 'weeks', min: 4, max: 8, text: '1-2 months' }, 'mid')).toBe(6);
    // and rounds up weeks that were not whole
    expect(durationWeeks({ kind: 'weeks', min: 10 / 7, max: 10 / 7, text: '10 days' }, 'max')).toBe(2);
    expect(durationWeeks({ kind: 'weeks', min: 1, max: 1, text: '7 days' }, 'max')).toBe(1);
  });

  it('is null for an ongoing phase', () => {
    expect(durationWeeks({ kind: 'ongoing', text: 'ongoing' }, 'mid')).toBeNull();
  });
});

describe('schedule: options', () => {
  it('rejects hours per week that are not positive and an unknown pace', () => {
    const { roadmap, done } = build('checklist', [{ id: 's', items: ['a'] }]);
    expect(() => schedule(roadmap, { hoursPerWeek: 0, pace: 'mid' }, done)).toThrow(RangeError);
    expect(() => schedule(roadmap, { hoursPerWeek: Number.NaN, pace: 'mid' }, done)).toThrow(RangeError);
    expect(() => schedule(roadmap, { hoursPerWeek: 8, pace: 'fast' as Pace }, done)).toThrow(RangeError);
  });

  it('schedules an empty roadmap to nothing', () => {
    for (const kind of ['weekly', 'phased', 'checklist', 'tracks'] as const) {
      expect(run(kind, [])).toEqual({ totalWeeks: 0, sections: {}, due: {}, spans: {} });
    }
  });
});

describe('schedule: weekly', () => {
  it('puts sections on the weeks they name and items due at the end, done or not', () => {
    const s = run('weekly', [
      { id: 'w1-2', weeks: [1, 2], items: ['a', { t: 'b', done: true }, { t: 'p', children: ['c1', 'c2'] }] },
      { id: 'w3', weeks: [3, 3], items: ['d'] },
      { id: 'w5-6', weeks: [5, 6], items: [{ t: 'e', effort: 40 }] },
      { id: 'extra', items: ['x', { t: 'y', children: ['y1'] }] },
    ]);
    expect(s.totalWeeks).toBe(6);
    expect(sectionsOf(s)).toEqual({ 'w1-2': [1, 2], w3: [3, 3], 'w5-6': [5, 6], extra: null });
    expect(dueOf(s)).toEqual({
      'w1-2/a': 2,
      'w1-2/b': 2,
      'w1-2/p': 2,
      'w1-2/p/c1': 2,
      'w1-2/p/c2': 2,
      'w3/d': 3,
      'w5-6/e': 6,
      'extra/x': null,
      'extra/y': null,
      'extra/y/y1': null,
    });
  });

  it('takes the largest end week as the total, whatever the order, and ignores durations and hours', () => {
    const s = run('weekly', [
      { id: 'late', weeks: [7, 8], items: ['a'] },
      { id: 'early', weeks: [1, 1], duration: [4, 6], items: ['b'] },
    ], 1);
    expect(s.totalWeeks).toBe(8);
    expect(dueOf(s)).toEqual({ 'late/a': 8, 'early/b': 1 });
  });

  it('has no weeks when no section names any', () => {
    const s = run('weekly', [{ id: 'a', items: ['x'] }]);
    expect(s).toEqual({ totalWeeks: 0, sections: { 'r/a': null }, due: { 'r/a/x': null }, spans: {} });
  });
});

describe('schedule: phased', () => {
  const phases: SectionSpec[] = [
    { id: 'p1', duration: [2, 4], items: ['a', 'b'] },
    { id: 'p2', duration: [4, 6], items: ['c'] },
  ];

  it('runs durations one after another, by pace', () => {
    expect(sectionsOf(run('phased', phases, 8, 'min'))).toEqual({ p1: [1, 2], p2: [3, 6] });
    expect(sectionsOf(run('phased', phases, 8, 'mid'))).toEqual({ p1: [1, 3], p2: [4, 8] });
    expect(sectionsOf(run('phased', phases, 8, 'max'))).toEqual({ p1: [1, 4], p2: [5, 10] });
    const mid = run('phased', phases, 8, 'mid');
    expect(mid.totalWeeks).toBe(8);
    expect(dueOf(mid)).toEqual({ 'p1/a': 3, 'p1/b': 3, 'p2/c': 8 });
    expect(run('phased', phases, 8, 'max').totalWeeks).toBe(10);
  });

  it('lets explicit weeks win and starts the next phase after them', () => {
    const s = run('phased', [
      { id: 'p1', duration: [2, 4], items: ['a'] }, // 1-3
      { id: 'p2', weeks: [2, 5], duration: [1, 1], items: ['b'] }, // exactly 2-5
      { id: 'p3', duration: [1, 1], items: ['c'] }, // 6
      { id: 'p4', weeks: [1, 1], items: ['d'] }, // exactly 1; the cursor stays at 7
      { id: 'p5', duration: [2, 2], items: ['e'] }, // 7-8
    ]);
    expect(sectionsOf(s)).toEqual({ p1: [1, 3], p2: [2, 5], p3: [6, 6], p4: [1, 1], p5: [7, 8] });
    expect(dueOf(s)).toEqual({ 'p1/a': 3, 'p2/b': 5, 'p3/c': 6, 'p4/d': 1, 'p5/e': 8 });
    expect(s.totalWeeks).toBe(8);
  });

  it('leaves ongoing phases unscheduled without moving the others', () => {
    const s = run('phased', [
      { id: 'p1', duration: [2, 2], items: ['a'] },
      { id: 'daily', duration: 'ongoing', items: ['leet', { t: 'p', children: ['q'] }] },
      { id: 'p2', duration: [1, 1], items: ['b'] },
    ]);
    expect(sectionsOf(s)).toEqual({ p1: [1, 2], daily: null, p2: [3, 3] });
    expect(dueOf(s)).toEqual({ 'p1/a': 2, 'daily/leet': null, 'daily/p': null, 'daily/p/q': null, 'p2/b': 3 });
  });

  it('gives a finished phase no weeks unless its weeks are explicit', () => {
    const s = run('phased', [
      { id: 'p1', duration: [3, 3], items: [{ t: 'a', done: true }, { t: 'p', children: [{ t: 'q', done: true }] }] },
      { id: 'p2', duration: [2, 2], items: ['b', { t: 'c', done: true }] },
      { id: 'p3', weeks: [5, 5], items: [{ t: 'd', done: true }] },
      { id: 'p4', items: [{ t: 'e', done: true }] },
    ]);
    expect(sectionsOf(s)).toEqual({ p1: null, p2: [1, 2], p3: [5, 5], p4: null });
    expect(dueOf(s)).toEqual({
      'p1/a': null,
      'p1/p': null,
      'p1/p/q': null,
      'p2/b': 2,
      'p2/c': 2, // done items of a scheduled phase are due with it
      'p3/d': 5,
      'p4/e': null,
    });
    expect(s.totalWeeks).toBe(5);
  });

  it('packs the open work of a phase without weeks or duration (at least one week)', () => {
    const s = run('phased', [
      { id: 'p1', duration: [1, 1], items: ['a'] }, // 1
      // 5h + 5h + 5h at 8h/week -> 3 weeks: 2-4; the done 30h item takes no time
      { id: 'p2', items: [{ t: 'b', effort: 5 }, { t: 'c', effort: 5 }, { t: 'x', effort: 30, done: true }, { t: 'd', effort: 5 }] },
      { id: 'p3', items: [{ t: 'e', effort: 1 }] }, // 5
      { id: 'p4', items: [{ t: 'f', effort: 20 }] }, // 20h -> 3 weeks: 6-8
      { id: 'p5', duration: [2, 2], items: ['g'] }, // 9-10
    ]);
    expect(sectionsOf(s)).toEqual({ p1: [1, 1], p2: [2, 4], p3: [5, 5], p4: [6, 8], p5: [9, 10] });
    expect(dueOf(s)).toEqual({
      'p1/a': 1,
      'p2/b': 4,
      'p2/c': 4,
      'p2/x': 4,
      'p2/d': 4,
      'p3/e': 5,
      'p4/f': 8,
      'p5/g': 10,
    });
    expect(s.totalWeeks).toBe(10);
  });

  it('packs undated phases with default and section efforts', () => {
    // 5 default items of 2h at 8h/week -> 2 weeks; a section effort of 3h -> 3 items in 2 weeks
    const s = run('phased', [
      { id: 'p1', items: ['a', 'b', 'c', 'd', 'e'] },
      { id: 'p2', effort: 3, items: ['f', 'g', 'h'] },
    ]);
    expect(sectionsOf(s)).toEqual({ p1: [1, 2], p2: [3, 4] });
  });

  it('keeps the time of a phase with a duration but no items, and skips an empty one without', () => {
    const s = run('phased', [
      { id: 'p1', duration: [2, 2] },
      { id: 'p2' },
      { id: 'p3', duration: [1, 1], items: ['a'] },
    ]);
    expect(sectionsOf(s)).toEqual({ p1: [1, 2], p2: null, p3: [3, 3] });
  });

  it('makes children of a phase due in its last week', () => {
    const s = run('phased', [{ id: 'p1', duration: [2, 4], items: [{ t: 'p', children: ['q', { t: 'r', done: true }] }] }], 8, 'max');
    expect(dueOf(s)).toEqual({ 'p1/p': 4, 'p1/p/q': 4, 'p1/p/r': 4 });
  });
});

describe('schedule: checklist and tracks', () => {
  it('packs by priority, then file order', () => {
    for (const kind of ['checklist', 'tracks'] as const) {
      const s = run(kind, [
        {
          id: 's',
          items: [
            { t: 'low', priority: 'low', effort: 8 },
            { t: 'none', effort: 8 },
            { t: 'crit', priority: 'critical', effort: 8 },
            { t: 'high', priority: 'high', effort: 8 },
            { t: 'med', priority: 'medium', effort: 8 },
            { t: 'range', priority: 'low-high', effort: 8 }, // ranks as high (the higher end)
          ],
        },
      ]);
      expect(dueOf(s)).toEqual({ 's/low': 6, 's/none': 4, 's/crit': 1, 's/high': 2, 's/med': 5, 's/range': 3 });
      expect(s.totalWeeks).toBe(6);
      expect(sectionsOf(s)).toEqual({ s: [1, 6] });
    }
  });

  it('orders across sections and inherits priority from the parent, then the section', () => {
    const s = run('tracks', [
      { id: 'a', priority: 'low', items: [{ t: 'x', effort: 8 }, { t: 'p', priority: 'critical', children: [{ t: 'q', effort: 8 }] }] },
      { id: 'b', items: [{ t: 'y', effort: 8 }, { t: 'z', priority: 'high', effort: 8 }] },
    ]);
    // order: a/p/q (critical, from its parent), b/z (high), b/y (medium), a/x (low, from its section)
    expect(dueOf(s)).toEqual({ 'a/x': 4, 'a/p': 1, 'a/p/q': 1, 'b/y': 3, 'b/z': 2 });
    expect(sectionsOf(s)).toEqual({ a: [1, 4], b: [2, 3] });
  });

  it("uses the item's effort, else the section's, else 2 hours", () => {
    // hours 8 per week: a 3h, b 3h (section), c 3h (section) -> 3+3 | 3 ... ; d in a section without effort: 2h
    const s = run('checklist', [
      { id: 's', effort: 3, items: [{ t: 'a', effort: 3 }, 'b', 'c'] },
      { id: 't', items: ['d', 'e', 'f', 'g', 'h'] },
    ]);
    // week 1: a3 b3 (6) ; c3 does not fit -> week 2: c3 d2 e2 (7); f2 -> week 3: f g h (6)
    expect(dueOf(s)).toEqual({ 's/a': 1, 's/b': 1, 's/c': 2, 't/d': 2, 't/e': 2, 't/f': 3, 't/g': 3, 't/h': 3 });
    expect(sectionsOf(s)).toEqual({ s: [1, 2], t: [2, 3] });
  });

  it('fills a week exactly and never backfills an earlier week', () => {
    const s = run('checklist', [
      { id: 's', items: [{ t: 'a', effort: 6 }, { t: 'b', effort: 5 }, { t: 'c', effort: 3 }, { t: 'd', effort: 2 }, { t: 'e', effort: 0.5 }] },
    ]);
    // a6 | b5 c3 (8 exactly) | d2 e0.5 (d would fit beside a in week 1, but no backfilling)
    expect(dueOf(s)).toEqual({ 's/a': 1, 's/b': 2, 's/c': 2, 's/d': 3, 's/e': 3 });
    expect(s.totalWeeks).toBe(3);
  });

  it('gives a unit larger than a week whole weeks of its own', () => {
    const s = run('checklist', [
      { id: 's', items: [{ t: 'a', effort: 3 }, { t: 'big', effort: 20 }, { t: 'b', effort: 1 }, { t: 'two', effort: 16 }, { t: 'c', effort: 1 }] },
      { id: 't', items: [{ t: 'd', effort: 8.5, priority: 'low' }] },
    ]);
    // a: 1; big: fresh weeks 2-4 (ceil 20/8 = 3), due 4; b: 5; two: 6-7; c: 8; d (low): 9-10
    expect(dueOf(s)).toEqual({ 's/a': 1, 's/big': 4, 's/b': 5, 's/two': 7, 's/c': 8, 't/d': 10 });
    expect(sectionsOf(s)).toEqual({ s: [1, 8], t: [9, 10] });
    expect(s.totalWeeks).toBe(10);
  });

  it('counts the first week of a multi-week unit in its section', () => {
    const s = run('checklist', [
      { id: 's', items: [{ t: 'a', effort: 3 }] },
      { id: 't', items: [{ t: 'big', effort: 20 }] },
    ]);
    expect(sectionsOf(s)).toEqual({ s: [1, 1], t: [2, 4] });
    const first = run('checklist', [{ id: 't', items: [{ t: 'big', effort: 20 }, { t: 'a', effort: 1 }] }]);
    expect(dueOf(first)).toEqual({ 't/big': 3, 't/a': 4 });
  });

  it('schedules a parent with effort as one unit, with its subtree', () => {
    const s = run('checklist', [
      {
        id: 's',
        items: [
          { t: 'docker', effort: 6, children: [{ t: 'c1', effort: 30 }, { t: 'c2', done: true }] },
          { t: 'k8s', children: [{ t: 'pods', effort: 4 }, { t: 'helm', effort: 4, priority: 'low' }, 'svc'] },
        ],
      },
    ]);
    // docker 6h: week 1 (children ride along, their efforts ignored)
    // k8s has no effort: its children are units: pods 4 -> w2 (6+4 > 8), svc 2 -> w2, helm (low) 4 -> w3
    expect(dueOf(s)).toEqual({
      's/docker': 1,
      's/docker/c1': 1,
      's/docker/c2': 1,
      's/k8s': 3,
      's/k8s/pods': 2,
      's/k8s/helm': 3,
      's/k8s/svc': 2,
    });
  });

  it('gives done units no time and no week', () => {
    const s = run('checklist', [
      {
        id: 's',
        items: [
          { t: 'a', effort: 8, done: true },
          { t: 'b', effort: 8 },
          { t: 'docker', done: true, children: [{ t: 'd1', done: true }, { t: 'd2', done: true }] },
          { t: 'k8s', children: [{ t: 'k1', done: true }, { t: 'k2', effort: 1 }] },
          { t: 'tf', effort: 4, done: true, children: ['t1'] }, // a done unit: its subtree is not scheduled
        ],
      },
      { id: 'finished', items: [{ t: 'x', done: true }] },
    ]);
    expect(dueOf(s)).toEqual({
      's/a': null,
      's/b': 1,
      's/docker': null,
      's/docker/d1': null,
      's/docker/d2': null,
      's/k8s': 2,
      's/k8s/k1': null,
      's/k8s/k2': 2,
      's/tf': null,
      's/tf/t1': null,
      'finished/x': null,
    });
    expect(sectionsOf(s)).toEqual({ s: [1, 2], finished: null });
    expect(s.totalWeeks).toBe(2);
  });

  it('schedules the open children of a parent marked done in the file', () => {
    // `done: true` applies to that item only (SPEC 1): its open children are still work
    const s = run('checklist', [{ id: 's', items: [{ t: 'docker', done: true, children: ['c1', { t: 'c2', done: true }] }] }]);
    expect(dueOf(s)).toEqual({ 's/docker': 1, 's/docker/c1': 1, 's/docker/c2': null });
  });

  it('ignores section weeks and durations, and has nothing to do when everything is done', () => {
    const s = run('checklist', [{ id: 's', weeks: [5, 6], duration: [3, 3], items: [{ t: 'a', done: true }] }]);
    expect(s).toEqual({ totalWeeks: 0, sections: { 'r/s': null }, due: { 'r/s/a': null }, spans: {} });
  });

  it('packs fractional hours without float drift', () => {
    // 24 items of 1/3 h fill 8 hours exactly
    const items = Array.from({ length: 25 }, (_, i) => ({ t: `i${i}`, effort: 1 / 3 }));
    const s = run('checklist', [{ id: 's', items }]);
    const weeks = Object.values(s.due);
    expect(weeks.filter((w) => w === 1)).toHaveLength(24);
    expect(weeks.filter((w) => w === 2)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------
// Properties

interface NodeSpec {
  priority: string | null;
  effort: number | null;
  done: boolean;
  children: NodeSpec[];
}

const priorityArb = fc.constantFrom(null, null, 'critical', 'high', 'medium', 'low', 'low-medium');
const effortArb = fc.option(
  fc.oneof(
    fc.integer({ min: 2, max: 120 }).map((n) => n / 4), // 0.5 .. 30 h
    fc.integer({ min: 2, max: 90 }).map((n) => n / 3), // thirds of an hour (minute efforts)
  ),
  { nil: null, freq: 2 },
);

function nodeArb(depth: number): fc.Arbitrary<NodeSpec> {
  return fc.record({
    priority: priorityArb,
    effort: effortArb,
    done: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(nodeArb(depth - 1), { maxLength: 3 }),
  });
}

const sectionArb = fc.record({
  priority: priorityArb,
  effort: effortArb,
  weeks: fc.option(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 5 })), { nil: null }),
  items: fc.array(nodeArb(2), { maxLength: 5 }),
});

function toSpecs(sections: Array<{ priority: string | null; effort: number | null; weeks: [number, number] | null; items: NodeSpec[] }>): SectionSpec[] {
  let n = 0;
  const item = (node: NodeSpec): ItemSpec => ({
    t: `i${n++}`,
    ...(node.effort === null ? {} : { effort: node.effort }),
    ...(node.priority === null ? {} : { priority: node.priority }),
    done: node.done,
    children: node.children.map(item),
  });
  return sections.map((s, i) => ({
    id: `s${i}`,
    ...(s.priority === null ? {} : { priority: s.priority }),
    ...(s.effort === null ? {} : { effort: s.effort }),
    ...(s.weeks === null ? {} : { weeks: [s.weeks[0], s.weeks[0] + s.weeks[1]] as [number, number] }),
    items: s.items.map(item),
  }));
}

const hoursPerWeekArb = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 80 }).map((n) => n / 2));

interface TestUnit {
  item: Item;
  hours: number;
  rank: number;
}

/** Scheduling units computed independently of the module under test. */
function unitsOf(roadmap: Roadmap): TestUnit[] {
  const out: TestUnit[] = [];
  for (const section of roadmap.sections) {
    const walk = (item: Item, inherited: string | null): void => {
      const p = item.priority ?? inherited;
      if (item.effortHours !== null || item.children.length === 0) {
        out.push({ item, hours: item.effortHours ?? section.effortHours ?? 2, rank: priorityRank(p) });
      } else item.children.forEach((c) => walk(c, p));
    };
    section.items.forEach((i) => walk(i, section.priority));
  }
  return out;
}

function subtree(item: Item): Item[] {
  return [item, ...item.children.flatMap(subtree)];
}

describe('schedule: properties of checklist and tracks packing', () => {
  it('holds every packing invariant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>('checklist', 'tracks'),
        fc.array(sectionArb, { maxLength: 4 }),
        hoursPerWeekArb,
        fc.constantFrom<Pace>('min', 'mid', 'max'),
        (kind, sections, hpw, pace) => {
          const { roadmap, done } = build(kind, toSpecs(sections));
          const s = schedule(roadmap, { hoursPerWeek: hpw, pace }, done);
          const units = unitsOf(roadmap);
          const open = units.filter((u) => !done.has(u.item.id));

          // every item has exactly one entry
          const allIds = roadmap.sections.flatMap((sec) => sec.items.flatMap(subtree)).map((i) => i.id);
          expect(Object.keys(s.due).sort()).toEqual([...allIds].sort());

          // a unit is due iff it is open; its subtree rides along; done units never scheduled
          for (const u of units) {
            const w = s.due[u.item.id];
            if (done.has(u.item.id)) expect(w).toBeNull();
            else expect(w).toBeGreaterThanOrEqual(1);
            for (const i of subtree(u.item)) expect(s.due[i.id]).toBe(w);
          }

          // the weeks each open unit occupies
          const span = new Map<string, [number, number]>();
          for (const u of open) {
            const due = s.due[u.item.id]!;
            const len = u.hours > hpw + 1e-9 ? Math.ceil(u.hours / hpw - 1e-9) : 1;
            span.set(u.item.id, [due - len + 1, due]);
          }

          // hours per week within the budget, except a week held by one unit larger than a week
          const perWeek = new Map<number, { hours: number; units: number; big: boolean }>();
          for (const u of open) {
            const [from, to] = span.get(u.item.id)!;
            for (let w = from; w <= to; w++) {
              const e = perWeek.get(w) ?? { hours: 0, units: 0, big: false };
              e.hours += from === to ? u.hours : 0;
              e.units += 1;
              e.big ||= from !== to || u.hours > hpw + 1e-9;
              perWeek.set(w, e);
            }
          }
          for (const [, e] of perWeek) {
            if (e.big) expect(e.units).toBe(1);
            else expect(e.hours).toBeLessThanOrEqual(hpw + 1e-9);
          }

          // due weeks never decrease along (priority rank, file order)
          const sorted = [...open].sort((a, b) => a.rank - b.rank || a.item.order - b.item.order);
          for (let i = 1; i < sorted.length; i++) {
            expect(span.get(sorted[i]!.item.id)![0]).toBeGreaterThanOrEqual(s.due[sorted[i - 1]!.item.id]!);
          }

          // used weeks are exactly 1..totalWeeks
          expect(s.totalWeeks).toBe(Math.max(0, ...open.map((u) => s.due[u.item.id]!)));
          expect([...perWeek.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: s.totalWeeks }, (_, i) => i + 1));

          // a parent that is not a unit is due with its last child (null when none is due)
          const check = (item: Item): number | null => {
            if (item.effortHours !== null || item.children.length === 0) return s.due[item.id]!;
            const ws = item.children.map(check).filter((w): w is number => w !== null);
            expect(s.due[item.id]).toBe(ws.length ? Math.max(...ws) : null);
            return s.due[item.id]!;
          };
          roadmap.sections.forEach((sec) => sec.items.forEach(check));

          // a section spans its open units, or is null
          for (const sec of roadmap.sections) {
            const mine = open.filter((u) => u.item.id.startsWith(sec.id + '/')).map((u) => span.get(u.item.id)!);
            expect(s.sections[sec.id]).toEqual(
              mine.length ? [Math.min(...mine.map((m) => m[0])), Math.max(...mine.map((m) => m[1]))] : null,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('schedule: properties of weekly and phased plans', () => {
  it('makes every weekly item due at the end of its section', () => {
    fc.assert(
      fc.property(fc.array(sectionArb, { maxLength: 5 }), hoursPerWeekArb, (sections, hpw) => {
        const { roadmap, done } = build('weekly', toSpecs(sections));
        const s = schedule(roadmap, { hoursPerWeek: hpw, pace: 'mid' }, done);
        for (const sec of roadmap.sections) {
          expect(s.sections[sec.id]).toEqual(sec.weeks);
          for (const item of sec.items.flatMap(subtree)) expect(s.due[item.id]).toBe(sec.weeks ? sec.weeks[1] : null);
        }
        expect(s.totalWeeks).toBe(Math.max(0, ...roadmap.sections.map((sec) => (sec.weeks ? sec.weeks[1] : 0))));
      }),
      { numRuns: 200 },
    );
  });

  it('runs phases without explicit weeks back to back from week 1', () => {
    const phaseArb = fc.record({
      duration: fc.option(
        fc.oneof(
          fc.constant<'ongoing'>('ongoing'),
          fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 })).map(([a, b]) => [a, a + b] as [number, number]),
        ),
        { nil: null },
      ),
      items: fc.array(nodeArb(1), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(phaseArb, { maxLength: 6 }), hoursPerWeekArb, fc.constantFrom<Pace>('min', 'mid', 'max'), (phases, hpw, pace) => {
        const specs = toSpecs(phases.map((p) => ({ priority: null, effort: null, weeks: null, items: p.items }))).map((spec, i) => ({
          ...spec,
          ...(phases[i]!.duration === null ? {} : { duration: phases[i]!.duration! }),
        }));
        const { roadmap, done } = build('phased', specs);
        const s = schedule(roadmap, { hoursPerWeek: hpw, pace }, done);
        let next = 1;
        for (const sec of roadmap.sections) {
          const range = s.sections[sec.id]!;
          const items = sec.items.flatMap(subtree);
          if (range === null) {
            const finished = items.every((i) => done.has(i.id));
            expect(sec.duration?.kind === 'ongoing' || (finished && (items.length > 0 || sec.duration === null))).toBe(true);
          } else {
            expect(range[0]).toBe(next);
            expect(range[1]).toBeGreaterThanOrEqual(range[0]);
            if (sec.duration?.kind === 'weeks') expect(range[1] - range[0] + 1).toBe(durationWeeks(sec.duration, pace));
            next = range[1] + 1;
          }
          for (const item of items) expect(s.due[item.id]).toBe(range === null ? null : range[1]);
        }
        expect(s.totalWeeks).toBe(next - 1);
      }),
      { numRuns: 200 },
    );
  });
});
