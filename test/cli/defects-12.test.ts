// Issue 12's defects 2-11, each as the user met it (defect 1: test/cli/history.test.ts;
// defect 5: test/cli/log.test.ts; defect 9: test/cli/width.test.ts), and the main help
// leading with the daily loop.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli.js';

const MY_DSA = `id: my-dsa
title: My DSA
kind: weekly
sections:
  - {title: Arrays, weeks: 1, items: [Two pointers, Sliding window]}
  - {title: Trees, weeks: 2, items: [BFS, DFS]}
  - {title: Graphs, weeks: 3, items: [Dijkstra]}
`;

/** A store with the bundled roadmaps, a plan of them started on `on`, as of `now`. */
async function started(plan: string, on: string, now: string): Promise<string> {
  const db = join(tempDir(), 'study.db');
  const r = await cli(['start', plan, '--on', on], { db, now });
  expect(r.code, r.err).toBe(0);
  return db;
}

describe('issue 12, defect 2: every "and N more" names a command that lists them', () => {
  it.each([
    ['overdue', 'backend-realtime-phases', '2026-11-02', '2026-12-06T09:00'],
    ['this week', 'flash-poll-phases', '2026-11-02', '2026-11-03T09:00'],
  ])('%s: the command lists the items shown and the N more', async (_what, plan, on, now) => {
    const db = await started(plan, on, now);
    const today = (await cli(['today'], { db, now })).out;
    const more = /^ {2}… and (\d+) more(?: this week)?: study (.+)$/m.exec(today);
    expect(more, today).not.toBeNull();
    // The rows of the list above the line: items with a mark.
    const before = today.slice(0, more!.index).trimEnd().split('\n');
    const heading = before.findLastIndex((l) => !/^ {2}[○✓]/.test(l));
    const shown = before.length - 1 - heading;
    const listed = await cli(more![2]!.split(' '), { db, now });
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out.split('\n').filter((l) => /^ {2}[○✓]/.test(l))).toHaveLength(shown + Number(more![1]));
  });
});

describe('issue 12, defect 2: a TASK matching too many to list names the command that lists them', () => {
  it('all in one roadmap: study show ROADMAP; in several: study show ROADMAP, said so', async () => {
    const db = await started('flash-poll-phases', '2026-11-16', '2026-11-18T09:00');
    const one = await cli(['done', 'e'], { db, now: '2026-11-18T09:00' });
    expect(one.code).toBe(1);
    const more = /^ {2}… and (\d+) more: (study show flash-poll-phases) lists every item with its id; more words narrow the match$/m.exec(one.err);
    expect(more, one.err).not.toBeNull();
    const listed = await cli(more![2]!.split(' ').slice(1), { db, now: '2026-11-18T09:00' });
    expect(listed.out.split('\n').filter((l) => /^ +[○✓] /.test(l)).length).toBeGreaterThanOrEqual(20 + Number(more![1]));
    const fresh = await cli(['done', 'x'], { db: join(tempDir(), 'study.db'), now: '2026-11-18T09:00' });
    expect(fresh.err).toMatch(/\n {2}… and \d+ more: study show ROADMAP lists every item with its id; more words narrow the match\n$/);
  });
});

describe('issue 12, defect 3: a report of week 53', () => {
  it('names its days once, with both years, in text and Markdown', async () => {
    const db = await started('system-architecture-12w', '2026-11-02', '2027-01-05T09:00');
    const text = await cli(['report', '--week', '2026-W53'], { db, now: '2027-01-05T09:00' });
    expect(text.out.split('\n')[0]).toBe('Weekly report 2026-W53 · 28 Dec 2026 – 3 Jan 2027');
    const md = await cli(['report', '--week', '2026-W53', '--format', 'markdown'], { db, now: '2027-01-05T09:00' });
    expect(md.out.split('\n').slice(0, 3)).toEqual(['# Weekly report 2026-W53', '', '28 Dec 2026 – 3 Jan 2027']);
  });
});

describe('issue 12, defect 4: a plan that has not begun', () => {
  it("today shows the plan's first week, its items, and the first of them next", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'my-dsa.yaml'), MY_DSA);
    const db = join(dir, 'study.db');
    const now = '2026-12-13T09:00';
    expect((await cli(['load', 'my-dsa.yaml'], { db, now, cwd: dir })).code).toBe(0);
    expect((await cli(['start', 'my-dsa', '--on', '2026-12-14'], { db, now })).code).toBe(0);
    const r = await cli(['today'], { db, now });
    expect(r.out).toContain(
      ['My DSA', 'starts Mon 14 Dec · 3 weeks · first week 14–20 Dec', '  ○ Two pointers      two-pointers', '  ○ Sliding window    sliding-window', '0 of 5 items done (0%) · not started'].join('\n'),
    );
    expect(r.out).toContain('Next: Two pointers\n      study done two-pointers\n');
  });
});

describe('issue 12, defect 6: suggestions rank the started plans first', () => {
  it('a typo: the started plan’s items first, as exact matches are', async () => {
    const db = await started('system-architecture-12w', '2026-11-02', '2026-11-20T09:00');
    const r = await cli(['done', 'celry'], { db, now: '2026-11-20T09:00' });
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe('study: no item matches "celry"; the closest:');
    expect(lines[1]).toMatch(/^ {2}celery-redis-django-integration +Celery \+ Redis \+ Django integration {2}\(system-architecture-12w\)$/);
    // The started plan has five items about Celery: all five come before flash-poll-phases' shorter titles.
    const from = lines.slice(1).filter((l) => l !== '').map((l) => /\(([^()]+)\)$/.exec(l)![1]);
    expect(from).toEqual(Array(5).fill('system-architecture-12w'));
  });
});

describe('issue 12, defect 7: done PARENT --undo says what it reopened', () => {
  it('only a child was done: the child is named, not the parent', async () => {
    const db = await started('backend-realtime-phases', '2026-11-02', '2026-11-20T09:00');
    const now = '2026-11-20T09:00';
    expect((await cli(['done', 'ddia-book'], { db, now })).code).toBe(0);
    const r = await cli(['done', 'backend-system-design', '--undo'], { db, now });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^study: reopened Book: "Designing Data-Intensive Applications" by Martin Kleppmann \(must-read\) — backend-realtime-phases: 0 of 33 items done/);
  });
});

describe('issue 12, defect 8: hours-per-week states the range it accepts', () => {
  it.each([['0'], ['169'], ['-1']])('config set hours-per-week %s', async (value) => {
    const r = await cli(['config', 'set', 'hours-per-week', value], { db: join(tempDir(), 'study.db') });
    expect(r.code).toBe(2);
    expect(r.err).toBe('study: hours-per-week: expected hours per week above 0 and at most 168, like 8\n');
  });
});

describe('issue 12, defect 10: done in a roadmap that is not started says so', () => {
  it('while another plan is started: a line of its own on stderr', async () => {
    const db = await started('system-architecture-12w', '2026-11-02', '2026-11-20T09:00');
    const r = await cli(['done', 'helm'], { db, now: '2026-11-20T09:00' });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      'study: ✓ Use Helm charts for templating — backend-devops-checklist (not started): 6 of 66 items done (9%)',
      'study: Use Helm charts for templating is in backend-devops-checklist, which is not started (study undo takes it back)',
      '',
    ]);
  });
});

describe('issue 12, defect 11: the small ones', () => {
  it('plurals: one item, one week, one roadmap, one setting', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.yaml'), 'id: one\ntitle: One\nkind: weekly\nsections:\n  - {title: S, weeks: 1, items: [only]}\n');
    const db = join(dir, 'study.db');
    const at = (args: string[]) => cli(args, { db, now: '2026-11-02T09:00', cwd: dir });
    expect((await at(['validate', 'one.yaml'])).out).toContain('one (weekly, 1 section, 1 item)');
    expect((await at(['load', 'one.yaml'])).out).toBe('one  1 item  1 added\n');
    expect((await at(['start', 'one'])).out).toMatch(/^Started one: 1 week, /);
    await at(['config', 'set', 'rest-days', 'sun']);
    expect((await at(['export', '--out', 'b.json'])).err).toBe('study: wrote b.json: 1 roadmap, 0 completions, 0 sessions, 1 plan, 1 setting\n');
    const other = join(dir, 'other.db');
    const restored = await cli(['import-backup', join(dir, 'b.json')], { db: other, now: '2026-11-02T09:00' });
    expect(restored.err).toMatch(/^study: restored 1 roadmap, 0 completions, 0 sessions, 1 plan and 1 setting from /);
  });

  it('an unrated LeetCode session: in the text report and in the Markdown one', async () => {
    const db = join(tempDir(), 'study.db');
    const now = '2026-11-04T09:00';
    await cli(['leet', 'log', '999'], { db, now });
    expect((await cli(['report'], { db, now })).out).toContain('  easy 0 · medium 0 · hard 0 · unrated 1\n');
    expect((await cli(['report', '--format', 'markdown'], { db, now })).out).toContain('Easy 0, medium 0, hard 0, unrated 1.');
  });

  it("the report's marks are explained", async () => {
    const db = join(tempDir(), 'study.db');
    const r = await cli(['report'], { db, now: '2026-11-04T09:00' });
    expect(r.out).toMatch(/ {2}· {3}· {3}· {3}· {3}· {3}· {3}· {3}● 1 session {2}◆ 2 or more\n/);
  });

  it('the YAML an import writes has no line of spaces after habits:', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), '# Plan\n\n## Daily\n- LeetCode 1 problem\n- Read 20 pages\n\n## Week 1: Basics\n- Go syntax\n');
    const r = await cli(['import', 'plan.md'], { cwd: dir, db: join(dir, 'study.db') });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('habits:\n  - id: ');
    expect(r.out.split('\n').filter((l) => l !== '' && l.trim() === '')).toEqual([]);
  });

  it('today: a long section title gives way, the dates stay', async () => {
    const dir = tempDir();
    const long = 'A very long section title about distributed systems, consensus and replication in practice';
    writeFileSync(join(dir, 'l.yaml'), `id: l\ntitle: L\nkind: weekly\nsections:\n  - {title: "${long}", weeks: 1, items: [x]}\n`);
    const db = join(dir, 'study.db');
    await cli(['load', 'l.yaml'], { db, now: '2026-11-02T09:00', cwd: dir });
    await cli(['start', 'l'], { db, now: '2026-11-02T09:00' });
    const header = (await cli(['today'], { db, now: '2026-11-03T09:00' })).out.split('\n').find((l) => l.startsWith('week 1 of 1'))!;
    expect(header).toMatch(/^week 1 of 1 · 2–8 Nov · A very long section title .*…$/);
    expect(header.length).toBe(80);
  });
});

describe("issue 12, defect 11: the line about LeetCode's day, only where it says something", () => {
  const today = async (now: string): Promise<string> => (await cli(['today'], { db: join(tempDir(), 'study.db'), now })).out;
  const streak = async (now: string): Promise<string> => (await cli(['streak', '--weeks', '1'], { db: join(tempDir(), 'study.db'), now })).out;

  it('not where its day ends at midnight and it is the same day there', async () => {
    expect(await today('2026-11-23T09:30+00:00')).not.toContain('LeetCode’s day'.replace('’', "'"));
    expect(await streak('2026-11-23T09:30+00:00')).not.toContain("LeetCode's day");
  });

  it('where its day ends at another hour', async () => {
    expect(await today('2026-11-23T09:30-05:00')).toContain("    LeetCode's day ends at 19:00 here\n");
    expect(await streak('2026-11-23T09:30+06:00')).toContain("LeetCode's day ends at 06:00 here\n");
  });

  it('after midnight, before the study day ends: it is tomorrow there already', async () => {
    expect(await today('2026-11-24T01:30+00:00')).toContain('    on LeetCode it is 2026-11-24 already (its day ends at 00:00 here)\n');
  });

  it('not about another day (today --date)', async () => {
    const r = await cli(['today', '--date', 'yesterday'], { db: join(tempDir(), 'study.db'), now: '2026-11-23T09:30-05:00' });
    expect(r.out).not.toContain("LeetCode's day");
  });
});

describe('issue 12: study --help leads with the daily loop', () => {
  it('the first commands are today, done, undo, leet, log, streak and report; load and validate come later', async () => {
    const help = (await cli(['--help'])).out;
    const commands = [...help.slice(help.indexOf('Every day:')).matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(commands.slice(0, 7)).toEqual(['today', 'done', 'undo', 'leet', 'log', 'streak', 'report']);
    expect(help.indexOf('Every day:')).toBeLessThan(help.indexOf('Roadmap files:'));
    expect(help).toContain('The daily loop:\n  $ study                      today');
  });
});
