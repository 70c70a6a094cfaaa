// Upgrading a real store made at schema version 1 (test/fixtures/store-v1.db, built by
// test/fixtures/make-store-v1.mjs with version 1's own SQL): the CLI migrates it on first
// use, after copying it to study.db.bak-v1, and every completion and setting is still there.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/index.js';
import { cli, cliJson, tempDir } from '../support/cli.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'store-v1.db');
const NOW = '2026-11-24T09:30';

interface CompletionDbRow {
  item_id: string;
  day: string;
  at: string;
  undone_at: string | null;
}

function rows(path: string): { completions: CompletionDbRow[]; items: unknown[]; settings: unknown[]; roadmaps: unknown[] } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      completions: db.prepare('SELECT item_id, day, at, undone_at FROM completions ORDER BY id').all() as CompletionDbRow[],
      items: db.prepare('SELECT * FROM items ORDER BY id').all(),
      settings: db.prepare('SELECT * FROM settings ORDER BY key').all(),
      roadmaps: db.prepare('SELECT * FROM roadmaps ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

/** The fixture, copied into a fresh folder (the committed file is never opened in place). */
function copyOfFixture(): { dir: string; db: string } {
  const dir = tempDir();
  const db = join(dir, 'study.db');
  copyFileSync(FIXTURE, db);
  return { dir, db };
}

describe('a store made at schema version 1', () => {
  it('the fixture is what it says: user_version 1, our application_id, no sessions table', () => {
    const { db } = copyOfFixture();
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['completions', 'items', 'roadmaps', 'settings']);
    raw.close();
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
  });

  it('is migrated by the first command, after a copy to study.db.bak-v1, and every completion is found', async () => {
    const { dir, db } = copyOfFixture();
    const before = rows(db);
    expect(before.completions).toHaveLength(7);

    // The first command: the roadmap with its progress (6 of 7 leaves: Terraform is done
    // in the file, Redis caching was undone, MongoDB is archived).
    const roadmaps = await cliJson<{ id: string; items: number; done: number; percent: number }[]>(['roadmaps'], { db, now: NOW });
    expect(roadmaps).toEqual([expect.objectContaining({ id: 'v1-plan', items: 7, done: 6, percent: 85 })]);

    // The backup: the store exactly as it was, at version 1, private.
    const bak = `${db}.bak-v1`;
    expect(existsSync(bak)).toBe(true);
    const raw = new Database(bak, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
    expect(rows(bak)).toEqual(before);

    // The store is at the current version, with every row it had.
    const upgraded = new Database(db, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
    const after = rows(db);
    expect(after.completions).toEqual(before.completions);
    expect(after.items).toEqual(before.items);
    expect(after.settings).toEqual(before.settings);

    // Every completion shows in the report of its week, with its study day.
    const completed = async (week: string) =>
      (await cliJson<{ completed: { id: string; date: string }[] }>(['report', '--week', week], { db, now: NOW })).completed.map((c) => [c.id, c.date]);
    expect(await completed('2026-W46')).toEqual([['v1-plan/data/mongodb', '2026-11-10']]);
    expect(await completed('2026-W47')).toEqual([
      ['v1-plan/infra/docker', '2026-11-16'],
      ['v1-plan/infra/kubernetes/pods', '2026-11-17'],
      ['v1-plan/infra/kubernetes/services', '2026-11-18'],
      ['v1-plan/data/postgresql-indexes', '2026-11-20'],
    ]);
    expect(await completed('2026-W48')).toEqual([['v1-plan/data/kafka-basics', '2026-11-23']]);

    // The tree: done marks from completions, from the file, and from children.
    const show = await cliJson<{ sections: { items: { id: string; done: boolean; items?: { id: string; done: boolean }[] }[] }[] }>(
      ['show', 'v1-plan'],
      { db, now: NOW },
    );
    const marks = show.sections.flatMap((s) => s.items.flatMap((i) => [[i.id, i.done], ...(i.items ?? []).map((c) => [c.id, c.done])]));
    expect(Object.fromEntries(marks)).toEqual({
      'v1-plan/infra/docker': true,
      'v1-plan/infra/kubernetes': true,
      'v1-plan/infra/kubernetes/pods': true,
      'v1-plan/infra/kubernetes/services': true,
      'v1-plan/infra/terraform': true,
      'v1-plan/data/postgresql-indexes': true,
      'v1-plan/data/redis-caching': false,
      'v1-plan/data/kafka-basics': true,
    });

    // Its settings came along.
    expect(await cliJson(['config'], { db, now: NOW })).toMatchObject({ 'hours-per-week': '6', 'rest-days': 'sun' });

    // What version 1 could not store now works: sessions, plans.
    expect(await cliJson(['leet', 'list'], { db, now: NOW })).toEqual([]);
    expect((await cli(['leet', 'log', 'two-sum', '--difficulty', 'easy'], { db, now: NOW })).code).toBe(0);
    expect(await cliJson(['leet', 'stats'], { db, now: NOW })).toMatchObject({ sessions: 1 });
    expect((await cli(['start', 'v1-plan', '--on', '2026-11-16'], { db, now: NOW })).code).toBe(0);

    // A second run is not a migration: no new backup, the first one kept as it was.
    const bakBytes = readFileSync(bak);
    expect((await cli(['roadmaps'], { db, now: NOW })).code).toBe(0);
    expect(readFileSync(bak).equals(bakBytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.bak-')).sort()).toEqual(['study.db.bak-v1']);
  });

  it('an existing study.db.bak-v1 is never overwritten: the new backup takes the next free name', async () => {
    const { dir, db } = copyOfFixture();
    const bak = `${db}.bak-v1`;
    writeFileSync(bak, 'a file of the user');
    expect((await cli(['roadmaps'], { db, now: NOW })).code).toBe(0);
    expect(readFileSync(bak, 'utf8')).toBe('a file of the user');
    expect(rows(`${bak}.1`).completions).toHaveLength(7);
    expect(readdirSync(dir).filter((f) => f.includes('.bak-')).sort()).toEqual(['study.db.bak-v1', 'study.db.bak-v1.1']);
  });
});

// A store as study wrote it at schema version 4 (test/fixtures/store-v4.db, made by
// test/fixtures/README.md's steps): two started plans, one re-planned (version 4 kept only
// the new schedule), completions and an undo, LeetCode sessions, a setting, and a second
// active completion of one item that two racing `study done` left behind.
const FIXTURE_V4 = join(import.meta.dirname, '..', 'fixtures', 'store-v4.db');

describe('a store made at schema version 4', () => {
  it('is migrated in one step to the current version, every completion and session kept, the duplicate closed', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    copyFileSync(FIXTURE_V4, db);
    const before = rows(db);
    const raw = new Database(db, { readonly: true });
    const sessionsBefore = raw.prepare('SELECT * FROM sessions ORDER BY id').all();
    const activeBefore = raw.prepare('SELECT item_id FROM completions WHERE undone_at IS NULL ORDER BY item_id').pluck().all() as string[];
    raw.close();
    expect(activeBefore.filter((id) => id.endsWith('clean-architecture-layers'))).toHaveLength(2);

    const today = await cliJson<{ plans: { roadmap: string; week: number }[] }>(['today'], { db, now: '2026-12-07T09:00' });
    expect(today.plans.map((p) => [p.roadmap, p.week])).toEqual([
      ['backend-realtime-phases', 6],
      ['system-architecture-12w', 6],
    ]);
    expect(existsSync(`${db}.bak-v4`)).toBe(true);

    const upgraded = new Database(db, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
    // (sessions gained the event that made them: none for history before version 6)
    expect(upgraded.prepare('SELECT * FROM sessions ORDER BY id').all()).toEqual(sessionsBefore.map((s) => ({ ...(s as object), event_id: null })));
    // Every completion row is kept; of the two active ones of one item, the later is closed.
    const after = rows(db);
    expect(after.completions.map((c) => [c.item_id, c.day, c.at])).toEqual(before.completions.map((c) => [c.item_id, c.day, c.at]));
    const active = upgraded.prepare('SELECT item_id FROM completions WHERE undone_at IS NULL ORDER BY item_id').pluck().all() as string[];
    expect(active).toEqual([...new Set(activeBefore)]);
    // Each plan's schedule became its first version.
    expect(upgraded.prepare('SELECT roadmap_id, version, kind FROM plan_versions ORDER BY roadmap_id').all()).toEqual([
      { roadmap_id: 'backend-realtime-phases', version: 1, kind: 'start' },
      { roadmap_id: 'system-architecture-12w', version: 1, kind: 'start' },
    ]);
    upgraded.close();

    // What the store held reads as before: progress, the week's report, the LeetCode log.
    const roadmaps = await cliJson<{ id: string; done: number; items: number }[]>(['roadmaps'], { db, now: '2026-12-07T09:00' });
    expect(roadmaps.find((r) => r.id === 'system-architecture-12w')).toMatchObject({ done: 2, items: 46 });
    expect(await cliJson(['leet', 'stats'], { db, now: '2026-12-07T09:00' })).toMatchObject({ sessions: 4 });
    expect((await cli(['done', 'message-queues-brokers'], { db, now: '2026-12-07T09:00' })).code).toBe(0);
  });
});
