// A week's report reads the same forever (issue 12, defect 1): the report of a week that
// is over, as text, Markdown and JSON, is byte-identical before and after a re-plan, a
// pause and a resume, a stop, a re-start and a new load of the same roadmap files; each
// past week is judged by the version of its plan in force then. One fixed story, then
// random sequences of those operations (fast-check).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysTo, weekLabel, weekStartOf } from '../../src/core/calendar.js';
import { cli, tempDir } from '../support/cli.js';

const WEEKLY = `id: wk
title: Weekly
kind: weekly
sections:
  - {id: w1, title: One, weeks: 1-2, topics: [a, b, {title: c, items: [c1, c2]}], tasks: [d]}
  - {id: w3, title: Three, weeks: 3, topics: [e, f]}
  - {id: w4, title: Four, weeks: 4-5, tasks: [g, h, i]}
  - {id: w6, title: Six, weeks: 6, tasks: [k, l]}
`;
const PHASED = `id: ph
title: Phased
kind: phased
sections:
  - {id: p1, title: P1, duration: 2 weeks, topics: [a, b, c]}
  - {id: p2, title: P2, duration: 1-3 weeks, tasks: [{title: d, items: [d1, d2, d3]}, e]}
  - {id: p3, title: P3, duration: 2 weeks, topics: [f, g]}
`;
const HABITS = `id: hb
title: Habits
kind: checklist
sections:
  - {id: s, title: S, items: [x, y]}
habits:
  - {id: reading, title: Reading, every: day}
`;

const ITEMS = ['wk/w1/a', 'wk/w1/c/c1', 'wk/w1/d', 'wk/w3/e', 'wk/w4/g', 'wk/w6/k', 'ph/p1/a', 'ph/p1/b', 'ph/p2/d/d2', 'ph/p2/e', 'ph/p3/f'] as const;

/** A store with two plans started on 2026-11-02 and three weeks of work and sessions, as of 2026-11-25. */
async function story(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'study.db');
  writeFileSync(join(dir, 'wk.yaml'), WEEKLY);
  writeFileSync(join(dir, 'ph.yaml'), PHASED);
  writeFileSync(join(dir, 'hb.yaml'), HABITS);
  const at = async (day: string, args: string[]): Promise<void> => {
    const r = await cli(args, { db, now: `${day}T09:30`, cwd: dir });
    expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
  };
  await at('2026-11-02', ['load', '.']);
  await at('2026-11-02', ['start', 'wk']);
  await at('2026-11-02', ['start', 'ph']);
  await at('2026-11-03', ['done', 'wk/w1/a', '--minutes', '40']);
  await at('2026-11-04', ['leet', 'log', 'two-sum', '--difficulty', 'easy', '--minutes', '20']);
  await at('2026-11-05', ['log', 'reading', '--minutes', '15']);
  await at('2026-11-10', ['done', 'ph/p1/a', 'ph/p1/b']);
  await at('2026-11-11', ['leet', 'log', '146', '--minutes', '35']);
  await at('2026-11-18', ['done', 'wk/w1/c/c1', '--minutes', '25']);
  return { dir, db };
}

/** Labels of the weeks over on `day` since the plans began (2026-W45). */
function pastWeeks(day: string): string[] {
  const out: string[] = [];
  for (let from = '2026-11-02'; addDaysTo(from, 6) < day; from = addDaysTo(from, 7)) out.push(weekLabel(from, 1));
  return out;
}

/** Each week's report in the three formats. */
async function reports(db: string, day: string, weeks: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const w of weeks) {
    for (const format of ['text', 'markdown', 'json']) {
      const r = await cli(['report', '--week', w, '--format', format], { db, now: `${day}T09:30` });
      expect(r.code, r.err).toBe(0);
      out.set(`${w} ${format}`, r.out);
    }
  }
  return out;
}

function expectSame(before: Map<string, string>, after: Map<string, string>, label: string): void {
  for (const [key, text] of before) expect(after.get(key), `${key} after ${label}`).toBe(text);
}

describe('the report of a week that is over reads the same forever', () => {
  it('after a re-plan, a pause and a resume, a stop, a re-start and a new load', async () => {
    const { dir, db } = await story();
    const day = '2026-11-25';
    const weeks = pastWeeks(day);
    expect(weeks).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    const before = await reports(db, day, weeks);
    // The plans are behind in those weeks: a re-plan has something to move.
    expect(before.get('2026-W47 text')).toContain('behind by');

    const step = async (label: string, args: string[], on = day): Promise<void> => {
      const r = await cli(args, { db, now: `${on}T10:00`, cwd: dir });
      expect(r.code, `${label}: ${r.err}`).toBe(0);
      expectSame(before, await reports(db, on, weeks), label);
    };
    await step('a re-plan', ['schedule', '--replan']);
    await step('a pause', ['pause', 'wk']);
    await step('a resume a week later', ['resume', 'wk'], '2026-12-02');
    await step('a stop', ['stop', 'ph'], '2026-12-02');
    await step('a new load of the same files', ['load', '.'], '2026-12-02');
    await step('a re-start', ['start', 'ph', '--on', '2026-12-07'], '2026-12-03');
    await step('a re-plan from a later day', ['start', 'wk', '--yes'], '2026-12-09');
  });

  // The plans it changes are judged differently from the day it takes effect: a re-plan is
  // not a no-op (else the test above could not fail).
  it('while the current week, judged as of now, follows the re-plan', async () => {
    const { db } = await story();
    const now = { db, now: '2026-11-25T09:30' };
    const before = (await cli(['report'], now)).out;
    expect((await cli(['schedule', '--replan'], now)).code).toBe(0);
    expect((await cli(['report'], now)).out).not.toBe(before);
  });

  it("what came next, in a past week's report, stays what it was when the week ended", async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'wk.yaml'), WEEKLY);
    const at = (day: string, args: string[]) => cli(args, { db, now: `${day}T09:30`, cwd: dir });
    await at('2026-11-02', ['load', '.']);
    await at('2026-11-02', ['start', 'wk']);
    // Week 1 (W45): the whole of weeks 1-3 done; next week's work is done, so the report names what comes next.
    expect((await at('2026-11-05', ['done', 'wk/w1/a', 'wk/w1/b', 'wk/w1/c', 'wk/w1/d', 'wk/w3/e', 'wk/w3/f'])).code).toBe(0);
    const week = async (): Promise<string> => (await at('2026-11-20', ['report', '--week', '2026-W45'])).out;
    const before = await week();
    expect(before).toContain("next week's items are all done; what comes next:\n  ○ Four: g");
    // Done in a later week, g was still open when W45 ended.
    expect((await at('2026-11-20', ['done', 'wk/w4/g'])).code).toBe(0);
    expect(await week()).toBe(before);
  });

  it('a plan started after a week, for a later day, is not in that week’s report', async () => {
    const { dir, db } = await story();
    writeFileSync(join(dir, 'later.yaml'), 'id: later\ntitle: Later\nkind: checklist\nsections:\n  - {id: s, title: S, items: [one, two]}\n');
    const before = await reports(db, '2026-11-25', ['2026-W46']);
    expect((await cli(['load', 'later.yaml'], { db, now: '2026-11-25T10:00', cwd: dir })).code).toBe(0);
    expect((await cli(['start', 'later', '--on', '2026-11-30'], { db, now: '2026-11-25T10:00', cwd: dir })).code).toBe(0);
    expectSame(before, await reports(db, '2026-11-25', ['2026-W46']), 'a start for a later day');
    // This week's report, as of now, shows it: it is started.
    expect((await cli(['report'], { db, now: '2026-11-25T10:00' })).out).toContain('later  0/2  not started');
  });

  type Op =
    | { op: 'replan' | 'load' }
    | { op: 'pause' | 'resume' | 'stop' | 'start'; plan: 'wk' | 'ph' }
    | { op: 'done'; item: string }
    | { op: 'leet' | 'reading' }
    | { op: 'advance'; days: number };
  const plan = fc.constantFrom('wk' as const, 'ph' as const);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.constant({ op: 'replan' as const }),
    fc.constant({ op: 'load' as const }),
    fc.record({ op: fc.constantFrom('pause' as const, 'resume' as const, 'stop' as const, 'start' as const), plan }),
    fc.record({ op: fc.constant('done' as const), item: fc.constantFrom(...ITEMS) }),
    fc.constant({ op: 'leet' as const }),
    fc.constant({ op: 'reading' as const }),
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }).map((days) => ({ op: 'advance' as const, days })) },
  );

  it('over random sequences of those, with work done and days passing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const { dir, db } = await story();
        let day = '2026-11-25';
        // Each week's reports as first seen once it was over.
        const seen = await reports(db, day, pastWeeks(day));
        const history: string[] = [];
        for (const o of ops) {
          history.push(JSON.stringify(o));
          const run = (args: string[]) => cli(args, { db, now: `${day}T11:00`, cwd: dir });
          if (o.op === 'advance') day = addDaysTo(day, o.days);
          else if (o.op === 'replan') await run(['schedule', '--replan']);
          else if (o.op === 'load') expect((await run(['load', '.'])).code).toBe(0);
          else if (o.op === 'start') await run(['start', o.plan, '--yes']);
          else if (o.op === 'pause' || o.op === 'resume' || o.op === 'stop') await run([o.op, o.plan]);
          else if (o.op === 'done') await run(['done', o.item]);
          else if (o.op === 'leet') await run(['leet', 'log', 'two-sum', '--minutes', '10']);
          else await run(['log', 'reading', '--minutes', '5']);
          const weeks = pastWeeks(day);
          const now = await reports(db, day, weeks);
          expectSame(seen, now, history.join(' '));
          for (const [k, v] of now) if (!seen.has(k)) seen.set(k, v);
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

// The week labels above assume Monday weeks: the default.
expect(weekLabel(weekStartOf('2026-11-25', 1), 1)).toBe('2026-W48');
