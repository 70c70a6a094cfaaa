// A plan's burn-up as SVG: items done by the end of each plan week (a solid line with a
// point per week) against the schedule's planned line (dashed, a mark per week), a dotted
// forecast from the last week to the forecast finish, and rules at the planned and the
// forecast finish. Scales and ticks are d3's; the SVG is ours. Its text equivalent: a
// sentence and a table of the weeks.
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { utcMonth } from 'd3-time';
import { addDaysTo, daysBetween } from '../../core/calendar.js';
import { dateRange, longDate, shortDate } from '../dates.js';
import { bdi, esc, num, plural } from './escape.js';
import type { BurnupWeek, PlanBurnup } from './types.js';

const W = 640;
const H = 270;
const M = { top: 50, right: 14, bottom: 30, left: 44 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The chart ends at the later finish, but no further than twice the plan's length past its start. */
function domainEnd(p: PlanBurnup, first: string, last: string): { end: string; forecastClipped: boolean } {
  let end = last;
  if (p.plannedFinish && p.plannedFinish > end) end = p.plannedFinish;
  const cap = addDaysTo(first, Math.max(2 * daysBetween(first, end), 56));
  if (p.forecastFinish && p.forecastFinish > end) {
    if (p.forecastFinish <= cap) return { end: p.forecastFinish, forecastClipped: false };
    return { end: cap, forecastClipped: true };
  }
  return { end, forecastClipped: false };
}

export function weekText(p: PlanBurnup, w: BurnupWeek): string {
  const done = w.done === null ? 'still to come' : `${w.done} of ${p.total} done`;
  return `Week ${w.week} (${w.label}, ${dateRange(w.from, w.to)}): ${done}, ${w.planned} planned`;
}

export function burnupText(p: PlanBurnup): string {
  const past = p.weeks.filter((w) => w.done !== null);
  const last = past[past.length - 1];
  const parts = [last ? `${last.done} of ${plural(p.total, 'item')} done by the end of week ${last.week}, against ${last.planned} planned.` : `${plural(p.total, 'item')}, none of its weeks has begun.`];
  if (p.plannedFinish) parts.push(`Planned finish ${longDate(p.plannedFinish)}.`);
  parts.push(p.forecastFinish ? `At the recent pace it would be done by ${longDate(p.forecastFinish)}.` : 'No recent progress to forecast a finish.');
  return parts.join(' ');
}

/** The burn-up of one plan; `n` numbers its ids in the page. */
export function burnupChart(p: PlanBurnup, n: number): string {
  if (p.weeks.length === 0) return '';
  const first = p.weeks[0]!.from;
  const { end, forecastClipped } = domainEnd(p, first, p.weeks[p.weeks.length - 1]!.to);
  const x = scaleUtc().domain([utc(first), utc(end)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, p.total)]).nice(5).range([H - M.bottom, M.top]);
  const px = (day: string): number => x(utc(day));

  // Axes: a gridline and label per y tick; a label per month on x (with the year in January
  // and on the first), thinned to fit.
  const yTicks = y.ticks(5).filter(Number.isInteger);
  const grid = yTicks
    .map((t) => `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${num(y(t))}" y2="${num(y(t))}"/><text class="axis" x="${M.left - 6}" y="${num(y(t) + 4)}" text-anchor="end">${t}</text>`)
    .join('');
  const months = x.ticks(utcMonth.every(1)!);
  const every = Math.max(1, Math.ceil(months.length / 7));
  const xTicks = months
    .filter((_, i) => i % every === 0)
    .map((d, i) => {
      const label = MONTHS[d.getUTCMonth()]! + (d.getUTCMonth() === 0 || i === 0 ? ` ${d.getUTCFullYear()}` : '');
      const at = num(x(d));
      // Every other label gives way on a narrow screen, where the labels are larger.
      const minor = i % 2 === 1 ? ' minor' : '';
      return `<line class="tick" x1="${at}" x2="${at}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}"/><text class="axis${minor}" x="${at}" y="${H - M.bottom + 18}" text-anchor="middle">${label}</text>`;
    })
    .join('');

  type Pt = readonly [string, number];
  const path = line<Pt>()
    .x((d) => px(d[0]))
    .y((d) => y(d[1]));
  const start: Pt = [first, 0];
  const planned: Pt[] = [start, ...p.weeks.map((w): Pt => [w.to, w.planned])];
  const past = p.weeks.filter((w): w is BurnupWeek & { done: number } => w.done !== null);
  const done: Pt[] = [start, ...past.map((w): Pt => [w.to, w.done])];

  const marks: string[] = [];
  // Forecast: from the last week's point to the total at the forecast finish (or to the edge).
  const lastDone = done[done.length - 1]!;
  if (p.forecastFinish && lastDone[1] < p.total) {
    let toDay = p.forecastFinish;
    let toY = p.total;
    if (forecastClipped) {
      const share = daysBetween(lastDone[0], end) / Math.max(1, daysBetween(lastDone[0], p.forecastFinish));
      toDay = end;
      toY = lastDone[1] + (p.total - lastDone[1]) * share;
    }
    marks.push(`<path class="forecast-line" d="${path([lastDone, [toDay, toY]])}"/>`);
    marks.push(rule(px(toDay), `forecast ${shortDate(p.forecastFinish)} ${p.forecastFinish.slice(0, 4)}${forecastClipped ? ' →' : ''}`, 'forecast', 1));
  }
  if (p.plannedFinish) marks.push(rule(px(p.plannedFinish), `planned ${shortDate(p.plannedFinish)}`, 'planned', 0));
  marks.push(`<line class="total" x1="${M.left}" x2="${W - M.right}" y1="${num(y(p.total))}" y2="${num(y(p.total))}"/>`);

  const plannedPts = p.weeks
    .map((w) => `<rect class="planned-pt" data-week="${w.week}" data-planned="${w.planned}" x="${num(px(w.to) - 2)}" y="${num(y(w.planned) - 2)}" width="4" height="4"><title>${esc(weekText(p, w))}</title></rect>`)
    .join('');
  const donePts = past
    .map((w) => `<circle class="done-pt" data-week="${w.week}" data-label="${esc(w.label)}" data-done="${w.done}" data-planned="${w.planned}" cx="${num(px(w.to))}" cy="${num(y(w.done))}" r="3.5"><title>${esc(weekText(p, w))}</title></circle>`)
    .join('');

  return (
    `<figure class="chart burnup-wrap">` +
    `<svg class="burnup" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="bu-title-${n}" aria-describedby="bu-desc-${n}" data-plan="${esc(p.id)}">` +
    `<title id="bu-title-${n}">Burn-up of ${esc(p.title)}</title>` +
    grid +
    `<line class="axis-line" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>` +
    xTicks +
    marks.join('') +
    `<path class="planned-line" d="${path(planned)}"/>` +
    `<path class="done-line" d="${path(done)}"/>` +
    plannedPts +
    donePts +
    `</svg>` +
    `<figcaption id="bu-desc-${n}">${esc(burnupText(p))}</figcaption>` +
    `</figure>` +
    `<p class="legend" aria-hidden="true"><span class="key done"></span><span>done</span><span class="key planned"></span><span>planned</span>` +
    (p.forecastFinish ? `<span class="key forecast"></span><span>forecast</span>` : '') +
    `</p>` +
    weekTable(p)
  );
}

/** A vertical rule with a label at the top; `row` 0 or 1 keeps two labels apart. */
function rule(at: number, label: string, cls: string, row: number): string {
  const left = at > W / 2;
  const ty = 16 + row * 16;
  return (
    `<line class="rule ${cls}" x1="${num(at)}" x2="${num(at)}" y1="${ty - 10}" y2="${H - M.bottom}"/>` +
    `<text class="rule-label ${cls} row${row}" x="${num(at + (left ? -5 : 5))}" y="${ty}" text-anchor="${left ? 'end' : 'start'}">${esc(label)}</text>`
  );
}

function weekTable(p: PlanBurnup): string {
  const rows = p.weeks
    .map((w) => `<tr><th scope="row">${w.week}</th><td>${esc(w.label)}</td><td>${esc(dateRange(w.from, w.to))}</td><td>${w.done ?? '–'}</td><td>${w.planned}</td></tr>`)
    .join('');
  return (
    `<details><summary>Weeks of ${bdi(p.title)} as a table</summary><div class="table-wrap"><table class="data">` +
    `<caption>Items done and planned by the end of each plan week (of ${p.total})</caption>` +
    `<thead><tr><th scope="col">Plan week</th><th scope="col">Week</th><th scope="col">Days</th><th scope="col">Done</th><th scope="col">Planned</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></details>`
  );
}
