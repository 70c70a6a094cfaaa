// Mojibake repair: text that was UTF-8, decoded by someone as Mac Roman or Windows-1252
// and saved again as UTF-8 (`üìÖ` where the author wrote 📅, `‚Äì` for –). Each run of
// characters from those code pages is turned back into bytes and kept only where the
// bytes are valid multi-byte UTF-8; everything else is left exactly as it was.

/** Mac Roman bytes 0x80-0xFF (Apple's mapping; 0xDB is the euro sign, 0xF0 the Apple logo). */
export const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄' +
  '€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/**
 * Windows-1252 bytes 0x80-0xFF. The five bytes Windows leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) decode to the C1 controls of the same value, as browsers do.
 */
export const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ' +
  Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

/** Bytes that are not UTF-8, read as Windows-1252 (what such plan files usually are). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const high = [...WINDOWS_1252_HIGH];
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!;
  return out;
}

function reverse(high: string, extra: ReadonlyArray<readonly [string, number]> = []): Map<string, number> {
  const map = new Map<string, number>();
  [...high].forEach((ch, i) => map.set(ch, 0x80 + i));
  for (const [ch, byte] of extra) if (!map.has(ch)) map.set(ch, byte);
  return map;
}

const PAGES: ReadonlyArray<Map<string, number>> = [
  reverse(MAC_ROMAN_HIGH),
  // Latin-1 readers show 0x80-0x9F as C1 controls: accept those for Windows-1252 too.
  reverse(WINDOWS_1252_HIGH, Array.from({ length: 0x20 }, (_, i) => [String.fromCharCode(0x80 + i), 0x80 + i] as const)),
];

/** The code point of a valid UTF-8 sequence at bytes[i], with its length, or null. */
function utf8At(bytes: readonly number[], i: number): { cp: number; len: number } | null {
  const b = bytes[i]!;
  let len: number;
  let cp: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [len, cp, min] = [2, b & 0x1f, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [len, cp, min] = [3, b & 0x0f, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [len, cp, min] = [4, b & 0x07, 0x10000];
  else return null;
  if (i + len > bytes.length) return null;
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { cp, len };
}

/**
 * A character a UTF-8 writer plausibly meant: not a control, private-use or unassigned
 * code point, and not a combining mark with nothing to combine with. `Ã©` read through
 * Mac Roman gives U+0329 (a lone combining mark), through Windows-1252 `é`: the second wins.
 */
function plausible(cp: number, before: string): boolean {
  const ch = String.fromCodePoint(cp);
  if (/[\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u.test(ch)) return false;
  if (/\p{M}/u.test(ch) && !/[\p{L}\p{M}\p{N}\p{S}]$/u.test(before)) return false;
  return true;
}

/** A run decoded through one code page: the repaired text, how many characters and bytes were repaired. */
function decodeRun(chars: readonly string[], page: Map<string, number>): { text: string; fixed: number; bytes: number } {
  let text = '';
  let fixed = 0;
  let fixedBytes = 0;
  let i = 0;
  while (i < chars.length) {
    // The longest stretch from i whose characters all exist in this code page.
    let j = i;
    const bytes: number[] = [];
    while (j < chars.length && page.has(chars[j]!)) bytes.push(page.get(chars[j++]!)!);
    if (bytes.length === 0) {
      text += chars[i++];
      continue;
    }
    let k = 0;
    while (k < bytes.length) {
      const seq = utf8At(bytes, k);
      if (seq && plausible(seq.cp, text)) {
        text += String.fromCodePoint(seq.cp);
        fixed++;
        fixedBytes += seq.len;
        k += seq.len;
      } else {
        text += chars[i + k];
        k++;
      }
    }
    i = j;
  }
  return { text, fixed, bytes: fixedBytes };
}

/** Two or more characters in a row that one of the code pages has above 0x7F: where mojibake can be. */
const RUN_CLASS = `[${[...new Set(PAGES.flatMap((p) => [...p.keys()]))]
  .filter((ch) => ch.charCodeAt(0) >= 0x80)
  .map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('')}]{2,}`;
const RUN = new RegExp(RUN_CLASS, 'u');
const RUNS = new RegExp(RUN_CLASS, 'gu');

/**
 * `text` with UTF-8-read-as-Mac-Roman/Windows-1252 sequences turned back into what was
 * meant. Only runs of two or more code-page characters whose bytes form valid UTF-8 are
 * changed, so real accented text (`café`, `naïve`, `Ä`) is never touched. Text with no
 * such run (most of it) is returned as it is, without a copy.
 */
export function repairMojibake(text: string): { text: string; repaired: number } {
  if (!RUN.test(text)) return { text, repaired: 0 };
  // A document's mojibake comes from one code page: the one that repairs more wins ties.
  const first = repairWith(text, PAGES);
  const second = repairWith(text, [...PAGES].reverse());
  return second.repaired > first.repaired ? second : first;
}

function repairWith(text: string, pages: ReadonlyArray<Map<string, number>>): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(RUNS, (run) => {
    // The code page that explains more of the run's bytes wins: `ðŸ§ ` is one 4-byte
    // emoji through Windows-1252, but only a stray 2-byte letter through Mac Roman.
    const chars = [...run];
    let best = { text: run, fixed: 0, bytes: 0 };
    for (const page of pages) {
      const r = decodeRun(chars, page);
      if (r.bytes > best.bytes) best = r;
    }
    repaired += best.fixed;
    return best.text;
  });
  return { text: out, repaired };
}
