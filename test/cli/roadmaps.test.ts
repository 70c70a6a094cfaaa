// study load / validate / roadmaps / show, driven in-process with a temp store.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { width } from '../../src/render/text.js';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const PLAN = [
  'title: My Plan',
  'kind: weekly',
  'sections:',
  '  - id: w1',
  '    title: Basics',
  '    weeks: 1',
  '    topics: [HTTP, SQL]',
  '    tasks:',
  '      - title: Build an API',
  '        effort: 3h',
  '  - id: w2',
  '    title: Caching',
  '    weeks: 2-3',
  '    tasks: [Add Redis]',
  '',
].join('\n');

function setup(): { dir: string; db: string; plan: string } {
  const dir = tempDir();
  const plan = join(dir, 'my-plan.yaml');
  writeFileSync(plan, PLAN);
  return { dir, db: join(dir, 'study.db'), plan };
}

describe('study load', () => {
  it('loads a file and reports per roadmap; a second load reports it unchanged', async () => {
    const { dir, db } = setup();
    expect(await cliJson(['load', 'my-plan.yaml'], { db, cwd: dir })).toEqual({
      roadmaps: [{ id: 'my-plan', items: 4, added: 4, updated: 0, unchanged: 0, archived: 0 }],
    });
    const again = await cli(['load', 'my-plan.yaml'], { db, cwd: dir });
    expect(again).toEqual({ code: 0, out: 'my-plan  4 items  unchanged\n', err: '' });
  });

  it('says what an edit changed, and that removed items were archived with their history', async () => {
    const { dir, db, plan } = setup();
    await cli(['load', plan], { db });
    writeFileSync(plan, PLAN.replace('[HTTP, SQL]', '[HTTP, PostgreSQL]').replace('Build an API', 'Build a REST API'));
    const r = await cli(['load', plan], { db });
    expect(r.code).toBe(0);
    expect(r.out).toBe('my-plan  4 items  2 added, 2 unchanged, 2 archived (their history is kept)\n');
    expect(r.err).toBe('study: 2 items no longer in the files were archived; their completions are kept\n');
  });

  it('with no argument loads the bundled roadmaps', async () => {
    const { db } = setup();
    const r = await cliJson<{ roadmaps: { id: string }[] }>(['load'], { db });
    expect(r.roadmaps.map((x) => x.id)).toEqual([
      'backend-devops-checklist',
      'backend-django-go-tracks',
      'backend-realtime-phases',
      'flash-poll-phases',
      'system-architecture-12w',
    ]);
  });

  it('a bad file among good ones: one line per problem, exit 1, the store exactly as it was', async () => {
    const { dir, db, plan } = setup();
    await cli(['load', plan], { db });
    const before = readFileSync(db);
    writeFileSync(join(dir, 'x.yaml'), 'title: X\nkind: weekly\nsections:\n  - title: A\n    weeks: 4-2\n');
    writeFileSync(plan, PLAN.replace('Basics', 'Basics, renamed'));
    const r = await cli(['load', 'my-plan.yaml', 'x.yaml'], { db, cwd: dir });
    expect(r).toEqual({ code: 1, out: '', err: 'study: x.yaml:5:12: weeks: end 2 is before start 4\n' });
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a bad file on a fresh store creates no store at all', async () => {
    const { dir, db } = setup();
    writeFileSync(join(dir, 'x.yaml'), 'title: X\nkind: nope\nsections: [{title: A}]\n');
    const r = await cli(['load', 'x.yaml'], { db, cwd: dir });
    expect(r.code).toBe(1);
    expect(() => readFileSync(db)).toThrow();
  });

  it('a missing file and a folder with no YAML are one line each, exit 1', async () => {
    const { dir, db } = setup();
    mkdirSync(join(dir, 'empty'));
    expect(await cli(['load', 'nope.yaml'], { db, cwd: dir })).toEqual({ code: 1, out: '', err: 'study: nope.yaml: no such file or folder\n' });
    expect(await cli(['load', 'empty'], { db, cwd: dir })).toEqual({
      code: 1,
      out: '',
      err: 'study: empty: no roadmap files (*.yaml, *.yml) in this folder\n',
    });
  });

  it('two files with the same roadmap id are refused', async () => {
    const { dir, db } = setup();
    writeFileSync(join(dir, 'a.yaml'), 'id: same\ntitle: A\nkind: checklist\nsections: [{title: S, items: [x]}]\n');
    writeFileSync(join(dir, 'b.yaml'), 'id: same\ntitle: B\nkind: checklist\nsections: [{title: S, items: [y]}]\n');
    const r = await cli(['load', '.'], { db, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toBe('study: b.yaml:1:1: roadmap id "same" is also the id of a.yaml; give one of them another id:\n');
  });
});

describe('study validate', () => {
  it('checks files without writing anything', async () => {
    const { dir, db } = setup();
    const r = await cli(['validate', 'my-plan.yaml'], { db, cwd: dir });
    expect(r).toEqual({ code: 0, out: 'ok  my-plan.yaml  my-plan (weekly, 2 sections, 4 items)\n', err: '' });
    expect(() => readFileSync(db)).toThrow();
  });

  it('every bundled roadmap is valid', async () => {
    const r = await cliJson<{ files: { id: string; items: number }[] }>(['validate', 'roadmaps'], { db: join(tempDir(), 's.db') });
    expect(r.files).toHaveLength(5);
    for (const f of r.files) expect(f.items).toBeGreaterThan(20);
  });
});

describe('study roadmaps and study show', () => {
  it('a fresh store gets the bundled roadmaps first, and says so', async () => {
    const db = join(tempDir(), 'fresh', 'study.db');
    const r = await cli(['roadmaps'], { db });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^study: first run: loaded the 5 bundled roadmaps into .*fresh\/study\.db\n$/);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^roadmap\s+kind\s+done\s+started\s+status$/);
    // each roadmap's figures, then its title under them
    expect(lines[1]).toMatch(/^backend-devops-checklist\s+checklist\s+5\/66\s+7%\s+-\s+not started$/);
    expect(lines[2]).toBe('  Backend & DevOps Study Roadmap');
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(80);
  });

  it('--json has the shape of SPEC section 5 with done counts from the file marks', async () => {
    const { db } = setup();
    const list = await cliJson<Record<string, unknown>[]>(['roadmaps'], { db });
    const checklist = list.find((r) => r.id === 'backend-devops-checklist')!;
    expect(Object.keys(checklist).slice(0, 7)).toEqual(['id', 'title', 'kind', 'items', 'done', 'percent', 'startedOn']);
    expect(checklist).toMatchObject({ kind: 'checklist', startedOn: null });
    // The checklist seed has Docker and its five sub-items checked.
    expect(checklist.done).toBe(5);
    expect(checklist.percent).toBe(Math.floor((5 * 100) / (checklist.items as number)));
  });

  it('show --json: sections with declared weeks, nested items with done and dueWeek', async () => {
    const { dir, db } = setup();
    await cli(['load', 'my-plan.yaml'], { db, cwd: dir });
    const view = await cliJson<{ sections: unknown[] }>(['show', 'my-plan'], { db });
    expect(view).toMatchObject({
      id: 'my-plan',
      title: 'My Plan',
      kind: 'weekly',
      sections: [
        {
          id: 'my-plan/w1',
          title: 'Basics',
          weeks: [1, 1],
          items: [
            { id: 'my-plan/w1/http', title: 'HTTP', kind: 'topic', done: false, dueWeek: null, items: [] },
            { id: 'my-plan/w1/sql', title: 'SQL', kind: 'topic', done: false, dueWeek: null, items: [] },
            { id: 'my-plan/w1/build-an-api', title: 'Build an API', kind: 'task', done: false, dueWeek: null, effort: '3h' },
          ],
        },
        { id: 'my-plan/w2', weeks: [2, 3], items: [{ id: 'my-plan/w2/add-redis', kind: 'task' }] },
      ],
    });
  });

  it('show nests children and marks what is done', async () => {
    const db = join(tempDir(), 's.db');
    const view = await cliJson<{ sections: { items: { title: string; done: boolean; items: { done: boolean }[] }[] }[] }>(
      ['show', 'backend-devops'],
      { db },
    );
    const docker = view.sections[0]!.items[0]!;
    expect(docker.title).toBe('Docker');
    expect(docker.done).toBe(true);
    expect(docker.items.map((c) => c.done)).toEqual([true, true, true, true, true]);
    expect(view.sections[0]!.items[1]).toMatchObject({ title: 'Kubernetes', done: false });
  });

  it('show text: a tree with marks and short ids, fitted to 80 columns', async () => {
    const db = join(tempDir(), 's.db');
    const r = await cli(['show', 'backend-devops-checklist'], { db, columns: 80 });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Backend & DevOps Study Roadmap');
    // The ids study done takes: `docker` alone names two items (another roadmap has one).
    expect(lines.some((l) => /^  ✓ Docker +devops-deployment\/docker$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {4}✓ Understand containers vs\. VMs +understand-containers-vs-vms$/.test(l))).toBe(true);
    expect(lines.some((l) => /^  ○ Kubernetes +kubernetes$/.test(l))).toBe(true);
    const { default: stringWidth } = await import('string-width');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('an unknown roadmap names the loaded ones; a prefix that fits several is ambiguous', async () => {
    const db = join(tempDir(), 's.db');
    await cli(['load'], { db });
    expect(await cli(['show', 'nope'], { db })).toEqual({
      code: 1,
      out: '',
      err: 'study: roadmap "nope" not found; loaded: backend-devops-checklist, backend-django-go-tracks, backend-realtime-phases, flash-poll-phases, system-architecture-12w (see study roadmaps)\n',
    });
    const amb = await cli(['show', 'backend'], { db });
    expect(amb.code).toBe(1);
    expect(amb.err).toBe('study: roadmap "backend" is ambiguous: backend-devops-checklist, backend-django-go-tracks, backend-realtime-phases\n');
  });

  it('titles with escape sequences and control characters load, but print neutralised', async () => {
    const dir = tempDir();
    const db = join(dir, 's.db');
    writeFileSync(
      join(dir, 'evil.yaml'),
      'title: "Evil \\e[31mred\\e[0m \\e]8;;https://x.example\\a link\\e]8;;\\a"\nkind: checklist\nsections:\n  - title: "bell\\a c1\\u0085 bidi\\u202e csi\\u009b31m8bit"\n    items: ["\\e[2Jclear"]\n',
    );
    expect((await cli(['load', 'evil.yaml'], { db, cwd: dir })).code).toBe(0);
    const r = await cli(['show', 'evil'], { db });
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.out).toContain('Evil red  link');
    expect(r.out).toContain('bell␇ c1\ufffd bidi\ufffd csi8bit');
    expect(r.out).toContain('○ clear');
  });
});

describe('usage', () => {
  it('an unknown option is a usage error, exit 2', async () => {
    const r = await cli(['roadmaps', '--bogus'], { db: join(tempDir(), 's.db') });
    expect(r.code).toBe(2);
    expect(r.err).toBe("study: unknown option '--bogus'\n");
  });

  it('an unknown command suggests the right one, exit 2', async () => {
    const r = await cli(['roadmap'], { db: join(tempDir(), 's.db') });
    expect(r.code).toBe(2);
    expect(r.err).toContain("study: unknown command 'roadmap'");
    expect(r.err).toContain('(Did you mean roadmaps?)');
  });

  it('the store comes from --db, else STUDY_DB, else XDG_DATA_HOME, else HOME', async () => {
    const dir = tempDir();
    await cli(['load', 'roadmaps/system-architecture-12w.yaml'], { env: { XDG_DATA_HOME: join(dir, 'xdg') } });
    expect(readFileSync(join(dir, 'xdg', 'study', 'study.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
    await cli(['load', 'roadmaps/system-architecture-12w.yaml'], { env: { HOME: join(dir, 'home') } });
    expect(readFileSync(join(dir, 'home', '.local', 'share', 'study', 'study.db')).length).toBeGreaterThan(0);
    await cli(['--db', join(dir, 'flag.db'), 'load', 'roadmaps/system-architecture-12w.yaml'], { env: { STUDY_DB: join(dir, 'env.db') } });
    expect(readFileSync(join(dir, 'flag.db')).length).toBeGreaterThan(0);
    expect(() => readFileSync(join(dir, 'env.db'))).toThrow();
  });
});
