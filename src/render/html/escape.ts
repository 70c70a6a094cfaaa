// Untrusted text (titles and ids from roadmap files, problem names) into HTML and SVG.
// First made safe as for a terminal (render's safe(): ANSI sequences removed, C0 and C1
// controls shown as pictures or U+FFFD, bidi controls as U+FFFD, tabs and newlines as
// spaces), so nothing invisible can reorder or hide what the page shows; then the five
// characters that HTML and XML give a meaning escaped. Every such text is also set in a
// <bdi> where it stands in running text, so a right-to-left title cannot carry the
// punctuation after it across.
import { safe } from '../text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or an attribute value (in double quotes). */
export function esc(text: string): string {
  return safe(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Untrusted text in running text: escaped and isolated. */
export function bdi(text: string): string {
  return `<bdi>${esc(text)}</bdi>`;
}

/** A number for an SVG coordinate: at most 2 decimals, no '-0'. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
