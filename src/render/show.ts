// Text for `study show`.
import type { ChalkInstance } from 'chalk';
import type { ShowItem, ShowView } from '../core/show.js';
import { safe, truncate } from '../text.js';
import { table } from './table.js';

export function renderShow(view: ShowView, shortIds: ReadonlyMap<string, string>, chalk: ChalkInstance, columns: number): string {
  const c = chalk;
  const lines: string[] = [];
  lines.push(c.bold(truncate(safe(view.title), columns)));
  const p = view.progress;
  lines.push(c.dim(`${view.id} · ${view.kind} · ${p.done} of ${p.total} done (${p.percent}%)`));
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
        rows.push([`${'  '.repeat(depth)}${it.done ? '✓' : '○'} ${title}`, meta, shortIds.get(it.id) ?? it.id]);
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
          { style: (cell) => c.dim(cell) },
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
      lines.push(`  ${safe(h.title)}` + c.dim(` · every ${safe(h.every)}${h.minutes ? ` · ${safe(h.minutes)} min` : ''} · ${h.id}`));
    }
  }
  if (view.notes.length) {
    lines.push('', c.bold('Notes'));
    for (const n of view.notes) lines.push('  ' + truncate(safe(n), columns - 2));
  }
  return lines.join('\n');
}
