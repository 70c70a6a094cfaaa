// Text for `study schedule`.
import type { ChalkInstance } from 'chalk';
import type { EntryState } from '../core/plan.js';
import { describeStatus, type Progress } from '../core/progress.js';
import { dateRange } from './dates.js';
import { table } from './table.js';
import { plural, safe, truncate } from './text.js';

/** One plan week and its entries (those worked on in it). */
export interface WeekView {
  readonly week: number;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly sections: string[];
  readonly entries: EntryState[];
}

export interface SchedulePlan {
  roadmap: string;
  title: string;
  week: number;
  of: number;
  finish: string | null;
  progress: Progress;
  weeks: WeekView[];
}

export function renderSchedule(plans: readonly SchedulePlan[], c: ChalkInstance, columns: number): string {
  const lines: string[] = [];
  for (const p of plans) {
    if (lines.length) lines.push('');
    lines.push(c.bold(truncate(safe(p.title), columns)));
    const pr = p.progress;
    lines.push(c.dim(truncate(`${p.roadmap} · ${plural(p.of, 'week')} · finishes ${p.finish ?? '-'}`, columns)));
    lines.push(c.dim(truncate(`${pr.done} of ${plural(pr.total, 'item')} done (${pr.percent}%) · ${describeStatus(pr)}`, columns)));
    if (p.weeks.length === 0) lines.push(c.dim('  nothing left on the calendar'));
    for (const w of p.weeks) {
      const now = w.week === p.week ? c.cyan(' ← this week') : '';
      lines.push('', `${c.bold(w.label)}  ${dateRange(w.from, w.to)}  week ${w.week} of ${p.of}${now}`);
      if (w.sections.length) lines.push(c.dim(truncate('  ' + w.sections.map(safe).join(' · '), columns)));
      lines.push(
        ...table(
          w.entries.map((e) => [`${e.done ? '✓' : '○'} ${safe(e.title)}`, e.dueWeek === w.week ? '' : `due week ${e.dueWeek}`]),
          [{ flex: 1, min: 24, style: (s, r) => (w.entries[r]!.done ? s.replace('✓', c.green('✓')) : s) }, { style: (s) => c.dim(s) }],
          columns,
          '  ',
        ),
      );
      if (w.entries.length === 0) lines.push(c.dim('  nothing planned'));
    }
  }
  return lines.join('\n');
}
