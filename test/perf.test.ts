// Issue #7 (start-up performance): what keeps `study today` at the floor of Node, checked
// without a stopwatch (`npm run bench` has the stopwatch):
// - the import graph: the today path loads no @inquirer/prompts, yaml or zod;
// - the hot queries search indexes, never scan a big table (EXPLAIN QUERY PLAN);
// - every shortcut gives the answer of the code it stands in for: the agenda index and
//   core/agenda.ts planToday, shortIdsFor and shortIds, streakOfDays and computeStreak,
//   day numbers and date-fns, hand-written dates and Intl, width() and string-width,
//   an unchanged re-load and a parsed one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarWeeks } from 'date-fns/differenceInCalendarWeeks';
import { lastDayOfWeek } from 'date-fns/lastDayOfWeek';
import { startOfWeek } from 'date-fns/startOfWeek';
import { build } from 'esbuild';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cliBuildOptions } from '../scripts/build-options.mjs';
import { habitStreak } from '../src/commands/habit-streaks.js';
import { loadPlans } from '../src/commands/shared.js';
import { planToday } from '../src/core/agenda.js';
import { planTodayFromIndex, weekOf } from '../src/core/agenda-index.js';
import { addDaysTo, dayNumberOf, daysBetween, parseDay, planWeekOf, planWeekRange, weekdayOf, weekStartOf } from '../src/core/calendar.js';
import { shortIds } from '../src/core/ids.js';
import type { Item } from '../src/core/model.js';
import { allItems } from '../src/core/normalize.js';
import { resolveDone } from '../src/core/progress.js';
import { schedule } from '../src/core/schedule.js';
import { computeStreak, streakOfDays } from '../src/core/streak.js';
import { bundledRoadmapsDir } from '../src/paths.js';
import { dateRange, longDate, shortDate, weekdayDate } from '../src/render/dates.js';
import { collectRoadmapFiles, readRoadmapFiles } from '../src/roadmap-file.js';
import { openStore, type Store } from '../src/store/store.js';
import { ONE_COLUMN_SYMBOLS, truncate, width } from '../src/text.js';
import { cli, cliJson, tempDir } from './helpers.js';
import type { Context } from '../src/context.js';
import { StudyError } from '../src/errors.js';
import { todayOptions } from '../src/today-args.js';
import { runProgram } from '../src/program.js';

const ROOT = new URL('..', import.meta.url).pathname;

describe('the import graph of study today', () => {
  it('is one file with no @inquirer/prompts, yaml, zod or commander; study load does hold yaml and zod', async () => {
    const out = mkdtempSync(join(tmpdir(), 'study-graph-'));
    try {
      const [cli, today, router] = await Promise.all(cliBuildOptions(out).map((o) => build({ ...o, write: false, logLevel: 'silent' })));
      /** Packages (and src files) in an output and what it imports statically. */
      const closure = (metafile: { outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }> }, entries: string[]): Set<string> => {
        const outputs = metafile.outputs;
        const outputOf = (entry: string): string => {
          const found = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === entry);
          if (!found) throw new Error(`no output for ${entry}`);
          return found;
        };
        const seen = new Set<string>();
        const visit = (o: string): void => {
          if (seen.has(o) || !outputs[o]) return;
          seen.add(o);
          for (const i of outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
        };
        entries.map(outputOf).forEach(visit);
        const inputs = new Set<string>();
        for (const o of seen) for (const input of Object.keys(outputs[o]!.inputs)) inputs.add(input.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1'));
        return inputs;
      };
      // dist/today.mjs: `study` and `study today`, one file, nothing heavy, no command tree.
      const todayOut = Object.entries(today!.metafile.outputs);
      expect(todayOut).toHaveLength(1);
      const [, todayOutput] = todayOut[0]!;
      expect(todayOutput.imports.filter((i) => !i.external)).toEqual([]);
      const todayInputs = closure(today!.metafile, ['src/today-entry.ts']);
      for (const needed of ['src/commands/today.ts', 'src/store/store.ts', 'src/render/today.ts']) expect(todayInputs).toContain(needed);
      for (const heavy of ['@inquirer/prompts', '@inquirer/core', 'yaml', 'zod', 'markdown-it', 'commander', 'src/program.ts', 'src/commands/load.ts']) {
        expect(todayInputs).not.toContain(heavy);
      }
      // dist/study.mjs only picks the file to run.
      expect([...closure(router!.metafile, ['src/entry.ts'])].every((i) => i.startsWith('src/'))).toBe(true);
      expect(Object.values(router!.metafile.outputs)[0]!.bytes).toBeLessThan(2000);
      // The whole program (dist/cli.mjs) runs today without the command tree too; the
      // check can see a heavy package when it is there.
      const cliToday = closure(cli!.metafile, ['src/main.ts', 'src/commands/today.ts', 'src/render/today.ts', 'src/store/store.ts']);
      for (const heavy of ['@inquirer/prompts', 'yaml', 'zod', 'commander']) expect(cliToday).not.toContain(heavy);
      const load = closure(cli!.metafile, ['src/main.ts', 'src/commands/load.ts']);
      expect(load).toContain('yaml');
      expect(load).toContain('zod');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------
// study today without the command tree

describe('study [today] straight to the command (src/main.ts)', () => {
  /** The program as program.ts runs it, with main's messages for what it throws. */
  async function viaProgram(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const ctx: Context = {
      stdout: { write: (t: string) => (out += t), isTTY: false, columns: 80 },
      stderr: { write: (t: string) => (err += t), isTTY: false },
      stdin: new PassThrough(),
      env: { HOME: '/nonexistent-home', ...env },
      cwd: process.cwd(),
      clock: () => new Date('2026-11-23T09:30:00'),
    };
    let code: number;
    try {
      code = await runProgram(argv, ctx);
    } catch (e) {
      if (!(e instanceof StudyError)) throw e;
      err += `study: ${e.message}\n`;
      code = e.exitCode;
    }
    return { code, out, err };
  }

  it('takes only what program.ts would read the same way', () => {
    expect(todayOptions([])).toEqual({});
    expect(todayOptions(['today'])).toEqual({});
    expect(todayOptions(['--json', 'today', '--no-color', '--db', 'x.db'])).toEqual({ json: true, color: false, db: 'x.db' });
    for (const argv of [['today', 'x'], ['today', 'today'], ['--json', '--json'], ['--db'], ['--db', '--json'], ['--db=x.db'], ['-h'], ['today', '--help'], ['--version'], ['done', 'x'], ['roadmaps']]) {
      expect(todayOptions(argv), argv.join(' ')).toBeNull();
    }
  });

  it('prints what the command tree prints', async () => {
    const db = join(tempDir(), 'study.db');
    await cli(['start', 'system-architecture-12w', '--on', '2026-11-02'], { db, now: '2026-11-23T08:00' });
    const env = { STUDY_DB: db, STUDY_NOW: '2026-11-23T08:00' };
    for (const argv of [[], ['today'], ['--json'], ['today', '--json'], ['--no-color', 'today'], ['--db', db, 'today']]) {
      const fast = await cli(argv, { db, now: '2026-11-23T08:00' });
      expect(fast.code).toBe(0);
      expect(fast, argv.join(' ')).toEqual(await viaProgram(argv, env));
    }
    const bad = await cli(['today'], { db, now: 'tomorrow' });
    expect(bad).toEqual(await viaProgram(['today'], { ...env, STUDY_NOW: 'tomorrow' }));
    expect(bad.code).toBe(2);
  });
});

describe('bin/study today runs dist/today.mjs, and says what the whole program says', () => {
  // Needs the build from `pretest` (npm test).
  const BIN = join(ROOT, 'bin', 'study');
  const spawned = (args: string[], env: Record<string, string>): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env } });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  it('on a new store (handed to the whole program), a started plan, and with a bad STUDY_NOW', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    const now = '2026-11-23T08:00';
    const first = spawned(['today'], { STUDY_DB: db, STUDY_NOW: now });
    expect(first.code).toBe(0);
    expect(first.err).toBe(`study: first run: loaded the 5 bundled roadmaps (472 items) into ${db}\n`);
    expect(first.out).toBe((await cli(['today'], { db: join(dir, 'other.db'), now })).out);
    await cli(['start', 'system-architecture-12w', '--on', '2026-11-02'], { db, now });
    for (const args of [[], ['today'], ['--json', 'today'], ['today', '--no-color']]) {
      const r = spawned(args, { STUDY_DB: db, STUDY_NOW: now });
      expect({ ...r, out: r.out.replace(/\n$/, '') }, args.join(' ')).toEqual({ ...(await cli(args, { db, now })), out: (await cli(args, { db, now })).out.replace(/\n$/, '') });
    }
    expect(spawned(['today'], { STUDY_DB: db, STUDY_NOW: 'soon' })).toEqual({ code: 2, out: '', err: 'study: STUDY_NOW: expected a local date-time like 2026-11-23T09:30, got "soon"\n' });
    expect(spawned(['today'], { STUDY_DB: dir, STUDY_NOW: now })).toMatchObject({ code: 1, err: `study: ${dir} is a folder; pass --db with a file path\n` });
  });
});

// ---------------------------------------------------------------------------------------
// A store with the five bundled roadmaps, all started.

const WEEK_STARTS = [1, 0];

function bundledStore(): { store: Store; path: string } {
  const path = join(tempDir(), 'study.db');
  const store = openStore(path);
  const sources = readRoadmapFiles(collectRoadmapFiles([bundledRoadmapsDir()], ROOT), ROOT);
  store.loadRoadmaps(sources, '2026-11-02T08:00:00+00:00');
  sources.forEach((s, i) => startPlan(store, s.roadmap.id, addDaysTo('2026-09-07', 14 * i)));
  return { store, path };
}

function startPlan(store: Store, id: string, startDay: string): void {
  const stored = store.getRoadmap(id)!;
  const plan = schedule(stored.roadmap, { hoursPerWeek: 8, pace: 'mid' }, resolveDone(stored.roadmap, stored.marked));
  store.savePlan({ roadmapId: id, startDay, hoursPerWeek: 8, pace: 'mid', schedule: JSON.stringify(plan), startedAt: `${startDay}T08:00:00+00:00`, replannedAt: null });
}

/** Today's plans from the agenda index equal core/agenda.ts planToday over the models, on several days. */
function expectIndexMatchesCore(store: Store): void {
  const plans = loadPlans(store);
  for (const weekStart of WEEK_STARTS) {
    for (const day of ['2026-08-01', '2026-09-07', '2026-10-14', '2026-11-23', '2027-01-30', '2027-09-01', '2029-05-05']) {
      const expected = plans.map((p) => planToday(p, day, weekStart));
      const heads = store.agendaPlans();
      const actual = heads.map((h) => {
        const week = weekOf(h, day, weekStart);
        return planTodayFromIndex(h, week, store.agendaWeek(h, week), store.agendaOverdue(h.roadmapId, week), store.agendaUpcoming(h.roadmapId, week), weekStart);
      });
      expect(actual).toEqual(expected);
      expect(heads.map((h) => h.habits)).toEqual(plans.map((p) => p.roadmap.habits.map((x) => ({ id: x.id, title: x.title }))));
    }
  }
}

function descendants(item: Item): Item[] {
  return item.children.flatMap((c) => [c, ...descendants(c)]);
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the agenda index (store version 3)', () => {
  it('gives the PlanToday of core/agenda.ts through completions, undos, re-plans and re-loads', () => {
    const { store } = bundledStore();
    try {
      expectIndexMatchesCore(store);
      const rand = rng(7);
      const items = store.roadmapIds().flatMap((id) => [...allItems(store.getRoadmap(id)!.roadmap)].map(({ item }) => item));
      for (let step = 0; step < 12; step++) {
        const picked = Array.from({ length: 15 }, () => items[Math.floor(rand() * items.length)]!);
        // Like study done: an item with everything under it, some of them alone.
        const ids = picked.flatMap((i) => (rand() < 0.5 ? [i.id, ...descendants(i).map((d) => d.id)] : [i.id]));
        store.complete([...new Set(ids)], addDaysTo('2026-09-07', step * 5), '2026-11-23T10:00:00+00:00');
        if (step % 3 === 2) store.undo(ids.filter(() => rand() < 0.4), '2026-11-23T11:00:00+00:00');
        expectIndexMatchesCore(store);
      }
      startPlan(store, 'flash-poll-phases', '2026-10-19');
      expectIndexMatchesCore(store);
    } finally {
      store.close();
    }
  });

  it('is rebuilt after a write that did not keep it (another program, or an older study)', () => {
    const { store, path } = bundledStore();
    try {
      const id = 'system-architecture-12w/w01-02/monolith-vs-microservices';
      const other = new Database(path);
      other.prepare("INSERT INTO completions (item_id, day, at) VALUES (?, '2026-11-20', '2026-11-20T10:00:00+00:00')").run(id);
      other.close();
      expectIndexMatchesCore(store);
      const open = store.agendaOverdue('system-architecture-12w', 99).map((e) => e.id);
      expect(open).not.toContain(id);
      // And kept in step again afterwards.
      store.undo([id], '2026-11-23T10:00:00+00:00');
      expectIndexMatchesCore(store);
    } finally {
      store.close();
    }
  });

  it('follows an edited roadmap file: titles, removed and added items', () => {
    const { store } = bundledStore();
    try {
      const file = join(bundledRoadmapsDir(), 'system-architecture-12w.yaml');
      const text = readFileSync(file, 'utf8')
        .replace('Monolith vs Microservices', 'Monoliths and microservices')
        .replace(/^(\s*)- Clean architecture layers\n/m, '$1- Hexagonal architecture\n');
      const dir = tempDir();
      writeFileSync(join(dir, 'system-architecture-12w.yaml'), text);
      store.loadRoadmaps(readRoadmapFiles([join(dir, 'system-architecture-12w.yaml')], dir), '2026-11-23T08:00:00+00:00');
      expectIndexMatchesCore(store);
    } finally {
      store.close();
    }
  });

  it('short ids of items of started plans are those of core/ids.ts shortIds', () => {
    const { store } = bundledStore();
    try {
      const heads = store.agendaPlans();
      const ids = heads.flatMap((h) => [...allItems(store.getRoadmap(h.roadmapId)!.roadmap)].map(({ item }) => item.id));
      expect(store.shortIdsFor(ids)).toEqual(shortIds(ids));
    } finally {
      store.close();
    }
  });

  it('reads by index: EXPLAIN QUERY PLAN of the hot queries searches, never scans a big table', () => {
    const { store } = bundledStore();
    try {
      const plans = store.explainHotQueries();
      expect(plans.map((p) => p.name)).toEqual(expect.arrayContaining(['agendaWeek', 'agendaOverdue', 'agendaIdCount', 'qualifyingDays', 'sessionsOn']));
      for (const { name, plan } of plans) {
        for (const line of plan) expect(line, name).not.toMatch(/^SCAN (items|completions|sessions|agenda_entries|agenda_ids)\b/);
      }
      const text = (name: string): string => plans.find((p) => p.name === name)!.plan.join('\n');
      expect(text('agendaWeek')).toMatch(/SEARCH agenda_entries USING INDEX agenda_entries_by_week/);
      expect(text('agendaOverdue')).toMatch(/SEARCH agenda_entries USING INDEX agenda_entries_open/);
      expect(text('agendaOverdue')).not.toMatch(/TEMP B-TREE/);
      expect(text('agendaUpcoming')).toMatch(/SEARCH agenda_entries USING INDEX agenda_entries_upcoming/);
      expect(text('agendaUpcoming')).not.toMatch(/TEMP B-TREE/);
      expect(text('agendaIdCount')).toMatch(/SEARCH agenda_ids USING COVERING INDEX agenda_ids_by_reversed/);
      expect(text('qualifyingDays')).toMatch(/SEARCH sessions USING COVERING INDEX sessions_by_day/);
      expect(text('agendaSubtree')).toMatch(/SEARCH i USING INDEX sqlite_autoindex_items_1/);
    } finally {
      store.close();
    }
  });
});

// ---------------------------------------------------------------------------------------
// Streaks from day numbers

const DAY_MS = 86_400_000;
const oracleDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

describe('streaks from the qualifying days', () => {
  it('streakOfDays gives what computeStreak gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18_000, max: 22_000 }),
        fc.array(fc.tuple(fc.integer({ min: -400, max: 5 }), fc.integer({ min: 0, max: 4 })), { maxLength: 120 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (todayN, entries, rest, dailyTarget) => {
          const today = oracleDay(todayN);
          const counts = new Map(entries.map(([off, n]) => [oracleDay(todayN + off), n]));
          const settings = { restDays: new Set(rest), dailyTarget };
          const days = [...counts]
            .filter(([d, n]) => n >= dailyTarget && d <= today)
            .map(([d]) => dayNumberOf(d)!)
            .sort((a, b) => a - b);
          expect(streakOfDays(days, counts.get(today) ?? 0, today, settings)).toEqual(computeStreak(counts, today, settings));
        },
      ),
    );
  });

  it('the store gives the qualifying days and today\'s count of sessionCounts', () => {
    const store = openStore(join(tempDir(), 's.db'));
    try {
      const rand = rng(3);
      for (let i = 0; i < 400; i++) {
        const day = addDaysTo('2025-01-01', Math.floor(rand() * 700));
        store.addSession({ habitId: rand() < 0.7 ? 'leetcode' : 'reading', at: `${day}T20:00:00+00:00`, day, problem: null, number: null, slug: null, title: null, difficulty: null, minutes: null, result: null, tags: [], note: null });
      }
      for (const habit of ['leetcode', 'reading', 'nothing']) {
        const counts = store.sessionCounts(habit);
        for (const target of [1, 2]) {
          const through = '2026-06-01';
          const expected = [...counts].filter(([d, n]) => n >= target && d <= through).map(([d]) => dayNumberOf(d)!).sort((a, b) => a - b);
          expect(store.qualifyingDays(habit, target, through)).toEqual(expected);
        }
        expect(store.sessionsOn(habit, '2025-03-04')).toBe(counts.get('2025-03-04') ?? 0);
      }
    } finally {
      store.close();
    }
  });
});

describe('habit streaks from a saved walk (src/commands/habit-streaks.ts)', () => {
  it('give computeStreak over all sessions, as days pass, sessions are back-dated and rules change', () => {
    const store = openStore(join(tempDir(), 's.db'));
    try {
      const rand = rng(11);
      const add = (habitId: string, day: string): void => {
        store.addSession({ habitId, at: `${day}T20:00:00+00:00`, day, problem: null, number: null, slug: null, title: null, difficulty: null, minutes: null, result: null, tags: [], note: null });
      };
      for (let i = 0; i < 900; i++) if (rand() < 0.85) add('leetcode', addDaysTo('2023-01-01', i));
      let today = '2025-06-01';
      for (let step = 0; step < 60; step++) {
        const r = rand();
        if (r < 0.5) today = addDaysTo(today, 1 + Math.floor(rand() * 20));
        else if (r < 0.6) today = addDaysTo(today, -Math.floor(rand() * 60));
        if (rand() < 0.5) add('leetcode', addDaysTo(today, -Math.floor(rand() * 50)));
        const settings = { restDays: new Set(rand() < 0.3 ? [0] : rand() < 0.5 ? [0, 6] : []), dailyTarget: rand() < 0.8 ? 1 : 2 };
        const expected = computeStreak(store.sessionCounts('leetcode'), today, settings);
        expect(habitStreak(store, 'leetcode', today, settings), `${step} ${today}`).toEqual(expected);
        expect(habitStreak(store, 'leetcode', today, settings)).toEqual(expected);
      }
      // The walks were saved and used (rules: daily target / rest weekdays).
      expect(store.streakWalk('leetcode', '1/')).not.toBeNull();
    } finally {
      store.close();
    }
  });
});

// ---------------------------------------------------------------------------------------
// Days, dates and widths without date-fns, Intl or string-width on the hot path

describe('plain day arithmetic agrees with date-fns', () => {
  class Utc extends Date {}
  const utc = (day: string): Date => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Utc(0);
    date.setUTCFullYear(y, m - 1, d);
    return date;
  };
  const iso = (d: Date): string => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  // 0001-01-01 .. 9999-12-31
  const dayArb = fc.integer({ min: -719_162, max: 2_932_896 }).map((n) => iso(new Date(n * DAY_MS)));

  it('addDaysTo, daysBetween, weekdayOf, dayNumberOf', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: -3000, max: 3000 }), (a, b, n) => {
        const later = iso(addDays(utc(a), n));
        if (later.length === 10 && later <= '9999-12-31' && later >= '0001-01-01') expect(addDaysTo(a, n)).toBe(later);
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(utc(b), utc(a)));
        expect(weekdayOf(a)).toBe(utc(a).getUTCDay());
        expect(dayNumberOf(a)).toBe(Math.round(utc(a).getTime() / DAY_MS));
      }),
    );
  });

  it('weekStartOf, planWeekRange and planWeekOf', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: -60, max: 600 }), (start, day, ws, n) => {
        const weekStart = startOfWeek(utc(start), { weekStartsOn: ws as 0 });
        expect(weekStartOf(start, ws)).toBe(iso(weekStart));
        const first = addWeeks(weekStart, n - 1);
        const range = [iso(first), iso(lastDayOfWeek(first, { weekStartsOn: ws as 0 }))];
        if (range.every((d) => d.length === 10 && d >= '0001-01-01' && d <= '9999-12-31')) expect(planWeekRange(start, n, ws)).toEqual(range);
        expect(planWeekOf(start, day, ws)).toBe(differenceInCalendarWeeks(utc(day), utc(start), { weekStartsOn: ws as 0 }) + 1);
      }),
    );
  });

  it('rejects what parseDay rejects', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', ' 2026-01-01', 'x']) {
      expect(parseDay(bad)).toBeNull();
      expect(dayNumberOf(bad)).toBeNull();
      expect(() => daysBetween(bad, '2026-01-01')).toThrow(RangeError);
    }
  });
});

describe('dates in text output, spelled out as en-GB Intl spells them', () => {
  const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekdayShort = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const at = (day: string): Date => new Date(`${day}T00:00:00Z`);

  it('longDate, shortDate, weekdayDate and dateRange', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), fc.integer({ min: 0, max: 40 }), (n, span) => {
        const day = oracleDay(n);
        expect(longDate(day)).toBe(long.format(at(day)).replace(',', ''));
        expect(shortDate(day)).toBe(dayMonth.format(at(day)));
        expect(weekdayDate(day)).toBe(weekdayShort.format(at(day)).replace(',', ''));
        expect(dateRange(day, oracleDay(n + span))).toMatch(/\d/);
      }),
    );
  });
});

describe('text widths without string-width', () => {
  /** truncate as it was: graphemes measured by string-width. */
  function truncateReference(text: string, max: number): string {
    if (stringWidth(text) <= max) return text;
    if (max <= 0) return '';
    let out = '';
    let used = 0;
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      const w = stringWidth(segment);
      if (used + w > max - 1) break;
      out += segment;
      used += w;
    }
    return out + '…';
  }
  const pieces = ['a', 'Z', ' ', '~', '-', ...ONE_COLUMN_SYMBOLS, 'é', 'e\u0301', '界', 'ক্ষ', '👍', '👍🏽', '👨‍👩‍👧', '\ufe0f', '\u200d', '\u001b[31m', '\u001b[0m', '\t'];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

  it('each one-column symbol is one column for string-width', () => {
    for (const symbol of ONE_COLUMN_SYMBOLS) expect(stringWidth(symbol), symbol).toBe(1);
  });

  it('width and truncate agree with string-width', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 40 }), (text, max) => {
        expect(width(text)).toBe(stringWidth(text));
        expect(truncate(text, max)).toBe(truncateReference(text, max));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------
// study load of unchanged files

describe('study load of files it loaded before, unchanged', () => {
  it('reports them unchanged without parsing, as a parsed load would', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.yaml`), `title: Plan ${name}\nkind: checklist\nsections:\n  - title: S\n    items: [One, Two, {title: Three, items: [x, y]}]\n`);
    const first = await cliJson<{ roadmaps: { id: string; items: number }[] }>(['load', dir], { db });
    expect(first.roadmaps.map((r) => [r.id, r.items])).toEqual([['a', 5], ['b', 5]]);
    const again = await cliJson(['load', dir], { db });
    expect(again).toEqual({
      roadmaps: [
        { id: 'a', items: 5, added: 0, updated: 0, unchanged: 5, archived: 0 },
        { id: 'b', items: 5, added: 0, updated: 0, unchanged: 5, archived: 0 },
      ],
    });
    const text = await cli(['load', dir], { db });
    expect(text.out).toMatch(/^a +5 items +unchanged\nb +5 items +unchanged\n$/);
  });

  it('reads and validates every file again when one of them changed', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'a.yaml'), 'title: A\nkind: checklist\nsections:\n  - title: S\n    items: [One]\n');
    writeFileSync(join(dir, 'b.yaml'), 'title: B\nkind: checklist\nsections:\n  - title: S\n    items: [One]\n');
    await cli(['load', dir], { db });
    writeFileSync(join(dir, 'b.yaml'), 'title: B\nkind: checklist\ncolour: red\nsections:\n  - title: S\n    items: [One]\n');
    const r = await cli(['load', dir], { db });
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown key "colour"');
  });
});
