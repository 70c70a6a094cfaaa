// study export --format ics: the started plans' weeks as a calendar, read back with an
// iCalendar parser (ical.js); the same UIDs after a re-plan and a new start, so a calendar
// that imports it again moves its events instead of adding copies.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

interface Event {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
}

function events(text: string): Event[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, sequence: e.sequence, summary: e.summary, description: e.description, start: e.startDate.toString(), end: e.endDate.toString(), allDay: e.startDate.isDate };
  });
}

const byUid = (es: readonly Event[]): Map<string, Event> => new Map(es.map((e) => [e.uid, e]));

async function ics(db: string, now: string, args: string[] = []): Promise<string> {
  const r = await cli(['export', '--format', 'ics', ...args], { db, now });
  expect(r.code, r.err).toBe(0);
  return r.out;
}

async function twoPlans(): Promise<string> {
  const db = join(tempDir(), 'study.db');
  await cli(['start', 'system-architecture-12w'], { db, now: '2026-11-02T08:00' });
  await cli(['start', 'backend-devops-checklist'], { db, now: '2026-11-09T08:00' });
  return db;
}

describe('study export --format ics', () => {
  it('has an all-day event for each week of each started plan, and one on its planned finish', async () => {
    const db = await twoPlans();
    const es = events(await ics(db, '2026-11-26T09:00'));
    const plans = await cliJson<{ roadmaps: { id: string; of: number; plannedFinish: string }[] }>(['report'], { db, now: '2026-11-26T09:00' });
    for (const p of plans.roadmaps) {
      const mine = es.filter((e) => e.uid.startsWith(`${p.id}.`));
      expect(mine).toHaveLength(p.of + 1);
      expect(mine.every((e) => e.allDay)).toBe(true);
      expect(byUid(mine).get(`${p.id}.finish@study.invalid`)).toMatchObject({ start: p.plannedFinish, summary: expect.stringMatching(/^Planned finish: /) });
    }
    const week1 = byUid(es).get('system-architecture-12w.week-1@study.invalid')!;
    expect(week1).toMatchObject({ start: '2026-11-02', end: '2026-11-09', summary: 'Week 1: Core Architecture & Scalable App Design', sequence: 0 });
    expect(week1.description).toContain('- Monolith vs Microservices\n- Clean architecture layers');
    const week3 = byUid(es).get('system-architecture-12w.week-3@study.invalid')!;
    expect(week3).toMatchObject({ start: '2026-11-16', end: '2026-11-23', summary: 'Week 3: Caching, Redis & Session Management' });
  });

  it('keeps every UID through a re-plan and a new start: the dates and the contents move', async () => {
    const db = await twoPlans();
    const before = byUid(events(await ics(db, '2026-11-30T09:00', ['--plan', 'system-architecture-12w'])));
    // Weeks 1-4 are overdue on 30 Nov: a re-plan moves them to start this week.
    expect((await cli(['schedule', '--replan'], { db, now: '2026-11-30T09:00' })).code).toBe(0);
    const replanned = byUid(events(await ics(db, '2026-11-30T09:00', ['--plan', 'system-architecture-12w'])));
    for (const uid of before.keys()) expect(replanned.has(uid), uid).toBe(true);
    expect(replanned.size).toBeGreaterThan(before.size);
    const week5 = replanned.get('system-architecture-12w.week-5@study.invalid')!;
    expect(week5.summary).toBe('Week 5: Core Architecture & Scalable App Design');
    expect(week5.sequence).toBe(1);
    expect(replanned.get('system-architecture-12w.finish@study.invalid')!.start > before.get('system-architecture-12w.finish@study.invalid')!.start).toBe(true);

    expect((await cli(['start', 'system-architecture-12w', '--on', '2026-12-07', '--yes'], { db, now: '2026-11-30T09:00' })).code).toBe(0);
    const restarted = byUid(events(await ics(db, '2026-11-30T09:00', ['--plan', 'system-architecture-12w'])));
    const week1 = restarted.get('system-architecture-12w.week-1@study.invalid')!;
    expect(week1).toMatchObject({ start: '2026-12-07', end: '2026-12-14', sequence: 2 });
    for (const uid of restarted.keys()) expect(uid).toMatch(/^system-architecture-12w\.(week-\d+|finish)@study\.invalid$/);
  });

  it('is the same text for the same plans at the same moment', async () => {
    const db = await twoPlans();
    expect(await ics(db, '2026-11-26T09:00')).toBe(await ics(db, '2026-11-26T09:00'));
  });

  it('writes --out FILE (0600) and says what it holds', async () => {
    const db = await twoPlans();
    const dir = tempDir();
    const r = await cli(['export', '--format', 'ics', '--out', 'plans.ics'], { db, now: '2026-11-26T09:00', cwd: dir });
    expect(r).toEqual({ code: 0, out: '', err: expect.stringMatching(/^study: wrote plans\.ics: \d+ events of 2 plans\n$/) });
    expect(statSync(join(dir, 'plans.ics')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'plans.ics'), 'utf8')).toBe(await ics(db, '2026-11-26T09:00'));
  });

  it('says what is wrong with --plan: not started, unknown, or without --format ics', async () => {
    const db = await twoPlans();
    const now = '2026-11-26T09:00';
    expect(await cli(['export', '--format', 'ics', '--plan', 'flash-poll-phases'], { db, now })).toEqual({
      code: 1,
      out: '',
      err: 'study: flash-poll-phases is not started; run: study start flash-poll-phases\n',
    });
    expect((await cli(['export', '--format', 'ics', '--plan', 'nope'], { db, now })).err).toMatch(/^study: roadmap "nope" not found/);
    expect(await cli(['export', '--plan', 'system-architecture-12w'], { db, now })).toEqual({ code: 2, out: '', err: 'study: --plan goes with --format ics\n' });
    expect((await cli(['export', '--format', 'pdf'], { db, now })).err).toBe('study: --format: expected json or ics, got "pdf"\n');
  });

  it('leaves out a stopped plan, and says so when it is asked for', async () => {
    const db = await twoPlans();
    const now = '2026-11-26T09:00';
    expect((await cli(['stop', 'backend-devops-checklist'], { db, now })).code).toBe(0);
    const uids = events(await ics(db, now)).map((e) => e.uid);
    expect(uids.some((u) => u.startsWith('system-architecture-12w.'))).toBe(true);
    expect(uids.filter((u) => u.startsWith('backend-devops-checklist.'))).toEqual([]);
    expect(await cli(['export', '--format', 'ics', '--plan', 'backend-devops-checklist'], { db, now })).toEqual({
      code: 1,
      out: '',
      err: 'study: backend-devops-checklist is stopped; start it again with: study start backend-devops-checklist\n',
    });
  });

  it('is an empty calendar, said so, when no plan is started', async () => {
    const db = join(tempDir(), 'study.db');
    const r = await cli(['export', '--format', 'ics'], { db, now: '2026-11-26T09:00' });
    expect(r.code).toBe(0);
    expect(events(r.out)).toEqual([]);
    expect(r.err).toBe('study: no plan is started, so the calendar has no events (study start ROADMAP)\n');
  });
});
