// The year of study days as an SVG heatmap: one column per week (oldest on the left), one
// row per weekday from the week start, shaded by sessions against the daily target as in
// the terminal heatmap (core/streak.ts shadeLevel); a dot marks days with items done, a
// hatch rest days, ice frozen days. Every cell has its date and counts in a <title> (the
// hover text) and in data- attributes. Its text equivalent: a summary and a table by month.
import { addDaysTo, daysBetween, weekStartOf } from '../../core/calendar.js';
import { shadeLevel } from '../../core/streak.js';
import { longDate } from '../dates.js';
import { esc, num, plural } from './escape.js';
import type { HeatDay, HtmlReportData } from './types.js';

const CELL = 11;
const STEP = 13;
const LEFT = 30;
const TOP = 16;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** What a day holds, in words: 'Tue 24 Nov 2026 (2026-11-24): 2 sessions, 1 item done, rest day'. */
export function dayText(d: HeatDay): string {
  const parts = [plural(d.sessions, 'session'), plural(d.completions, 'item done', 'items done')];
  if (d.frozen) parts.push('frozen (a streak freeze covered it)');
  if (d.rest) parts.push('rest day');
  return `${longDate(d.date)} (${d.date}): ${parts.join(', ')}`;
}

function cellClass(d: HeatDay, target: number): string {
  const level = shadeLevel(d.sessions, target);
  const classes = [`hm-cell`, `l${level}`];
  if (level === 0 && d.frozen) classes.push('frozen');
  else if (level === 0 && d.rest) classes.push('rest');
  return classes.join(' ');
}

export function heatmapSection(data: HtmlReportData): string {
  const days = data.heatmap.filter((d) => d.date <= data.today);
  if (days.length === 0) return '';
  const first = weekStartOf(days[0]!.date, data.weekStartsOn);
  const columns = Math.floor(daysBetween(first, days[days.length - 1]!.date) / 7) + 1;
  // Two halves, side by side on a wide screen and one above the other on a narrow one, so
  // that a phone shows cells as large as a laptop does.
  const split = columns > 13 ? Math.ceil(columns / 2) : columns;
  const halves = [days.filter((d) => daysBetween(first, d.date) < 7 * split), days.filter((d) => daysBetween(first, d.date) >= 7 * split)];
  const svgs = halves
    .filter((h) => h.length > 0)
    .map((h, i) => heatmapSvg(h, i === 0 ? first : addDaysTo(first, 7 * split), i === 0 ? split : columns - split, i, data))
    .join('');

  const total = summarise(days);
  const summary =
    `${plural(total.studyDays, 'day')} with practice in the last ${plural(columns, 'week')}: ` +
    `${plural(total.sessions, 'session')} and ${plural(total.completions, 'item done', 'items done')}` +
    (total.frozen ? `, ${plural(total.frozen, 'frozen day')}` : '') +
    (total.busiest ? `. The busiest day was ${longDate(total.busiest.date)} with ${plural(total.busiest.sessions, 'session')}.` : '.');

  return (
    `<section class="card" aria-labelledby="h-year"><h2 id="h-year">A year of study</h2>` +
    `<p id="hm-summary" class="lead">${esc(summary)}</p>` +
    `<svg class="defs" aria-hidden="true" focusable="false"><defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect class="hatch-bg" width="4" height="4"/><line class="hatch-line" x1="0" y1="0" x2="0" y2="4"/></pattern></defs></svg>` +
    `<figure class="chart heatmap-wrap">${svgs}</figure>` +
    legend(data.dailyTarget) +
    monthTable(days) +
    `</section>`
  );
}

/** One half of the heatmap: `weeks` columns from the week starting `first`. */
function heatmapSvg(days: readonly HeatDay[], first: string, weeks: number, n: number, data: HtmlReportData): string {
  const width = LEFT + weeks * STEP + 2;
  const height = TOP + 7 * STEP;
  const cells: string[] = [];
  const months: { x: number; name: string }[] = [];
  for (const d of days) {
    const index = daysBetween(first, d.date);
    const col = Math.floor(index / 7);
    const row = index % 7;
    const x = LEFT + col * STEP;
    const y = TOP + row * STEP;
    if (d.date.endsWith('-01') || d === days[0]) {
      const name = MONTHS[Number(d.date.slice(5, 7)) - 1]!;
      const prev = months[months.length - 1];
      // A month that begins within 3 weeks of the one before it takes its place (the
      // earlier month has only a sliver of the view).
      if (prev && x - prev.x < 3 * STEP) months.pop();
      months.push({ x, name });
    }
    const dot = d.completions > 0 ? `<circle class="hm-dot" cx="${num(x + CELL / 2)}" cy="${num(y + CELL / 2)}" r="2.2"/>` : '';
    cells.push(
      `<g class="hm-day" data-date="${d.date}" data-sessions="${d.sessions}" data-completions="${d.completions}"` +
        `${d.rest ? ' data-rest="true"' : ''}${d.frozen ? ' data-frozen="true"' : ''}>` +
        `<title>${esc(dayText(d))}</title>` +
        `<rect class="${cellClass(d, data.dailyTarget)}" x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2"/>${dot}</g>`,
    );
  }
  const monthLabels = months.map((m) => `<text class="axis" x="${m.x}" y="${TOP - 5}">${m.name}</text>`).join('');
  const dayLabels = [1, 3, 5]
    .map((row) => `<text class="axis" x="${LEFT - 5}" y="${TOP + row * STEP + CELL - 2}" text-anchor="end">${WEEKDAYS[(data.weekStartsOn + row) % 7]}</text>`)
    .join('');
  const span = `${longDate(days[0]!.date)} to ${longDate(days[days.length - 1]!.date)}`;
  return (
    `<svg class="heatmap" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="hm-title-${n}" aria-describedby="hm-summary">` +
    `<title id="hm-title-${n}">Study days, ${esc(span)}</title>` +
    monthLabels +
    dayLabels +
    cells.join('') +
    `</svg>`
  );
}

function summarise(days: readonly HeatDay[]): { studyDays: number; sessions: number; completions: number; frozen: number; busiest: HeatDay | null } {
  let studyDays = 0;
  let sessions = 0;
  let completions = 0;
  let frozen = 0;
  let busiest: HeatDay | null = null;
  for (const d of days) {
    if (d.sessions > 0) studyDays++;
    sessions += d.sessions;
    completions += d.completions;
    if (d.frozen) frozen++;
    if (d.sessions > 0 && (busiest === null || d.sessions > busiest.sessions)) busiest = d;
  }
  return { studyDays, sessions, completions, frozen, busiest };
}

function legend(dailyTarget: number): string {
  const swatch = (cls: string): string => `<svg class="swatch" viewBox="0 0 11 11" aria-hidden="true"><rect class="hm-cell ${cls}" width="11" height="11" rx="2"/></svg>`;
  const target = dailyTarget > 1 ? ` (target ${dailyTarget} a day)` : '';
  return (
    `<p class="legend" aria-hidden="true"><span>Less</span>${[0, 1, 2, 3, 4].map((l) => swatch(`l${l}`)).join('')}<span>More sessions${esc(target)}</span>` +
    `<span class="sep"></span><svg class="swatch" viewBox="0 0 11 11"><rect class="hm-cell l0" width="11" height="11" rx="2"/><circle class="hm-dot" cx="5.5" cy="5.5" r="2.2"/></svg><span>item done</span>` +
    `<span class="sep"></span>${swatch('l0 rest')}<span>rest day</span>` +
    `<span class="sep"></span>${swatch('l0 frozen')}<span>frozen</span></p>`
  );
}

/** The heatmap's text equivalent: one row per month. */
function monthTable(days: readonly HeatDay[]): string {
  const rows = new Map<string, { studyDays: number; sessions: number; completions: number; rest: number; frozen: number }>();
  for (const d of days) {
    const key = d.date.slice(0, 7);
    const r = rows.get(key) ?? { studyDays: 0, sessions: 0, completions: 0, rest: 0, frozen: 0 };
    if (d.sessions > 0) r.studyDays++;
    r.sessions += d.sessions;
    r.completions += d.completions;
    if (d.rest) r.rest++;
    if (d.frozen) r.frozen++;
    rows.set(key, r);
  }
  const body = [...rows]
    .map(([key, r]) => `<tr><th scope="row">${LONG_MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}</th><td>${r.studyDays}</td><td>${r.sessions}</td><td>${r.completions}</td><td>${r.rest}</td><td>${r.frozen}</td></tr>`)
    .join('');
  return (
    `<details><summary>The year as a table</summary><div class="table-wrap"><table class="data">` +
    `<caption>Study days by month</caption>` +
    `<thead><tr><th scope="col">Month</th><th scope="col">Days with practice</th><th scope="col">Sessions</th><th scope="col">Items done</th><th scope="col">Rest days</th><th scope="col">Frozen days</th></tr></thead>` +
    `<tbody>${body}</tbody></table></div></details>`
  );
}
