// The LeetCode block of `study today`, as text.
import type { ChalkInstance } from 'chalk';
import type { Day } from '../core/calendar.js';
import { problemLabel } from '../core/leet.js';
import type { CatalogueProblem } from '../core/leet/catalogue.js';
import type { ListId } from '../core/leet/plan.js';
import { weekdayDate } from './dates.js';
import { table } from './table.js';
import { plural, safe, truncate } from './text.js';

/** A problem's names (a catalogue problem has them all). */
export interface ProblemNamesLike {
  readonly number: number | null;
  readonly slug: string | null;
  readonly title: string | null;
  readonly difficulty: string | null;
  readonly pattern: string | null;
}

export interface LeetToday {
  /** Problems due for review today or before. */
  readonly reviewsDue: number;
  /** The one due longest. */
  readonly firstDue: { readonly problem: ProblemNamesLike; readonly due: Day } | null;
  /** The started list and where it stands. */
  readonly list: { readonly id: ListId; readonly title: string; readonly done: number; readonly total: number; readonly behind: number; readonly next: CatalogueProblem | null } | null;
  /** Today's new problems of the started list; those solved today are marked. */
  readonly new: readonly { readonly problem: CatalogueProblem; readonly solved: boolean }[];
  /** Sessions this week, and the weekly target (0: none). */
  readonly weekly: { readonly done: number; readonly target: number };
}

const label = (p: ProblemNamesLike): string => safe(problemLabel({ ...p, problem: null }));

/** Whether the block has anything to say: reviews due, a started list, or a weekly target. */
export function showsLeet(b: LeetToday): boolean {
  return b.reviewsDue > 0 || b.list !== null || b.weekly.target > 0;
}

/** The block's lines (a heading first), each within `columns`. */
export function renderLeetToday(b: LeetToday, c: ChalkInstance, columns: number): string[] {
  const lines = [c.bold('LeetCode')];
  if (b.firstDue) {
    const head = `  ${plural(b.reviewsDue, 'review')} due · first: `;
    const tail = ` (due ${weekdayDate(b.firstDue.due)})`;
    lines.push(head + truncate(label(b.firstDue.problem), Math.max(12, columns - head.length - tail.length)) + c.dim(tail));
  } else {
    lines.push(c.dim('  no reviews due'));
  }
  if (b.list) {
    const l = b.list;
    const where = `  ${l.title}: ${l.done} of ${l.total} solved` + (l.behind > 0 ? ` · ${l.behind} behind` : '');
    lines.push(l.behind > 0 ? c.yellow(where) : where);
    if (b.new.length) {
      lines.push(
        ...table(
          b.new.map((n) => [`${n.solved ? '✓' : '○'} ${label(n.problem)}`, `${n.problem.difficulty} · ${safe(n.problem.pattern)}`]),
          [
            { flex: 1, min: 20, style: (s, r) => (b.new[r]!.solved ? s.replace('✓', c.green('✓')) : s.replace('○', c.dim('○'))) },
            { flex: 2, min: 10, style: (s) => c.dim(s) },
          ],
          columns,
          '    ',
        ),
      );
    } else if (l.next === null) {
      lines.push(c.green('    every problem of the list is solved'));
    } else {
      lines.push(c.dim('    no new problem today'));
    }
  }
  if (b.weekly.target > 0) {
    const text = `  this week ${b.weekly.done} of ${plural(b.weekly.target, 'session')}`;
    lines.push(b.weekly.done >= b.weekly.target ? c.green(text + ' ✓') : text);
  }
  const hints = [b.reviewsDue > 0 ? 'study leet due' : null, b.new.some((n) => !n.solved) ? 'study leet next' : null].filter((h) => h !== null);
  if (hints.length) lines.push(c.dim(truncate(`      ${hints.join(' · ')}`, columns)));
  return lines;
}
