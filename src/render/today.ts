// Text for `study today`.
import type { ChalkInstance } from 'chalk';
import type { Entry, PlanToday } from '../core/agenda.js';
import type { HabitStatus } from '../core/habits.js';
import { safe, truncate } from '../text.js';
import { dateRange, longDate, weekdayDate } from './dates.js';
import { table } from './table.js';

export interface TodayData {
  day: string;
  week: string;
  plans: PlanToday[];
  next: (Entry & { roadmap: string }) | null;
  habits: HabitStatus[];
  /** Local wall-clock time at which LeetCode's UTC day ends. */
  leetcodeEnds: string;
  /** Loaded roadmaps, shown when no plan is started. */
  loaded: { id: string; kind: string; items: number; title: string }[];
}

export function renderToday(data: TodayData, ids: ReadonlyMap<string, string>, c: ChalkInstance, columns: number): string {
  const lines: string[] = [c.dim(`${longDate(data.day)} · ${data.week}`)];

  if (data.plans.length === 0) {
    lines.push('', 'No plan started yet. Loaded roadmaps:');
    lines.push(...table(data.loaded.map((r) => [r.id, r.kind, `${r.items} items`, safe(r.title)]), [{}, {}, { align: 'right' }, { flex: 1, style: (s) => c.dim(s) }], columns, '  '));
    const suggest = data.loaded.find((r) => r.kind === 'weekly') ?? data.loaded[0];
    if (suggest) lines.push('', `Start one:  ${c.bold(`study start ${suggest.id}`)}`);
    else lines.push('', `Load one:  ${c.bold('study load my-plan.yaml')}`);
  }

  const entryRows = (entries: readonly Entry[], withDue: boolean): string[] =>
    table(
      entries.map((e) => [`${e.done ? '✓' : '○'} ${safe(e.title)}`, withDue ? `week ${e.due}` : '', ids.get(e.id) ?? e.id]),
      [
        { flex: 1, min: 24, style: (s, r) => (entries[r]!.done ? s.replace('✓', c.green('✓')) : s.replace('○', c.dim('○'))) },
        { style: (s) => c.red(s) },
        { style: (s) => c.dim(s) },
      ],
      columns,
      '  ',
    );

  for (const p of data.plans) {
    lines.push('', c.bold(truncate(safe(p.title), columns)));
    let where: string;
    if (p.week < 1) where = `starts ${weekdayDate(p.startsOn)} · ${p.of} weeks`;
    else if (p.week > p.of) where = p.overdue.length ? `week ${p.week}, past the plan's ${p.of} weeks` : `finished: all ${p.of} weeks done`;
    else where = `week ${p.week} of ${p.of}` + (p.sections.length ? ` · ${p.sections.map(safe).join(', ')}` : '');
    lines.push(c.cyan(truncate(`${where} · ${dateRange(p.from, p.to)}`, columns)));
    if (p.tasks.length) lines.push(...entryRows(p.tasks, false));
    else if (p.week >= 1 && p.week <= p.of) lines.push(c.dim('  nothing planned this week'));
    if (p.overdue.length) {
      lines.push(c.red(`overdue (${p.overdue.length})`));
      lines.push(...entryRows(p.overdue.slice(0, 8), true));
      if (p.overdue.length > 8) lines.push(c.dim(`  … and ${p.overdue.length - 8} more: study schedule ${p.roadmap}`));
    }
  }

  if (data.next) {
    lines.push('', `${c.bold('Next:')} ${truncate(safe(data.next.title), columns - 6)}`);
    lines.push(c.dim(`      study done ${ids.get(data.next.id) ?? data.next.id}`));
  } else if (data.plans.length > 0) {
    lines.push('', c.green('Nothing open this week.'));
  }

  if (data.habits.length) {
    lines.push('', c.bold('Habits'));
    for (const h of data.habits) {
      const mark = h.doneToday ? c.green('✓') : c.dim('○');
      if (h.longest === 0 && h.todayCount === 0) {
        lines.push(`  ${mark} ${safe(h.title)}  ${c.dim('·')} no sessions yet` + (h.id === 'leetcode' ? c.dim(' · log one: study leet log two-sum') : ''));
        continue;
      }
      const state = h.doneToday ? 'done today' : h.atRisk ? c.yellow(`streak ${h.current}, at risk`) : 'not done today';
      const streak = h.doneToday ? `streak ${h.current}` : '';
      lines.push(`  ${mark} ${safe(h.title)}  ${c.dim('·')} ${[state, streak, `longest ${h.longest}`].filter(Boolean).join(c.dim(' · '))}`);
      if (h.id === 'leetcode' && !h.doneToday) lines.push(c.dim(`    LeetCode's day ends at ${data.leetcodeEnds} here`));
    }
  }
  return lines.join('\n');
}
