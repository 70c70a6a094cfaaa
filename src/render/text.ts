// Terminal text: untrusted strings made safe to print, and widths measured in columns.
import stripAnsi from 'strip-ansi';
import { eastAsianWidth } from 'get-east-asian-width';

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
// safe() puts in for controls), are one column a character and never join a neighbour:
// such text is measured by its length. test/render/text.test.ts checks each symbol.
export const ONE_COLUMN_SYMBOLS = '✓○·…–—␀␁␂␃␄␅␆␇␈␉␊␋␌␍␎␏␐␑␒␓␔␕␖␗␘␙␚␛␜␝␞␟␡\ufffd';
const SIMPLE = new RegExp(`^[\\x20-\\x7e${ONE_COLUMN_SYMBOLS}]*$`);

// Made on first use: the first Intl.Segmenter of a process costs over 10 ms (ICU data),
// which is why text is not measured with string-width (it makes one when imported).
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string): Iterable<{ segment: string }> => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);

// Compiled on first use: the RGI_Emoji set alone takes a regular expression of 20 ms to
// build, which `study today` on plain ASCII text never needs. (The v flag, for emoji
// sequences: Node 20 has it; TypeScript's ES2022 target does not know it.)
let patterns: { emoji: RegExp; zeroWidth: RegExp } | undefined;
const compiled = (): { emoji: RegExp; zeroWidth: RegExp } =>
  (patterns ??= { emoji: new RegExp('^\\p{RGI_Emoji}$', 'v'), zeroWidth: /^[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u });

/**
 * Columns a grapheme takes, as terminals draw it (wcwidth): an emoji 2; else each code
 * point its East Asian width (2 for wide ones), nonspacing marks and format characters
 * none, and spacing marks one. Bengali and other Indic scripts write a syllable as one
 * grapheme of several spacing characters (বাং is ব, া and ং): terminals give each its
 * cell, so the grapheme is as wide as they are, where string-width counts one.
 */
function graphemeWidth(g: string): number {
  const { emoji, zeroWidth } = compiled();
  if (emoji.test(g)) return 2;
  let w = 0;
  for (const ch of g) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || zeroWidth.test(ch)) continue;
    w += eastAsianWidth(cp, { ambiguousAsWide: false });
  }
  return w;
}

/** Columns a string takes in a terminal (East Asian wide, emoji, combining marks, Indic syllables); ANSI colour codes take none. */
export function width(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  let w = 0;
  for (const { segment } of graphemes(stripAnsi(text))) w += graphemeWidth(segment);
  return w;
}

/** `text` cut to at most `max` columns, ending in an ellipsis when cut; never splits a grapheme. */
export function truncate(text: string, max: number): string {
  if (width(text) <= max) return text;
  if (max <= 0) return '';
  // Text width() measures by its length has one grapheme, one column, per character.
  if (SIMPLE.test(text)) return text.slice(0, max - 1) + '…';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes(text)) {
    const w = graphemeWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/**
 * A short quote of untrusted text for a message: made safe, at most `max` columns, cut
 * with an ellipsis. Errors about a file quote this much of it and no more (a secret in a
 * file given by mistake stays in the file).
 */
export function excerpt(text: string, max = 24): string {
  const cut = text.length > max * 4;
  const head = safe(cut ? text.slice(0, max * 4) : text);
  const short = truncate(head, max);
  return cut && !short.endsWith('…') ? truncate(short, max - 1) + '…' : short;
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

/** '1 item', '2 items', '0 items' (`many`: an irregular plural). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
