// study report: the pure report, its three formats, golden text and Markdown, and a
// multi-week scenario driven through the real CLI with STUDY_NOW.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

interface ReportJson {
  week: string;
  from: string;
  to: string;
  completed: { id: string; title: string; roadmap: string; date: string }[];
  leetcode: { sessions: number; problems: number; byDifficulty: Record<string, number>; minutes: number; days: number };
  streak: { current: number; longest: number };
  roadmaps: { id: string; done: number; total: number; percent: number; expectedPercent: number; status: string; behindBy: number; projectedFinish: string | null }[];
  nextWeek: { id: string; title: string }[];
}

const GOLDEN = join(import.meta.dirname, '..', 'golden');

/** Two weeks of a learner's life: two plans, some completions, LeetCode most days. */
async function scenario(): Promise<string> {
  const db = join(tempDir(), 'study.db');
  const at = (now: string, args: string[]) => cli(args, { db, now });
  await at('2026-11-16T08:00', ['start', 'system-architecture-12w']);
  await at('2026-11-16T08:00', ['start', 'backend-devops-checklist']);
  await at('2026-11-17T21:00', ['done', 'monolith-vs-microservices']);
  await at('2026-11-18T21:00', ['done', 'learn-pods-deployments-services']);
  await at('2026-11-20T21:00', ['done', 'practice-with-minikube-or-kind']);
  for (const [now, problem, difficulty, minutes] of [
    ['2026-11-16T20:00', 'two-sum', 'easy', '15'],
    ['2026-11-17T20:00', 'valid-parentheses', 'easy', '25'],
    ['2026-11-18T20:00', 'lru-cache', 'medium', '55'],
    ['2026-11-20T01:30', 'merge-intervals', 'medium', '40'], // counts for Thursday 19
    ['2026-11-23T20:00', 'two-sum', 'easy', '10'],
    ['2026-11-24T20:00', 'course-schedule', 'medium', '45'],
    ['2026-11-25T20:00', 'median-of-two-sorted-arrays', 'hard', '60'],
  ] as const) {
    await at(now, ['leet', 'log', problem, '--difficulty', difficulty, '--minutes', minutes]);
  }
  // Week 2: more done, one of them back-dated into week 1.
  await at('2026-11-24T21:00', ['done', 'clean-architecture-layers']);
  await at('2026-11-25T21:00', ['done', 'horizontal-vs-vertical-scaling', '--date', '2026-11-22']);
  await at('2026-11-26T21:00', ['done', 'refactor-a-django-app-using']);
  return db;
}

describe('study report', () => {
  it('a week: completions with dates, each plan against its schedule, LeetCode, next week (JSON)', async () => {
    const db = await scenario();
    const w1 = await cliJson<ReportJson>(['report', '--week', '2026-W47'], { db, now: '2026-11-26T22:00' });
    expect(w1).toMatchObject({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(w1.completed).toEqual([
      { id: 'system-architecture-12w/w01-02/monolith-vs-microservices', title: 'Monolith vs Microservices', roadmap: 'system-architecture-12w', date: '2026-11-17' },
      {
        id: 'backend-devops-checklist/devops-deployment/kubernetes/learn-pods-deployments-services',
        title: 'Learn Pods, Deployments, Services, ConfigMaps, Secrets',
        roadmap: 'backend-devops-checklist',
        date: '2026-11-18',
      },
      {
        id: 'backend-devops-checklist/devops-deployment/kubernetes/practice-with-minikube-or-kind',
        title: 'Practice with `minikube` or `kind`',
        roadmap: 'backend-devops-checklist',
        date: '2026-11-20',
      },
      {
        id: 'system-architecture-12w/w01-02/horizontal-vs-vertical-scaling',
        title: 'Horizontal vs vertical scaling',
        roadmap: 'system-architecture-12w',
        date: '2026-11-22',
      },
    ]);
    expect(w1.leetcode).toEqual({
      sessions: 4,
      problems: 4,
      byDifficulty: { easy: 2, medium: 2, hard: 0, unknown: 0 },
      minutes: 135,
      days: 4,
      strip: expect.any(Array),
      // four new problems, none seen again that week: each fell due in it (two-sum on 11-19,
      // good after 3 days; the others hard, past their target minutes, after 2) and was missed
      reviews: { done: 0, missed: 4 },
      weakPatterns: [],
      weekly: { done: 4, target: 0 },
    });
    const devops = w1.roadmaps.find((r) => r.id === 'backend-devops-checklist')!;
    // 8 hours a week of 2-hour items: 4 expected in week 1, 2 done (plus Docker's 5 from the file).
    expect(devops).toMatchObject({ done: 7, total: 66, percent: 10, expectedPercent: 13, status: 'behind', behindBy: 2 });
    const arch = w1.roadmaps.find((r) => r.id === 'system-architecture-12w')!;
    expect(arch).toMatchObject({ done: 2, total: 46, expectedPercent: 0, status: 'ahead' });
    expect(w1.nextWeek.map((n) => n.title)).toContain('Clean architecture layers');
  });

  it('the current week by default; --date picks the week of a day', async () => {
    const db = await scenario();
    const now = await cliJson<ReportJson>(['report'], { db, now: '2026-11-26T22:00' });
    expect(now.week).toBe('2026-W48');
    expect(now.completed.map((c) => c.title)).toEqual(['Clean architecture layers', 'Refactor a Django app using services + repositories layer']);
    expect(now.leetcode).toMatchObject({ sessions: 3, days: 3, minutes: 115 });
    expect(now.streak).toEqual({ current: 3, longest: 4 });
    const byDate = await cliJson<ReportJson>(['report', '--date', '2026-11-19'], { db, now: '2026-11-26T22:00' });
    expect(byDate.week).toBe('2026-W47');
  });

  it('a week with nothing in it still reports the plan, and says so', async () => {
    const db = await scenario();
    const r = await cli(['report', '--week', '2026-W50'], { db, now: '2026-12-09T22:00' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing was marked done this week');
    // As of Wednesday of week 4: the items due in weeks 1-3 are expected (5), 4 are done.
    expect(r.out).toContain("system-architecture-12w  4/46  behind by 1 item  · week 4 of 12");
  });

  it('golden text (no colour) and Markdown for a fixed store and STUDY_NOW', async () => {
    const db = await scenario();
    const text = await cli(['report'], { db, now: '2026-11-26T22:00' });
    const markdown = await cli(['report', '--format', 'markdown'], { db, now: '2026-11-26T22:00' });
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(join(GOLDEN, 'report.txt'), text.out);
      writeFileSync(join(GOLDEN, 'report.md'), markdown.out);
    }
    expect(text.out).toBe(readFileSync(join(GOLDEN, 'report.txt'), 'utf8'));
    expect(markdown.out).toBe(readFileSync(join(GOLDEN, 'report.md'), 'utf8'));
  });

  it('invalid weeks and formats are usage errors', async () => {
    const db = join(tempDir(), 's.db');
    for (const [args, err] of [
      [['--week', '2026-W60'], 'study: --week: expected a week like 2026-W48 that exists, got "2026-W60"\n'],
      [['--week', 'W47'], 'study: --week: expected a week like 2026-W48 that exists, got "W47"\n'],
      [['--week', '2027-W53'], 'study: --week: expected a week like 2026-W48 that exists, got "2027-W53"\n'],
      [['--date', '2026-02-30'], 'study: --date: expected a date YYYY-MM-DD that exists, got "2026-02-30"\n'],
      [['--format', 'pdf'], 'study: --format: expected text, markdown, json or html, got "pdf"\n'],
      [['--week', '2026-W47', '--date', '2026-11-18'], 'study: --week and --date cannot be used together\n'],
    ] as const) {
      expect(await cli(['report', ...args], { db, now: '2026-11-26T22:00' })).toEqual({ code: 2, out: '', err });
    }
  });

  it('Markdown escapes what Markdown would interpret in untrusted titles', async () => {
    const dir = tempDir();
    const db = join(dir, 's.db');
    writeFileSync(join(dir, 'evil.yaml'), 'title: Evil\nkind: checklist\nsections:\n  - title: S\n    items: ["*bold* [link](http://x) <img src=x> | pipe \\e[31mred"]\n');
    await cli(['load', 'evil.yaml'], { db, cwd: dir, now: '2026-11-23T08:00' });
    await cli(['start', 'evil'], { db, now: '2026-11-23T08:00' });
    await cli(['done', 'bold'], { db, now: '2026-11-23T09:00' });
    const r = await cli(['report', '--format', 'markdown'], { db, now: '2026-11-23T10:00' });
    expect(r.out).toContain('- [x] \\*bold\\* \\[link\\](http\\://x) \\<img src=x\\> \\| pipe red (Mon 23 Nov)');
  });
});
