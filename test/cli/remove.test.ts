// study remove ROADMAP (issue 12): --yes is needed without a terminal; the whole store goes
// to a backup file beside it first, which study import-backup restores; the roadmap, its
// items, their completions and its plan leave; the rest of the store stays as it was.
// (On a terminal, the confirmation: test/spawn/remove-pty.test.ts.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const DSA = `id: dsa
title: My DSA
kind: weekly
sections:
  - {title: Arrays, weeks: 1, items: [Two pointers, Sliding window]}
habits:
  - {id: reading, title: Read a paper, every: day}
`;
const NOW = '2026-11-04T09:00';

interface Roadmap {
  id: string;
  done: number;
  startedOn: string | null;
}

async function setup(): Promise<{ dir: string; db: string; run: (args: string[]) => ReturnType<typeof cli> }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'dsa.yaml'), DSA);
  const db = join(dir, 'study.db');
  const run = (args: string[]) => cli(args, { db, now: NOW, cwd: dir });
  for (const args of [
    ['load'],
    ['load', 'dsa.yaml'],
    ['start', 'dsa', '--on', '2026-11-02'],
    ['start', 'system-architecture-12w', '--on', '2026-11-02'],
    ['done', 'two-pointers'],
    ['done', 'monolith-vs-microservices'],
    ['log', 'reading', '--minutes', '20'],
    ['leet', 'log', 'two-sum'],
    ['config', 'set', 'rest-days', 'sun'],
  ]) {
    const r = await run(args);
    expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
  }
  return { dir, db, run };
}

const backups = (db: string): string[] => readdirSync(dirname(db)).filter((f) => f.includes('.before-removing-'));

describe('study remove', () => {
  it('without a terminal and without --yes: refused, nothing written', async () => {
    const { db, run } = await setup();
    const r = await run(['remove', 'dsa']);
    expect(r).toEqual({ code: 1, out: '', err: 'study: removing dsa takes its history with it (into a backup file); pass --yes to remove it\n' });
    expect(backups(db)).toEqual([]);
    expect((await cliJson<Roadmap[]>(['roadmaps'], { db, now: NOW })).map((x) => x.id)).toContain('dsa');
  });

  it('--yes: a backup first, then the roadmap, its completions and plan leave; the rest stays', async () => {
    const { db, run } = await setup();
    const before = await cliJson<Roadmap[]>(['roadmaps'], { db, now: NOW });
    const r = await run(['remove', 'dsa', '--yes']);
    expect(r.code, r.err).toBe(0);
    const file = `${db}.before-removing-dsa-20261104-090000.json`;
    expect(r.err).toBe(`study: removed dsa; everything the store held before is in ${file}\n`);
    expect(existsSync(file)).toBe(true);
    // The backup holds the roadmap and its completion.
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { roadmaps: { id: string }[]; completions: { item_id: string }[] };
    expect(doc.roadmaps.map((x) => x.id)).toContain('dsa');
    expect(doc.completions.map((c) => c.item_id)).toContain('dsa/arrays/two-pointers');

    const after = await cliJson<Roadmap[]>(['roadmaps'], { db, now: NOW });
    expect(after).toEqual(before.filter((x) => x.id !== 'dsa'));
    expect((await cli(['show', 'dsa'], { db, now: NOW })).code).toBe(1);
    // The other plan, its completion, the sessions and the settings are as they were.
    const today = await cliJson<{ plans: { roadmap: string; progress: { done: number } }[] }>(['today'], { db, now: NOW });
    expect(today.plans.map((p) => [p.roadmap, p.progress.done])).toEqual([['system-architecture-12w', 1]]);
    expect((await run(['config', 'get', 'rest-days'])).out).toBe('sun\n');
    expect(JSON.parse((await run(['--json', 'leet', 'list'])).out)).toHaveLength(1);
    const sessions = JSON.parse((await run(['--json', 'export'])).out) as { sessions: { habit_id: string }[] };
    expect(sessions.sessions.map((s) => s.habit_id).sort()).toEqual(['leetcode', 'reading']);
  });

  it('the backup restores what was removed', async () => {
    const { db, run } = await setup();
    const before = await cliJson<Roadmap[]>(['roadmaps'], { db, now: NOW });
    const json = await run(['--json', 'remove', 'dsa', '--yes']);
    const { removed, backup } = JSON.parse(json.out) as { removed: string; backup: string };
    expect(removed).toBe('dsa');
    const r = await run(['import-backup', backup, '--force']);
    expect(r.code, r.err).toBe(0);
    expect(await cliJson<Roadmap[]>(['roadmaps'], { db, now: NOW })).toEqual(before);
  });

  it('a backup that cannot be written: nothing is removed', async () => {
    const { db, run } = await setup();
    writeFileSync(`${db}.before-removing-dsa-20261104-090000.json`, 'taken');
    const r = await run(['remove', 'dsa', '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`study: cannot write the backup ${db}.before-removing-dsa-20261104-090000.json (a file is there already); nothing was removed\n`);
    expect((await cliJson<Roadmap[]>(['roadmaps'], { db, now: NOW })).map((x) => x.id)).toContain('dsa');
  });

  it('a unique prefix names the roadmap; an unknown one is an error, nothing written', async () => {
    const { db, run } = await setup();
    expect((await run(['remove', 'nope', '--yes'])).err).toMatch(/^study: roadmap "nope" not found; loaded: /);
    expect(backups(db)).toEqual([]);
    expect((await run(['remove', 'ds', '--yes'])).err).toMatch(/^study: removed dsa; /);
  });

  it('the last roadmap removed: the bundled ones do not come back', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dsa.yaml'), DSA);
    const db = join(dir, 'study.db');
    await cli(['load', 'dsa.yaml'], { db, now: NOW, cwd: dir });
    expect((await cli(['remove', 'dsa', '--yes'], { db, now: NOW })).code).toBe(0);
    const r = await cli(['roadmaps'], { db, now: NOW });
    expect(r).toEqual({ code: 0, out: '', err: 'study: no roadmap is loaded; load one: study load my-plan.yaml (or the bundled ones: study load)\n' });
    expect((await cli(['today'], { db, now: NOW })).out).toContain('No plan started yet, and no roadmap is loaded.\n');
  });
});
