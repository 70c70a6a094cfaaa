// Every command that shows a plan's progress shows the same numbers (issue 11): today,
// roadmaps, show, schedule and report, as JSON, over random sequences of plans started on
// random days, items done (some back-dated) and reopened, re-plans, pauses, resumes, stops,
// undos (issue 12), edited roadmap files and days passing. And the store's counts are what the roadmap model and the completions
// say they are, on any day (test/support/oracle.ts), and what a rebuild of the read models
// writes.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysTo } from '../../src/core/calendar.js';
import { openStore } from '../../src/store/index.js';
import { rebuildReadModels } from '../../src/store/read-models.js';
import { countsFromModel } from '../support/oracle.js';
import { cli, tempDir } from '../support/cli.js';

const WEEKLY = `id: wk
title: Weekly
kind: weekly
sections:
  - {id: w1, title: One, weeks: 1-2, topics: [a, b, {title: c, items: [c1, c2]}], tasks: [d]}
  - {id: w3, title: Three, weeks: 3, topics: [e, f]}
  - {id: w4, title: Four, weeks: 4-5, tasks: [{title: g, done: true}, h, i]}
  - {id: later, title: Later, topics: [j]}
`;
const PHASED = `id: ph
title: Phased
kind: phased
sections:
  - {id: p1, title: P1, duration: 2 weeks, topics: [a, b, c]}
  - {id: p2, title: P2, duration: 1-3 weeks, tasks: [{title: d, items: [d1, d2, d3]}, e]}
  - {id: p3, title: P3, topics: [f, {title: g, effort: 12h}]}
`;
const CHECKLIST = (extra: boolean) => `id: ck
title: Checklist
kind: checklist
sections:
  - id: s
    title: S
    items:
      - {title: a, effort: 3h, priority: high}
      - {title: b, done: true}
      - {title: c, items: [c1, {title: c2, effort: 6h}, c3]}
      - {title: d, priority: low}
      - {title: e, effort: long}${extra ? '\n      - {title: f, effort: 1h}' : ''}
`;

const ITEMS = [
  'wk/w1/a', 'wk/w1/b', 'wk/w1/c', 'wk/w1/c/c1', 'wk/w1/d', 'wk/w3/e', 'wk/w4/h', 'wk/later/j',
  'ph/p1/a', 'ph/p1/c', 'ph/p2/d', 'ph/p2/d/d2', 'ph/p2/e', 'ph/p3/g',
  'ck/s/a', 'ck/s/c', 'ck/s/c/c2', 'ck/s/d', 'ck/s/e', 'ck/s/f',
] as const;
const PLANS = ['wk', 'ph', 'ck'] as const;

type Op =
  | { op: 'start'; plan: (typeof PLANS)[number]; back: number }
  | { op: 'done'; item: string; back: number }
  | { op: 'undo'; item: string }
  | { op: 'replan' }
  | { op: 'edit'; extra: boolean }
  | { op: 'pause' | 'resume' | 'stop'; plan: (typeof PLANS)[number] }
  | { op: 'undo-last' }
  | { op: 'advance'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('start' as const), plan: fc.constantFrom(...PLANS), back: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('done' as const), item: fc.constantFrom(...ITEMS), back: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('undo' as const), item: fc.constantFrom(...ITEMS) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'replan' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), extra: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('pause' as const, 'resume' as const, 'stop' as const), plan: fc.constantFrom(...PLANS) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'undo-last' as const }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 10 }).map((days) => ({ op: 'advance' as const, days })) },
);

/** The figures every command gives of a plan's progress. */
const FIELDS = ['done', 'total', 'percent', 'expected', 'expectedPercent', 'behindBy', 'aheadBy', 'status'] as const;
type Figures = Record<(typeof FIELDS)[number], unknown>;
const figures = (o: Record<string, unknown>): Figures => Object.fromEntries(FIELDS.map((f) => [f, o[f]])) as Figures;

async function json<T>(db: string, now: string, args: string[]): Promise<T> {
  const r = await cli(['--json', ...args], { db, now });
  if (r.code !== 0) throw new Error(`study ${args.join(' ')}: ${r.err}`);
  return JSON.parse(r.out) as T;
}

/** Each command's figures for each started plan, which must all be the same. */
async function checkAgreement(db: string, now: string, label: string): Promise<void> {
  const today = await json<{ plans: { roadmap: string; progress: Figures }[] }>(db, now, ['today']);
  const roadmaps = await json<{ id: string; startedOn: string | null; status: string; progress: Figures }[]>(db, now, ['roadmaps']);
  const report = await json<{ roadmaps: (Figures & { id: string })[] }>(db, now, ['report']);
  // A stopped plan has left today and the schedule.
  const started = roadmaps.filter((r) => r.startedOn !== null && r.status !== 'stopped').map((r) => r.id);
  expect(today.plans.map((p) => p.roadmap), label).toEqual(started);
  const schedule = started.length ? await json<{ plans: { roadmap: string; progress: Figures }[] }>(db, now, ['schedule']) : { plans: [] };
  for (const id of started) {
    const show = await json<{ progress: Figures }>(db, now, ['show', id]);
    const seen = {
      today: figures(today.plans.find((p) => p.roadmap === id)!.progress),
      roadmaps: figures(roadmaps.find((r) => r.id === id)!.progress),
      show: figures(show.progress),
      schedule: figures(schedule.plans.find((p) => p.roadmap === id)!.progress),
      report: figures(report.roadmaps.find((r) => r.id === id)!),
    };
    for (const [command, f] of Object.entries(seen)) expect(f, `${label}: ${id} in ${command}`).toEqual(seen.today);
  }
}

/** The store's counts on several days equal the oracle's; its read models equal a rebuild of them. */
function checkStore(db: string, today: string, label: string): void {
  const store = openStore(db);
  try {
    const doneDays = new Map(store.completions.between('0000-01-01', '9999-12-31').map((c) => [c.itemId, c.day]));
    for (const plan of store.plans.current()) {
      const { roadmap } = store.roadmaps.model(plan.roadmapId)!;
      // What the burn-up of report --format html draws: done leaves by each day.
      const overTime = store.progress.doneOverTime(plan.roadmapId);
      for (const back of [0, 3, 10, 30]) {
        const day = addDaysTo(today, -back);
        const drawn = overTime.inFile + [...overTime.byDay].reduce((n, [d, c]) => (d <= day ? n + c : n), 0);
        expect(drawn, `${label}: ${plan.roadmapId} burn-up on ${day}`).toBe(countsFromModel(roadmap, null, doneDays, day).done);
      }
      for (const v of store.plans.versions(plan.roadmapId)) {
        const schedule = store.plans.schedule(plan.roadmapId, v.version)!;
        for (const back of [0, 3, 10, 30]) {
          const day = addDaysTo(today, -back);
          expect(store.progress.ofPlan(plan.roadmapId, v.version, day, back === 0), `${label}: ${plan.roadmapId} v${v.version} on ${day}`).toEqual(
            countsFromModel(roadmap, schedule, doneDays, day),
          );
        }
      }
    }
  } finally {
    store.close();
  }
  // A rebuild of the read models from the user's tables writes exactly what the writes kept.
  const copy = `${db}.copy`;
  copyFileSync(db, copy);
  const dump = (path: string, rebuild: boolean): Record<string, unknown[]> => {
    const raw = new Database(path);
    try {
      if (rebuild) raw.transaction(() => rebuildReadModels(raw))();
      const out: Record<string, unknown[]> = {};
      for (const t of ['item_keys', 'roadmap_habits', 'habit_days', 'plan_heads', 'plan_entries', 'plan_leaves', 'plan_counts']) {
        out[t] = raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all().sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      }
      return out;
    } finally {
      raw.close();
    }
  };
  expect(dump(db, false), `${label}: read models against a rebuild`).toEqual(dump(copy, true));
}

describe('every command agrees on a plan’s progress, and the store on its counts', () => {
  it('over random plans, completions, re-plans, edits and days', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const dir = tempDir();
        const db = join(dir, 'study.db');
        writeFileSync(join(dir, 'wk.yaml'), WEEKLY);
        writeFileSync(join(dir, 'ph.yaml'), PHASED);
        writeFileSync(join(dir, 'ck.yaml'), CHECKLIST(false));
        let day = '2026-11-25';
        const now = (): string => `${day}T09:30`;
        const run = (args: string[]) => cli(args, { db, now: now(), cwd: dir });
        expect((await run(['load', '.'])).code).toBe(0);
        expect((await run(['start', 'wk', '--on', '2026-11-09'])).code).toBe(0);
        const history: string[] = [];
        for (const o of ops) {
          history.push(JSON.stringify(o));
          const label = history.join(' ');
          if (o.op === 'start') await run(['start', o.plan, '--yes', '--on', addDaysTo(day, -o.back)]);
          else if (o.op === 'done') await run(['done', o.item, ...(o.back ? ['--date', addDaysTo(day, -o.back)] : [])]);
          else if (o.op === 'undo') await run(['done', o.item, '--undo']);
          else if (o.op === 'replan') await run(['schedule', '--replan']);
          else if (o.op === 'pause' || o.op === 'resume' || o.op === 'stop') await run([o.op, o.plan]);
          else if (o.op === 'undo-last') await run(['undo']);
          else if (o.op === 'edit') {
            writeFileSync(join(dir, 'ck.yaml'), CHECKLIST(o.extra));
            expect((await run(['load', '.'])).code, label).toBe(0);
          } else if (o.op === 'advance') day = addDaysTo(day, o.days);
          await checkAgreement(db, now(), label);
          checkStore(db, day, label);
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
