// study done, driven in-process with a temp store and a fixed clock.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli, cliJson, tempDir } from '../support/cli.js';

const ALPHA = [
  'id: alpha',
  'title: Alpha',
  'kind: checklist',
  'sections:',
  '  - id: s1',
  '    title: Basics',
  '    items:',
  '      - title: Docker',
  '        items: [Containers vs VMs, Write Dockerfiles, Compose]',
  '      - Café au lait résumé',
  '      - ব্যাকএন্ড ডেভেলপমেন্ট',
  '      - 🚀 Launch the app',
  '      - "Evil \\e[31mred\\e[0m \\u202etitle\\x07 here"',
  '      - title: Pre-checked thing',
  '        done: true',
  '      - Redis caching',
  '  - id: s2',
  '    title: More',
  '    items:',
  '      - Redis',
  '      - Redis cluster',
  '',
].join('\n');

const BETA = [
  'id: beta',
  'title: Beta',
  'kind: checklist',
  'sections:',
  '  - id: s1',
  '    title: Other',
  '    items:',
  '      - Redis',
  '      - "Evil \\e]8;;http://x\\aclick\\e]8;;\\a twin \\u202eEvil"',
  '',
].join('\n');

const NOW = '2026-11-23T09:30';

async function setup(): Promise<{ db: string; dir: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'alpha.yaml'), ALPHA);
  writeFileSync(join(dir, 'beta.yaml'), BETA);
  const db = join(dir, 'study.db');
  const r = await cli(['load', dir], { db, now: NOW });
  expect(r.code, r.err).toBe(0);
  return { db, dir };
}

interface ShowItem {
  id: string;
  done: boolean;
  items: ShowItem[];
}

async function doneIds(db: string, roadmap = 'alpha'): Promise<string[]> {
  const view = await cliJson<{ sections: { items: ShowItem[] }[] }>(['show', roadmap], { db, now: NOW });
  const flat = (items: ShowItem[]): ShowItem[] => items.flatMap((i) => [i, ...flat(i.items)]);
  return view.sections.flatMap((s) => flat(s.items)).filter((i) => i.done).map((i) => i.id);
}

function completions(db: string, from = '2000-01-01', to = '2100-01-01') {
  const store = openStore(db);
  try {
    return store.completions.between(from, to).map((c) => [c.itemId, c.day]);
  } finally {
    store.close();
  }
}

describe('study done', () => {
  it('marks an item by its full id, and says how much of the plan is done', async () => {
    const { db } = await setup();
    const r = await cli(['done', 'alpha/s2/redis-cluster'], { db, now: NOW });
    expect(r).toEqual({ code: 0, out: '', err: 'study: ✓ Redis cluster — alpha (not started): 2 of 11 items done (18%)\n' });
    expect(await doneIds(db)).toEqual(['alpha/s1/pre-checked-thing', 'alpha/s2/redis-cluster']);
  });

  it('marks an item by a unique id suffix, by words of its title, and by its exact title', async () => {
    const { db } = await setup();
    expect((await cli(['done', 's2/redis'], { db, now: NOW })).err).toBe('study: ✓ Redis — alpha (not started): 2 of 11 items done (18%)\n');
    expect((await cli(['done', 'cafe resume'], { db, now: NOW })).err).toBe('study: ✓ Café au lait résumé — alpha (not started): 3 of 11 items done (27%)\n');
    expect((await cli(['done', 'ব্যাকএন্ড ডেভেলপমেন্ট'], { db, now: NOW })).err).toContain('✓ ব্যাকএন্ড ডেভেলপমেন্ট — alpha (not started): 4 of 11');
    expect((await cli(['done', '🚀'], { db, now: NOW })).err).toContain('✓ 🚀 Launch the app — alpha (not started): 5 of 11');
    expect(await doneIds(db)).toEqual([
      'alpha/s1/cafe-au-lait-resume',
      'alpha/s1/item-3',
      'alpha/s1/launch-the-app',
      'alpha/s1/pre-checked-thing',
      'alpha/s2/redis',
    ]);
  });

  it('takes several unquoted words as one title when they do not each name one item', async () => {
    const { db } = await setup();
    const r = await cli(['done', 'redis', 'caching'], { db, now: NOW });
    expect(r).toEqual({ code: 0, out: '', err: 'study: ✓ Redis caching — alpha (not started): 2 of 11 items done (18%)\n' });
    // Together they match several titles: that is the ambiguity reported, not one per word.
    const many = await cli(['done', 'redis', 'c'], { db, now: NOW });
    expect(many.code).toBe(1);
    expect(many.err).toBe(
      ['study: "redis c" matches 2 items; say which:', '  redis-caching  Redis caching  (alpha)', '  redis-cluster  Redis cluster  (alpha)', ''].join('\n'),
    );
  });

  it('marking a parent marks its children; --json lists what was marked', async () => {
    const { db } = await setup();
    await cli(['done', 'write-dockerfiles'], { db, now: NOW });
    const r = await cli(['done', 'docker'], { db, now: NOW });
    expect(r).toEqual({ code: 0, out: '', err: 'study: ✓ Docker + 2 items under it — alpha (not started): 4 of 11 items done (36%)\n' });
    expect(await doneIds(db)).toEqual([
      'alpha/s1/docker',
      'alpha/s1/docker/containers-vs-vms',
      'alpha/s1/docker/write-dockerfiles',
      'alpha/s1/docker/compose',
      'alpha/s1/pre-checked-thing',
    ]);
    expect(completions(db).map(([id]) => id).sort()).toEqual([
      'alpha/s1/docker',
      'alpha/s1/docker/compose',
      'alpha/s1/docker/containers-vs-vms',
      'alpha/s1/docker/write-dockerfiles',
    ]);
    const again = await cli(['done', 'docker'], { db, now: NOW });
    expect(again).toEqual({ code: 0, out: '', err: 'study: already done: Docker\n' });
    expect(JSON.parse((await cli(['--json', 'done', 'redis-cluster'], { db, now: NOW })).out)).toEqual({
      done: [
        {
          id: 'alpha/s2/redis-cluster',
          title: 'Redis cluster',
          roadmap: 'alpha',
          date: '2026-11-23',
          marked: 1,
          alreadyDone: false,
          progress: expect.objectContaining({ done: 5, total: 11, percent: 45 }),
        },
      ],
    });
  });

  it('--undo reopens an item (and the parent it made done); history stays, a new completion gets a new date', async () => {
    const { db } = await setup();
    await cli(['done', 'docker'], { db, now: NOW });
    const r = await cli(['done', 'compose', '--undo'], { db, now: NOW });
    expect(r).toEqual({ code: 0, out: '', err: 'study: reopened Compose, Docker — alpha (not started): 3 of 11 items done (27%)\n' });
    expect(await doneIds(db)).toEqual(['alpha/s1/docker/containers-vs-vms', 'alpha/s1/docker/write-dockerfiles', 'alpha/s1/pre-checked-thing']);
    expect((await cli(['done', 'compose', '--undo'], { db, now: NOW })).err).toBe('study: not done: Compose\n');
    await cli(['done', 'compose'], { db, now: '2026-11-25T10:00' });
    expect(completions(db)).toContainEqual(['alpha/s1/docker/compose', '2026-11-25']);
    expect(await doneIds(db)).toContain('alpha/s1/docker');
    expect(JSON.parse((await cli(['--json', 'done', 'docker', '--undo'], { db, now: NOW })).out)).toEqual({
      reopened: [
        {
          id: 'alpha/s1/docker',
          title: 'Docker',
          roadmap: 'alpha',
          wasDone: true,
          reopened: ['alpha/s1/docker/containers-vs-vms', 'alpha/s1/docker/write-dockerfiles', 'alpha/s1/docker/compose'],
          progress: expect.objectContaining({ done: 1, total: 11, percent: 9 }),
        },
      ],
    });
    expect(completions(db)).toEqual([]);
  });

  it('--undo cannot reopen an item marked done in its file', async () => {
    const { db, dir } = await setup();
    const r = await cli(['done', 'pre-checked', '--undo'], { db, now: NOW });
    expect(r.code).toBe(1);
    expect(r.err).toBe(`study: Pre-checked thing is marked done in ${join(dir, 'alpha.yaml')}; edit the file to reopen it\n`);
  });

  it('--date back-dates the completion to that study day; the default is today as day-start counts it', async () => {
    const { db } = await setup();
    expect((await cli(['done', 'compose', '--date', '2026-11-20'], { db, now: NOW })).code).toBe(0);
    await cli(['done', 'containers-vs-vms'], { db, now: '2026-11-24T02:30' }); // before 04:00: still the 23rd
    expect(completions(db, '2026-11-20', '2026-11-20')).toEqual([['alpha/s1/docker/compose', '2026-11-20']]);
    expect(completions(db, '2026-11-23', '2026-11-24')).toEqual([['alpha/s1/docker/containers-vs-vms', '2026-11-23']]);
  });

  it('--date in the future, malformed, or with --undo is a usage error; nothing is written', async () => {
    const { db } = await setup();
    const future = await cli(['done', 'compose', '--date', '2026-11-24'], { db, now: NOW });
    expect(future).toEqual({
      code: 2,
      out: '',
      err: 'study: --date: 2026-11-24 is in the future (today is 2026-11-23)\n',
    });
    const bad = await cli(['done', 'compose', '--date', '2026-02-30'], { db, now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--date: expected a date YYYY-MM-DD that exists');
    expect((await cli(['done', 'compose', '--undo', '--date', '2026-11-20'], { db, now: NOW })).code).toBe(2);
    expect(completions(db)).toEqual([]);
  });

  it('several matches without a terminal: exit 1, the candidates with ids they can be named by', async () => {
    const { db } = await setup();
    const r = await cli(['done', 'redis'], { db, now: NOW });
    expect(r).toEqual({
      code: 1,
      out: '',
      err: ['study: "redis" matches 2 items; say which:', '  s2/redis  Redis  (alpha)', '  s1/redis  Redis  (beta)', ''].join('\n'),
    });
    const words = await cli(['done', 'redis c'], { db, now: NOW });
    expect(words.err).toBe(
      [
        'study: "redis c" matches 2 items; say which:',
        '  redis-caching  Redis caching  (alpha)',
        '  redis-cluster  Redis cluster  (alpha)',
        '',
      ].join('\n'),
    );
    expect(completions(db)).toEqual([]);
    // The listed ids work.
    expect((await cli(['done', 's1/redis'], { db, now: NOW })).err).toBe('study: ✓ Redis — beta (not started): 1 of 2 items done (50%)\n');
  });

  it('nothing matches: exit 1 with the closest titles', async () => {
    const { db } = await setup();
    const r = await cli(['done', 'dokcer'], { db, now: NOW });
    expect(r).toEqual({ code: 1, out: '', err: 'study: no item matches "dokcer"; the closest:\n  docker  Docker  (alpha)\n' });
    const none = await cli(['done', 'zzqqxx'], { db, now: NOW });
    expect(none.code).toBe(1);
    expect(none.err).toBe('study: no item matches "zzqqxx"; `study show ROADMAP` lists the items and their ids\n');
  });

  it('untrusted titles and tasks are neutralised in candidate lists and messages', async () => {
    const { db } = await setup();
    const r = await cli(['done', 'evil'], { db, now: NOW });
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        'study: "evil" matches 2 items; say which:',
        '  evil-31mred-0m-title-here        Evil red \ufffdtitle\u2407 here  (alpha)',
        '  evil-8-http-x-click-8-twin-evil  Evil click twin \ufffdEvil  (beta)',
        '',
      ].join('\n'),
    );
    const typed = await cli(['done', 'x\u001b[2Jy\u202e'], { db, now: NOW });
    expect(typed.code).toBe(1);
    expect(typed.err).toMatch(/^study: no item matches "xy\ufffd"/);
    for (const text of [r.err, typed.err]) expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const ok = await cli(['done', 'alpha/s1/evil-31mred-0m-title-here'], { db, now: NOW });
    expect(ok.err).toBe('study: ✓ Evil red \ufffdtitle\u2407 here — alpha (not started): 2 of 11 items done (18%)\n');
  });

  it('several TASKs: all or nothing', async () => {
    const { db } = await setup();
    const r = await cli(['done', 'redis-cluster', 'no-such-thing-here'], { db, now: NOW });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^study: no item matches "no-such-thing-here"/);
    expect(r.err).toMatch(/study: nothing was written\n$/);
    expect(completions(db)).toEqual([]);
    const ok = await cli(['done', 'redis-cluster', 'compose', 'redis-cluster'], { db, now: NOW });
    expect(ok).toEqual({
      code: 0,
      out: '',
      err: 'study: ✓ Redis cluster — alpha (not started): 3 of 11 items done (27%)\nstudy: ✓ Compose — alpha (not started): 3 of 11 items done (27%)\n',
    });
  });

  it('on a first run, loads the bundled roadmaps and marks by title words', async () => {
    const db = join(tempDir(), 'study.db');
    const r = await cli(['done', 'monolith', 'vs', 'microservices'], { db, now: NOW });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('study: first run: loaded the 5 bundled roadmaps');
    expect(r.err).toContain('study: ✓ Monolith vs Microservices — system-architecture-12w (not started): 1 of 46 items done (2%)\n');
  });
});

describe('study done prefers the items of started plans', () => {
  it('a title that matches in a started plan is not looked for in roadmaps nobody started', async () => {
    const db = join(tempDir(), 's.db');
    // Without a plan, "monolith" is ambiguous across two roadmaps.
    const before = await cli(['done', 'monolith'], { db, now: '2026-11-23T09:00' });
    expect(before.code).toBe(1);
    expect(before.err).toContain('"monolith" matches 2 items');
    await cli(['start', 'system-architecture-12w'], { db, now: '2026-11-23T08:00' });
    const after = await cli(['done', 'monolith'], { db, now: '2026-11-23T09:00' });
    // Monolith is due in plan week 2: done in week 1, the plan is ahead.
    expect(after).toEqual({ code: 0, out: '', err: 'study: ✓ Monolith vs Microservices — system-architecture-12w: 1 of 46 items done (2%) · ahead by 1 item\n' });
    // Nothing in the started plan matches: all roadmaps are searched.
    const docker = await cli(['done', 'Docker Compose'], { db, now: '2026-11-23T09:00' });
    expect(docker.err).toBe('study: ✓ Docker Compose — backend-django-go-tracks (not started): 1 of 54 items done (1%)\n');
  });
});
