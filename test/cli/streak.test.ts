// study streak, driven in-process with a temp store and STUDY_NOW.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

// Dhaka: UTC+6, no daylight saving. 2026-11-23 is a Monday.
const NOW = '2026-11-23T09:30+06:00';

interface StreakJson {
  habit: string;
  current: number;
  longest: number;
  doneToday: boolean;
  atRisk: boolean;
  today: string;
  todayCount: number;
  days: { date: string; count: number }[];
}

function store(): string {
  return join(tempDir(), 'study.db');
}

/** Logs one LeetCode session per entry, back-dated to its day (STUDY_NOW stays NOW). */
async function logOn(db: string, ...days: string[]): Promise<void> {
  for (const day of days) {
    const r = await cli(['leet', 'log', 'two-sum', '--date', day], { db, now: NOW });
    if (r.code !== 0) throw new Error(r.err);
  }
}

/** 11-09 .. 11-22 every day but Sunday 11-15, two sessions on 11-20, and a few older days. */
async function fixture(): Promise<string> {
  const db = store();
  await logOn(db, '2026-06-03', '2026-07-10', '2026-07-11', '2026-07-12', '2026-09-01', '2026-09-01', '2026-09-01');
  await logOn(db, '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14');
  await logOn(db, '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-20', '2026-11-21', '2026-11-22');
  return db;
}

describe('study streak: text', () => {
  it('the heatmap as it prints without colour (golden)', async () => {
    const db = await fixture();
    const r = await cli(['streak', '--no-color'], { db, now: NOW });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(GOLDEN);
  });

  it('done today; week starting on Sunday moves the rows', async () => {
    const db = await fixture();
    await cli(['leet', 'log', 'three-sum'], { db, now: NOW });
    await cli(['config', 'set', 'week-start', 'sun'], { db, now: NOW });
    const r = await cli(['streak', '--weeks', '3'], { db, now: NOW });
    expect(r.out).toBe(
      [
        'LeetCode: current streak 8 days · longest 8 days',
        'today (Mon 2026-11-23): done, 1 session',
        '',
        '    Nov',
        'Sun · · ▒',
        'Mon ▒ ▒ ▒',
        'Tue ▒ ▒',
        'Wed ▒ ▒',
        'Thu ▒ ▒',
        'Fri ▒ ▓',
        'Sat ▒ ▒',
        '    less · ░ ▒ ▓ █ more',
        '15 sessions on 14 days in the last 3 weeks',
        '',
      ].join('\n'),
    );
  });

  it('colour: the same characters in greens', async () => {
    const db = await fixture();
    const r = await cli(['streak', '--weeks', '2'], { db, now: NOW, env: { FORCE_COLOR: '1' } });
    expect(r.out).toContain('\u001b[32m▒\u001b[39m');
    expect(r.out).toContain('\u001b[92m▓\u001b[39m');
    const plain = await cli(['streak', '--weeks', '2'], { db, now: NOW, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.out).not.toContain('\u001b[');
  });

  it('a rest day today: nothing needed, nothing at risk', async () => {
    const db = await fixture();
    await cli(['config', 'set', 'rest-days', 'mon'], { db, now: NOW });
    const r = await cli(['streak', '--weeks', '1'], { db, now: NOW });
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'LeetCode: current streak 7 days · longest 7 days',
      'today (Mon 2026-11-23): a rest day, nothing needed; a session still counts',
      "LeetCode's day ends at 06:00 here",
    ]);
  });

  it('no sessions at all', async () => {
    const r = await cli(['streak', '--weeks', '1'], { db: store(), now: NOW });
    expect(r.out).toBe(
      [
        'LeetCode: current streak 0 days · longest 0 days',
        'today (Mon 2026-11-23): open, no session yet',
        "LeetCode's day ends at 06:00 here",
        '',
        '    Nov',
        'Mon ·',
        'Tue',
        'Wed',
        'Thu',
        'Fri',
        'Sat',
        'Sun',
        '    less · ░ ▒ ▓ █ more',
        '0 sessions on 0 days in the last 1 week',
        '',
      ].join('\n'),
    );
  });

  it('a month name that would touch the one before replaces it', async () => {
    // 3 weeks to Wed 2026-12-09: Nov 23-29 (labelled Nov: its first day), Nov 30-Dec 6 (holds Dec 1), Dec 7-13
    const r = await cli(['streak', '--weeks', '3'], { db: store(), now: '2026-12-09T09:30+06:00' });
    expect(r.out.split('\n')[4]).toBe('      Dec');
    const four = await cli(['streak', '--weeks', '4'], { db: store(), now: '2026-12-09T09:30+06:00' });
    expect(four.out.split('\n')[4]).toBe('    Nov Dec');
  });

  it("LeetCode's day end follows the UTC offset", async () => {
    const r = await cli(['streak', '--weeks', '1'], { db: store(), now: '2026-11-23T09:30-05:00' });
    expect(r.out).toContain("LeetCode's day ends at 19:00 here");
  });
});

describe('study streak and study today name a habit alike', () => {
  it('by the started plans that declare it (a roadmap nobody started does not title it)', async () => {
    const db = join(tempDir(), 'study.db');
    // the bundled backend-django-go-tracks declares leetcode as "LeetCode (1 problem/day)"; it is not started
    expect((await cli(['start', 'system-architecture-12w'], { db, now: NOW })).code).toBe(0);
    const today = await cliJson<{ habits: { id: string; title: string }[] }>(['today'], { db, now: NOW });
    const streak = await cliJson<{ habit: string; title: string }>(['streak'], { db, now: NOW });
    expect(today.habits.find((h) => h.id === 'leetcode')?.title).toBe('LeetCode');
    expect(streak.title).toBe('LeetCode');
    expect((await cli(['start', 'backend-django-go-tracks'], { db, now: NOW })).code).toBe(0);
    expect((await cliJson<{ title: string }>(['streak'], { db, now: NOW })).title).toBe('LeetCode (1 problem/day)');
    expect((await cliJson<{ habits: { id: string; title: string }[] }>(['today'], { db, now: NOW })).habits[0]!.title).toBe('LeetCode (1 problem/day)');
  });
});

describe('study streak: the rules, exact numbers', () => {
  it('open today is at risk, not broken; the empty Sunday 11-15 breaks the run', async () => {
    const db = await fixture();
    expect(await cliJson<StreakJson>(['streak'], { db, now: NOW })).toMatchObject({
      habit: 'leetcode',
      current: 7,
      longest: 7,
      doneToday: false,
      atRisk: true,
      today: '2026-11-23',
      todayCount: 0,
    });
  });

  it('rest-days sat,sun: the empty Sunday neither breaks nor extends', async () => {
    const db = await fixture();
    await cli(['config', 'set', 'rest-days', 'sat,sun'], { db, now: NOW });
    // 11-09 .. 11-22 minus 11-15: 13 qualifying days, Saturday 11-14 and Sunday 11-22 count like any day
    expect(await cliJson<StreakJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 13, longest: 13, atRisk: true });
  });

  it('daily-target 2: only days with two sessions qualify', async () => {
    const db = await fixture();
    await cli(['config', 'set', 'daily-target', '2'], { db, now: NOW });
    expect(await cliJson<StreakJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 0, longest: 1, atRisk: false });
    await logOn(db, '2026-11-21', '2026-11-22');
    expect(await cliJson<StreakJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 3, longest: 3, atRisk: true });
    // one session today is not enough
    const one = await cli(['leet', 'log', 'two-sum'], { db, now: NOW });
    expect(one.err).toMatch(/^study: logged 1\. Two Sum \(easy\) for 2026-11-23\nstudy: rated good · next review .+ · streak 3 days \(today 1 of 2 sessions\)\n$/);
    expect(await cliJson<StreakJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 3, doneToday: false, todayCount: 1 });
    await cli(['leet', 'log', 'two-sum'], { db, now: NOW });
    expect(await cliJson<StreakJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 4, longest: 4, doneToday: true, todayCount: 2 });
  });

  it('a session at 01:30 counts for the day before: today is still open at 01:30', async () => {
    const db = await fixture();
    const at0130 = '2026-11-24T01:30+06:00';
    await cli(['leet', 'log', 'two-sum'], { db, now: at0130 }); // study day 11-23
    expect(await cliJson<StreakJson>(['streak', '--weeks', '1'], { db, now: at0130 })).toEqual({
      habit: 'leetcode',
      current: 8,
      longest: 8,
      doneToday: true,
      atRisk: false,
      today: '2026-11-23',
      todayCount: 1,
      dailyTarget: 1,
      restToday: false,
      title: 'LeetCode',
      weeks: 1,
      days: [{ date: '2026-11-23', count: 1 }],
      freezesPerMonth: 0,
      freezesLeft: 0,
      frozenDays: [],
    });
    // at 09:30 on the 24th, the 24th is open and the streak at risk
    expect(await cliJson<StreakJson>(['streak'], { db, now: '2026-11-24T09:30+06:00' })).toMatchObject({ current: 8, atRisk: true, today: '2026-11-24' });
    // and a day later, broken
    expect(await cliJson<StreakJson>(['streak'], { db, now: '2026-11-25T09:30+06:00' })).toMatchObject({ current: 0, longest: 8, atRisk: false });
  });
});

describe('study streak --json and options', () => {
  it('days are the heatmap days, oldest first, today last', async () => {
    const db = await fixture();
    const j = await cliJson<StreakJson>(['streak'], { db, now: NOW });
    expect(Object.keys(j).slice(0, 4)).toEqual(['habit', 'current', 'longest', 'doneToday']);
    expect(j.days).toHaveLength(25 * 7 + 1);
    expect(j.days[0]).toEqual({ date: '2026-06-01', count: 0 });
    expect(j.days.at(-1)).toEqual({ date: '2026-11-23', count: 0 });
    expect(j.days.filter((d) => d.count > 0)).toEqual([
      { date: '2026-06-03', count: 1 },
      { date: '2026-07-10', count: 1 },
      { date: '2026-07-11', count: 1 },
      { date: '2026-07-12', count: 1 },
      { date: '2026-09-01', count: 3 },
      ...['09', '10', '11', '12', '13', '14', '16', '17', '18', '19'].map((d) => ({ date: `2026-11-${d}`, count: 1 })),
      { date: '2026-11-20', count: 2 },
      { date: '2026-11-21', count: 1 },
      { date: '2026-11-22', count: 1 },
    ]);
    // --json is not clamped to the terminal
    expect((await cliJson<StreakJson>(['streak', '--weeks', '60'], { db, now: NOW })).days).toHaveLength(59 * 7 + 1);
  });

  it('--weeks: at least 1, a whole number; clamped to what fits the terminal', async () => {
    const db = store();
    for (const bad of ['0', '-1', 'abc', '2.5']) {
      expect(await cli(['streak', '--weeks', bad], { db, now: NOW })).toEqual({
        code: 2,
        out: '',
        err: `study: --weeks: expected a whole number of weeks from 1 to 5200, got "${bad}"\n`,
      });
    }
    const wide = await cli(['streak', '--weeks', '60'], { db, now: NOW });
    expect(wide.err).toBe('study: --weeks 60 does not fit 80 columns; showing the last 37\n');
    expect(Math.max(...wide.out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    const narrow = await cli(['streak', '--no-color'], { db, now: NOW, tty: true, columns: 50 });
    expect(narrow.err).toBe('study: --weeks 26 does not fit 50 columns; showing the last 22\n');
    expect(Math.max(...narrow.out.split('\n').slice(2).map((l) => l.length))).toBeLessThanOrEqual(50);
  });

  it('--habit: a habit declared in a roadmap file; an unknown one is exit 1', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(
      join(dir, 'plan.yaml'),
      ['title: Plan', 'kind: checklist', 'sections:', '  - title: S', '    items: [A]', 'habits:', '  - id: reading', '    title: Read 20 pages', '    every: day', ''].join('\n'),
    );
    expect((await cli(['load', 'plan.yaml'], { db, cwd: dir, now: NOW })).code).toBe(0);
    expect(await cliJson<StreakJson>(['streak', '--habit', 'reading', '--weeks', '1'], { db, now: NOW })).toMatchObject({
      habit: 'reading',
      current: 0,
      longest: 0,
      title: 'Read 20 pages',
      days: [{ date: '2026-11-23', count: 0 }],
    });
    const text = await cli(['streak', '--habit', 'reading', '--weeks', '1'], { db, now: NOW });
    expect(text.out.split('\n').slice(0, 3)).toEqual(['Read 20 pages: current streak 0 days · longest 0 days', 'today (Mon 2026-11-23): open, no session yet', '']);
    expect(await cli(['streak', '--habit', 'anki'], { db, now: NOW })).toEqual({
      code: 1,
      out: '',
      err: 'study: unknown habit "anki"; habits: leetcode, reading (roadmap files declare them under habits:)\n',
    });
  });
});

// 11-09 .. 11-14 and 11-16 .. 11-22 each have a session (11-20 two), Sunday 11-15 none:
// 7 days (11-16 .. 11-22) since the break, today still open.
const GOLDEN = [
  'LeetCode: current streak 7 days · longest 7 days',
  'today (Mon 2026-11-23): open, the 7-day streak is at risk',
  "LeetCode's day ends at 06:00 here",
  '',
  '    Jun     Jul     Aug       Sep     Oct     Nov',
  'Mon · · · · · · · · · · · · · · · · · · · · · · · ▒ ▒ ·',
  'Tue · · · · · · · · · · · · · █ · · · · · · · · · ▒ ▒',
  'Wed ▒ · · · · · · · · · · · · · · · · · · · · · · ▒ ▒',
  'Thu · · · · · · · · · · · · · · · · · · · · · · · ▒ ▒',
  'Fri · · · · · ▒ · · · · · · · · · · · · · · · · · ▒ ▓',
  'Sat · · · · · ▒ · · · · · · · · · · · · · · · · · ▒ ▒',
  'Sun · · · · · ▒ · · · · · · · · · · · · · · · · · · ▒',
  '    less · ░ ▒ ▓ █ more',
  '21 sessions on 18 days in the last 26 weeks',
  '',
].join('\n');

describe('study streak: freezes (freezes-per-month)', () => {
  interface FreezeJson extends StreakJson {
    freezesLeft: number;
    frozenDays: string[];
  }

  it('a missed day uses the month’s freeze: the streak goes on; the heatmap marks it and the legend says so', async () => {
    const db = await fixture();
    expect(await cliJson<FreezeJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 7, freezesLeft: 0, frozenDays: [] });
    expect((await cli(['config', 'set', 'freezes-per-month', '1'], { db, now: NOW })).err).toBe('study: freezes-per-month = 1\n');
    // Sunday 11-15 is frozen; in June, July and September the first missed day used the
    // month's freeze and the next one broke the streak anyway
    expect(await cliJson<FreezeJson>(['streak'], { db, now: NOW })).toMatchObject({
      current: 13,
      longest: 13,
      atRisk: true,
      freezesLeft: 0,
      frozenDays: ['2026-06-04', '2026-07-13', '2026-09-02', '2026-11-15'],
    });
    const r = await cli(['streak', '--weeks', '3'], { db, now: NOW });
    expect(r.out.split('\n')).toEqual([
      'LeetCode: current streak 13 days · longest 13 days',
      'today (Mon 2026-11-23): open, the 13-day streak is at risk',
      'freezes: 0 of 1 left in November; a missed day uses one',
      "LeetCode's day ends at 06:00 here",
      '',
      '    Nov',
      'Mon ▒ ▒ ·',
      'Tue ▒ ▒',
      'Wed ▒ ▒',
      'Thu ▒ ▒',
      'Fri ▒ ▓',
      'Sat ▒ ▒',
      'Sun * ▒',
      '    less · ░ ▒ ▓ █ more   * frozen',
      '14 sessions on 13 days in the last 3 weeks',
      '',
    ]);
    // the JSON lists the frozen days of the weeks shown
    expect(await cliJson<FreezeJson>(['streak', '--weeks', '3'], { db, now: NOW })).toMatchObject({ frozenDays: ['2026-11-15'] });
  });

  it('a back-dated session on the frozen day gives the freeze back', async () => {
    const db = await fixture();
    await cli(['config', 'set', 'freezes-per-month', '1'], { db, now: NOW });
    await logOn(db, '2026-11-15');
    expect(await cliJson<FreezeJson>(['streak'], { db, now: NOW })).toMatchObject({ current: 14, freezesLeft: 1, frozenDays: ['2026-06-04', '2026-07-13', '2026-09-02'] });
  });

  it('freezes-per-month takes 0 to 10; anything else is exit 2 and changes nothing', async () => {
    const db = await fixture();
    for (const bad of ['-1', '11', '1.5', 'two']) {
      expect(await cli(['config', 'set', 'freezes-per-month', bad], { db, now: NOW })).toEqual({
        code: 2,
        out: '',
        err: 'study: freezes-per-month: expected a whole number of freezes from 0 to 10\n',
      });
    }
    expect((await cliJson<Record<string, string>>(['config'], { db, now: NOW }))['freezes-per-month']).toBe('0');
  });
});
