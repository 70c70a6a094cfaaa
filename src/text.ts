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

// Printable ASCII, and the few symbols study itself prints (✓ ○ · … – — and the pictures
// safe() puts in for controls), are one column a character and never join a neighbour
// into a wider grapheme: such text is measured by its length, without string-width,
// which segments graphemes and runs an emoji pattern (most of `study today`'s render
// time on a big agenda; issue #7). text.test.ts checks each symbol against string-width.
export const ONE_COLUMN_SYMBOLS = '✓○·…–—␀␁␂␃␄␅␆␇␈␉␊␋␌␍␎␏␐␑␒␓␔␕␖␗␘␙␚␛␜␝␞␟␡\ufffd';
const SIMPLE = new RegExp(`^[\\x20-\\x7e${ONE_COLUMN_SYMBOLS}]*$`);

/** Columns a string takes in a terminal (East Asian wide, emoji, combining marks). */
export function width(text: string): number {
  return SIMPLE.test(text) ? text.length : stringWidth(text);
}

// Made on first use: the first Intl.Segmenter of a process costs milliseconds (ICU data).
let segmenter: Intl.Segmenter | undefined;

/** `text` cut to at most `max` columns, ending in an ellipsis when cut; never splits a grapheme. */
export function truncate(text: string, max: number): string {
  if (width(text) <= max) return text;
  if (max <= 0) return '';
  // Text width() measures by its length has one grapheme, one column, per character.
  if (SIMPLE.test(text)) return text.slice(0, max - 1) + '…';
  let out = '';
  let used = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    const w = width(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/** `text` padded with spaces to `cols` columns (no cut). */
export function padEnd(text: string, cols: number): string {
  const w = width(text);
  return w >= cols ? text : text + ' '.repeat(cols - w);
}

export function padStart(text: string, cols: number): string {
  const w = width(text);
  return w >= cols ? text : ' '.repeat(cols - w) + text;
}
