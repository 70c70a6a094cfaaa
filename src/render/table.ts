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
  /**
   * The last column's cells are never cut (ids to type): a cell that does not fit beside
   * the others, at their narrowest, goes on a line of its own under its row.
   */
  readonly spill?: boolean;
  /** Applied after padding (colour); must not change the width. */
  readonly style?: (cell: string, row: number) => string;
}

/** Rows as lines: cells padded to their column's width, joined by two spaces, fitted to `maxWidth`. */
export function table(rows: readonly (readonly string[])[], columns: readonly Column[], maxWidth: number, indent = ''): string[] {
  if (rows.length === 0) return [];
  const n = columns.length;
  const gap = 2;
  // (a loop, not Math.max(...): an argument list of 120,000 rows overflows the stack)
  const widths = columns.map((_, c) => rows.reduce((m, r) => Math.max(m, width(r[c] ?? '')), 0));
  // A spilling last column is as wide as its widest cell that fits beside the others.
  const spills = columns[n - 1]?.spill === true;
  const spilled = new Set<number>();
  if (spills) {
    const others = widths.slice(0, -1).reduce((sum, w, c) => sum + (columns[c]!.flex ? Math.min(w, columns[c]!.min ?? 8) : w), 0);
    const room = maxWidth - width(indent) - others - gap * (n - 1);
    rows.forEach((r, i) => {
      if (width(r[n - 1] ?? '') > room) spilled.add(i);
    });
    widths[n - 1] = rows.reduce((m, r, i) => (spilled.has(i) ? m : Math.max(m, width(r[n - 1] ?? ''))), 0);
  }
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
  const tableWidth = Math.min(maxWidth, widths.reduce((a, b) => a + b, 0) + gap * (n - 1) + width(indent));
  return rows.flatMap((row, r) => {
    const cells = columns.map((col, c) => {
      const last = c === n - 1;
      const raw = last && spilled.has(r) ? '' : truncate(row[c] ?? '', widths[c]!);
      const padded = col.align === 'right' ? padStart(raw, widths[c]!) : last ? raw : padEnd(raw, widths[c]!);
      return col.style ? col.style(padded, r) : padded;
    });
    const line = (indent + cells.join(' '.repeat(gap))).trimEnd();
    if (!spilled.has(r)) return [line];
    // Its own line, ending where the table does (or indented, when even that is too narrow).
    const cell = row[n - 1] ?? '';
    const under = width(cell) + width(indent) + 4 <= tableWidth ? padStart(cell, tableWidth) : `${indent}    ${cell}`;
    const style = columns[n - 1]!.style;
    return [line, style ? style(under, r) : under];
  });
}
