// Terminal widths: what a terminal draws, column by column. Latin, CJK and emoji as
// string-width measures them; Bengali (and other Indic) syllables as wide as their
// spacing characters, as terminals (wcwidth) draw them; colour codes none.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN_SYMBOLS, safe, truncate, width } from '../../src/render/text.js';

describe('width', () => {
  it('each one-column symbol study prints is one column', () => {
    for (const symbol of ONE_COLUMN_SYMBOLS) expect(width(symbol), symbol).toBe(1);
    for (const symbol of ONE_COLUMN_SYMBOLS) expect(stringWidth(symbol), symbol).toBe(1);
  });

  it('Bengali: every letter and spacing vowel sign a column, virama and nonspacing signs none', () => {
    expect(width('বাংলা')).toBe(5); // ব া ং ল া: wcwidth 5, string-width 2
    expect(width('কাজ')).toBe(3);
    expect(width('ক্ষ')).toBe(2); // ক + virama + ষ
    expect(width('ব্যাকএন্ড')).toBe(7);
  });

  it('emoji two columns, sequences too; wide CJK two; combining accents none; colour codes none', () => {
    expect(width('📅')).toBe(2);
    expect(width('👍🏽')).toBe(2);
    expect(width('👨‍👩‍👧')).toBe(2);
    expect(width('1️⃣')).toBe(2);
    expect(width('界')).toBe(2);
    expect(width('e\u0301')).toBe(1);
    expect(width('\u001b[31mred\u001b[0m')).toBe(3);
  });

  it('agrees with string-width on text without Indic syllables', () => {
    const pieces = ['a', 'Z', ' ', '~', ...ONE_COLUMN_SYMBOLS, 'é', 'e\u0301', '界', '👍', '👍🏽', '👨‍👩‍👧', '\u001b[31m', '\u001b[0m'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(width(text)).toBe(stringWidth(text));
      }),
    );
  });
});

describe('truncate', () => {
  const pieces = ['a', ' ', '·', 'é', '界', 'বাং', 'ক্ষ', '👨‍👩‍👧', '👍🏽', 'x'];
  const graphemes = (s: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

  it('fits the columns, ends in … when cut, and never splits a grapheme', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (parts, max) => {
        const text = parts.join('');
        const cut = truncate(text, max);
        expect(width(cut)).toBeLessThanOrEqual(max);
        if (width(text) <= max) expect(cut).toBe(text);
        else {
          expect(cut.endsWith('…')).toBe(true);
          const kept = graphemes(cut.slice(0, -1));
          expect(graphemes(text).slice(0, kept.length)).toEqual(kept);
        }
      }),
    );
  });

  it('a title of hostile text is neutralised first, then fitted', () => {
    expect(truncate(safe('\u001b[31mevil\u001b[0m \u202eabc'), 8)).toBe('evil \ufffda…');
  });
});
