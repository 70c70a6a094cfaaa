// Text for `study show`.
import type { ChalkInstance } from 'chalk';
import type { ShowItem, ShowView } from '../core/show.js';
import type { EntryState } from '../core/plan.js';
import { describeStatus } from '../core/progress.js';
import { dateRange } from './dates.js';
import { plural, safe, truncate, width } from './text.js';
import { table } from './table.js';

export function renderShow(view: ShowView, idOf: (id: string) => string, chalk: ChalkInstance, columns: number): string {
  const c = chalk;
  const lines: string[] = [];
  lines.push(c.bold(truncate(safe(view.title), columns)));
  const p = view.progress;
  lines.push(c.dim(truncate(`${view.id} · ${view.kind} · ${p.done} of ${plural(p.total, 'item')} done (${p.percent}%)${p.status === 'not started' ? '' : ` · ${describeStatus(p)}`}`, columns)));
  if (view.description) lines.push(c.dim(truncate(safe(view.description), columns)));

  for (const s of view.sections) {
    lines.push('');
    const when = s.weeks ? (s.weeks[0] === s.weeks[1] ? `week ${s.weeks[0]}` : `weeks ${s.weeks[0]}-${s.weeks[1]}`) : s.duration;
    const head = safe(s.title) + (when ? c.dim(` · ${safe(when)}`) : '');
    lines.push(c.bold(truncate(head, columns)));
    if (s.description) lines.push('  ' + c.dim(truncate(safe(s.description), columns - 2)));
    const rows: string[][] = [];
    const done: boolean[] = [];
    const walk = (items: readonly ShowItem[], depth: number): void => {
      for (const it of items) {
        const meta = [it.priority, it.effort, it.dueWeek !== null ? `wk ${it.dueWeek}` : null].filter((x) => x !== null).join(' ');
        const title = safe(it.title) + (it.url ? ` <${safe(it.url)}>` : '');
        rows.push([`${'  '.repeat(depth)}${it.done ? '✓' : '○'} ${title}`, meta, idOf(it.id)]);
        done.push(it.done);
        walk(it.items, depth + 1);
      }
    };
    walk(s.items, 0);
    lines.push(
      ...table(
        rows,
        [
          { flex: 1, min: 24, style: (cell, r) => (done[r] ? cell.replace('✓', c.green('✓')) : cell.replace('○', c.dim('○'))) },
          { style: (cell) => c.yellow(cell) },
          { spill: true, style: (cell) => c.dim(cell) },
        ],
        columns,
        '  ',
      ),
    );
    for (const note of s.notes) lines.push('  ' + c.dim(truncate(`note: ${safe(note)}`, columns - 2)));
  }
  if (view.habits.length) {
    lines.push('', c.bold('Habits'));
    for (const h of view.habits) {
      // The title gives way; the id (to type: study log ID) stays whole, on a line of its own if need be.
      const when = ` · every ${safe(h.every)}${h.minutes ? ` · ${safe(h.minutes)} min` : ''}`;
      const beside = 2 + 12 + width(`${when} · ${h.id}`) <= columns;
      const tail = beside ? `${when} · ${h.id}` : when;
      lines.push(`  ${truncate(safe(h.title), Math.max(12, columns - 2 - width(tail)))}` + c.dim(tail));
      if (!beside) lines.push(c.dim(`    ${h.id}`));
    }
  }
  if (view.notes.length) {
    lines.push('', c.bold('Notes'));
    for (const n of view.notes) lines.push('  ' + truncate(safe(n), columns - 2));
  }
  return lines.join('\n');
}

/** A started plan's items of one week, or its overdue items, in full (`study show PLAN --week` / `--overdue`). */
export function renderEntryList(
  list: { roadmap: string; title: string; week: number; from?: string; to?: string; overdue?: boolean; entries: readonly EntryState[] },
  idOf: (id: string) => string,
  c: ChalkInstance,
  columns: number,
): string {
  const lines = [c.bold(truncate(safe(list.title), columns))];
  lines.push(
    c.cyan(
      truncate(
        list.overdue ? `overdue: ${plural(list.entries.length, 'item')} due before week ${list.week}` : `week ${list.week} · ${dateRange(list.from!, list.to!)} · ${plural(list.entries.length, 'item')}`,
        columns,
      ),
    ),
  );
  if (list.entries.length === 0) lines.push(c.dim(list.overdue ? '  nothing is overdue' : '  nothing planned this week'));
  lines.push(
    ...table(
      list.entries.map((e) => [`${e.done ? '✓' : '○'} ${safe(e.title)}`, list.overdue || e.dueWeek !== list.week ? `week ${e.dueWeek}` : '', idOf(e.id)]),
      [
        { flex: 2, min: 24, style: (s, r) => (list.entries[r]!.done ? s.replace('✓', c.green('✓')) : s.replace('○', c.dim('○'))) },
        { style: (s) => (list.overdue ? c.red(s) : c.dim(s)) },
        { spill: true, style: (s) => c.dim(s) },
      ],
      columns,
      '  ',
    ),
  );
  return lines.join('\n');
}
