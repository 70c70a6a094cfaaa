// study __complete KIND [PREFIX]: what the completion scripts offer, from the store, one
// `VALUE<TAB>DESCRIPTION` a line; exit 0 and nothing on stderr whatever happens; and the
// store is only read: never created, migrated or changed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli.js';

const NOW = '2026-11-26T09:00';

async function complete(db: string, kind: string, prefix = ''): Promise<string[]> {
  const r = await cli(['__complete', kind, '--', prefix], { db, now: NOW });
  expect(r).toMatchObject({ code: 0, err: '' });
  return r.out.split('\n').slice(0, -1);
}

const values = (lines: readonly string[]): string[] => lines.map((l) => l.split('\t')[0]!);

async function store(): Promise<string> {
  const dir = tempDir();
  const db = join(dir, 'study.db');
  writeFileSync(join(dir, 'gym.yaml'), 'id: gym\ntitle: Gym\nkind: checklist\nhabits:\n  - {id: push-ups, title: Push-ups, every: day}\nsections:\n  - {title: S, items: [a]}\n');
  const at = async (args: string[]): Promise<void> => {
    const r = await cli(args, { db, now: NOW, cwd: dir });
    expect(r.code, r.err).toBe(0);
  };
  await at(['start', 'system-architecture-12w', '--on', '2026-11-02']);
  await at(['load', 'gym.yaml']);
  await at(['done', 'monolith-vs-microservices']);
  await at(['leet', 'log', 'two-sum', '--difficulty', 'easy']);
  await at(['leet', 'log', 'lru-cache', '--difficulty', 'medium']);
  return db;
}

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('study __complete', () => {
  it('offers roadmaps and started plans by id, with their titles', async () => {
    const db = await store();
    expect(await complete(db, 'roadmap', 'ba')).toEqual([
      'backend-devops-checklist\tBackend & DevOps Study Roadmap',
      'backend-django-go-tracks\tBackend-Focused Learning Roadmap (Django + Go Mindset)',
      'backend-realtime-phases\tBackend Roadmap: Real-Time & Scalable Systems',
    ]);
    expect(values(await complete(db, 'roadmap'))).toContain('gym');
    expect(await complete(db, 'plan')).toEqual(['system-architecture-12w\tPersonalized 12-Week Study Plan for System Architecture (Django-Focused)']);
  });

  it('offers the open tasks of started plans: id tails and titles, full ids after a slash', async () => {
    const db = await store();
    expect(await complete(db, 'task', 'refac')).toEqual([
      'refactor-a-django-app-using\tRefactor a Django app using services + repositories layer',
      'Refactor a Django app using services + repositories layer\tsystem-architecture-12w/w01-02/refactor-a-django-app-using',
    ]);
    expect(values(await complete(db, 'task', 'system-architecture-12w/w01-02/c'))).toEqual([
      'system-architecture-12w/w01-02/clean-architecture-layers',
      'system-architecture-12w/w01-02/clean-architecture-o-reilly',
    ]);
    // With nothing typed: the plan's open entries, the most overdue first; done ones never.
    const all = values(await complete(db, 'task'));
    expect(all.slice(0, 2)).toEqual(['clean-architecture-layers', 'horizontal-vs-vertical-scaling']);
    expect(all).toContain('Clean architecture layers');
    expect(all.filter((v) => /monolith/i.test(v))).toEqual([]);
    // Not a started plan's: the gym checklist's item.
    expect(all).not.toContain('a');
  });

  it('offers neither a stopped plan nor its tasks', async () => {
    const db = await store();
    expect((await cli(['stop', 'system-architecture-12w'], { db, now: NOW })).code).toBe(0);
    expect(await complete(db, 'plan')).toEqual([]);
    expect(await complete(db, 'task')).toEqual([]);
    expect(await complete(db, 'task', 'refac')).toEqual([]);
    expect(await complete(db, 'task', 'system-architecture-12w/')).toEqual([]);
    expect(values(await complete(db, 'roadmap', 'sys'))).toEqual(['system-architecture-12w']);
  });

  it('offers the problems of the catalogue, and those logged that it does not have', async () => {
    const db = await store();
    expect(await complete(db, 'problem', 'two-s')).toEqual(['two-sum\tTwo Sum, easy', 'two-sum-ii-input-array-is-sorted\tTwo Sum II Input Array Is Sorted, medium']);
    expect(await complete(db, 'problem', 'my-')).toEqual([]);
    expect((await cli(['leet', 'log', 'my-own-puzzle', '--difficulty', 'hard'], { db, now: NOW })).code).toBe(0);
    expect(await complete(db, 'problem', 'my-')).toEqual(['my-own-puzzle\tMy Own Puzzle, hard']);
    // at most 100 a Tab: the shell filters them further as more is typed
    expect((await complete(db, 'problem')).length).toBe(100);
  });

  it('offers settings and habits, the LeetCode habit first', async () => {
    const db = await store();
    expect(values(await complete(db, 'setting'))).toEqual(['day-start', 'week-start', 'rest-days', 'hours-per-week', 'daily-target', 'freezes-per-month', 'leet-weekly-target', 'fsrs-retention', 'fsrs-maximum-interval']);
    expect(await complete(db, 'habit')).toEqual(['leetcode\tLeetCode', 'push-ups\tPush-ups']);
  });

  it('only reads the store: the same bytes after, and no file left beside it', async () => {
    const db = await store();
    const before = { hash: hash(db), mtime: statSync(db).mtimeMs, files: readdirSync(join(db, '..')).sort() };
    for (const kind of ['roadmap', 'plan', 'task', 'problem', 'setting', 'habit']) for (const prefix of ['', 's', 'system-architecture-12w/']) await complete(db, kind, prefix);
    expect({ hash: hash(db), mtime: statSync(db).mtimeMs, files: readdirSync(join(db, '..')).sort() }).toEqual(before);
  });

  it('creates no store where there is none, and answers what needs none', async () => {
    const dir = tempDir();
    const db = join(dir, 'nested', 'study.db');
    expect(await complete(db, 'roadmap')).toEqual([]);
    expect(await complete(db, 'task', 'x')).toEqual([]);
    expect(values(await complete(db, 'setting'))).toContain('rest-days');
    expect(values(await complete(db, 'habit'))).toEqual(['leetcode']);
    expect(existsSync(join(dir, 'nested'))).toBe(false);
  });

  it('migrates nothing: an older store, another program’s file and a folder answer nothing, untouched', async () => {
    const dir = tempDir();
    const old = join(dir, 'old.db');
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'store-v1.db'), old);
    const oldHash = hash(old);
    expect(await complete(old, 'roadmap')).toEqual([]);
    expect(hash(old)).toBe(oldHash);
    expect(readdirSync(dir)).toEqual(['old.db']);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a store, just text long enough to have a header');
    expect(await complete(text, 'plan')).toEqual([]);
    expect(readFileSync(text, 'utf8')).toBe('not a store, just text long enough to have a header');
    expect(await complete(dir, 'plan')).toEqual([]);
  });

  it('answers nothing to a kind it does not know, and takes a prefix that looks like an option', async () => {
    const db = await store();
    expect(await complete(db, 'colour')).toEqual([]);
    expect(await complete(db, 'task', '--undo')).toEqual([]);
    const r = await cli(['__complete', 'roadmap', '--', 'sys', 'tem'], { db, now: NOW });
    expect(r.out).toBe('');
  });

  it('is not listed in help', async () => {
    const r = await cli(['--help']);
    expect(r.out).not.toContain('__complete');
    expect(r.out).toContain('completion <shell>');
  });
});
