// Days as people say them (issue 12): today, yesterday, a weekday (the latest on or before
// today), -N (N days ago), YYYY-MM-DD; on done, log, leet log, leet list --since, today
// --date, report --date and start --on. `--date -2` is the option's value, not an option.
// A day after today is refused where something is recorded; today --date may look ahead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromWords } from '../../src/core/calendar.js';
import { cli, cliJson, tempDir } from '../support/cli.js';

const PLAN = `id: dsa
title: My DSA
kind: weekly
sections:
  - {title: Arrays, weeks: 1, items: [Two pointers, Sliding window, Prefix sums, Binary search]}
habits:
  - {id: reading, title: Read a paper, every: day}
`;
const NOW = '2026-11-18T09:00'; // a Wednesday

function setup(): { db: string; run: (args: string[]) => ReturnType<typeof cli> } {
  const dir = tempDir();
  writeFileSync(join(dir, 'dsa.yaml'), PLAN);
  const db = join(dir, 'study.db');
  return { db, run: (args) => cli(args, { db, now: NOW, cwd: dir }) };
}

describe('dayFromWords', () => {
  it.each([
    ['today', '2026-11-18'],
    ['Yesterday', '2026-11-17'],
    ['-2', '2026-11-16'],
    ['-0', '2026-11-18'],
    ['-30', '2026-10-19'],
    ['mon', '2026-11-16'],
    ['monday', '2026-11-16'],
    ['wed', '2026-11-18'],
    ['thu', '2026-11-12'],
    ['sun', '2026-11-15'],
    ['2026-11-20', '2026-11-20'],
  ])('%s on Wednesday 2026-11-18 is %s', (words, day) => {
    expect(dayFromWords(words, '2026-11-18')).toBe(day);
  });

  it.each([['tomorrow'], ['mo'], ['+2'], ['2026-02-30'], ['20261118'], ['']])('%j is no day', (words) => {
    expect(dayFromWords(words, '2026-11-18')).toBeNull();
  });
});

describe('the words on each command', () => {
  it('done --date: each form, -2 included (as --date -2 and --date=-2)', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['start', 'dsa', '--on', '2026-11-16']);
    expect((await run(['done', 'two-pointers', '--date', '-2'])).code).toBe(0);
    expect((await run(['done', '--date=-1', 'sliding-window'])).code).toBe(0);
    expect((await run(['done', 'prefix-sums', '--date', 'mon'])).code).toBe(0);
    expect((await run(['done', 'binary-search', '--date', 'today', '--minutes', '30'])).code).toBe(0);
    const week = await cliJson<{ completed: { title: string; date: string }[] }>(['report'], { db, now: NOW });
    expect(week.completed.map((c) => [c.title, c.date])).toEqual([
      ['Prefix sums', '2026-11-16'],
      ['Two pointers', '2026-11-16'],
      ['Sliding window', '2026-11-17'],
      ['Binary search', '2026-11-18'],
    ]);
  });

  it('log and leet log --date; leet list --since', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    expect((await run(['log', 'reading', '--date', 'yesterday'])).err).toBe('study: logged Read a paper for 2026-11-17 · streak 1 day\n');
    expect((await run(['leet', 'log', 'two-sum', '--date', '-2'])).err).toMatch(/^study: logged 1\. Two Sum \(easy\) for 2026-11-16\n/);
    expect((await run(['leet', 'log', '3sum', '--date', 'sun'])).err).toMatch(/^study: logged 15\. 3Sum \(medium\) for 2026-11-15\n/);
    const since = JSON.parse((await run(['--json', 'leet', 'list', '--since', '-2'])).out) as { date: string }[];
    expect(since.map((s) => s.date)).toEqual(['2026-11-16']);
    const mon = JSON.parse((await run(['--json', 'leet', 'list', '--since', 'mon'])).out) as { date: string }[];
    expect(mon.map((s) => s.date)).toEqual(['2026-11-16']);
  });

  it('a day after today is refused where something is recorded; nothing is written', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    for (const args of [
      ['done', 'two-pointers', '--date', '2026-11-19'],
      ['log', 'reading', '--date', '2026-11-19'],
      ['leet', 'log', 'two-sum', '--date', '2026-11-19'],
    ]) {
      expect(await run(args), args.join(' ')).toEqual({ code: 2, out: '', err: 'study: --date: 2026-11-19 is in the future (today is 2026-11-18)\n' });
    }
    const doc = await cliJson<{ completions: unknown[]; sessions: unknown[] }>(['export'], { db, now: NOW });
    expect([doc.completions, doc.sessions]).toEqual([[], []]);
  });

  it('words that are no day: one line naming the option, exit 2', async () => {
    const { run } = setup();
    expect(await run(['done', 'x', '--date', 'tomorrow'])).toEqual({
      code: 2,
      out: '',
      err: 'study: --date: expected a day: today, yesterday, a weekday (mon), -N (days ago) or YYYY-MM-DD; got "tomorrow"\n',
    });
    expect((await run(['leet', 'list', '--since', 'someday'])).err).toMatch(/^study: --since: expected a day: /);
    expect((await run(['today', '--date', '2026-13-01'])).err).toBe('study: --date: expected a date YYYY-MM-DD that exists, got "2026-13-01"\n');
  });

  it('days outside 1970-01-01 to 2999-12-31 are refused where they enter, in words or not; nothing is written', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    expect(await run(['leet', 'log', 'two-sum', '--date', '1969-12-31'])).toEqual({
      code: 2,
      out: '',
      err: 'study: --date: expected a date from 1970-01-01 to 2999-12-31, got "1969-12-31"\n',
    });
    expect((await run(['today', '--date', '3000-01-01'])).err).toBe('study: --date: expected a date from 1970-01-01 to 2999-12-31, got "3000-01-01"\n');
    // 9999 days before a day in 1990 is before 1970
    const r = await cli(['log', 'reading', '--date', '-9999'], { db, now: '1990-01-02T09:00:00Z' });
    expect(r).toEqual({ code: 2, out: '', err: 'study: --date: expected a day from 1970-01-01 to 2999-12-31, got 1962-08-18\n' });
    const doc = await cliJson<{ sessions: unknown[] }>(['export'], { db, now: NOW });
    expect(doc.sessions).toEqual([]);
  });

  it('today --date: another day, past or ahead; STUDY_NOW still sets now', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['start', 'dsa', '--on', '2026-11-23']);
    expect((await run(['today', '--date', '-2'])).out.split('\n')[0]).toBe('Monday 16 November 2026 · 2026-W47');
    const ahead = (await run(['today', '--date', '2026-11-24'])).out;
    expect(ahead.split('\n')[0]).toBe('Tuesday 24 November 2026 · 2026-W48');
    expect(ahead).toContain('week 1 of 1 · 23–29 Nov · Arrays\n');
    const json = JSON.parse((await run(['--json', 'today', '--date', 'mon'])).out) as { date: string };
    expect(json.date).toBe('2026-11-16');
  });

  it('report --date and start --on take the words too', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    expect((await run(['start', 'dsa', '--on', '-7'])).out).toMatch(/^Started dsa: 1 week, 2026-11-09 to 2026-11-15 /);
    const last = await cliJson<{ week: string }>(['report', '--date', '-7'], { db, now: NOW });
    expect(last.week).toBe('2026-W46');
  });
});
