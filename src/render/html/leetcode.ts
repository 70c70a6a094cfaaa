// LeetCode in the HTML report: this week's numbers and day strip, sessions per week over
// the year (an SVG bar chart on d3 scales, with a table), and problems by difficulty and
// by pattern (tables whose cells hold the bars, so the chart is its own text equivalent).
import { scaleBand, scaleLinear } from 'd3-scale';
import { longDate, shortDate, weekdayName } from '../dates.js';
import { bdi, esc, num, plural } from './escape.js';
import type { HtmlDifficulties, HtmlReportData } from './types.js';

const W = 720;
const H = 180;
const M = { top: 12, right: 8, bottom: 26, left: 40 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function weekStrip(data: HtmlReportData): string {
  const cells = data.leetcode.strip
    .map((d) => {
      const level = d.count === 0 ? 'l0' : d.count < data.dailyTarget ? 'l1' : d.count === data.dailyTarget ? 'l2' : 'l3';
      return `<li title="${esc(`${longDate(d.date)}: ${plural(d.count, 'session')}`)}"><span class="strip-day">${weekdayName(d.date)}</span><span class="strip-cell ${level}">${d.count || ''}</span></li>`;
    })
    .join('');
  return `<ol class="strip" aria-label="Sessions per day this week">${cells}</ol>`;
}

function perWeekChart(data: HtmlReportData): string {
  const weeks = data.leetcodeYear.perWeek;
  if (weeks.length === 0) return '';
  const x = scaleBand<string>().domain(weeks.map((w) => w.week)).range([M.left, W - M.right]).paddingInner(0.2);
  const max = Math.max(1, ...weeks.map((w) => w.sessions));
  const y = scaleLinear().domain([0, max]).nice(4).range([H - M.bottom, M.top]);
  const grid = y
    .ticks(4)
    .filter(Number.isInteger)
    .map((t) => `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${num(y(t))}" y2="${num(y(t))}"/><text class="axis" x="${M.left - 6}" y="${num(y(t) + 4)}" text-anchor="end">${t}</text>`)
    .join('');
  let lastMonth = '';
  let lastAt = -Infinity;
  const labels: string[] = [];
  const bars = weeks
    .map((w) => {
      const at = x(w.week)!;
      const month = w.from.slice(0, 7);
      if (month !== lastMonth) {
        lastMonth = month;
        if (at - lastAt > 40) {
          labels.push(`<text class="axis${labels.length % 2 ? ' minor' : ''}" x="${num(at)}" y="${H - M.bottom + 17}">${MONTHS[Number(month.slice(5)) - 1]}</text>`);
          lastAt = at;
        }
      }
      const top = y(w.sessions);
      const title = `${w.week} (from ${shortDate(w.from)} ${w.from.slice(0, 4)}): ${plural(w.sessions, 'session')}`;
      return `<rect class="bar${w.sessions ? '' : ' empty'}" data-week="${esc(w.week)}" data-sessions="${w.sessions}" x="${num(at)}" y="${num(w.sessions ? top : H - M.bottom - 1)}" width="${num(x.bandwidth())}" height="${num(w.sessions ? H - M.bottom - top : 1)}"><title>${esc(title)}</title></rect>`;
    })
    .join('');
  const total = weeks.reduce((n, w) => n + w.sessions, 0);
  const active = weeks.filter((w) => w.sessions > 0).length;
  const best = weeks.reduce((b, w) => (w.sessions > b.sessions ? w : b), weeks[0]!);
  const text = `${plural(total, 'session')} in ${plural(weeks.length, 'week')}, ${active} of them with practice` + (best.sessions ? `; the most was ${best.sessions} in ${best.week}.` : '.');
  const rows = weeks.map((w) => `<tr><th scope="row">${esc(w.week)}</th><td>${esc(longDate(w.from))}</td><td>${w.sessions}</td></tr>`).join('');
  return (
    `<h3>Sessions per week</h3>` +
    `<figure class="chart">` +
    `<svg class="weekly" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="lc-title" aria-describedby="lc-desc"><title id="lc-title">LeetCode sessions per week</title>` +
    `${grid}<line class="axis-line" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>${bars}${labels.join('')}</svg>` +
    `<figcaption id="lc-desc">${esc(text)}</figcaption></figure>` +
    `<details><summary>Sessions per week as a table</summary><div class="table-wrap"><table class="data"><caption>LeetCode sessions per week</caption>` +
    `<thead><tr><th scope="col">Week</th><th scope="col">From</th><th scope="col">Sessions</th></tr></thead><tbody>${rows}</tbody></table></div></details>`
  );
}

/** A table whose last column draws each row's share of the largest as a bar. */
function barTable(caption: string, head: string, rows: readonly { label: string; cls?: string; count: number }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${r.label}</th><td class="count">${r.count}</td>` +
        `<td class="bar-cell" aria-hidden="true"><span class="hbar ${r.cls ?? ''}" style="width:${num((100 * r.count) / max)}%"></span></td></tr>`,
    )
    .join('');
  return (
    `<table class="bars"><caption>${caption}</caption>` +
    `<thead><tr><th scope="col">${head}</th><th scope="col">Problems</th><th scope="col"><span class="sr-only">Share</span></th></tr></thead><tbody>${body}</tbody></table>`
  );
}

function difficultyRows(d: HtmlDifficulties): { label: string; cls: string; count: number }[] {
  const rows = [
    { label: 'Easy', cls: 'easy', count: d.easy },
    { label: 'Medium', cls: 'medium', count: d.medium },
    { label: 'Hard', cls: 'hard', count: d.hard },
  ];
  if (d.unknown) rows.push({ label: 'Unrated', cls: 'unknown', count: d.unknown });
  return rows;
}

export function leetcodeSection(data: HtmlReportData): string {
  const l = data.leetcode;
  const year = data.leetcodeYear;
  const patterns = year.byPattern.slice(0, 12).map((p) => ({ label: p.pattern ? bdi(p.pattern) : 'No pattern known', count: p.problems }));
  const more = year.byPattern.length - patterns.length;
  return (
    `<section class="card" aria-labelledby="h-leet"><h2 id="h-leet">LeetCode</h2>` +
    `<div class="leet-week"><p class="lead">This week: ${plural(l.sessions, 'session')}, ${plural(l.problems, 'problem')}, ${l.minutes} min, on ${l.days} of 7 days ` +
    `(easy ${l.byDifficulty.easy}, medium ${l.byDifficulty.medium}, hard ${l.byDifficulty.hard}${l.byDifficulty.unknown ? `, unrated ${l.byDifficulty.unknown}` : ''}).</p>` +
    weekStrip(data) +
    `</div>` +
    perWeekChart(data) +
    `<div class="two">` +
    `<div><h3>By difficulty</h3>${barTable('Problems practised over the year, by difficulty', 'Difficulty', difficultyRows(year.byDifficulty))}</div>` +
    `<div><h3>By pattern</h3>${patterns.length ? barTable('Problems practised over the year, by pattern', 'Pattern', patterns) : '<p class="muted">No problem practised yet.</p>'}` +
    (more > 0 ? `<p class="muted">and ${plural(more, 'more pattern')}</p>` : '') +
    `</div></div></section>`
  );
}
