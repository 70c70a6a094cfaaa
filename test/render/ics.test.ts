// The .ics feed, parsed back with ical.js (Mozilla's iCalendar parser): events, all-day
// dates, UIDs that survive a replan, escaping and line folding.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { finishUid, planCalendar, weekUid, type CalendarData, type CalendarPlan } from '../../src/render/ics.js';

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function plan(id: string, title: string, start: string, weeks: number, shift = 0): CalendarPlan {
  return {
    id,
    title,
    weeks: Array.from({ length: weeks }, (_, i) => {
      const from = addDays(start, 7 * (i + shift));
      return {
        week: i + 1,
        from,
        to: addDays(from, 6),
        sections: [`Section ${i + 1}`],
        items: [`Item ${i + 1}a`, `Item ${i + 1}b`],
      };
    }),
    plannedFinish: addDays(start, 7 * (weeks + shift) - 1),
  };
}

interface Parsed {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  startIsDate: boolean;
  endIsDate: boolean;
}

function parse(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      startIsDate: e.startDate.isDate,
      endIsDate: e.endDate.isDate,
    };
  });
}

const STAMP = '2026-11-26T09:30:00Z';

describe('planCalendar', () => {
  const data: CalendarData = {
    stamp: STAMP,
    plans: [plan('system-architecture-12w', 'System Architecture — 12-Week Plan', '2026-10-05', 12), plan('dsa', 'DSA', '2026-11-16', 3)],
  };
  const text = planCalendar(data);
  const events = parse(text);

  it('has one all-day event per plan week and one on each planned finish, DTEND the day after', () => {
    expect(events).toHaveLength(12 + 1 + 3 + 1);
    const w1 = events.find((e) => e.uid === weekUid('system-architecture-12w', 1))!;
    expect(w1).toMatchObject({ start: '2026-10-05', end: '2026-10-12', startIsDate: true, endIsDate: true, summary: 'Week 1: Section 1' });
    expect(w1.description).toBe('System Architecture — 12-Week Plan, week 1 of 12 (2026-10-05 to 2026-10-11)\n\n- Item 1a\n- Item 1b');
    const finish = events.find((e) => e.uid === finishUid('system-architecture-12w'))!;
    expect(finish).toMatchObject({ start: '2026-12-27', end: '2026-12-28', startIsDate: true, summary: 'Planned finish: System Architecture — 12-Week Plan' });
    // As written: DATE values, not date-times.
    expect(text).toContain('DTSTART;VALUE=DATE:20261005\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20261012\r\n');
    expect(text).toContain('DTSTAMP:20261126T093000Z\r\n');
  });

  it('keeps every UID through a replan that moves the weeks, and only the dates change', () => {
    const moved = parse(planCalendar({ ...data, plans: [plan('system-architecture-12w', 'System Architecture — 12-Week Plan', '2026-10-05', 12, 2), data.plans[1]!] }));
    expect(moved.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const before = events.find((e) => e.uid === weekUid('system-architecture-12w', 3))!;
    const after = moved.find((e) => e.uid === weekUid('system-architecture-12w', 3))!;
    expect([before.start, after.start]).toEqual(['2026-10-19', '2026-11-02']);
    // The same data gives the same bytes: an export can be diffed, and imports are idempotent.
    expect(planCalendar(data)).toBe(text);
  });

  it('escapes commas, semicolons, backslashes and newlines in text, and they read back as written', () => {
    const tricky = 'Caching; write-through, lazy\\eviction\nsecond line';
    const p: CalendarPlan = { id: 'r', title: tricky, weeks: [{ week: 1, from: '2026-11-23', to: '2026-11-29', sections: [tricky], items: [tricky] }], plannedFinish: null };
    const out = planCalendar({ stamp: STAMP, plans: [p] });
    expect(out).toContain('Caching\\; write-through\\, lazy\\\\eviction');
    const [e] = parse(out);
    // Newlines inside a title become spaces (titles are one line), the rest reads back.
    expect(e!.summary).toBe('Week 1: Caching; write-through, lazy\\eviction second line');
    expect(e!.description).toContain('- Caching; write-through, lazy\\eviction second line');
  });

  it('folds long lines at 75 octets without splitting a character; Bengali and emoji read back whole', () => {
    const bn = 'ডেটা স্ট্রাকচার ও অ্যালগরিদম — ১৬ সপ্তাহের পরিকল্পনা 🧠👩🏽‍💻 '.repeat(3).trim();
    const p: CalendarPlan = { id: 'dsa-bn', title: bn, weeks: [{ week: 1, from: '2026-11-23', to: '2026-11-29', sections: [bn], items: [bn] }], plannedFinish: '2026-11-29' };
    const out = planCalendar({ stamp: STAMP, plans: [p] });
    const lines = out.split('\r\n');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3);
    expect(out).not.toContain('\ufffd');
    const [week, finish] = parse(out);
    expect(week!.summary).toBe(`Week 1: ${bn}`);
    expect(finish!.summary).toBe(`Planned finish: ${bn}`);
  });

  it('keeps controls and bidi overrides out, and makes odd ids into valid UIDs', () => {
    const p: CalendarPlan = { id: 'a b/é;<x>', title: 'evil\u202Etxt.exe\u0007', weeks: [{ week: 1, from: '2026-11-23', to: '2026-11-29', sections: ['s\u001b[31m'], items: [] }], plannedFinish: null };
    const out = planCalendar({ stamp: STAMP, plans: [p] });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/);
    const [e] = parse(out);
    expect(e!.uid).toBe('a%20b%2F%C3%A9%3B%3Cx%3E.week-1@study.invalid');
    expect(e!.description).toBe('evil\ufffdtxt.exe␇, week 1 of 1 (2026-11-23 to 2026-11-29)');
  });

  it('refuses a day that is not one', () => {
    expect(() => planCalendar({ stamp: STAMP, plans: [{ ...data.plans[1]!, plannedFinish: '2026-02-30' }] })).toThrow(RangeError);
  });
});
