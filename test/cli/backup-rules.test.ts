// study import-backup checks a whole document before writing any of it: every record by
// the rules of the command that writes it (core/record-rules.ts), and that the rows hang
// together. A refused document writes nothing: no store is created (not even its folder),
// and a store it was to replace (--force) is left byte for byte as it was. (Before: such
// documents were restored, or failed with "internal error: UNIQUE/FOREIGN KEY constraint
// failed" and left an empty store file behind.)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli.js';

const NOW = '2026-11-26T09:00';
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let valid: Doc;
let text: string;

beforeAll(async () => {
  const dir = tempDir();
  const db = join(dir, 'study.db');
  const at = (now: string, args: string[]) => cli(args, { db, now, cwd: dir });
  for (const [now, args] of [
    ['2026-11-23T08:00', ['start', 'system-architecture-12w']],
    ['2026-11-23T20:00', ['done', 'monolith-vs-microservices']],
    ['2026-11-24T20:00', ['done', 'clean-architecture-layers']],
    ['2026-11-24T20:05', ['done', 'clean-architecture-layers', '--undo']],
    ['2026-11-24T21:00', ['leet', 'log', 'two-sum', '--difficulty', 'easy', '--minutes', '20']],
    ['2026-11-25T21:00', ['config', 'set', 'rest-days', 'sun']],
  ] as [string, string[]][]) {
    const r = await at(now, args);
    expect(r.code, r.err).toBe(0);
  }
  text = (await cli(['export'], { db, now: NOW })).out;
  valid = JSON.parse(text);
});

const copy = (): Doc => JSON.parse(text);
const item = (d: Doc, suffix: string): Doc => d.items.find((i: Doc) => i.id.endsWith(suffix));

// [name, how the document is broken, what the first problem line says]
const CASES: [string, (d: Doc) => unknown, RegExp][] = [
  ['a roadmap model that is not a roadmap', (d) => (d.roadmaps[0].model = { hello: 'world' }), /at roadmaps\[0\]\.model\.(id|title|kind)/],
  ['a model with a week beyond 20 years', (d) => (d.roadmaps.find((r: Doc) => r.id === 'system-architecture-12w').model.sections[0].weeks = [1, 99999999]), /model\.sections\[0\]\.weeks\[1\]: weeks go up to 1040/],
  ['day-start "99:99"', (d) => d.settings.push({ key: 'day-start', value: '99:99' }), /settings\[1\]\.value: day-start: expected a time HH:MM/],
  ['week-start "funday"', (d) => d.settings.push({ key: 'week-start', value: 'funday' }), /settings\[1\]\.value: week-start: expected a weekday/],
  ['an unknown setting', (d) => d.settings.push({ key: 'colour', value: 'red' }), /settings\[1\]\.key: unknown setting "colour"/],
  ['a setting twice', (d) => d.settings.push({ ...d.settings[0] }), /settings\[1\]: the setting "rest-days" is there twice/],
  ['a plan starting 2026-13-45', (d) => (d.plan_versions[0].start_day = '2026-13-45'), /plan_versions\[0\]\.start_day: expected a date YYYY-MM-DD from 1970-01-01 to 2999-12-31, got "2026-13-45"/],
  ['a plan of 99,999,999 weeks', (d) => (d.plan_versions[0].schedule.totalWeeks = 99999999), /plan_versions\[0\]\.schedule\.totalWeeks: a plan lasts at most 1040 weeks/],
  ['a plan version with negative hours', (d) => (d.plan_versions[0].hours_per_week = -8), /plan_versions\[0\]\.hours_per_week: expected hours above 0 and at most 168, got "-8"/],
  ['a plan version of a plan that is not there', (d) => (d.plan_versions[0].roadmap_id = 'nope'), /plan_versions\[0\]\.roadmap_id: no plan of "nope"/],
  ['a plan without its version 1', (d) => (d.plan_versions[0].version = 2), /plans\[0\]: the versions of the plan of "system-architecture-12w" are not 1, 2, ... \(2\)/],
  ['negative minutes', (d) => (d.sessions[0].minutes = -20), /sessions\[0\]\.minutes: expected whole minutes from 1 to 1440 or null, got "-20"/],
  ['a session at "yesterday"', (d) => (d.sessions[0].at = 'yesterday'), /sessions\[0\]\.at: expected a moment like 2026-11-23T20:15:00\+06:00, got "yesterday"/],
  ['a session rated "great"', (d) => (d.sessions[0].rating = 'great'), /sessions\[0\]\.rating: expected again, hard, good, easy or null, got "great"/],
  ['a started list that does not exist', (d) => (d.leet_lists = [{ list: 'top-secret', start_day: '2026-11-20', per_day: 3, started_at: '2026-11-20T09:00:00+00:00' }]), /leet_lists\[0\]\.list: expected neetcode150 or blind75, got "top-secret"/],
  ['a started list of 500 problems a day', (d) => (d.leet_lists = [{ list: 'blind75', start_day: '2026-11-20', per_day: 500, started_at: '2026-11-20T09:00:00+00:00' }]), /leet_lists\[0\]\.per_day: expected a whole number of problems a day from 1 to 20/],
  ['a session in the future', (d) => (d.sessions[0].day = '2026-12-25'), /sessions\[0\]\.day: 2026-12-25 is in the future \(today is 2026-11-26\)/],
  ['a session id twice', (d) => d.sessions.push({ ...d.sessions[0] }), /sessions\[1\]: the session id "1" is there twice/],
  ['a completion on 2026-02-30', (d) => (d.completions[0].day = '2026-02-30'), /completions\[0\]\.day: expected a date YYYY-MM-DD from 1970-01-01 to 2999-12-31, got "2026-02-30"/],
  ['a completion in the future', (d) => (d.completions[0].day = '2027-01-01'), /completions\[0\]\.day: 2027-01-01 is in the future/],
  ['a completion of an item that is not there', (d) => (d.completions[0].item_id = 'system-architecture-12w/nope/nope'), /completions\[0\]\.item_id: no item "system-architecture-12w\/nope\/nope"/],
  ['a completion id twice', (d) => d.completions.push({ ...d.completions[0], item_id: d.completions[1].item_id }), /completions\[\d+\]: the completion id "\d+" is there twice/],
  ['an item done twice at once', (d) => d.completions.push({ ...d.completions[0], id: 99 }), /the item ".+" is done twice \(one active completion per item\)/],
  ['an item that is its own parent', (d) => (item(d, 'monolith-vs-microservices').parent_id = item(d, 'monolith-vs-microservices').id), /items\[\d+\]\.parent_id: an item cannot be its own parent/],
  [
    'items whose parents go round in a circle',
    (d) => {
      const [a, b] = d.items.filter((i: Doc) => i.roadmap_id === 'system-architecture-12w');
      a.parent_id = b.id;
      b.parent_id = a.id;
    },
    /parent_id: the item is its own ancestor \(its parents go round in a circle\)/,
  ],
  ['an item id twice', (d) => d.items.push({ ...d.items[0] }), /items\[\d+\]: the item id ".+" is there twice/],
  ['an item of a roadmap that is not there', (d) => (d.items[0].roadmap_id = 'nope'), /items\[0\]\.roadmap_id: no roadmap "nope"/],
  ['an item of a model without its row', (d) => (d.items = d.items.filter((i: Doc) => !i.id.endsWith('monolith-vs-microservices'))), /the item ".+monolith-vs-microservices" of the roadmap "system-architecture-12w" has no row/],
  ['a roadmap id twice', (d) => d.roadmaps.push({ ...d.roadmaps[0] }), /roadmaps\[\d+\]: the roadmap id ".+" is there twice/],
  ['a plan of a roadmap that is not there', (d) => d.plans.push({ roadmap_id: 'nope', started_at: '2026-11-23T08:00:00+00:00' }), /plans\[1\]\.roadmap_id: no roadmap "nope"/],
];

describe('a document that breaks the rules is refused whole, and nothing is written', () => {
  for (const [name, breakIt, message] of CASES) {
    it(name, async () => {
      const doc = copy();
      breakIt(doc);
      const dir = tempDir();
      writeFileSync(join(dir, 'backup.json'), JSON.stringify(doc));

      // into a new store: none is created, nor its folder
      const db = join(dir, 'new', 'study.db');
      const r = await cli(['import-backup', 'backup.json'], { db, now: NOW, cwd: dir });
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/^study: backup\.json: not a valid study backup/);
      expect(r.err).not.toMatch(/internal error|constraint failed/i);
      expect(readdirSync(dir)).toEqual(['backup.json']);

      // in place of a store (--force): it is left as it was
      const other = join(dir, 'other.db');
      expect((await cli(['leet', 'log', 'valid-parentheses'], { db: other, now: NOW })).code).toBe(0);
      const hash = createHash('sha256').update(readFileSync(other)).digest('hex');
      const forced = await cli(['import-backup', 'backup.json', '--force'], { db: other, now: NOW, cwd: dir });
      expect(forced.code).toBe(1);
      expect(createHash('sha256').update(readFileSync(other)).digest('hex')).toBe(hash);
    });
  }

  it('bytes that are not UTF-8 are refused, not replaced', async () => {
    const dir = tempDir();
    const bytes = Buffer.from(text.replace('"two-sum"', '"two-XX"'), 'utf8');
    const at = bytes.indexOf('two-XX');
    bytes[at + 4] = 0xff;
    writeFileSync(join(dir, 'backup.json'), bytes);
    const r = await cli(['import-backup', 'backup.json'], { db: join(dir, 'study.db'), now: NOW, cwd: dir });
    expect(r).toEqual({ code: 1, out: '', err: 'study: backup.json: not a study backup (not UTF-8 text; study export writes UTF-8 JSON); nothing was restored\n' });
    expect(existsSync(join(dir, 'study.db'))).toBe(false);
  });

  it('a document nested 100,000 levels deep is refused, not a stack overflow', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.json'), `{"format":"study-backup","version":2,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const r = await cli(['import-backup', 'deep.json'], { db: join(dir, 'study.db'), now: NOW, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^study: deep\.json: not a (valid )?study backup \(nested (too deeply|more than 64 levels)\); nothing was restored\n$/);
  });

  it('JSON errors do not quote the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.json'), 'root:$6$saltsalt$hashhashhash:20228:0:99999:7:::\n');
    const r = await cli(['import-backup', 'secret.json'], { db: join(dir, 'study.db'), now: NOW, cwd: dir });
    expect(r.err).toBe('study: secret.json: not a study backup (not JSON); nothing was restored\n');
    writeFileSync(join(dir, 'cut.json'), '{\n "format": "study-backup"\n "version": 2\n}\n');
    const cut = await cli(['import-backup', 'cut.json'], { db: join(dir, 'study.db'), now: NOW, cwd: dir });
    expect(cut.err).toBe('study: cut.json: not a study backup (not JSON: stopped at line 3, column 2); nothing was restored\n');
    expect(readdirSync(dir).sort()).toEqual(['cut.json', 'secret.json']);
  });

  it('many problems: the first ten, then how many more', async () => {
    const doc = copy();
    for (const s of doc.sessions) s.minutes = -1;
    for (let i = 0; i < 15; i++) doc.sessions.push({ ...doc.sessions[0], id: 100 + i });
    const dir = tempDir();
    writeFileSync(join(dir, 'backup.json'), JSON.stringify(doc));
    const r = await cli(['import-backup', 'backup.json'], { db: join(dir, 'study.db'), now: NOW, cwd: dir });
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('study:   ... and 6 more problems');
  });

  it('the unbroken document restores (the cases above break one thing each)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'backup.json'), JSON.stringify(valid));
    const r = await cli(['import-backup', 'backup.json'], { db: join(dir, 'study.db'), now: NOW, cwd: dir });
    expect(r.code, r.err).toBe(0);
  });
});
