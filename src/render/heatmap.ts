// The streak heatmap as text: one column per week (oldest on the left), one row per
// weekday from the week start, month names above the week where a month begins, a legend
// below. Shades come from core/streak.ts's shadeLevel: plain characters without colour,
// the same characters in greens with it. A day a streak freeze covered is a '*'.
import type { ChalkInstance } from 'chalk';
import { shadeLevel, type HeatColumn } from '../core/streak.js';

/** Shade characters by level 0..4: none, below target, at target, up to 2x, more. */
export const SHADES = ['·', '░', '▒', '▓', '█'] as const;

/** A missed day that a streak freeze covered. */
export const FROZEN = '*';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Row labels ('Mon ') take 4 columns; each week 2 (a cell and a space). */
const LABEL_WIDTH = 4;

/** The most weeks whose heatmap (month names included) fits in `columns` terminal columns. */
export function weeksThatFit(columns: number): number {
  // width = LABEL_WIDTH + 2 * weeks - 1, plus up to 2 more for a month name above the last week
  return Math.max(1, Math.floor((columns - LABEL_WIDTH - 1) / 2));
}

export interface HeatmapStyle {
  /** Week start, 0 = Sunday ... 6 = Saturday: the first row. */
  readonly weekStart: number;
  readonly dailyTarget: number;
  /** Level 0 means plain characters. */
  readonly chalk: ChalkInstance;
  /** Explain the frozen-day mark in the legend (streak freezes are on, or a frozen day is shown). */
  readonly freezes?: boolean;
}

function paint(level: number, c: ChalkInstance): string {
  const ch = SHADES[level] ?? SHADES[0];
  if (c.level === 0) return ch;
  if (level === 0) return c.dim(ch);
  return level <= 2 ? c.green(ch) : c.greenBright(ch);
}

/** The heatmap's lines: month names, seven weekday rows, the legend. No trailing spaces. */
export function renderHeatmap(grid: readonly HeatColumn[], style: HeatmapStyle): string[] {
  const c = style.chalk;

  // Month names: each starts above its week; a name that would touch the one before it
  // replaces it (the earlier month has only a sliver of the view).
  const placed: { at: number; name: string }[] = [];
  grid.forEach((col, i) => {
    if (col.month === '') return;
    const at = LABEL_WIDTH + 2 * i;
    const prev = placed[placed.length - 1];
    if (prev && at <= prev.at + prev.name.length) placed.pop();
    placed.push({ at, name: col.month });
  });
  let months = '';
  for (const p of placed) months = months.padEnd(p.at) + p.name;

  const rows: string[] = [];
  for (let r = 0; r < 7; r++) {
    const label = WEEKDAY_NAMES[(style.weekStart + r) % 7]!;
    const cells = grid.map((col) => {
      const cell = col.cells[r];
      if (cell?.frozen) return c.level === 0 ? FROZEN : c.cyan(FROZEN);
      return cell ? paint(shadeLevel(cell.count, style.dailyTarget), c) : ' ';
    });
    rows.push(`${label} ${cells.join(' ')}`.trimEnd());
  }

  const frozen = style.freezes ? `   ${c.level === 0 ? FROZEN : c.cyan(FROZEN)} ${c.dim('frozen')}` : '';
  const legend = `${' '.repeat(LABEL_WIDTH)}${c.dim('less')} ${SHADES.map((_, l) => paint(l, c)).join(' ')} ${c.dim('more')}${frozen}`;
  return [c.dim(months.trimEnd()), ...rows, legend];
}
