// study start / schedule / today across weeks of the bundled roadmaps, in-process with STUDY_NOW.
import { join } from 'node:path';
import { width as stringWidth } from '../../src/render/text.js';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

interface Today {
  date: string;
  week: string;
  plans: { roadmap: string; week: number; of: number; from: string; to: string; sections: string[]; tasks: { id: string; title: string; done: boolean }[]; overdue: { id: string; title: string; dueWeek: number }[] }[];
  next: { id: string; title: string; roadmap: string } | null;
  habits: { id: string; doneToday: boolean; current: number; longest: number }[];
}

const MON = '2026-11-23T08:00';

function store(): string {
  return join(tempDir(), 'study.db');
}

describe('study today with nothing started', () => {
  it('lists the loaded roadmaps and the exact command to start one', async () => {
    const db = store();
    const r = await cli([], { db, now: MON });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Monday 23 November 2026 · 2026-W48');
    expect(r.out).toContain('No plan started yet. Loaded roadmaps:');
    expect(r.out).toMatch(/^ {2}system-architecture-12w +weekly +46 items +Personalized/m);
    expect(r.out).toContain('Start one:  study start system-architecture-12w');
    const j = await cliJson<Today>(['today'], { db, now: MON });
    expect(j).toMatchObject({ date: '2026-11-23', week: '2026-W48', plans: [], next: null });
    expect(j.habits[0]).toMatchObject({ id: 'leetcode', doneToday: false, current: 0, longest: 0 });
  });

  it('the study day starts at 04:00: 01:30 on Tuesday is still Monday', async () => {
    const j = await cliJson<Today>(['today'], { db: store(), now: '2026-11-24T01:30' });
    expect(j.date).toBe('2026-11-23');
  });
});

describe('a weekly plan: system-architecture-12w', () => {
  it('starts on the week of the date and runs 12 weeks', async () => {
    const db = store();
    expect(await cliJson(['start', 'system-architecture-12w', '--on', '2026-11-25'], { db, now: MON })).toEqual({
      roadmap: 'system-architecture-12w',
      startedOn: '2026-11-25',
      firstWeek: '2026-W48',
      weeks: 12,
      finish: '2027-02-14',
      pace: 'mid',
      hoursPerWeek: 8,
    });
  });

  it('week 1 shows the first section; week 3 the third with weeks 1-2 overdue, oldest first as next', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const w1 = await cliJson<Today>(['today'], { db, now: MON });
    expect(w1.plans[0]).toMatchObject({ roadmap: 'system-architecture-12w', week: 1, of: 12, from: '2026-11-23', to: '2026-11-29' });
    expect(w1.plans[0]!.sections).toEqual(['Core Architecture & Scalable App Design']);
    expect(w1.plans[0]!.tasks.map((t) => t.title)).toEqual([
      'Monolith vs Microservices',
      'Clean architecture layers',
      'Horizontal vs vertical scaling',
      'Refactor a Django app using services + repositories layer',
      "Clean Architecture (O'Reilly)",
    ]);
    expect(w1.plans[0]!.overdue).toEqual([]);
    expect(w1.next).toEqual({ id: 'system-architecture-12w/w01-02/monolith-vs-microservices', title: 'Monolith vs Microservices', roadmap: 'system-architecture-12w' });

    // Week 2 is still the same two-week section.
    const w2 = await cliJson<Today>(['today'], { db, now: '2026-12-02T08:00' });
    expect(w2.plans[0]).toMatchObject({ week: 2, sections: ['Core Architecture & Scalable App Design'] });
    expect(w2.plans[0]!.overdue).toEqual([]);

    const w3 = await cliJson<Today>(['today'], { db, now: '2026-12-07T08:00' });
    expect(w3.plans[0]).toMatchObject({ week: 3, of: 12, sections: ['Caching, Redis & Session Management'] });
    expect(w3.plans[0]!.tasks).toHaveLength(5);
    expect(w3.plans[0]!.overdue.map((o) => o.dueWeek)).toEqual([2, 2, 2, 2, 2]);
    expect(w3.next!.title).toBe('Monolith vs Microservices');

    const text = await cli(['today'], { db, now: '2026-12-07T08:00' });
    expect(text.out).toContain('week 3 of 12 · 7–13 Dec · Caching, Redis & Session Management');
    expect(text.out).toContain('overdue (5)');
    expect(text.out).toContain('Next: Monolith vs Microservices\n      study done monolith-vs-microservices');
    for (const line of text.out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('after the last week, with everything open, the whole plan is overdue', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const late = await cliJson<Today>(['today'], { db, now: '2027-03-01T08:00' });
    expect(late.plans[0]).toMatchObject({ week: 15, of: 12, tasks: [] });
    // The first 8 are listed (a screen's worth), and how many there are in all.
    expect(late.plans[0]!.overdue).toHaveLength(8);
    expect(late.plans[0]).toMatchObject({ overdueTotal: 42 });
  });

  it('starting again needs --yes without a terminal, and --yes re-plans', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const again = await cli(['start', 'system-architecture-12w', '--on', '2026-12-01'], { db, now: MON });
    expect(again).toEqual({
      code: 1,
      out: '',
      err: 'study: system-architecture-12w is already started (on 2026-11-23); pass --yes to re-plan it from 2026-12-01\n',
    });
    const yes = await cli(['start', 'system', '--on', '2026-12-01', '--yes'], { db, now: MON });
    expect(yes.out).toBe('Re-planned system-architecture-12w: 12 weeks, 2026-11-30 to 2027-02-21 (week 1 is 2026-W49)\n');
    const before = await cliJson<Today>(['today'], { db, now: MON });
    expect(before.plans[0]!.week).toBe(0);
    const text = await cli(['today'], { db, now: MON });
    expect(text.out).toContain('starts Mon 30 Nov · 12 weeks');
  });

  it('schedule lists the coming weeks with dates and plan week numbers', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const r = await cli(['schedule', '--weeks', '3'], { db, now: '2026-12-02T08:00' });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe('system-architecture-12w · 12 weeks · finishes 2027-02-14');
    expect(lines[2]).toBe('0 of 46 items done (0%) · on track');
    expect(lines).toContain('2026-W49  30 Nov – 6 Dec  week 2 of 12 ← this week');
    expect(lines).toContain('2026-W50  7–13 Dec  week 3 of 12');
    expect(lines).toContain('2026-W51  14–20 Dec  week 4 of 12');
    expect(lines).not.toContain('2026-W52  21–27 Dec  week 5 of 12');
  });

  it('--replan moves overdue work forward from this week and says the new finish', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const r = await cli(['schedule', '--replan', '--weeks', '1'], { db, now: '2026-12-07T08:00' });
    expect(r.err).toBe(
      'study: system-architecture-12w: moved 5 overdue items and the rest of the plan 2 weeks forward; projected finish 2027-02-28 (was 2027-02-14)\n',
    );
    const after = await cliJson<Today>(['today'], { db, now: '2026-12-07T08:00' });
    expect(after.plans[0]).toMatchObject({ week: 3, of: 14, sections: ['Core Architecture & Scalable App Design'], overdue: [] });
    // Nothing is overdue any more, so a second re-plan changes nothing.
    const again = await cli(['schedule', '--replan'], { db, now: '2026-12-07T08:00' });
    expect(again.err).toBe('study: system-architecture-12w: nothing from past weeks is open; the plan stays as it is\n');
  });

  it('roadmaps shows when a plan started and how it stands; show gives each item its due week', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const list = await cliJson<{ id: string; startedOn: string | null; status: string }[]>(['roadmaps'], { db, now: '2026-12-07T08:00' });
    expect(list.find((r) => r.id === 'system-architecture-12w')).toMatchObject({ startedOn: '2026-11-23', status: 'behind by 5 items' });
    expect(list.find((r) => r.id === 'flash-poll-phases')).toMatchObject({ startedOn: null, status: 'not started' });
    const onTrack = await cliJson<{ id: string; status: string }[]>(['roadmaps'], { db, now: MON });
    expect(onTrack.find((r) => r.id === 'system-architecture-12w')!.status).toBe('on track');
    const view = await cliJson<{ sections: { items: { dueWeek: number | null }[] }[] }>(['show', 'system-architecture-12w'], { db, now: MON });
    expect(view.sections.map((s) => s.items[0]?.dueWeek ?? null)).toEqual([2, 4, 6, 8, 9, 10, 11, 12, null]);
  });

  it('a plan that crosses the year end lands on 2026-W53', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w', '--on', '2026-12-21'], { db, now: '2026-12-21T08:00' });
    const r = await cli(['schedule', '--weeks', '2'], { db, now: '2026-12-21T08:00' });
    expect(r.out).toContain('2026-W52  21–27 Dec  week 1 of 12');
    expect(r.out).toContain('2026-W53  28 Dec 2026 – 3 Jan 2027  week 2 of 12');
    const w3 = await cliJson<Today>(['today'], { db, now: '2027-01-04T08:00' });
    expect(w3).toMatchObject({ week: '2027-W01', plans: [{ week: 3 }] });
  });

  it('weeks follow the week-start setting', async () => {
    const db = store();
    await cli(['config', 'set', 'week-start', 'sun'], { db, now: MON });
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const j = await cliJson<Today>(['today'], { db, now: '2026-11-29T08:00' });
    expect(j.plans[0]).toMatchObject({ week: 2, from: '2026-11-29', to: '2026-12-05' });
  });
});

describe('the other bundled roadmaps', () => {
  it('flash-poll-phases: the timeline weeks win; the finished overview takes no time', async () => {
    const db = store();
    const s = await cliJson<{ weeks: number }>(['start', 'flash-poll-phases'], { db, now: MON });
    expect(s.weeks).toBe(30);
    const w1 = await cliJson<Today>(['today'], { db, now: MON });
    expect(w1.plans[0]!.sections).toEqual(['Phase 1: Foundation Strengthening (Current Level)']);
    const w3 = await cliJson<Today>(['today'], { db, now: '2026-12-07T08:00' });
    expect(w3.plans[0]!.sections).toEqual(['Phase 2: Intermediate Backend Concepts']);
    expect(w3.plans[0]!.overdue.length).toBeGreaterThan(0);
  });

  it('backend-realtime-phases: phases without durations are sized by their work', async () => {
    const db = store();
    const s = await cliJson<{ weeks: number }>(['start', 'backend-realtime-phases'], { db, now: MON });
    expect(s.weeks).toBeGreaterThanOrEqual(5);
    const w1 = await cliJson<Today>(['today'], { db, now: MON });
    expect(w1.plans[0]!.sections).toEqual(['Phase 1: Solidify Core Backend Skills (Foundation Build)']);
    expect(w1.plans[0]!.tasks.length).toBeGreaterThan(0);
  });

  it('backend-django-go-tracks: packed by priority, the critical project first', async () => {
    const db = store();
    await cli(['start', 'backend-django-go-tracks'], { db, now: MON });
    const w1 = await cliJson<Today>(['today'], { db, now: MON });
    expect(w1.plans[0]!.tasks.map((t) => t.title)).toEqual(['Production-Grade Project: Django API + Next.js Frontend']);
    expect(w1.next!.title).toBe('Production-Grade Project: Django API + Next.js Frontend');
    const w3 = await cliJson<Today>(['today'], { db, now: '2026-12-07T08:00' });
    expect(w3.plans[0]!.tasks.map((t) => t.title)).toContain('Django (Advanced)');
  });

  it('backend-devops-checklist: done items take no time; --hours sets the weekly budget', async () => {
    const db = store();
    const six = await cliJson<{ weeks: number; hoursPerWeek: number }>(['start', 'backend-devops-checklist', '--hours', '6'], { db, now: MON });
    expect(six.hoursPerWeek).toBe(6);
    const w1 = await cliJson<Today>(['today'], { db, now: MON });
    // 2h each by default, 6h a week: three sub-items, none of Docker's (all checked).
    expect(w1.plans[0]!.tasks.map((t) => t.title)).toEqual([
      'Learn Pods, Deployments, Services, ConfigMaps, Secrets',
      'Practice with `minikube` or `kind`',
      'Understand scaling, rolling updates, self-healing',
    ]);
    const eight = await cliJson<{ weeks: number }>(['start', 'backend-devops-checklist', '--yes'], { db, now: MON });
    expect(eight.weeks).toBeLessThan(six.weeks);
  });
});

describe('start: bad input', () => {
  it('impossible dates, bad hours and pace are usage errors naming the option', async () => {
    const db = store();
    expect(await cli(['start', 'system', '--on', '2026-02-30'], { db, now: MON })).toMatchObject({
      code: 2,
      err: 'study: --on: expected a date YYYY-MM-DD that exists, got "2026-02-30"\n',
    });
    expect((await cli(['start', 'system', '--hours', '-3'], { db, now: MON })).code).toBe(2);
    expect(await cli(['start', 'system', '--pace', 'fast'], { db, now: MON })).toMatchObject({
      code: 2,
      err: 'study: --pace: expected min, mid or max, got "fast"\n',
    });
    const none = await cli(['schedule'], { db, now: MON });
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/\nstudy: no plan is started; run: study start backend-devops-checklist\n$/);
  });
});

describe('colour', () => {
  it('only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const db = store();
    await cli(['start', 'system-architecture-12w'], { db, now: MON });
    const esc = /\u001b\[/;
    expect((await cli(['today'], { db, now: MON, tty: true })).out).toMatch(esc);
    expect((await cli(['today'], { db, now: MON, tty: false })).out).not.toMatch(esc);
    expect((await cli(['today'], { db, now: MON, tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(esc);
    expect((await cli(['--no-color', 'today'], { db, now: MON, tty: true })).out).not.toMatch(esc);
  });
});

describe('each bundled roadmap across its first weeks: start, today, done, schedule', () => {
  const ROADMAPS = ['system-architecture-12w', 'backend-realtime-phases', 'backend-django-go-tracks', 'backend-devops-checklist', 'flash-poll-phases'];
  for (const id of ROADMAPS) {
    it(id, async () => {
      const db = store();
      const started = await cliJson<{ weeks: number }>(['start', id], { db, now: MON });
      expect(started.weeks).toBeGreaterThan(1);

      // Week 1: a next task from this plan; doing it marks it and moves "next" on.
      const w1 = await cliJson<Today>(['today'], { db, now: MON });
      expect(w1.plans.map((p) => [p.roadmap, p.week])).toEqual([[id, 1]]);
      expect(w1.plans[0]!.tasks.length).toBeGreaterThan(0);
      const first = w1.next!;
      expect(first.roadmap).toBe(id);
      const done = await cli(['done', first.id], { db, now: '2026-11-23T20:00' });
      expect(done.code).toBe(0);
      expect(done.err).toMatch(new RegExp(`^study: ✓ .* — ${id}: \\d+ of \\d+ items done \\(\\d+%\\)( · (on track|ahead by \\d+ items?|behind by \\d+ items?))?\\n$`));
      const after = await cliJson<Today>(['today'], { db, now: '2026-11-24T08:00' });
      expect(after.next!.id).not.toBe(first.id);
      const mark = after.plans[0]!.tasks.find((t) => t.id === first.id);
      if (mark) expect(mark.done).toBe(true);

      // Week 4: what weeks 1-3 left open is overdue, oldest first, and it is next.
      const w4 = await cliJson<Today>(['today'], { db, now: '2026-12-14T08:00' });
      expect(w4.plans[0]!.week).toBe(4);
      const overdue = w4.plans[0]!.overdue;
      expect(overdue.every((o) => o.dueWeek < 4)).toBe(true);
      expect(overdue.map((o) => o.dueWeek)).toEqual([...overdue.map((o) => o.dueWeek)].sort((a, b) => a - b));
      expect(overdue.some((o) => o.id === first.id)).toBe(false);
      if (overdue.length) expect(w4.next!.id).toBe(overdue[0]!.id);

      // The schedule from week 4 shows the next two calendar weeks by label and plan week.
      const sched = await cli(['schedule', id, '--weeks', '2'], { db, now: '2026-12-14T08:00' });
      expect(sched.out).toContain('2026-W51  14–20 Dec  week 4 of');
      expect(sched.out).toContain('2026-W52  21–27 Dec  week 5 of');
    });
  }
});
