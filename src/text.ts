// Terminal text: untrusted strings made safe to print, and widths measured in columns.
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';

// C0 controls (but not the caller's own newlines, handled per use), DEL, C1 controls.
const C0 = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const C1 = /[\u0080-\u009f]/g;
// Bidi embeddings, overrides and isolates can reorder what the terminal shows.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]/g;

/**
 * A string from a file or the user, made safe for a terminal: complete ANSI/OSC sequences
 * are removed (their visible text stays), remaining C0 controls are shown as control
 * pictures (ESC as ␛, BEL as ␇), C1 controls and bidi controls as U+FFFD, and tabs and
 * newlines as single spaces.
 */
export function safe(text: string): string {
  return stripAnsi(text)
    .replace(/[\t\n]/g, ' ')
    .replace(C0, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)))
    .replace(C1, '\ufffd')
    .replace(BIDI, '\ufffd');
}

/** Columns a string takes in a terminal (East Asian wide, emoji, combining marks). */
export function width(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to at most `max` columns, ending in an ellipsis when cut; never splits a grapheme. */
export function truncate(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  if (max <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/** `text` padded with spaces to `cols` columns (no cut). */
export function padEnd(text: string, cols: number): string {
  const w = stringWidth(text);
  return w >= cols ? text : text + ' '.repeat(cols - w);
}

export function padStart(text: string, cols: number): string {
  const w = stringWidth(text);
  return w >= cols ? text : ' '.repeat(cols - w) + text;
}
