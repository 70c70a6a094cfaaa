// study log HABIT (issue 12, defect 5): a session of a habit a roadmap declares, with
// --minutes, --date and --note; each habit has its streak and heatmap (study streak HABIT)
// and its line in today; LeetCode keeps study leet log. Bad input: one line, nothing written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const PLAN = `id: dsa
title: My DSA
kind: checklist
sections:
  - {id: s, title: S, items: [a, b]}
habits:
  - {id: reading, title: Read a paper, every: day}
  - {id: review, title: System design review, every: 2 per week, minutes: 30}
`;
const NOW = '2026-12-13T09:00'; // a Sunday

function setup(): { db: string; run: (args: string[], now?: string) => ReturnType<typeof cli> } {
  const dir = tempDir();
  writeFileSync(join(dir, 'dsa.yaml'), PLAN);
  const db = join(dir, 'study.db');
  return { db, run: (args, now = NOW) => cli(args, { db, now, cwd: dir }) };
}

interface Session {
  habit_id: string;
  day: string;
  minutes: number | null;
  note: string | null;
}
const sessions = async (db: string): Promise<Session[]> => (await cliJson<{ sessions: Session[] }>(['export'], { db, now: NOW })).sessions;

describe('study log', () => {
  it('logs a session: minutes, note, the day, and the streak it makes', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    expect(await run(['log', 'reading', '--minutes', '30', '--note', 'attention is all you need'])).toEqual({
      code: 0,
      out: '',
      err: 'study: logged Read a paper (30 min) for 2026-12-13 · streak 1 day\n',
    });
    expect((await run(['log', 'reading', '--date', 'yesterday'])).err).toBe('study: logged Read a paper for 2026-12-12 · streak 2 days\n');
    expect((await run(['log', 'reading', '--date', '-2', '--minutes', '20'])).err).toBe('study: logged Read a paper (20 min) for 2026-12-11 · streak 3 days\n');
    expect(await sessions(db)).toEqual([
      expect.objectContaining({ habit_id: 'reading', day: '2026-12-13', minutes: 30, note: 'attention is all you need' }),
      expect.objectContaining({ habit_id: 'reading', day: '2026-12-12', minutes: null, note: null }),
      expect.objectContaining({ habit_id: 'reading', day: '2026-12-11', minutes: 20, note: null }),
    ]);
  });

  it('--json: the session and the streak', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    const r = JSON.parse((await run(['--json', 'log', 'review', '--minutes', '45'])).out) as Record<string, unknown>;
    expect(r).toEqual({
      session: { id: expect.any(Number), habit: 'review', date: '2026-12-13', at: '2026-12-13T09:00:00+00:00', minutes: 45, note: null },
      streak: { current: 1, longest: 1, doneToday: true },
    });
  });

  it('each habit: its streak and heatmap, and its line in today', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    await run(['start', 'dsa']);
    for (const date of ['-3', '-2', 'yesterday', 'today']) await run(['log', 'reading', '--date', date]);
    const streak = await run(['streak', 'reading', '--weeks', '2']);
    expect(streak.out.split('\n').slice(0, 2)).toEqual(['Read a paper: current streak 4 days · longest 4 days', 'today (Sun 2026-12-13): done, 1 session']);
    expect(streak.out).toContain('Thu · ▒\nFri · ▒\nSat · ▒\nSun · ▒\n');
    expect(streak.out).toContain('4 sessions on 4 days in the last 2 weeks');
    // The same by --habit; LeetCode's is apart and untouched.
    expect((await run(['streak', '--habit', 'reading', '--weeks', '2'])).out).toBe(streak.out);
    expect((await run(['streak', '--weeks', '2'])).out).toMatch(/^LeetCode: current streak 0 days/);
    const today = await run(['today']);
    expect(today.out).toContain('  ✓ Read a paper  · done today · streak 4 · longest 4\n');
    expect(today.out).toContain('  ○ System design review  · no sessions yet · log one: study log review\n');
  });

  it('a habit no roadmap declares, and leetcode: one line each, nothing written', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    expect(await run(['log', 'nope'])).toEqual({ code: 1, out: '', err: 'study: unknown habit "nope"; habits: reading, review\n' });
    expect(await run(['log', 'leetcode'])).toEqual({ code: 2, out: '', err: 'study: LeetCode sessions name their problem: study leet log PROBLEM\n' });
    expect(await sessions(db)).toEqual([]);
  });

  it('bad options: one line naming the option, exit 2, nothing written', async () => {
    const { db, run } = setup();
    await run(['load', 'dsa.yaml']);
    for (const [args, err] of [
      [['--minutes', '0'], 'study: --minutes: expected a whole number of minutes from 1 to 1440, got "0"\n'],
      [['--minutes', '1441'], 'study: --minutes: expected a whole number of minutes from 1 to 1440, got "1441"\n'],
      [['--minutes', 'abc'], 'study: --minutes: expected a whole number of minutes from 1 to 1440, got "abc"\n'],
      [['--date', 'tomorrow'], 'study: --date: expected a day: today, yesterday, a weekday (mon), -N (days ago) or YYYY-MM-DD; got "tomorrow"\n'],
      [['--date', '2026-12-14'], 'study: --date: 2026-12-14 is in the future (today is 2026-12-13)\n'],
      [['--date', '2026-02-30'], 'study: --date: expected a date YYYY-MM-DD that exists, got "2026-02-30"\n'],
    ] as const) {
      expect(await run(['log', 'reading', ...args]), args.join(' ')).toEqual({ code: 2, out: '', err });
    }
    expect(await sessions(db)).toEqual([]);
  });

  it('no roadmap declares a habit: says where habits come from', async () => {
    const { run } = setup();
    await run(['load']);
    expect(await run(['log', 'reading'])).toEqual({
      code: 1,
      out: '',
      err: 'study: no roadmap declares a habit; add one under habits: in a roadmap file (docs/roadmap-format.md)\n',
    });
  });

  it('streak HABIT and --habit naming two habits is a usage error', async () => {
    const { run } = setup();
    await run(['load', 'dsa.yaml']);
    expect(await run(['streak', 'reading', '--habit', 'review'])).toEqual({ code: 2, out: '', err: 'study: HABIT and --habit name two habits ("reading", "review"); give one\n' });
  });
});
