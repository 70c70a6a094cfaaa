// Text for `study today`.
import type { ChalkInstance } from 'chalk';
import type { EntryState } from '../core/plan.js';
import type { HabitStatus } from '../core/habits.js';
import { describeStatus } from '../core/progress.js';
import type { PlanDay } from '../core/today.js';
import { dateRange, longDate, weekdayDate } from './dates.js';
import { table } from './table.js';
import { plural, safe, truncate, width } from './text.js';

export interface TodayData {
  day: string;
  week: string;
  plans: PlanDay[];
  next: (EntryState & { roadmap: string }) | null;
  habits: HabitStatus[];
  /** Local wall-clock time at which LeetCode's UTC day ends, and at which the study day does (day-start). */
  leetcodeEnds: string;
  dayEnds: string;
  /** Loaded roadmaps, shown when no plan is started. */
  loaded: { id: string; kind: string; items: number; title: string }[];
}

/** The header line of a plan: where it stands this week. */
function whereText(p: PlanDay): string {
  const dates = dateRange(p.from, p.to);
  if (p.pausedSince) return `paused since ${weekdayDate(p.pausedSince)} · study resume ${p.roadmap}`;
  if (p.week < 1) return `starts ${weekdayDate(p.startsOn)} · ${plural(p.of, 'week')} · first week ${dates}`;
  if (p.week > p.of) return p.overdueTotal ? `week ${p.week}, past the plan's ${plural(p.of, 'week')} · ${dates}` : `finished: all ${p.of} weeks done`;
  return `week ${p.week} of ${p.of} · ${dates}` + (p.sections.length ? ` · ${p.sections.map(safe).join(', ')}` : '');
}

export function renderToday(data: TodayData, idOf: (id: string) => string, c: ChalkInstance, columns: number): string {
  const lines: string[] = [c.dim(`${longDate(data.day)} · ${data.week}`)];

  if (data.plans.length === 0) {
    lines.push('', 'No plan started yet. Loaded roadmaps:');
    lines.push(...table(data.loaded.map((r) => [r.id, r.kind, plural(r.items, 'item'), safe(r.title)]), [{}, {}, { align: 'right' }, { flex: 1, style: (s) => c.dim(s) }], columns, '  '));
    const suggest = data.loaded.find((r) => r.kind === 'weekly') ?? data.loaded[0];
    if (suggest) lines.push('', `Start one:  ${c.bold(`study start ${suggest.id}`)}`);
    else lines.push('', `Load one:  ${c.bold('study load my-plan.yaml')}`);
  }

  const entryRows = (entries: readonly EntryState[], withDue: boolean): string[] =>
    table(
      entries.map((e) => [`${e.done ? '✓' : '○'} ${safe(e.title)}`, withDue ? `week ${e.dueWeek}` : '', idOf(e.id)]),
      [
        { flex: 2, min: 24, style: (s, r) => (entries[r]!.done ? s.replace('✓', c.green('✓')) : s.replace('○', c.dim('○'))) },
        { style: (s) => c.red(s) },
        { flex: 1, min: 12, style: (s) => c.dim(s) },
      ],
      columns,
      '  ',
    );
  const more = (n: number, what: string, command: string): string => c.dim(truncate(`  … and ${n} more${what}: ${command}`, columns));

  for (const p of data.plans) {
    lines.push('', c.bold(truncate(safe(p.title), columns)));
    lines.push(c.cyan(truncate(whereText(p), columns)));
    if (p.tasks.length) lines.push(...entryRows(p.tasks, false));
    else if (p.week >= 1 && p.week <= p.of && !p.pausedSince) lines.push(c.dim('  nothing planned this week'));
    if (p.tasksTotal > p.tasks.length) lines.push(more(p.tasksTotal - p.tasks.length, ' this week', `study show ${p.roadmap} --week`));
    if (p.overdueTotal > 0) {
      lines.push(c.red(`overdue (${p.overdueTotal})`));
      lines.push(...entryRows(p.overdue, true));
      if (p.overdueTotal > p.overdue.length) lines.push(more(p.overdueTotal - p.overdue.length, '', `study show ${p.roadmap} --overdue`));
    }
    const pr = p.progress;
    lines.push(c.dim(truncate(`${pr.done} of ${plural(pr.total, 'item')} done (${pr.percent}%) · ${describeStatus(pr)}`, columns)));
  }

  if (data.next) {
    lines.push('', `${c.bold('Next:')} ${truncate(safe(data.next.title), columns - 6)}`);
    lines.push(c.dim(truncate(`      study done ${idOf(data.next.id)}`, columns)));
  } else if (data.plans.length > 0) {
    lines.push('', c.green('Nothing open this week.'));
  }

  if (data.habits.length) {
    lines.push('', c.bold('Habits'));
    for (const h of data.habits) {
      const mark = h.doneToday ? c.green('✓') : c.dim('○');
      let status: string;
      if (h.longest === 0 && h.todayCount === 0) {
        status = `no sessions yet · log one: ${h.id === 'leetcode' ? 'study leet log two-sum' : `study log ${h.id}`}`;
      } else {
        const state = h.doneToday ? `done today · streak ${h.current}` : h.atRisk ? `streak ${h.current}, at risk` : 'not done today';
        status = `${state} · longest ${h.longest}`;
      }
      // The title gives way to the status when the line is too long.
      const title = truncate(safe(h.title), Math.max(12, columns - 7 - width(status)));
      lines.push(`  ${mark} ${title}  ${c.dim('·')} ${h.atRisk ? c.yellow(status) : status}`);
      // LeetCode counts days in UTC: say when its day turns over here, when that is not when the study day does.
      if (h.id === 'leetcode' && !h.doneToday && data.leetcodeEnds !== data.dayEnds) lines.push(c.dim(`    LeetCode's day ends at ${data.leetcodeEnds} here`));
    }
  }
  return lines.join('\n');
}
