// A realistic HtmlReportData for tests and the screenshots: the week 2026-W48 (23-29 Nov
// 2026, today Thursday 26th), three started plans (one with a Bengali title, one behind,
// one ahead), 52 weeks of LeetCode sessions from a seeded generator, Sundays as rest days,
// two frozen days. `hostileSample()` is the same with titles and ids meant to break out.
import { addDaysTo, daysBetween, weekLabel, weekStartOf } from '../../src/core/calendar.js';
import type { BurnupWeek, HeatDay, HtmlReportData, HtmlRoadmap, PlanBurnup } from '../../src/render/html/types.js';

export const TODAY = '2026-11-26';
const FROM = '2026-11-23';
const TO = '2026-11-29';
const WEEK_STARTS_ON = 1;

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlanSpec {
  id: string;
  title: string;
  start: string;
  weeks: number;
  total: number;
  /** Done per week so far, cumulative at each week's end (through the reported week). */
  done: number[];
  forecastFinish: string | null;
  status: HtmlRoadmap['status'];
}

const PLANS: PlanSpec[] = [
  {
    id: 'system-architecture-12w',
    title: 'System Architecture — 12-Week Plan (Django-focused)',
    start: '2026-10-05',
    weeks: 12,
    total: 46,
    done: [3, 7, 10, 14, 17, 19, 23, 26],
    forecastFinish: '2027-02-21',
    status: 'behind',
  },
  {
    id: 'dsa-bn-16w',
    title: 'ডেটা স্ট্রাকচার ও অ্যালগরিদম — ১৬ সপ্তাহের পরিকল্পনা',
    start: '2026-09-07',
    weeks: 16,
    total: 64,
    done: [4, 9, 13, 18, 22, 27, 33, 37, 42, 46, 50, 55],
    forecastFinish: '2026-12-27',
    status: 'ahead',
  },
  {
    id: 'backend-devops-checklist',
    title: 'Backend & DevOps checklist',
    start: '2026-11-16',
    weeks: 16,
    total: 66,
    done: [2, 7],
    forecastFinish: '2028-01-16',
    status: 'behind',
  },
];

function burnup(p: PlanSpec): PlanBurnup {
  const weeks: BurnupWeek[] = [];
  const first = weekStartOf(p.start, WEEK_STARTS_ON);
  for (let w = 1; w <= p.weeks; w++) {
    const from = addDaysTo(first, 7 * (w - 1));
    weeks.push({
      week: w,
      label: weekLabel(from, WEEK_STARTS_ON),
      from,
      to: addDaysTo(from, 6),
      done: w <= p.done.length ? p.done[w - 1]! : null,
      planned: Math.round((p.total * w) / p.weeks),
    });
  }
  return { id: p.id, title: p.title, total: p.total, weeks, plannedFinish: weeks[weeks.length - 1]!.to, forecastFinish: p.forecastFinish };
}

function roadmap(p: PlanSpec, b: PlanBurnup): HtmlRoadmap {
  const week = p.done.length;
  const done = p.done[week - 1]!;
  const planned = b.weeks[week - 1]!.planned;
  const recent = done - (p.done[Math.max(0, week - 5)] ?? 0);
  return {
    id: p.id,
    title: p.title,
    done,
    total: p.total,
    percent: Math.round((100 * done) / p.total),
    expectedPercent: Math.round((100 * planned) / p.total),
    status: p.status,
    behindBy: Math.max(0, planned - done),
    aheadBy: Math.max(0, done - planned),
    week,
    of: p.weeks,
    pace: recent / Math.min(4, week),
    paceWeeks: Math.min(4, week),
    projectedFinish: p.forecastFinish,
    plannedFinish: b.plannedFinish,
  };
}

const PATTERNS = ['Arrays & Hashing', 'Two Pointers', 'Sliding Window', 'Stack', 'Binary Search', 'Linked List', 'Trees', 'Tries', 'Heap / Priority Queue', 'Backtracking', 'Graphs', 'Dynamic Programming'];

export function sample(overrides: Partial<HtmlReportData> = {}): HtmlReportData {
  const rnd = random(17);
  const firstDay = addDaysTo(weekStartOf(TO, WEEK_STARTS_ON), -7 * 51);
  const frozen = new Set(['2026-03-11', '2026-08-19']);
  const heatmap: HeatDay[] = [];
  for (let i = 0; i <= daysBetween(firstDay, TO); i++) {
    const date = addDaysTo(firstDay, i);
    if (date > TODAY) break;
    const rest = i % 7 === 6;
    const busy = 0.55 + 0.35 * Math.sin(i / 40);
    let sessions = rnd() < (rest ? 0.15 : busy) ? 1 + Math.floor(rnd() * rnd() * 4) : 0;
    if (frozen.has(date)) sessions = 0;
    const completions = rnd() < 0.18 ? 1 + Math.floor(rnd() * 3) : 0;
    heatmap.push({ date, sessions, completions, rest, frozen: frozen.has(date) });
  }
  // This week as the report has it.
  const week = heatmap.filter((d) => d.date >= FROM);
  const strip = Array.from({ length: 7 }, (_, i) => {
    const date = addDaysTo(FROM, i);
    return { date, count: week.find((d) => d.date === date)?.sessions ?? 0 };
  });
  const perWeek = Array.from({ length: 52 }, (_, w) => {
    const from = addDaysTo(firstDay, 7 * w);
    const sessions = heatmap.filter((d) => d.date >= from && d.date <= addDaysTo(from, 6)).reduce((n, d) => n + d.sessions, 0);
    return { week: weekLabel(from, WEEK_STARTS_ON), from, sessions };
  });
  const burnups = PLANS.map(burnup);
  const sessions = strip.reduce((n, d) => n + d.count, 0);
  const data: HtmlReportData = {
    week: '2026-W48',
    from: FROM,
    to: TO,
    completed: [
      { id: 'system-architecture-12w/w01-02/clean-architecture-layers', title: 'Clean architecture layers', roadmap: 'system-architecture-12w', date: '2026-11-24' },
      { id: 'system-architecture-12w/w01-02/refactor-a-django-app-using', title: 'Refactor a Django app using services + repositories layer', roadmap: 'system-architecture-12w', date: '2026-11-26' },
      { id: 'dsa-bn-16w/w11/heap', title: 'হিপ ও প্রায়োরিটি কিউ: টপ-কে সমস্যা', roadmap: 'dsa-bn-16w', date: '2026-11-25' },
      { id: 'backend-devops-checklist/docker/compose', title: 'Docker Compose for a Django + Postgres stack 🐳', roadmap: 'backend-devops-checklist', date: '2026-11-23' },
    ],
    leetcode: {
      sessions,
      problems: sessions,
      byDifficulty: { easy: 1, medium: Math.max(0, sessions - 2), hard: sessions > 1 ? 1 : 0, unknown: 0 },
      minutes: 35 * sessions,
      days: strip.filter((d) => d.count > 0).length,
      strip,
    },
    streak: { current: 4, longest: 23 },
    roadmaps: PLANS.map((p, i) => roadmap(p, burnups[i]!)),
    nextWeekPlanned: [
      { id: 'backend-devops-checklist/terraform/create-reusable-modules', title: 'Create reusable modules', roadmap: 'backend-devops-checklist', dueWeek: 3 },
      { id: 'backend-devops-checklist/coolify/deploy', title: 'Deploy a Dockerized app with Coolify', roadmap: 'backend-devops-checklist', dueWeek: 3 },
      { id: 'system-architecture-12w/w09/caching', title: 'Caching strategies: write-through, lazy, eviction', roadmap: 'system-architecture-12w', dueWeek: 9 },
      { id: 'system-architecture-12w/w09/redis-sessions', title: 'Use Redis for user sessions and inspect keys via redis-cli', roadmap: 'system-architecture-12w', dueWeek: 9 },
      { id: 'dsa-bn-16w/w13/graphs', title: 'গ্রাফ: BFS ও DFS অনুশীলন', roadmap: 'dsa-bn-16w', dueWeek: 13 },
    ],
    today: TODAY,
    weekStartsOn: WEEK_STARTS_ON,
    dailyTarget: 1,
    heatmap,
    burnups,
    leetcodeYear: {
      perWeek,
      byDifficulty: { easy: 58, medium: 97, hard: 21, unknown: 3 },
      byPattern: PATTERNS.map((pattern, i) => ({ pattern, problems: Math.round(26 - i * 1.9 + (i % 3) * 2) })).sort((a, b) => b.problems - a.problems),
    },
  };
  return { ...data, ...overrides };
}

/** Titles, ids and patterns that try to break out of the HTML, or to mislead the eye. */
export const HOSTILE = {
  script: '<script>window.__pwned = 1</script>',
  attr: '" onload="window.__pwned=2" x="',
  amp: 'Tom & Jerry &amp; &lt;b&gt;',
  bidi: 'invoice\u202Egnp.exe\u2066x\u2069',
  svg: '</title></svg><img src=x onerror="window.__pwned=3">',
  control: 'bell\u0007 esc\u001b[31m red \u0085 end',
};

export function hostileSample(): HtmlReportData {
  const base = sample();
  const plan = base.burnups[0]!;
  const evilId = `${HOSTILE.attr}${HOSTILE.script}`;
  return {
    ...base,
    week: `2026-W48${HOSTILE.script}`,
    completed: [
      { id: evilId, title: HOSTILE.script, roadmap: HOSTILE.attr, date: '2026-11-24' },
      { id: 'x/y/amp', title: HOSTILE.amp, roadmap: 'x', date: '2026-11-25' },
      { id: 'x/y/bidi', title: HOSTILE.bidi, roadmap: 'x', date: '2026-11-25' },
      { id: 'x/y/bn', title: 'বাংলা শিরোনাম 🎉👩🏽‍💻', roadmap: 'x', date: '2026-11-26' },
    ],
    roadmaps: [{ ...base.roadmaps[0]!, id: evilId, title: HOSTILE.svg }],
    burnups: [{ ...plan, id: evilId, title: HOSTILE.svg, weeks: plan.weeks.map((w) => ({ ...w, label: `${w.label}${HOSTILE.script}` })) }],
    nextWeekPlanned: [{ id: 'x/y/c', title: HOSTILE.control, roadmap: HOSTILE.bidi, dueWeek: 9 }],
    leetcodeYear: { ...base.leetcodeYear, byPattern: [{ pattern: HOSTILE.svg, problems: 3 }, { pattern: HOSTILE.amp, problems: 2 }] },
  };
}
