// Progress of a plan as of a moment (core/progress.ts progressOf and asOf): the one
// function behind every command's "done, expected, behind, ahead, pace".
import { describe, expect, it } from 'vitest';
import { asOf, progressOf } from '../../src/core/progress.js';
import { schedule } from '../../src/core/schedule.js';
import { parseRoadmapText } from '../../src/roadmap/file.js';
import type { Roadmap } from '../../src/core/model.js';
import { countsFromModel } from '../support/oracle.js';

function roadmap(text: string): Roadmap {
  const r = parseRoadmapText(text, 'r.yaml', 'r');
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return r.roadmap;
}

// Eight 2-hour items at 4 hours a week: two due in each of plan weeks 1-4.
const PLAN = roadmap('title: R\nkind: checklist\nsections:\n  - title: S\n    items: [a, b, c, d, e, f, g, h]\n');
const SCHEDULE = schedule(PLAN, { hoursPerWeek: 4, pace: 'mid' }, new Set());
const TIMING = { startDay: '2026-11-16', totalWeeks: SCHEDULE.totalWeeks, weekStartsOn: 1 };
const progress = (done: Record<string, string>, today: string, weekEnd?: string) => {
  const when = asOf(TIMING, today, weekEnd);
  return progressOf(countsFromModel(PLAN, SCHEDULE, new Map(Object.entries(done).map(([k, v]) => [`r/s/${k}`, v])), when.day), TIMING, when);
};

describe('progressOf', () => {
  const done = { a: '2026-11-17', b: '2026-11-24', c: '2026-11-25' };

  it('as of now (Thursday of plan week 2): what was due in week 1 is expected; week 2 is in progress', () => {
    expect(progress(done, '2026-11-26')).toMatchObject({ done: 3, total: 8, percent: 37, expected: 2, expectedPercent: 25, behindBy: 0, aheadBy: 0, status: 'on track', week: 2, of: 4 });
  });

  it('as of the end of plan week 2, once it is over: its items are expected too, and one is missing', () => {
    expect(progress(done, '2026-12-01', '2026-11-29')).toMatchObject({ done: 3, expected: 4, expectedPercent: 50, behindBy: 1, status: 'behind', week: 2 });
  });

  it('counts what was done by that day only: a later completion does not change a past week', () => {
    const later = { ...done, d: '2026-11-30' };
    expect(progress(later, '2026-12-01', '2026-11-29')).toEqual(progress(done, '2026-12-01', '2026-11-29'));
  });

  it('pace over the plan weeks so far (at most 4) and the projected finish at that pace', () => {
    // 3 items in the 2 weeks up to the 29th: 1.5 a week; 5 left = 4 more weeks.
    expect(progress(done, '2026-12-01', '2026-11-29')).toMatchObject({ pace: 1.5, paceWeeks: 2, projectedFinish: '2026-12-27', plannedFinish: '2026-12-13' });
  });

  it('ahead by the items done before the week they are due; no projection without recent progress', () => {
    // a-e done long ago: e is due in week 3, after the week in progress (c and d are due in it).
    const early = { a: '2026-10-01', b: '2026-10-01', c: '2026-10-01', d: '2026-10-01', e: '2026-10-01' };
    expect(progress(early, '2026-11-26')).toMatchObject({ status: 'ahead', aheadBy: 1, behindBy: 0, projectedFinish: null });
  });

  it('before the plan begins: not started; everything done: finished', () => {
    expect(progress({}, '2026-11-10')).toMatchObject({ status: 'not started', behindBy: 0, week: 0 });
    const all = Object.fromEntries('abcdefgh'.split('').map((k) => [k, '2026-11-20']));
    expect(progress(all, '2026-12-30')).toMatchObject({ status: 'finished', percent: 100, projectedFinish: '2026-12-30' });
  });

  it('a roadmap that is not started has a total and done, no schedule', () => {
    const counts = countsFromModel(PLAN, null, new Map([['r/s/a', '2026-11-17']]), '2026-11-26');
    expect(progressOf(counts, null, asOf(null, '2026-11-26'))).toMatchObject({ done: 1, total: 8, percent: 12, expected: 0, status: 'not started', of: 0, plannedFinish: null });
  });
});
