// Aligned columns measured in terminal columns (string-width), not string length, so
// Bengali, CJK and emoji line up. One column may be marked flexible: it is truncated with
// an ellipsis so that rows fit the terminal instead of wrapping.
import { padEnd, padStart, truncate, width } from './text.js';

export interface Column {
  readonly align?: 'left' | 'right';
  /**
   * This column gives up space when rows are too wide: columns with a higher number give
   * first, down to `min` columns (default 8), then the next.
   */
  readonly flex?: number;
  readonly min?: number;
  /** Applied after padding (colour); must not change the width. */
  readonly style?: (cell: string, row: number) => string;
}

/** Rows as lines: cells padded to their column's width, joined by two spaces, fitted to `maxWidth`. */
export function table(rows: readonly (readonly string[])[], columns: readonly Column[], maxWidth: number, indent = ''): string[] {
  if (rows.length === 0) return [];
  const n = columns.length;
  // (a loop, not Math.max(...): an argument list of 120,000 rows overflows the stack)
  const widths = columns.map((_, c) => rows.reduce((m, r) => Math.max(m, width(r[c] ?? '')), 0));
  const gap = 2;
  let excess = widths.reduce((a, b) => a + b, 0) + gap * (n - 1) + width(indent) - maxWidth;
  const flexible = columns
    .map((col, i) => ({ i, flex: col.flex ?? 0, min: col.min ?? 8 }))
    .filter((c) => c.flex > 0)
    .sort((a, b) => b.flex - a.flex || a.i - b.i);
  for (const c of flexible) {
    if (excess <= 0) break;
    const give = Math.min(excess, Math.max(0, widths[c.i]! - c.min));
    widths[c.i] = widths[c.i]! - give;
    excess -= give;
  }
  return rows.map((row, r) => {
    const cells = columns.map((col, c) => {
      const raw = truncate(row[c] ?? '', widths[c]!);
      const last = c === n - 1;
      const padded = col.align === 'right' ? padStart(raw, widths[c]!) : last ? raw : padEnd(raw, widths[c]!);
      return col.style ? col.style(padded, r) : padded;
    });
    return (indent + cells.join(' '.repeat(gap))).trimEnd();
  });
}
