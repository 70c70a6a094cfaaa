// Issue #7 (start-up performance): what keeps `study today`, `done`, `report` and `streak`
// at the floor of Node, checked without a stopwatch (`npm run bench` has the stopwatch):
// - the import graph: their bundles load no @inquirer/prompts, yaml, zod or commander;
// - their bundles and src/fast-args.ts say what the command tree says;
// - the hot queries search indexes, never scan a big table (EXPLAIN QUERY PLAN);
// - every shortcut gives the answer of the code it stands in for: the agenda index and
//   core/agenda.ts planToday, shortIdsFor and shortIds, the item index and matchTask over
//   every model (study done), leaf counts and progressOf, the indexed report and
//   buildReport, streakOfDays and computeStreak, day numbers and date-fns, hand-written
//   dates and Intl, width() and string-width, an unchanged re-load and a parsed one.
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
import { taskFinder } from '../src/commands/find-task.js';
import { typeableIds } from '../src/commands/done.js';
import { reportData } from '../src/commands/report.js';
import { LEETCODE_HABIT } from '../src/core/habits.js';
import { matchTask, type MatchResult } from '../src/core/match.js';
import { progressOf } from '../src/core/progress.js';
import { buildReport, type Report } from '../src/core/report.js';
import { settingsFrom, type Settings } from '../src/core/settings.js';
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
import { dateRange, longDate, shortDate, weekdayDate, weekdayName } from '../src/render/dates.js';
import { collectRoadmapFiles, readRoadmapFiles } from '../src/roadmap-file.js';
import { openStore, type Store } from '../src/store/store.js';
import { ONE_COLUMN_SYMBOLS, truncate, width } from '../src/text.js';
import { cli, cliJson, tempDir } from './helpers.js';
import type { Context } from '../src/context.js';
import { StudyError } from '../src/errors.js';
import { todayOptions } from '../src/today-args.js';
import { fastArgs } from '../src/fast-args.js';
import { runProgram } from '../src/program.js';
import { rng } from '../bench/rng.js';

const ROOT = new URL('..', import.meta.url).pathname;

describe('the import graph of study today, done, report and streak', () => {
  it('is one file each with no @inquirer/prompts, yaml, zod or commander; study load does hold yaml and zod', async () => {
    const out = mkdtempSync(join(tmpdir(), 'study-graph-'));
    try {
      const [cli, today, router, ...fast] = await Promise.all(cliBuildOptions(out).map((o) => build({ ...o, write: false, logLevel: 'silent' })));
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
      // dist/done.mjs, report.mjs, streak.mjs: one file each, no command tree, and instead of
      // the loader (YAML, zod) and the picker, stand-ins that hand the run to dist/cli.mjs.
      expect(fast).toHaveLength(3);
      for (const [i, name] of ['done', 'report', 'streak'].entries()) {
        const metafile = fast[i]!.metafile;
        const outputs = Object.values(metafile.outputs);
        expect(outputs, name).toHaveLength(1);
        expect(outputs[0]!.imports.filter((x) => !x.external), name).toEqual([]);
        const inputs = closure(metafile, [`src/fast/${name}.ts`]);
        for (const needed of [`src/commands/${name}.ts`, 'src/store/store.ts', 'src/fast-args.ts']) expect(inputs, name).toContain(needed);
        for (const heavy of ['@inquirer/prompts', '@inquirer/core', 'yaml', 'zod', 'markdown-it', 'commander', 'src/program.ts', 'src/commands/load.ts', 'src/roadmap-file.ts']) {
          expect(inputs, name).not.toContain(heavy);
        }
        // The whole program runs them without YAML, zod or prompts too, until a run needs them.
        const inCli = closure(cli!.metafile, ['src/main.ts', `src/commands/${name}.ts`]);
        for (const heavy of ['@inquirer/prompts', 'yaml', 'zod', 'commander']) expect(inCli, name).not.toContain(heavy);
      }
      expect(closure(fast[0]!.metafile, ['src/fast/done.ts'])).toContain('src/fast/needs-program.ts');
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

  it('done, report and streak: fastArgs reads their plain forms as program.ts does, and leaves the rest to it', () => {
    expect(fastArgs(['--json', 'done', 'a', '--undo', 'b c', '--db', 'x.db', '--no-color'])).toEqual({
      command: 'done',
      globals: { json: true, db: 'x.db', color: false },
      args: ['a', 'b c'],
      opts: { undo: true },
    });
    expect(fastArgs(['report'])).toEqual({ command: 'report', globals: {}, args: [], opts: { format: 'text' } });
    expect(fastArgs(['report', '--format', 'markdown', '--week', '2026-W47'])).toEqual({ command: 'report', globals: {}, args: [], opts: { format: 'markdown', week: '2026-W47' } });
    expect(fastArgs(['streak', '--weeks', '3', '--habit', 'x'])).toEqual({ command: 'streak', globals: {}, args: [], opts: { weeks: '3', habit: 'x' } });
    for (const argv of [
      [], ['today'], ['done'], ['done', '--undo'], ['done', '--help'], ['done', '-h'], ['done', '--', 'x'], ['done', 'x', '--date'], ['done', 'x', '--date', '-1'],
      ['done', 'x', '--undo', '--undo'], ['done', 'x', '--date=2026-11-20'], ['--undo', 'done', 'x'], ['streak', 'x'], ['streak', '--weeks', '1', '--weeks', '2'],
      ['streak', '--weeks', '-1'], ['streak', '--days', '3'], ['report', '--format'], ['report', 'extra'], ['report', '--version'], ['--json', '--json', 'report'],
      ['--db', '--json', 'report'], ['leet', 'log', 'x'], ['schedule'],
    ]) {
      expect(fastArgs(argv), argv.join(' ')).toBeNull();
    }
  });

  it('done, report and streak print what the command tree prints', async () => {
    const now = '2026-11-23T08:00';
    const store = async (): Promise<string> => {
      const db = join(tempDir(), 'study.db');
      await cli(['start', 'system-architecture-12w', '--on', '2026-11-02'], { db, now });
      await cli(['done', 'monolith-vs-microservices', '--date', '2026-11-10'], { db, now });
      await cli(['leet', 'log', 'two-sum', '--date', '2026-11-22'], { db, now });
      return db;
    };
    const cases = [
      ['streak'], ['streak', '--json'], ['--json', 'streak', '--weeks', '3'], ['streak', '--weeks', '2', '--no-color'], ['streak', '--habit', 'leetcode', '--weeks', '1'],
      ['streak', '--weeks', '0'], ['streak', '--habit', 'nope'],
      ['report'], ['report', '--format', 'markdown'], ['--json', 'report', '--week', '2026-W46'], ['report', '--date', '2026-11-18', '--format', 'json'],
      ['report', '--format', 'xml'], ['report', '--week', '2026-W60'], ['report', '--week', '2026-W47', '--date', '2026-11-18'],
      ['done', 'clean-architecture-layers'], ['done', 'clean', 'architecture', 'layers', '--json'], ['done', 'zzqx'], ['done', 'redis'], ['done', 'architecture'],
      ['done', 'monolith', '--undo'], ['--json', 'done', 'monolith', '--undo'], ['done', 'horizontal', '--date', '2026-11-20'], ['done', 'x', '--date', 'tomorrow'], ['done', 'x', '--undo', '--date', '2026-11-20'],
      ['done', 'horizontal', '--db', 'DB', '--json'], ['report', '--db', 'DB', '--format', 'markdown'], ['--no-color', 'streak', '--db', 'DB', '--weeks', '4'],
    ];
    for (const argv of cases) {
      expect(fastArgs(argv), argv.join(' ')).not.toBeNull();
      const [a, b] = [await store(), await store()];
      const viaFast = await cli(argv.map((x) => (x === 'DB' ? a : x)), { db: a, now });
      const viaTree = await viaProgram(argv.map((x) => (x === 'DB' ? b : x)), { STUDY_DB: b, STUDY_NOW: now });
      expect(viaFast, argv.join(' ')).toEqual(viaTree);
    }
  });
});

describe('bin/study done, report and streak run dist/done.mjs, report.mjs, streak.mjs, and say what the whole program says', () => {
  // Needs the build from `pretest` (npm test).
  const BIN = join(ROOT, 'bin', 'study');
  const now = '2026-11-23T08:00';
  const spawned = (args: string[], db: string): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: tempDir(), STUDY_DB: db, STUDY_NOW: now } });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  /** A run in-process, with the store's path in messages written DB. */
  const inProcess = async (args: string[], db: string): Promise<{ code: number; out: string; err: string }> => {
    const r = await cli(args, { db, now });
    return { ...r, err: r.err.replaceAll(db, 'DB') };
  };
  const bySpawn = (args: string[], db: string): { code: number; out: string; err: string } => {
    const r = spawned(args, db);
    return { ...r, err: r.err.replaceAll(db, 'DB') };
  };

  it('on a new store, an empty one (both handed to the whole program) and a started plan', async () => {
    // A store that does not exist yet: the first run loads the bundled roadmaps.
    for (const args of [['done', 'monolith-vs-microservices'], ['done', 'monolith'], ['report'], ['streak', '--weeks', '2']]) {
      const r = bySpawn(args, join(tempDir(), 'study.db'));
      if (args[0] !== 'streak') expect(r.err, args.join(' ')).toContain('first run: loaded the 5 bundled roadmaps');
      expect(r, args.join(' ')).toEqual(await inProcess(args, join(tempDir(), 'study.db')));
    }
    // A store that exists but is empty: done and report need the bundled roadmaps (the loader
    // is not in their bundles), so the run goes to the whole program.
    for (const args of [['done', 'monolith-vs-microservices'], ['report', '--format', 'markdown']]) {
      const [a, b] = [join(tempDir(), 'study.db'), join(tempDir(), 'study.db')];
      for (const db of [a, b]) expect((await cli(['config', 'set', 'hours-per-week', '6'], { db, now })).code).toBe(0);
      const r = bySpawn(args, a);
      expect(r.err, args.join(' ')).toContain('first run: loaded the 5 bundled roadmaps');
      expect(r, args.join(' ')).toEqual(await inProcess(args, b));
    }
    // A started plan.
    const a = join(tempDir(), 'study.db');
    const b = join(tempDir(), 'study.db');
    for (const db of [a, b]) await cli(['start', 'system-architecture-12w', '--on', '2026-11-02'], { db, now });
    for (const args of [['done', 'clean', 'architecture', 'layers'], ['--json', 'report'], ['streak', '--no-color'], ['done', 'redis'], ['report', '--week', '2026-W60'], ['done', 'x', '--date', 'soon']]) {
      expect(bySpawn(args, a), args.join(' ')).toEqual(await inProcess(args, b));
    }
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
        // The one scan allowed: all words of a title (study done), over the index of folded titles only.
        for (const line of plan) expect(line, name).not.toMatch(/^SCAN (items|completions|sessions|agenda_entries|agenda_ids|item_keys)\b(?! USING COVERING INDEX item_keys_by_folded)/);
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
      expect(text('sessionCountsBetween')).toMatch(/SEARCH sessions USING COVERING INDEX sessions_by_day \(habit_id=\? AND day>\? AND day<\?\)/);
      expect(text('keysMatching')).toMatch(/SEARCH item_keys USING PRIMARY KEY \(id=\?\)[^]*item_keys_by_reversed \(reversed=\?\)[^]*item_keys_by_reversed \(reversed>\? AND reversed<\?\)[^]*item_keys_by_folded \(folded=\?\)/);
      expect(text('keysWords')).toMatch(/SCAN item_keys USING COVERING INDEX item_keys_by_folded/);
      for (const name of ['leavesAsOf', 'leavesDoneLater', 'leavesFirstDoneIn']) expect(text(name), name).toMatch(/SEARCH item_keys USING COVERING INDEX item_keys_progress \(roadmap_id=\? AND done_day[>=]/);
      expect(text('leavesDoneByDue')).toMatch(/SEARCH leaf_done USING PRIMARY KEY \(roadmap_id=\?\)/);
      expect(text('firstCompletionsIn')).toMatch(/SEARCH c USING INDEX completions_by_day[^]*SEARCH e USING INDEX completions_by_item/);
      expect(text('itemSubtree')).toMatch(/SEARCH i USING INDEX sqlite_autoindex_items_1 \(id>\? AND id<\?\)/);
    } finally {
      store.close();
    }
  });
});

// ---------------------------------------------------------------------------------------
// The item index (store version 4): study done and study report without roadmap models

/** The bundled roadmaps, the first `started` of them started, with random completions (some undone) on days around 2026-11. */
function randomStore(seed: number, started: number): { store: Store; path: string; items: Item[] } {
  const path = join(tempDir(), 'study.db');
  const store = openStore(path);
  const sources = readRoadmapFiles(collectRoadmapFiles([bundledRoadmapsDir()], ROOT), ROOT);
  store.loadRoadmaps(sources, '2026-09-01T08:00:00+00:00');
  sources.slice(0, started).forEach((s, i) => startPlan(store, s.roadmap.id, addDaysTo('2026-09-07', 14 * i)));
  const items = store.roadmapIds().flatMap((id) => [...allItems(store.getRoadmap(id)!.roadmap)].map(({ item }) => item));
  const rand = rng(seed);
  for (let step = 0; step < 25; step++) {
    const picked = Array.from({ length: 12 }, () => items[Math.floor(rand() * items.length)]!);
    const ids = picked.flatMap((i) => (rand() < 0.4 ? [i.id, ...descendants(i).map((d) => d.id)] : [i.id]));
    const day = addDaysTo('2026-09-01', Math.floor(rand() * 120));
    store.complete([...new Set(ids)], day, `${day}T10:00:00+00:00`);
    if (step % 4 === 3) store.undo(ids.filter(() => rand() < 0.3), `${day}T11:00:00+00:00`);
    const sessionDay = addDaysTo('2026-09-01', Math.floor(rand() * 120));
    store.addSession({ habitId: 'leetcode', at: `${sessionDay}T20:00:00+00:00`, day: sessionDay, problem: 'two-sum', number: 1, slug: 'two-sum', title: null, difficulty: rand() < 0.5 ? 'easy' : 'hard', minutes: 20, result: 'solved', tags: [], note: null });
  }
  if (started > 1) startPlan(store, sources[1]!.roadmap.id, '2026-10-05');
  return { store, path, items };
}

/** study done's matching as it was: core/match.ts matchTask over every item of every model, started plans first. */
function findOverModels(store: Store, task: string): MatchResult {
  const entries = store.roadmapIds().flatMap((id) => [...allItems(store.getRoadmap(id)!.roadmap)].map(({ item }) => ({ id: item.id, title: item.title, roadmap: id })));
  const started = new Set(store.plans().map((p) => p.roadmapId));
  const inPlans = entries.filter((e) => started.has(e.roadmap));
  if (inPlans.length > 0) {
    const r = matchTask(task, inPlans);
    if (r.kind !== 'none') return r;
  }
  return matchTask(task, entries);
}

const verdict = (r: MatchResult): unknown =>
  r.kind === 'one' ? ['one', r.how, r.item.id] : r.kind === 'many' ? ['many', r.how, r.items.map((i) => i.id)] : ['none', r.closest.map((i) => i.id)];

describe('the item index (store version 4)', () => {
  it('study done finds what matchTask over every model finds: ids, suffixes, titles, words, typos', () => {
    for (const started of [0, 1, 3]) {
      const { store, items } = randomStore(20 + started, started);
      try {
        const find = taskFinder(store);
        const rand = rng(started + 5);
        const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
        const tasks: string[] = ['zzqx', 'redis', 'Redis', 'docker', 'design', 'system design', 'a', 'intro', '  monolith  ', 'MONOLITH VS', 'api', 'w01-02', 'ci/cd'];
        for (let i = 0; i < 150; i++) {
          const item = pick(items);
          const parts = item.id.split('/');
          const words = item.title.split(/\s+/).filter(Boolean);
          const tail = parts.slice(parts.length - 1 - Math.floor(rand() * (parts.length - 1))).join('/');
          const typo = item.title.length > 4 ? item.title.slice(0, 2) + item.title.slice(3) : item.title;
          tasks.push(
            pick([
              item.id,
              tail,
              tail.toUpperCase(),
              item.title,
              item.title.toUpperCase(),
              pick(words),
              words.slice(0, 2).join(' '),
              pick(words).slice(0, 3),
              typo,
              `${pick(words)} ${pick(words)}`,
            ]),
          );
        }
        for (const task of tasks) expect(verdict(find(task)), `${started}: ${task}`).toEqual(verdict(findOverModels(store, task)));
      } finally {
        store.close();
      }
    }
  });

  it('typeable ids are the shortest tail no other item ends with, as done.ts computed them over every model', () => {
    const { store, items } = randomStore(3, 1);
    try {
      const counts = new Map<string, number>();
      for (const { id } of items) {
        const parts = id.split('/');
        for (let k = 1; k <= parts.length; k++) counts.set(parts.slice(parts.length - k).join('/'), (counts.get(parts.slice(parts.length - k).join('/')) ?? 0) + 1);
      }
      const expected = (id: string): string => {
        const parts = id.split('/');
        for (let k = 1; k < parts.length; k++) if (counts.get(parts.slice(parts.length - k).join('/')) === 1) return parts.slice(parts.length - k).join('/');
        return id;
      };
      const idOf = typeableIds(store);
      for (const { id } of items) expect(idOf(id), id).toBe(expected(id));
    } finally {
      store.close();
    }
  });

  it('leaf progress of every roadmap is progressOf over its model, through completions, undos and re-plans', () => {
    const { store } = randomStore(9, 2);
    try {
      for (const id of store.roadmapIds()) {
        const s = store.getRoadmap(id)!;
        const { done, total } = progressOf(s.roadmap, resolveDone(s.roadmap, s.marked));
        expect(store.leafProgress(id), id).toEqual({ done, total });
      }
    } finally {
      store.close();
    }
  });

  it('study report from the indexes is buildReport over the models and every completion, byte for byte', () => {
    for (const [seed, started] of [[1, 1], [2, 3], [4, 5]] as const) {
      const { store } = randomStore(seed, started);
      try {
        for (const weekStart of WEEK_STARTS) {
          const settings = { ...settingsFrom({}), weekStart };
          for (const day of ['2026-08-20', '2026-09-08', '2026-10-01', '2026-10-20', '2026-11-23', '2026-12-30', '2027-06-01']) {
            const from = weekStartOf(day, weekStart);
            for (const today of ['2026-11-23', '2026-10-10']) {
              const expected = reportOverModels(store, from, today, settings);
              expect(JSON.stringify(reportData(store, from, today, settings)), `${seed} ${weekStart} ${from} ${today}`).toBe(JSON.stringify(expected));
            }
          }
        }
      } finally {
        store.close();
      }
    }
  });

  it('is rebuilt after a write that did not keep it, and after an edited roadmap file', () => {
    const { store, path } = randomStore(6, 2);
    try {
      const other = new Database(path);
      other.prepare("INSERT INTO completions (item_id, day, at) VALUES (?, '2026-11-20', '2026-11-20T10:00:00+00:00')").run('system-architecture-12w/w01-02/monolith-vs-microservices');
      other.prepare("UPDATE completions SET undone_at = '2026-11-21T10:00:00+00:00' WHERE id IN (SELECT id FROM completions ORDER BY id LIMIT 5)").run();
      other.close();
      const settings = settingsFrom({});
      expect(JSON.stringify(reportData(store, '2026-11-16', '2026-11-23', settings))).toBe(JSON.stringify(reportOverModels(store, '2026-11-16', '2026-11-23', settings)));
      for (const id of store.roadmapIds()) {
        const s = store.getRoadmap(id)!;
        const { done, total } = progressOf(s.roadmap, resolveDone(s.roadmap, s.marked));
        expect(store.leafProgress(id), id).toEqual({ done, total });
      }
      const file = join(bundledRoadmapsDir(), 'system-architecture-12w.yaml');
      const text = readFileSync(file, 'utf8').replace('Monolith vs Microservices', 'Monoliths and microservices').replace(/^(\s*)- Clean architecture layers\n/m, '$1- Hexagonal architecture\n');
      const dir = tempDir();
      writeFileSync(join(dir, 'system-architecture-12w.yaml'), text);
      store.loadRoadmaps(readRoadmapFiles([join(dir, 'system-architecture-12w.yaml')], dir), '2026-11-23T08:00:00+00:00');
      const find = taskFinder(store);
      for (const task of ['monoliths and microservices', 'hexagonal', 'clean architecture layers', 'monolith-vs-microservices', 'monoliths-and-microservices']) {
        expect(verdict(find(task)), task).toEqual(verdict(findOverModels(store, task)));
      }
      expect(JSON.stringify(reportData(store, '2026-11-16', '2026-11-23', settings))).toBe(JSON.stringify(reportOverModels(store, '2026-11-16', '2026-11-23', settings)));
    } finally {
      store.close();
    }
  });
});

/** study report as it was computed: buildReport over every plan's model and every completion up to the week's end. */
function reportOverModels(store: Store, from: string, today: string, settings: Settings): Report {
  const to = addDaysTo(from, 6);
  const asOf = store.completionsBetween('0000-01-01', to);
  const markedAsOf = new Set(asOf.map((c) => c.itemId));
  const plans = loadPlans(store).map((p) => ({ ...p, done: resolveDone(p.roadmap, markedAsOf) }));
  const paceFrom = addDaysTo(from, -21);
  const completions = asOf.filter((c) => c.day >= paceFrom).map((c) => ({ id: c.itemId, title: c.title, roadmap: c.roadmapId, date: c.day }));
  const sessions = store.sessionsSince(LEETCODE_HABIT, from).filter((s) => s.day <= to);
  return buildReport({ from, weekStartsOn: settings.weekStart, today, plans, completions, sessions, sessionCounts: store.sessionCounts(LEETCODE_HABIT), streakSettings: settings });
}

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
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const at = (day: string): Date => new Date(`${day}T00:00:00Z`);

  it('longDate, shortDate, weekdayDate, weekdayName and dateRange', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), fc.integer({ min: 0, max: 40 }), (n, span) => {
        const day = oracleDay(n);
        expect(longDate(day)).toBe(long.format(at(day)).replace(',', ''));
        expect(shortDate(day)).toBe(dayMonth.format(at(day)));
        expect(weekdayDate(day)).toBe(weekdayShort.format(at(day)).replace(',', ''));
        expect(weekdayName(day)).toBe(weekday.format(at(day)));
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
