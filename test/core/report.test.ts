import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { schedule } from '../../src/core/schedule.js';
import { resolveDone } from '../../src/core/progress.js';
import { parseRoadmapText } from '../../src/roadmap-file.js';
import type { Roadmap } from '../../src/core/model.js';

function roadmap(text: string): Roadmap {
  const r = parseRoadmapText(text, 'r.yaml', 'r');
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return r.roadmap;
}

const PLAN = roadmap('title: R\nkind: checklist\nsections:\n  - title: S\n    items: [a, b, c, d, e, f, g, h]\n');
const settings = { restDays: new Set<number>(), dailyTarget: 1 };

function report(doneIds: string[], completions: { id: string; date: string }[], sessions: { day: string; difficulty: string | null; minutes: number | null }[] = []) {
  const done = resolveDone(PLAN, new Set(doneIds));
  // 4 hours a week of 2-hour items: two items due each week.
  const sched = schedule(PLAN, { hoursPerWeek: 4, pace: 'mid' }, new Set());
  const counts = new Map<string, number>();
  for (const s of sessions) counts.set(s.day, (counts.get(s.day) ?? 0) + 1);
  return buildReport({
    from: '2026-11-23',
    weekStartsOn: 1,
    today: '2026-11-26',
    plans: [{ roadmap: PLAN, startDay: '2026-11-16', schedule: sched, done }],
    completions: completions.map((c) => ({ ...c, title: c.id, roadmap: 'r' })),
    sessions: sessions.map((s) => ({ ...s, problem: 'two-sum', number: null, slug: 'two-sum', title: null, result: 'solved', tags: [] })),
    sessionCounts: counts,
    streakSettings: settings,
  });
}

describe('buildReport', () => {
  it('week 2 of a plan: expected 4 of 8 by its end; 3 done is behind by 1; pace and projection from the last 4 weeks', () => {
    const r = report(['r/s/a', 'r/s/b', 'r/s/c'], [
      { id: 'r/s/a', date: '2026-11-17' },
      { id: 'r/s/b', date: '2026-11-24' },
      { id: 'r/s/c', date: '2026-11-25' },
    ]);
    expect(r).toMatchObject({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(r.completed.map((c) => c.id)).toEqual(['r/s/b', 'r/s/c']);
    expect(r.roadmaps).toEqual([
      expect.objectContaining({ id: 'r', done: 3, total: 8, percent: 37, expectedPercent: 50, status: 'behind', behindBy: 1, week: 2, of: 4 }),
    ]);
    // Week 2 of the plan: 3 items in 2 weeks = 1.5 a week; 5 left = 4 weeks after the week ends.
    expect(r.roadmaps[0]).toMatchObject({ pace: 1.5, projectedFinish: '2026-12-27', plannedFinish: '2026-12-13' });
    expect(r.nextWeek.map((n) => n.id)).toEqual(['r/s/e', 'r/s/f']);
  });

  it('ahead when work due later is already done; no projection without recent progress', () => {
    const r = report(['r/s/a', 'r/s/b', 'r/s/c', 'r/s/d', 'r/s/e'], []);
    expect(r.roadmaps[0]).toMatchObject({ status: 'ahead', aheadBy: 1, projectedFinish: null });
    expect(r.nextWeek.map((n) => n.id)).toEqual(['r/s/f']);
  });

  it('LeetCode: the week only, days practised, the strip, streak as of today', () => {
    const r = report([], [], [
      { day: '2026-11-22', difficulty: 'hard', minutes: 90 },
      { day: '2026-11-23', difficulty: 'easy', minutes: 20 },
      { day: '2026-11-23', difficulty: 'medium', minutes: 40 },
      { day: '2026-11-25', difficulty: null, minutes: null },
    ].filter((s) => s.day >= '2026-11-23'));
    expect(r.leetcode).toMatchObject({ sessions: 3, problems: 1, byDifficulty: { easy: 1, medium: 1, hard: 0, unknown: 1 }, minutes: 60, days: 2 });
    expect(r.leetcode.strip.map((d) => d.count)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    // Today (Thursday 26) is open; Wednesday qualifies, Tuesday does not: current 1.
    expect(r.streak).toEqual({ current: 1, longest: 1 });
  });
});
