// study export / study import-backup: a round trip keeps every row a user entered.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli, cliJson, tempDir } from '../support/cli.js';

/** A store with a bit of everything: roadmaps (one edited, so an item is archived), plans, completions (one undone), sessions, settings. */
async function lived(dir: string): Promise<string> {
  const db = join(dir, 'study.db');
  const plan = join(dir, 'mine.yaml');
  writeFileSync(plan, 'title: Mine\nkind: checklist\nsections:\n  - title: S\n    items: [Alpha, Beta, Gamma]\n');
  const at = (now: string, args: string[]) => cli(args, { db, now, cwd: dir });
  await at('2026-11-23T08:00', ['load']);
  await at('2026-11-23T08:00', ['load', 'mine.yaml']);
  await at('2026-11-23T08:00', ['start', 'system-architecture-12w']);
  await at('2026-11-23T08:00', ['start', 'mine']);
  await at('2026-11-23T20:00', ['done', 'monolith-vs-microservices']);
  await at('2026-11-23T20:00', ['done', 'gamma']);
  await at('2026-11-24T20:00', ['done', 'clean-architecture-layers']);
  await at('2026-11-24T20:05', ['done', 'clean-architecture-layers', '--undo']);
  await at('2026-11-24T21:00', ['leet', 'log', 'two-sum', '--difficulty', 'easy', '--minutes', '20', '--tags', 'array,hash table', '--note', 'first try']);
  await at('2026-11-25T21:00', ['leet', 'log', '146', '--difficulty', 'medium']);
  await at('2026-11-25T21:00', ['config', 'set', 'rest-days', 'sun']);
  writeFileSync(plan, 'title: Mine\nkind: checklist\nsections:\n  - title: S\n    items: [Alpha, Beta]\n');
  await at('2026-11-26T08:00', ['load', 'mine.yaml']);
  return db;
}

function tables(db: string) {
  const s = openStore(db);
  try {
    return s.backup.tables();
  } finally {
    s.close();
  }
}

describe('study export / import-backup', () => {
  it('round trip: the restored store equals the original, row for row, and works', async () => {
    const dir = tempDir();
    const db = await lived(dir);
    const r = await cli(['export', '--out', 'backup.json'], { db, cwd: dir, now: '2026-11-26T09:00' });
    expect(r.code).toBe(0);
    expect(r.err).toBe('study: wrote backup.json: 6 roadmaps, 3 completions, 2 sessions, 2 plans, 1 setting\n');
    expect(statSync(join(dir, 'backup.json')).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8'));
    expect(doc).toMatchObject({ format: 'study-backup', version: 3, exportedAt: '2026-11-26T09:00:00+00:00' });
    // The roadmap sources travel with the backup.
    expect(doc.roadmaps.find((x: { id: string }) => x.id === 'mine').source_text).toContain('items: [Alpha, Beta]');
    expect(doc.sessions[0]).toMatchObject({ slug: 'two-sum', tags: ['array', 'hash-table'], note: 'first try' });

    const restored = join(tempDir(), 'restored', 'study.db');
    const imp = await cli(['import-backup', join(dir, 'backup.json')], { db: restored, now: '2026-11-26T09:00' });
    expect(imp.code).toBe(0);
    expect(imp.err).toMatch(/^study: restored 6 roadmaps, 3 completions, 2 sessions, 2 plans and 1 setting from .*backup\.json \(exported 2026-11-26T09:00:00\+00:00\)\n$/);
    expect(tables(restored)).toEqual(tables(db));

    // The restored store is a working store: the same agenda, streaks and report.
    for (const args of [['today'], ['streak'], ['report'], ['roadmaps'], ['config']]) {
      expect(await cliJson(args, { db: restored, now: '2026-11-26T09:00' })).toEqual(await cliJson(args, { db, now: '2026-11-26T09:00' }));
    }
  });

  it('export to stdout is the same document', async () => {
    const dir = tempDir();
    const db = await lived(dir);
    const r = await cli(['export'], { db, now: '2026-11-26T09:00' });
    await cli(['export', '--out', 'b.json'], { db, cwd: dir, now: '2026-11-26T09:00' });
    expect(r.out).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });

  it('refuses a store that is not empty without --force, and --force replaces it', async () => {
    const dir = tempDir();
    const db = await lived(dir);
    await cli(['export', '--out', 'backup.json'], { db, cwd: dir, now: '2026-11-26T09:00' });
    const other = join(tempDir(), 'other.db');
    await cli(['leet', 'log', 'two-sum'], { db: other, now: '2026-11-20T09:00' });
    const before = tables(other);
    const refused = await cli(['import-backup', join(dir, 'backup.json')], { db: other, now: '2026-11-26T09:00' });
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`study: ${other} is not empty (0 roadmaps, 0 completions, 1 session); pass --force to replace everything in it with the backup\n`);
    expect(tables(other)).toEqual(before);
    const forced = await cli(['import-backup', join(dir, 'backup.json'), '--force'], { db: other, now: '2026-11-26T09:00' });
    expect(forced.code).toBe(0);
    expect(tables(other)).toEqual(tables(db));
  });

  it('export --out never overwrites a file without --force', async () => {
    const dir = tempDir();
    const db = await lived(dir);
    writeFileSync(join(dir, 'old.json'), 'precious');
    const r = await cli(['export', '--out', 'old.json'], { db, cwd: dir, now: '2026-11-26T09:00' });
    expect(r).toEqual({ code: 1, out: '', err: 'study: old.json already exists; pass --force to overwrite it, or choose another --out\n' });
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('precious');
  });

  it('a file that is not a backup, or a broken one, is refused and nothing is written', async () => {
    const dir = tempDir();
    const db = join(dir, 'fresh.db');
    const cases: [string, string, string][] = [
      ['notjson.json', '{ nope', 'study: notjson.json: not a study backup (not JSON: '],
      ['other.json', '{"hello": 1}', 'study: other.json: not a study backup (no "format": "study-backup")'],
      ['newer.json', '{"format": "study-backup", "version": 99}', 'study: newer.json was written by a newer study (backup version 99; this one reads 3); upgrade study'],
      ['partial.json', '{"format": "study-backup", "version": 1, "exportedAt": "x", "study": "0", "schemaVersion": 3, "settings": []}', 'study: partial.json: not a valid study backup at roadmaps: '],
    ];
    for (const [name, text, err] of cases) {
      writeFileSync(join(dir, name), text);
      const r = await cli(['import-backup', name], { db, cwd: dir, now: '2026-11-26T09:00' });
      expect(r.code).toBe(1);
      expect(r.err.startsWith(err)).toBe(true);
      expect(r.err.split('\n')).toHaveLength(2);
    }
    // A backup whose rows do not hang together (a completion of an unknown item) writes nothing.
    const src = await lived(tempDir());
    const doc = JSON.parse((await cli(['export'], { db: src, now: '2026-11-26T09:00' })).out);
    doc.completions.push({ id: 999, item_id: 'nope/nope/nope', day: '2026-11-26', at: '2026-11-26T09:00:00+00:00', undone_at: null });
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(doc));
    const broken = await cli(['import-backup', 'broken.json'], { db, cwd: dir, now: '2026-11-26T09:00' });
    expect(broken.code).toBe(1);
    expect(tables(db).roadmaps).toEqual([]);
  });

  it('a version 1 document (one schedule per plan, from study before store version 5) still restores', async () => {
    const src = await lived(tempDir());
    const doc = JSON.parse((await cli(['export'], { db: src, now: '2026-11-26T09:00' })).out);
    const v1 = {
      ...doc,
      version: 1,
      plans: doc.plan_versions.map((v: Record<string, unknown>) => ({
        roadmap_id: v.roadmap_id,
        start_day: v.start_day,
        hours_per_week: v.hours_per_week,
        pace: v.pace,
        schedule: v.schedule,
        started_at: v.at,
        replanned_at: null,
      })),
    };
    delete v1.plan_versions;
    const dir = tempDir();
    writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1));
    const db = join(dir, 'restored.db');
    expect((await cli(['import-backup', 'v1.json'], { db, cwd: dir, now: '2026-11-26T09:00' })).code).toBe(0);
    for (const args of [['today'], ['roadmaps'], ['report', '--week', '2026-W48']]) {
      expect((await cli(['--json', ...args], { db, now: '2026-11-26T09:30' })).out).toBe((await cli(['--json', ...args], { db: src, now: '2026-11-26T09:30' })).out);
    }
  });
});
