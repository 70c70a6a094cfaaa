import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openStore, SCHEMA_VERSION, type LoadInput, type Store } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { parseRoadmapText } from '../../src/roadmap/file.js';
import { folderNotWritable, scriptUnprivileged } from '../support/as-nobody.js';
import { tempDir } from '../support/cli.js';

function source(text: string, id = 'plan'): LoadInput {
  const r = parseRoadmapText(text, 'plan.yaml', id);
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return { roadmap: r.roadmap, absPath: '/plans/plan.yaml', text, hash: String(text.length) + text };
}

/** The items of the roadmap `plan` with an active completion. */
const completed = (store: Store): string[] => store.items.subtree('plan').filter((r) => r.completed).map((r) => r.id);

const V1 = 'title: Plan\nkind: checklist\nsections:\n  - title: Infra\n    items: [Docker, Kubernetes, Terraform]\n';

/** Puts a roadmap and a completion into a version-1 store with plain SQL, as version 1 wrote them. */
function openStoreAt1(path: string): { close(): void } {
  const db = new Database(path);
  db.prepare(
    `INSERT INTO roadmaps (id, title, kind, model, source_path, source_text, source_hash, loaded_at)
     VALUES ('plan', 'Plan', 'checklist', ?, '/plans/plan.yaml', ?, 'h', 't0')`,
  ).run(JSON.stringify(source(V1).roadmap), V1);
  db.prepare(
    `INSERT INTO items (id, roadmap_id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs)
     VALUES ('plan/infra/docker', 'plan', 'plan/infra', NULL, 0, 'item', 'Docker', 1, 0, '{}')`,
  ).run();
  db.prepare("INSERT INTO completions (item_id, day, at) VALUES ('plan/infra/docker', '2026-11-20', '2026-11-20T10:00:00+06:00')").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

describe('store', () => {
  it('is created 0600 in a 0700 folder, at the latest schema version', () => {
    const dir = join(tempDir(), 'nested', 'study');
    const path = join(dir, 'study.db');
    const store = openStore(path);
    expect(store.roadmaps.isEmpty()).toBe(true);
    store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // Re-opening an up-to-date store is not a migration: no backup is made.
    openStore(path).close();
    expect(() => statSync(`${path}.bak-v${SCHEMA_VERSION}`)).toThrow();
  });

  it('re-loading an unchanged roadmap changes nothing', () => {
    const store = openStore(join(tempDir(), 's.db'));
    const first = store.roadmaps.load([source(V1)], '2026-11-23T09:30:00+06:00');
    expect(first).toEqual([{ id: 'plan', items: 3, added: 3, updated: 0, unchanged: 0, archived: 0, same: false }]);
    const again = store.roadmaps.load([source(V1)], '2026-11-24T09:30:00+06:00');
    expect(again).toEqual([{ id: 'plan', items: 3, added: 0, updated: 0, unchanged: 3, archived: 0, same: true }]);
    expect(store.roadmaps.model('plan')!.loadedAt).toBe('2026-11-23T09:30:00+06:00');
    store.close();
  });

  it('an edited file updates in place, archives removed items with their history, and restores them', () => {
    const store = openStore(join(tempDir(), 's.db'));
    store.roadmaps.load([source(V1)], 't1');
    store.completions.complete(['plan/infra/terraform'], '2026-11-23', '2026-11-23T10:00:00+06:00');
    const edited = 'title: Plan\nkind: checklist\nsections:\n  - title: Infra\n    items: [Docker, {title: Kubernetes, priority: high}, Nomad]\n';
    expect(store.roadmaps.load([source(edited)], 't2')).toEqual([
      { id: 'plan', items: 3, added: 1, updated: 1, unchanged: 1, archived: 1, same: false },
    ]);
    expect(store.roadmaps.list()).toEqual([{ id: 'plan', title: 'Plan', kind: 'checklist' }]);
    expect(store.progress.ofRoadmap('plan', '2026-11-30')).toMatchObject({ total: 3, done: 0 });
    // Terraform comes back: its completion was kept all along.
    store.roadmaps.load([source(V1)], 't3');
    expect(completed(store)).toEqual(['plan/infra/terraform']);
    expect(store.progress.ofRoadmap('plan', '2026-11-30')).toMatchObject({ total: 3, done: 1 });
    store.close();
  });

  it('migrates an older store forward, after copying it to study.db.bak-vN, keeping its completions', () => {
    const path = join(tempDir(), 'study.db');
    const v1 = new Database(path);
    v1.exec(MIGRATIONS[0] as string);
    v1.pragma(`application_id = ${APPLICATION_ID}`);
    v1.pragma('user_version = 1');
    v1.close();
    const store1 = openStoreAt1(path);
    store1.close();
    const store = openStore(path);
    expect(completed(store)).toEqual(['plan/infra/docker']);
    expect(store.plans.current()).toEqual([]);
    store.close();
    const bak = new Database(`${path}.bak-v1`, { readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(1);
    expect(bak.prepare('SELECT item_id, day FROM completions').all()).toEqual([{ item_id: 'plan/infra/docker', day: '2026-11-20' }]);
    bak.close();
    expect(statSync(`${path}.bak-v1`).mode & 0o777).toBe(0o600);
  });

  it('loading is all or nothing', () => {
    const store = openStore(join(tempDir(), 's.db'));
    const good = source(V1);
    const broken = { ...source(V1, 'other'), roadmap: { ...source(V1, 'other').roadmap, title: null as unknown as string } };
    expect(() => store.roadmaps.load([good, broken], 't1')).toThrow();
    expect(store.roadmaps.isEmpty()).toBe(true);
    store.close();
  });

  describe('a file that is not ours is refused and left byte for byte as it was', () => {
    it('random bytes', () => {
      const path = join(tempDir(), 'study.db');
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      writeFileSync(path, bytes);
      expect(() => openStore(path)).toThrow(`${path} is not a study store (not an SQLite database); move it away or pass --db with another path`);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    });

    it('an SQLite database of another program', () => {
      const path = join(tempDir(), 'notes.db');
      const other = new Database(path);
      other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
      other.close();
      const before = readFileSync(path);
      expect(() => openStore(path)).toThrow(`${path} is not a study store (an SQLite database of another program)`);
      expect(readFileSync(path).equals(before)).toBe(true);
    });

    it('a store written by a newer study', () => {
      const path = join(tempDir(), 'study.db');
      openStore(path).close();
      // Make it claim a future schema version through a raw pragma write.
      const raw = new Database(path);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      const before = readFileSync(path);
      expect(() => openStore(path)).toThrow(
        `was written by a newer study (store version ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}); upgrade study to use it`,
      );
      expect(readFileSync(path).equals(before)).toBe(true);
    });
  });

  it.skipIf(!existsSync('/proc/self'))('a folder that can never exist (under /proc) is one clear error, not a hang', () => {
    expect(() => openStore('/proc/no-such-study/study.db')).toThrow(
      'cannot create the store at /proc/no-such-study/study.db (its folder cannot be created there); pass --db with a writable path',
    );
  });

  it('a path under a regular file is one clear error', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    expect(() => openStore(join(file, 'study.db'))).toThrow(
      /^cannot create the store at .*\/file\/study\.db \(a part of the path is a file, not a folder\); pass --db with a writable path$/,
    );
  });

  it('a folder that cannot be written is one clear error (run by a user without privileges: root writes anywhere)', async () => {
    const dir = folderNotWritable();
    const r = await scriptUnprivileged(
      [
        `import { openStore } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'store', 'index.ts'))};`,
        'try {',
        "  openStore(process.argv[2]!).close();",
        "  process.stdout.write('opened');",
        '} catch (e) {',
        '  process.stdout.write((e as Error).message);',
        '  process.exitCode = 1;',
        '}',
      ].join('\n'),
      [join(dir, 'sub', 'study.db')],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`cannot create the store at ${dir}/sub/study.db (permission denied); pass --db with a writable path`);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
