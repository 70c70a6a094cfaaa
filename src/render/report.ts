// The weekly report as terminal text and as a self-contained Markdown document.
import type { ChalkInstance } from 'chalk';
import { describeStatus } from '../core/progress.js';
import type { Report, ReportRoadmap } from '../core/report.js';
import { plural, safe, truncate } from './text.js';
import { dateRangeWithYear, weekdayDate, weekdayName as dayName } from './dates.js';
import { table } from './table.js';

const statusText = (r: ReportRoadmap): string => describeStatus(r);

function bar(percent: number, width: number): string {
  const filled = Math.round((percent / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function paceText(r: ReportRoadmap): string {
  const n = Number(r.pace.toFixed(2));
  const pace = `${n} item${n === 1 ? '' : 's'}/week over ${r.paceWeeks === 1 ? 'this week' : `${r.paceWeeks} weeks`}`;
  if (r.done === r.total) return 'all done';
  return r.projectedFinish ? `${pace}; at that pace done by ${r.projectedFinish}` : `${pace}; no recent progress to project a finish`;
}

/** '45 min', '2 h', '3 h 20 min'. */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Time recorded this week: on plans' items, in each habit's sessions, in all. */
function timeText(r: Report): string {
  const parts = [];
  if (r.time.plans > 0) parts.push(`${duration(r.time.plans)} on plans`);
  for (const h of r.time.habits) parts.push(`${h.id === 'leetcode' ? 'LeetCode' : safe(h.id)} ${duration(h.minutes)}`);
  return `${parts.join(' · ')} · in all ${duration(r.time.total)}`;
}

/** The week's days with a mark each: · none, ● one session, ◆ two or more (the legend says so). */
function stripCells(report: Report): { day: string; mark: string; count: number }[] {
  return report.leetcode.strip.map((d) => ({ day: dayName(d.date), mark: d.count === 0 ? '·' : d.count === 1 ? '●' : '◆', count: d.count }));
}

export function reportText(r: Report, c: ChalkInstance, columns: number): string {
  const lines: string[] = [c.bold(`Weekly report ${r.week}`) + c.dim(` · ${dateRangeWithYear(r.from, r.to)}${r.asOf < r.to ? ` · as of ${weekdayDate(r.asOf)}` : ''}`)];

  lines.push('', c.bold('Completed this week'));
  if (r.completed.length === 0) lines.push(c.dim('  nothing was marked done this week'));
  const byRoadmap = new Map<string, typeof r.completed>();
  for (const x of r.completed) byRoadmap.set(x.roadmap, [...(byRoadmap.get(x.roadmap) ?? []), x]);
  for (const [roadmap, items] of byRoadmap) {
    lines.push(`  ${roadmap}`);
    lines.push(...table(items.map((x) => [`✓ ${safe(x.title)}`, weekdayDate(x.date)]), [{ flex: 1, min: 20 }, { style: (s) => c.dim(s) }], columns, '    '));
  }

  lines.push('', c.bold('Roadmaps'));
  if (r.roadmaps.length === 0) lines.push(c.dim('  no plan is started (study start ROADMAP)'));
  for (const m of r.roadmaps) {
    const status = statusText(m);
    const styled = m.status === 'behind' ? c.red(status) : m.status === 'ahead' || m.status === 'finished' ? c.green(status) : status;
    lines.push(`  ${c.bold(m.id)}  ${m.done}/${m.total}  ${styled}` + c.dim(m.week >= 1 ? `  · week ${m.week} of ${m.of}` : ''));
    lines.push(`    done      ${c.green(bar(m.percent, 20))} ${String(m.percent).padStart(3)}%`);
    lines.push(`    expected  ${c.dim(bar(m.expectedPercent, 20))} ${String(m.expectedPercent).padStart(3)}%`);
    lines.push(c.dim(truncate(`    ${paceText(m)}`, columns)));
    if (m.minutes > 0) lines.push(c.dim(`    time      ${duration(m.minutes)} on its items`));
  }

  const l = r.leetcode;
  lines.push('', c.bold('LeetCode'));
  lines.push(`  ${plural(l.sessions, 'session')} · ${plural(l.problems, 'problem')} · ${l.minutes} min · ${l.days}/7 days`);
  lines.push(c.dim(`  easy ${l.byDifficulty.easy} · medium ${l.byDifficulty.medium} · hard ${l.byDifficulty.hard}` + (l.byDifficulty.unknown ? ` · unrated ${l.byDifficulty.unknown}` : '')));
  lines.push(`  streak ${r.streak.current} · longest ${r.streak.longest}`);
  const cells = stripCells(r);
  lines.push('  ' + cells.map((x) => x.day).join(' '));
  lines.push('  ' + cells.map((x) => ` ${x.count ? c.green(x.mark) : c.dim(x.mark)}`).join('  ') + c.dim('   ● 1 session  ◆ 2 or more'));

  if (r.time.total > 0) lines.push('', `${c.bold('Time')}  ${timeText(r)}`);

  lines.push('', c.bold('Next week'));
  if (r.nextWeekPlanned.length === 0) lines.push(c.dim(r.nextOpen.length ? '  nothing is planned for next week; what comes next:' : '  nothing is planned for next week'));
  lines.push(
    ...table(
      r.nextOpen.map((x) => [`○ ${safe(x.section)}: ${safe(x.title)}`, `${x.roadmap} · week ${x.week}`]),
      [{ flex: 1, min: 20 }, { style: (s) => c.dim(s) }],
      columns,
      '  ',
    ),
  );
  lines.push(
    ...table(
      r.nextWeekPlanned.map((x) => [`○ ${safe(x.title)}`, x.roadmap]),
      [{ flex: 1, min: 20 }, { style: (s) => c.dim(s) }],
      columns,
      '  ',
    ),
  );
  return lines.join('\n');
}

/**
 * Markdown-safe inline text: untrusted text neutralised, then every character that could
 * start emphasis, code, a link, an image, HTML, an entity, a table cell, strikethrough or
 * an autolink (GitHub's bare URLs, www. names, e-mail addresses) backslash-escaped (text
 * here never starts a line, so block markers need no escape).
 */
export function md(text: string): string {
  return (
    safe(text)
      .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
      .replace(/&(?=#?\w+;)/g, '\\&')
      // GitHub links bare URLs, www. names and e-mail addresses: an escape breaks each
      // (and shows as nothing)
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  );
}

export function reportMarkdown(r: Report): string {
  const out: string[] = [`# Weekly report ${r.week}`, '', `${dateRangeWithYear(r.from, r.to)}${r.asOf < r.to ? ` (as of ${weekdayDate(r.asOf)})` : ''}`, ''];
  out.push('## Completed this week', '');
  if (r.completed.length === 0) out.push('Nothing was marked done this week.', '');
  const byRoadmap = new Map<string, typeof r.completed>();
  for (const x of r.completed) byRoadmap.set(x.roadmap, [...(byRoadmap.get(x.roadmap) ?? []), x]);
  for (const [roadmap, items] of byRoadmap) {
    out.push(`### ${md(roadmap)}`, '');
    for (const x of items) out.push(`- [x] ${md(x.title)} (${weekdayDate(x.date)})`);
    out.push('');
  }
  out.push('## Roadmaps', '');
  if (r.roadmaps.length === 0) out.push('No plan is started.', '');
  for (const m of r.roadmaps) {
    out.push(`### ${md(m.title)}`, '');
    out.push('| | |', '|---|---|');
    out.push(`| Done | ${m.done} of ${m.total} (${m.percent}%) |`);
    out.push(`| Expected ${r.asOf < r.to ? "by now (the weeks that are over)" : "by the end of the week"} | ${m.expectedPercent}% |`);
    out.push(`| Status | ${statusText(m)} |`);
    if (m.week >= 1) out.push(`| Plan week | ${m.week} of ${m.of} |`);
    out.push(`| Pace | ${md(paceText(m))} |`);
    if (m.plannedFinish) out.push(`| Planned finish | ${m.plannedFinish} |`);
    out.push('');
  }
  const l = r.leetcode;
  out.push('## LeetCode', '');
  out.push(`${plural(l.sessions, 'session')}, ${plural(l.problems, 'problem')}, ${l.minutes} minutes, ${l.days} of 7 days. ` +
    `Easy ${l.byDifficulty.easy}, medium ${l.byDifficulty.medium}, hard ${l.byDifficulty.hard}${l.byDifficulty.unknown ? `, unrated ${l.byDifficulty.unknown}` : ''}. ` +
    `Streak ${r.streak.current} (longest ${r.streak.longest}).`, '');
  const cells = stripCells(r);
  out.push(`| ${cells.map((x) => x.day).join(' | ')} |`, `|${cells.map(() => ':-:').join('|')}|`, `| ${cells.map((x) => (x.count ? `${x.mark} ${x.count}` : '·')).join(' | ')} |`, '');
  if (r.time.total > 0) out.push('## Time', '', `${md(timeText(r))}.`, '');
  out.push('## Next week', '');
  if (r.nextWeekPlanned.length === 0) out.push(r.nextOpen.length ? 'Nothing is planned for next week. What comes next:' : 'Nothing is planned for next week.');
  if (r.nextOpen.length) out.push('');
  for (const x of r.nextOpen) out.push(`- [ ] ${md(x.section)}: ${md(x.title)} (${md(x.roadmap)}, week ${x.week})`);
  for (const x of r.nextWeekPlanned) out.push(`- [ ] ${md(x.title)} (${md(x.roadmap)})`);
  return out.join('\n') + '\n';
}
