// study pause, resume and stop (issue 12): a paused plan's weeks do not count against it
// (today says it is paused; it is expected to have done the weeks before its pause, no
// more); a resume moves its open work forward by the weeks it was paused; a stop ends it,
// its history kept, and study start starts it again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const SIX = `id: six
title: Six weeks
kind: weekly
sections:
  - {title: W1, weeks: 1, items: [a1, a2]}
  - {title: W2, weeks: 2, items: [b1, b2]}
  - {title: W3, weeks: 3, items: [c1, c2]}
  - {title: W4, weeks: 4, items: [d1, d2]}
`;

/** `six` started Mon 2026-11-02, a1 done; `at(day, args)` runs as of 09:00 that day. */
async function setup(): Promise<{ db: string; at: (day: string, args: string[]) => ReturnType<typeof cli> }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'six.yaml'), SIX);
  const db = join(dir, 'study.db');
  const at = (day: string, args: string[]) => cli(args, { db, now: `${day}T09:00`, cwd: dir });
  for (const [day, args] of [
    ['2026-11-02', ['load', 'six.yaml']],
    ['2026-11-02', ['start', 'six']],
    ['2026-11-03', ['done', 'a1']],
  ] as const) {
    const r = await at(day, [...args]);
    expect(r.code, r.err).toBe(0);
  }
  return { db, at };
}

interface Figures {
  status: string;
  expectedPercent: number;
  behindBy: number;
  week: number;
  of: number;
}

describe('study pause', () => {
  it('today says the plan is paused, and offers nothing of it', async () => {
    const { at } = await setup();
    expect((await at('2026-11-10', ['pause', 'six'])).err).toBe('study: paused six from 2026-11-10; its weeks do not count against it until: study resume six\n');
    const today = (await at('2026-11-18', ['today'])).out;
    expect(today).toContain('Six weeks\npaused since Tue 10 Nov · study resume six\n1 of 8 items done (12%) · paused\n\nEvery plan is paused: study resume six\n');
    expect(today).not.toContain('○ a2');
  });

  it('its weeks do not count against it: what is expected stays what it was at the pause', async () => {
    const { db, at } = await setup();
    await at('2026-11-10', ['pause', 'six']);
    for (const day of ['2026-11-10', '2026-11-18', '2026-11-26']) {
      const report = await cliJson<{ roadmaps: Figures[] }>(['report'], { db, now: `${day}T09:00` });
      expect(report.roadmaps[0], day).toMatchObject({ status: 'paused', expectedPercent: 25, behindBy: 0 });
    }
    const roadmaps = await cliJson<{ id: string; status: string }[]>(['roadmaps'], { db, now: '2026-11-26T09:00' });
    expect(roadmaps.find((r) => r.id === 'six')!.status).toBe('paused');
    // A re-plan leaves a paused plan as it is, and says so.
    const replan = await at('2026-11-26', ['schedule', '--replan']);
    expect(replan.err).toContain('study: six is paused; resume it first (study resume six)\n');
  });

  it('refused: a paused plan, a plan not started, a stopped plan; nothing written', async () => {
    const { at } = await setup();
    await at('2026-11-10', ['pause', 'six']);
    expect(await at('2026-11-11', ['pause', 'six'])).toEqual({ code: 1, out: '', err: 'study: six is paused already (since 2026-11-10); resume it with: study resume six\n' });
    await at('2026-11-11', ['load']);
    expect(await at('2026-11-11', ['pause', 'flash-poll-phases'])).toEqual({ code: 1, out: '', err: 'study: flash-poll-phases is not started; run: study start flash-poll-phases\n' });
    expect((await at('2026-11-11', ['pause', 'nope'])).err).toMatch(/^study: roadmap "nope" not found; /);
  });
});

describe('study resume', () => {
  it('moves the open work forward by the weeks it was paused; what was overdue stays overdue', async () => {
    const { db, at } = await setup();
    await at('2026-11-10', ['pause', 'six']); // week 2
    expect((await at('2026-11-24', ['resume', 'six'])).err).toBe('study: resumed six: the open work moved 2 weeks forward; it now runs 6 weeks\n');
    const today = (await at('2026-11-24', ['today'])).out;
    expect(today).toContain('Six weeks\nweek 4 of 6 · 23–29 Nov · W2\n  ○ b1    b1\n  ○ b2    b2\noverdue (1)\n  ○ a2  week 1  a2\n');
    const report = await cliJson<{ roadmaps: Figures[] }>(['report'], { db, now: '2026-11-24T09:00' });
    expect(report.roadmaps[0]).toMatchObject({ status: 'behind', behindBy: 1, week: 4, of: 6 });
  });

  it('refused when the plan is not paused', async () => {
    const { at } = await setup();
    expect(await at('2026-11-10', ['resume', 'six'])).toEqual({ code: 1, out: '', err: 'study: six is not paused\n' });
  });

  it('--json', async () => {
    const { at } = await setup();
    await at('2026-11-10', ['pause', 'six']);
    expect(JSON.parse((await at('2026-11-17', ['--json', 'resume', 'six'])).out)).toEqual({ roadmap: 'six', state: 'active', day: '2026-11-17', shift: 1, weeks: 5 });
  });
});

describe('study stop', () => {
  it('ends the plan: gone from today and the schedule, stopped in roadmaps; start starts it again', async () => {
    const { db, at } = await setup();
    expect((await at('2026-11-11', ['stop', 'six'])).err).toBe('study: stopped six; its history and reports stay (study start six starts it again)\n');
    expect((await at('2026-11-11', ['today'])).out).toContain('No plan started yet. Loaded roadmaps:');
    expect(await at('2026-11-11', ['schedule', 'six'])).toEqual({ code: 1, out: '', err: 'study: six is stopped; start it again with: study start six\n' });
    const roadmaps = await cliJson<{ id: string; status: string; startedOn: string }[]>(['roadmaps'], { db, now: '2026-11-11T09:00' });
    expect(roadmaps.find((r) => r.id === 'six')).toMatchObject({ status: 'stopped', startedOn: '2026-11-02' });
    // Its history stays: the week it was working in still reports it.
    expect((await at('2026-11-20', ['report', '--week', '2026-W45'])).out).toContain('six\n    ✓ a1  Tue 3 Nov');
    expect(await at('2026-11-11', ['stop', 'six'])).toEqual({ code: 1, out: '', err: 'study: six is stopped; start it again with: study start six\n' });
    expect(await at('2026-11-11', ['pause', 'six'])).toEqual({ code: 1, out: '', err: 'study: six is stopped; start it again with: study start six\n' });
    const again = await at('2026-11-23', ['start', 'six']);
    expect(again.out).toBe('Started again six: 4 weeks, 2026-11-23 to 2026-12-20 (week 1 is 2026-W48)\n');
    expect((await at('2026-11-23', ['today'])).out).toContain('week 1 of 4 · 23–29 Nov · W1\n  ✓ a1    a1\n  ○ a2    a2\n');
  });

  it('--json', async () => {
    const { at } = await setup();
    expect(JSON.parse((await at('2026-11-11', ['--json', 'stop', 'six'])).out)).toEqual({ roadmap: 'six', state: 'stopped', day: '2026-11-11' });
  });
});
