// study leet due [--all]: the problems due for review today (due today or before), oldest
// due first, from the card read model by index: the first 20 unless --all (--json: all).
import { daysBetween } from '../../core/calendar.js';
import type { Run } from '../../cli/run.js';
import { weekdayDate } from '../../render/dates.js';
import { plural, safe } from '../../render/text.js';
import { todayOf } from '../shared.js';
import { labelOf, problemJson, urlOf } from './shared.js';

/** Rows the text shows unless --all: a backlog of hundreds is read from the top. */
export const SHOWN = 20;

export default async function due(run: Run, _args: string[], opts: { all?: boolean }): Promise<number> {
  const store = await run.reader();
  const { today } = todayOf(run, store);
  const rows = store.leet.due(today, run.json || opts.all ? -1 : SHOWN);
  if (run.json) {
    run.out(JSON.stringify(rows.map((r) => ({ problem: problemJson(r.problem), due: r.card.due, lastReview: r.card.lastReview, reviews: r.reviews, url: urlOf(r.problem) }))));
    return 0;
  }
  if (rows.length === 0) {
    const next = store.leet.nextDue(today);
    run.note(next === null ? 'nothing to review: log a problem first (study leet log 20)' : `nothing to review today; the next review is on ${weekdayDate(next)}`);
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const c = run.chalk;
  const when = (d: string): string => {
    const late = daysBetween(d, today);
    return late === 0 ? 'today' : `${plural(late, 'day')} late`;
  };
  const lines = table(
    [
      ['due', 'problem', 'level', 'pattern', 'last'],
      ...rows.map((r) => [when(r.card.due), safe(labelOf(r.problem)), r.problem.difficulty ?? '-', safe(r.problem.pattern ?? '-'), r.card.lastReview]),
    ],
    [{}, { flex: 2, min: 16 }, {}, { flex: 1, min: 8, style: (s) => c.dim(s) }, { style: (s) => c.dim(s) }],
    run.columns,
  );
  const total = rows.length < SHOWN ? rows.length : store.leet.dueCount(today);
  if (total > rows.length) lines.push(c.dim(`… and ${total - rows.length} more: study leet due --all`));
  run.out([c.dim(lines[0]!), ...lines.slice(1)].join('\n'));
  run.note(`${plural(total, 'review')} due; log each when done: study leet log PROBLEM`);
  return 0;
}
