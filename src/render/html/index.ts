// The weekly report as one self-contained HTML page (`study report --format html`):
// inline CSS and SVG, no script, no request; light and dark by prefers-color-scheme,
// fit for print. Data in (types.ts), text out. Untrusted text goes through escape.ts.
import { dateRange, weekdayDate } from '../dates.js';
import { burnupChart } from './burnup.js';
import { bdi, esc, plural } from './escape.js';
import { heatmapSection } from './heatmap.js';
import { leetcodeSection } from './leetcode.js';
import { STYLE } from './style.js';
import type { HtmlReportData, HtmlRoadmap } from './types.js';

export type * from './types.js';

function statusText(r: HtmlRoadmap): string {
  if (r.status === 'behind') return `behind by ${plural(r.behindBy, 'item')}`;
  if (r.status === 'ahead') return `ahead by ${plural(r.aheadBy, 'item')}`;
  return r.status;
}

function paceText(r: HtmlRoadmap): string {
  if (r.total > 0 && r.done === r.total) return 'All done.';
  const n = Number(r.pace.toFixed(2));
  const pace = `${n} item${n === 1 ? '' : 's'}/week over ${r.paceWeeks === 1 ? 'this week' : `${r.paceWeeks} weeks`}`;
  return r.projectedFinish ? `${pace}; at that pace done by ${r.projectedFinish}.` : `${pace}; no recent progress to project a finish.`;
}

function tiles(data: HtmlReportData): string {
  const behind = data.roadmaps.filter((r) => r.status === 'behind').length;
  const tile = (value: string, label: string): string => `<div class="tile"><dt>${label}</dt><dd>${value}</dd></div>`;
  return (
    `<dl class="tiles">` +
    tile(String(data.completed.length), data.completed.length === 1 ? 'item done this week' : 'items done this week') +
    tile(String(data.leetcode.sessions), `LeetCode ${data.leetcode.sessions === 1 ? 'session' : 'sessions'} · ${data.leetcode.days}/7 days`) +
    tile(String(data.streak.current), `day streak · longest ${data.streak.longest}`) +
    tile(`${data.roadmaps.length - behind}/${data.roadmaps.length}`, 'plans on track or ahead') +
    `</dl>`
  );
}

function plansSection(data: HtmlReportData): string {
  const cards = data.roadmaps.map((r, i) => {
    const burnup = data.burnups.find((b) => b.id === r.id);
    const meter = (label: string, value: number, cls: string): string =>
      `<div class="meter-row"><span class="meter-label">${label}</span><span class="meter" role="img" aria-label="${label} ${value}%"><span class="${cls}" style="width:${Math.max(0, Math.min(100, value))}%"></span></span><span class="meter-value">${value}%</span></div>`;
    return (
      `<article class="plan" aria-labelledby="plan-${i}">` +
      `<header><h3 id="plan-${i}">${bdi(r.title)}</h3>` +
      `<p class="plan-meta"><code>${esc(r.id)}</code> · ${r.done} of ${plural(r.total, 'item')}${r.week >= 1 ? ` · week ${r.week} of ${r.of}` : ''} ` +
      `<span class="pill ${r.status.replace(/ /g, '-')}">${esc(statusText(r))}</span></p></header>` +
      meter('done', r.percent, 'fill-done') +
      meter('expected', r.expectedPercent, 'fill-expected') +
      `<p class="muted">${esc(paceText(r))}</p>` +
      (burnup ? burnupChart(burnup, i) : '') +
      `</article>`
    );
  });
  return (
    `<section class="card" aria-labelledby="h-plans"><h2 id="h-plans">Plans</h2>` +
    (cards.length ? cards.join('') : `<p class="muted">No plan is started (study start ROADMAP).</p>`) +
    `</section>`
  );
}

function weekSection(data: HtmlReportData): string {
  const byRoadmap = new Map<string, HtmlReportData['completed'][number][]>();
  for (const c of data.completed) byRoadmap.set(c.roadmap, [...(byRoadmap.get(c.roadmap) ?? []), c]);
  const done = [...byRoadmap]
    .map(
      ([roadmap, items]) =>
        `<h3>${bdi(roadmap)}</h3><ul class="items">` +
        items.map((c) => `<li class="item-done"><span class="mark" aria-hidden="true">✓</span> ${bdi(c.title)} <time datetime="${esc(c.date)}">${esc(weekdayDate(c.date))}</time></li>`).join('') +
        `</ul>`,
    )
    .join('');
  const next = data.nextWeekPlanned
    .map((x) => `<li class="item-next"><span class="mark" aria-hidden="true">○</span> ${bdi(x.title)} <span class="muted">${bdi(x.roadmap)}</span></li>`)
    .join('');
  return (
    `<div class="two">` +
    `<section class="card" aria-labelledby="h-done"><h2 id="h-done">Completed this week</h2>` +
    (done || `<p class="muted">Nothing was marked done this week.</p>`) +
    `</section>` +
    `<section class="card" aria-labelledby="h-next"><h2 id="h-next">Next week</h2>` +
    (next ? `<ul class="items">${next}</ul>` : `<p class="muted">Nothing is planned for next week.</p>`) +
    `</section></div>`
  );
}

export function renderHtmlReport(data: HtmlReportData): string {
  const range = `${dateRange(data.from, data.to)} ${data.to.slice(0, 4)}`;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="color-scheme" content="light dark">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>Weekly report ${esc(data.week)} · study</title><style>${STYLE}</style></head>` +
    `<body><main>` +
    `<header class="top"><h1>Weekly report <span class="week">${esc(data.week)}</span></h1><p class="range">${esc(range)}</p></header>` +
    tiles(data) +
    weekSection(data) +
    plansSection(data) +
    heatmapSection(data) +
    leetcodeSection(data) +
    `<footer>Made by study on ${esc(data.today)}.</footer>` +
    `</main></body></html>\n`
  );
}
