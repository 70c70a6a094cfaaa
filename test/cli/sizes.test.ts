// Sizes that used to break study: a TASK of 100,000 characters or 12,000 words (the fuzzy
// match grew with its length times the items, then an SQL expression too deep), and more
// than 120,000 sessions (`leet list` spread them into a call's arguments and overflowed
// the stack). Each now answers, and fast.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findTask, listSource, type Candidate } from '../../src/core/match.js';
import { table } from '../../src/render/table.js';
import { cli, tempDir } from '../support/cli.js';

const NOW = '2026-11-23T09:30';

describe('study done with a TASK of absurd length', () => {
  it('core: 100,000 characters against 60,000 items takes well under a second or two', () => {
    const candidates: Candidate[] = Array.from({ length: 60_000 }, (_, i) => ({ id: `big/s${i % 50}/item-${i}`, title: `Item number ${i} about topic ${i % 97}`, roadmap: 'big' }));
    for (const task of ['a'.repeat(100_000), 'topic '.repeat(16_000), Array.from({ length: 12_000 }, (_, i) => `w${i}`).join(' ')]) {
      const started = performance.now();
      const r = findTask(task, listSource(candidates), () => false);
      const ms = performance.now() - started;
      expect(r.kind, task.slice(0, 20)).not.toBe('one');
      expect(ms, `${task.slice(0, 20)}…: ${ms.toFixed(0)} ms`).toBeLessThan(2500);
    }
  });

  it('the CLI: one line quoting at most 40 columns of the TASK, exit 1, no SQL error', async () => {
    const db = join(tempDir(), 'study.db');
    expect((await cli(['start', 'system-architecture-12w'], { db, now: NOW })).code).toBe(0);
    const cases: [string, RegExp][] = [
      ['a'.repeat(100_000), /^study: no item matches "a{39}…"; `study show ROADMAP` lists the items and their ids\n$/],
      [Array.from({ length: 12_000 }, (_, i) => `w${i}`).join(' '), /^study: no item matches "w0 w1 w2 .*…"; `study show ROADMAP`/],
      ['docker '.repeat(14_000), /^study: "docker docker .*…" matches 3 items; say which:\n/],
    ];
    for (const [task, message] of cases) {
      const started = performance.now();
      const r = await cli(['done', task], { db, now: NOW });
      expect(performance.now() - started, task.slice(0, 20)).toBeLessThan(3000);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err.split('\n')[0]!.length).toBeLessThan(140);
    }
  });

  it('40 words that all name one title still find it (the words query narrows by 32, every word decides)', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    writeFileSync(join(dir, 'w.yaml'), `id: w\ntitle: W\nkind: checklist\nsections:\n  - title: S\n    items:\n      - ${words.join(' ')}\n      - ${words.slice(0, 39).join(' ')}\n`);
    expect((await cli(['load', 'w.yaml'], { db, now: NOW, cwd: dir })).code).toBe(0);
    const r = await cli(['--json', 'done', ...[...words].reverse()], { db, now: NOW });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).done.map((d: { title: string }) => d.title)).toEqual([words.join(' ')]);
  });
});

describe('more than 120,000 sessions', () => {
  it('study leet list (text and JSON) and leet stats answer', async () => {
    const db = join(tempDir(), 'study.db');
    expect((await cli(['leet', 'log', 'two-sum', '--minutes', '5'], { db, now: NOW })).code).toBe(0);
    const raw = new Database(db);
    const row = raw.prepare('SELECT habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note FROM sessions').get() as Record<string, unknown>;
    const insert = raw.prepare(
      'INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note) VALUES (@habit_id, @at, @day, @problem, @number, @slug, @title, @difficulty, @minutes, @result, @tags, @note)',
    );
    raw.transaction(() => {
      for (let i = 0; i < 125_000; i++) insert.run({ ...row, problem: `p${i}`, slug: `p${i}` });
    })();
    raw.close();
    const text = await cli(['leet', 'list'], { db, now: NOW });
    expect(text.code, text.err.slice(0, 300)).toBe(0);
    expect(text.out.split('\n').length).toBeGreaterThan(125_000);
    expect(text.err).toBe('study: 125001 sessions\n');
    const json = await cli(['--json', 'leet', 'list'], { db, now: NOW });
    expect(JSON.parse(json.out)).toHaveLength(125_001);
  }, 60_000);

  it('render/table.ts: 200,000 rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`row ${i}`, String(i)]);
    expect(table(rows, [{}, { align: 'right' }], 80)).toHaveLength(200_000);
  });
});
