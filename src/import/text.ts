// Text helpers of the importer: whitespace, emoji, heading words, short hashes for ids.

const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)(?:\uFE0F|\u200D|\p{Emoji_Modifier}|\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3)*`;
export const LEADING_EMOJI = new RegExp(String.raw`^(?:${EMOJI}|\uFE0F|\s)+`, 'u');
/** A done mark at the end of a heading ("Roadmap ✅") is a status, not words. */
const TRAILING_MARK = /(?:\s*(?:✅|✔️?|☑️?|✓))+\s*$/u;
const ALL_EMOJI = new RegExp(EMOJI, 'gu');

/** Whitespace runs as one space, none at the ends. */
export function clean(s: string): string {
  return /\s\s|[^\S ]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

export function stripEmoji(s: string): string {
  return clean(s.replace(ALL_EMOJI, ' ').replace(/\uFE0F/g, ''));
}

/** A heading's words: decorative emoji before them, a done mark after them and a trailing colon removed. */
export function headingWords(s: string): string {
  const t = clean(s).replace(LEADING_EMOJI, '').replace(TRAILING_MARK, '').replace(/\s*[:：]$/, '').trim();
  return t === '' ? clean(s) : t;
}

/** A stable short hash (FNV-1a) for ids of titles with no Latin letters or digits. */
export function hash6(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}

/** `https://www.oreilly.com/library/view/x/` -> `oreilly.com/library/view/x/`. */
export function prettyUrl(href: string): string {
  return href.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
}
