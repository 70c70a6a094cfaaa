// Upgrading a real store made at schema version 1 (test/fixtures/store-v1.db, built by
// test/fixtures/make-store-v1.mjs with version 1's own SQL): the CLI migrates it on first
// use, after copying it to study.db.bak-v1, and every completion and setting is still there.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, SCHEMA_VERSION } from '../src/store/store.js';
import { cli, cliJson, tempDir } from './helpers.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'store-v1.db');
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

  it('an existing study.db.bak-v1 is replaced by a fresh copy of the store being migrated', async () => {
    const { db } = copyOfFixture();
    const bak = `${db}.bak-v1`;
    copyFileSync(FIXTURE, bak);
    // A stale backup from some earlier attempt, with one completion less.
    const stale = new Database(bak);
    stale.prepare("DELETE FROM completions WHERE item_id = 'v1-plan/data/kafka-basics'").run();
    stale.close();
    expect((await cli(['roadmaps'], { db, now: NOW })).code).toBe(0);
    expect(rows(bak).completions).toHaveLength(7);
  });
});
