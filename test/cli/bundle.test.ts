// What a command loads when it runs (start-up is the product): one entry, dist/study.cjs,
// with commander, every command's definition and what they all use; each command's action
// in a chunk of its own, imported when it runs; YAML, zod, markdown-it and the prompts only
// in the chunks of the commands that use them. Checked on the output of the real build
// configuration (scripts/build-options.mjs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputChunk, RollupOutput } from 'rollup';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuildConfig } from '../../scripts/build-options.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
let chunks: Map<string, OutputChunk>;
const out = mkdtempSync(join(tmpdir(), 'study-bundle-'));
beforeAll(async () => {
  const config = cliBuildConfig(out);
  const result = (await build({ ...config, build: { ...config.build, write: false } })) as RollupOutput;
  chunks = new Map(result.output.filter((o): o is OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const source = (id: string): string => id.replace(`${ROOT}/`, '').replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');

/** The chunk whose module is `file` (a source file), and every chunk it imports statically. */
function loadedWith(file: string): Set<OutputChunk> {
  const start = [...chunks.values()].find((c) => c.facadeModuleId !== null && source(c.facadeModuleId) === file);
  if (!start) throw new Error(`no chunk for ${file}`);
  const seen = new Set<OutputChunk>();
  const visit = (c: OutputChunk): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const i of c.imports) if (chunks.has(i)) visit(chunks.get(i)!);
  };
  visit(start);
  return seen;
}

/** The packages (and source files) in a set of chunks. */
const inputsOf = (loaded: Iterable<OutputChunk>): Set<string> => new Set([...loaded].flatMap((c) => c.moduleIds.map(source)));

/** What `study COMMAND` loads: the entry, and the action's chunk with what it imports. */
const runOf = (action: string): Set<string> => inputsOf(new Set([...loadedWith('src/cli/main.ts'), ...loadedWith(action)]));

const HEAVY = ['yaml', 'zod', 'markdown-it', '@inquirer/prompts', '@inquirer/core', 'ts-fsrs'];
/** Loaded only by the pictures: the HTML report (d3) and the calendar feed (ical-generator). */
const PICTURES = ['d3-scale', 'd3-shape', 'd3-time', 'd3-array', 'd3-path', 'd3-interpolate', 'd3-format', 'd3-time-format', 'ical-generator'];

describe('the bundle', () => {
  it('has one entry, dist/study.cjs: commander and every command’s definition, no action and nothing heavy', () => {
    expect([...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName)).toEqual(['study.cjs']);
    // every other chunk is loaded by a dynamic import
    for (const c of chunks.values()) if (!c.isEntry) expect([...chunks.values()].some((o) => o.dynamicImports.includes(c.fileName) || o.imports.includes(c.fileName)), c.fileName).toBe(true);
    const entry = inputsOf(loadedWith('src/cli/main.ts'));
    expect(entry).toContain('commander');
    expect(entry).toContain('src/commands/index.ts');
    for (const heavy of [...HEAVY, ...PICTURES]) expect(entry).not.toContain(heavy);
    expect(entry).not.toContain('src/commands/today/run.ts');
  });

  it('the entry is CommonJS, as bin/study is, and loads child_process only if commander runs a program (never)', () => {
    const entry = chunks.get('study.cjs')!;
    expect(entry.code).toMatch(/^"use strict";/);
    // it compiles as the body of a CommonJS module (an import or export statement would not)
    expect(() => new Function('exports', 'require', 'module', '__filename', '__dirname', entry.code)).not.toThrow();
    expect(entry.code).not.toContain('require("node:child_process")');
    expect(entry.code).toContain('getBuiltinModule("node:child_process")');
    expect(JSON.parse(readFileSync(join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  });

  it('study today, done, report and streak load nothing heavy (the picker and the loader only when a run needs them)', () => {
    // (today and report read the LeetCode cards; only writing a session, or rebuilding the
    // cards, schedules them with ts-fsrs)
    for (const command of ['today', 'done', 'report', 'streak']) {
      const loaded = runOf(`src/commands/${command}/run.ts`);
      expect(loaded, command).toContain(`src/commands/${command}/run.ts`);
      for (const heavy of [...HEAVY, ...PICTURES]) expect(loaded, `${command}: ${heavy}`).not.toContain(heavy);
    }
  });

  it('undo, log, pause, resume, stop and remove load nothing heavy (remove loads the prompt only when it asks)', () => {
    for (const action of ['undo/run.ts', 'log/run.ts', 'pause/run.ts', 'resume/run.ts', 'stop/run.ts', 'remove/run.ts']) {
      const loaded = runOf(`src/commands/${action}`);
      expect(loaded, action).toContain(`src/commands/${action}`);
      for (const heavy of HEAVY) expect(loaded, `${action}: ${heavy}`).not.toContain(heavy);
    }
  });

  it('every command can say what a store error means; the record rules the store checks on each write carry nothing heavy', () => {
    expect(inputsOf(loadedWith('src/cli/main.ts'))).toContain('src/store/errors.ts');
    for (const command of ['done/run.ts', 'leet/log.ts', 'start/run.ts', 'config/run.ts']) {
      const loaded = runOf(`src/commands/${command}`);
      expect(loaded, command).toContain('src/core/record-rules.ts');
      for (const heavy of HEAVY) expect(loaded, `${command}: ${heavy}`).not.toContain(heavy);
    }
    // a backup's shape is checked with zod, in import-backup's chunk only
    expect(runOf('src/commands/import-backup/run.ts')).toContain('zod');
  });

  it('d3 loads only for report --format html, ical-generator only for export --format ics', () => {
    const html = runOf('src/render/html/index.ts');
    expect(html).toContain('d3-scale');
    expect(html).toContain('d3-shape');
    expect(html).not.toContain('ical-generator');
    const ics = runOf('src/render/ics.ts');
    expect(ics).toContain('ical-generator');
    expect(ics).not.toContain('d3-scale');
    // What the report and export commands load before they know the format: neither.
    for (const command of ['report', 'export']) {
      const loaded = runOf(`src/commands/${command}/run.ts`);
      for (const p of PICTURES) expect(loaded, `${command}: ${p}`).not.toContain(p);
    }
    // Each is imported by the command that needs it, and by no other.
    const importers = (file: string): string[] =>
      [...chunks.values()].filter((c) => c.dynamicImports.some((d) => chunks.get(d)?.moduleIds.map(source).includes(file))).flatMap((c) => c.moduleIds.map(source).filter((m) => m.endsWith('/run.ts')));
    expect(importers('src/render/html/index.ts')).toEqual(['src/commands/report/run.ts']);
    expect(importers('src/render/ics.ts')).toEqual(['src/commands/export/run.ts']);
  });

  it('sync code loads only for study sync: its checks (zod, yaml) with it, none of it for the daily commands', () => {
    const sync = runOf('src/commands/sync/run.ts');
    for (const m of ['src/sync/engine.ts', 'src/sync/git.ts', 'src/sync/schema.ts', 'zod', 'yaml']) expect(sync, m).toContain(m);
    expect(runOf('src/commands/sync/init.ts')).toContain('src/sync/git.ts');
    expect(runOf('src/commands/sync/init.ts')).not.toContain('zod');
    for (const command of ['today/run.ts', 'done/run.ts', 'report/run.ts', 'streak/run.ts', 'undo/run.ts', 'leet/log.ts', 'load/run.ts']) {
      const loaded = runOf(`src/commands/${command}`);
      for (const m of ['src/sync/engine.ts', 'src/sync/git.ts', 'src/sync/schema.ts', 'src/sync/journal.ts']) expect(loaded, `${command}: ${m}`).not.toContain(m);
    }
    // nor the store's part of it: applying events and the rules, loaded by store.sync()
    const entry = inputsOf(loadedWith('src/cli/main.ts'));
    for (const m of ['src/sync/schema.ts', 'src/store/sync.ts', 'src/store/apply.ts', 'src/core/replay.ts']) expect(entry, m).not.toContain(m);
  });

  it('study __complete and study completion load nothing heavy', () => {
    for (const command of ['complete', 'completion']) {
      const loaded = runOf(`src/commands/${command}/run.ts`);
      expect(loaded, command).toContain(`src/commands/${command}/run.ts`);
      for (const heavy of [...HEAVY, ...PICTURES]) expect(loaded, `${command}: ${heavy}`).not.toContain(heavy);
    }
    // The scripts themselves are made only when asked for.
    expect(runOf('src/commands/complete/run.ts')).not.toContain('src/cli/completion/bash.ts');
    expect(inputsOf(loadedWith('src/cli/main.ts'))).not.toContain('src/cli/completion/bash.ts');
  });

  it('the check can see a heavy package: study load holds yaml and zod, study import markdown-it', () => {
    const load = runOf('src/commands/load/run.ts');
    expect(load).toContain('yaml');
    expect(load).toContain('zod');
    expect(runOf('src/commands/import/run.ts')).toContain('markdown-it');
    // FSRS: in the chunk the store imports when a LeetCode session is written
    expect(inputsOf(loadedWith('src/store/leet-scheduling.ts'))).toContain('ts-fsrs');
    for (const command of ['due', 'next', 'lists']) expect(runOf(`src/commands/leet/${command}.ts`), command).not.toContain('ts-fsrs');
  });
});
