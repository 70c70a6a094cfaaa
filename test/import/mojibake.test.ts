// Mojibake repair: UTF-8 that someone read as Mac Roman or Windows-1252 and saved again.
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, MAC_ROMAN_HIGH, repairMojibake, WINDOWS_1252_HIGH } from '../../src/import/mojibake.js';

/** What a Mac Roman or Windows-1252 reader shows for the UTF-8 bytes of `text`. */
function misread(text: string, table: string): string {
  const high = [...table];
  return [...new TextEncoder().encode(text)].map((b) => (b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!)).join('');
}

describe('repairMojibake', () => {
  it('the code page tables have 128 entries, with the characters the seeds show', () => {
    expect([...MAC_ROMAN_HIGH]).toHaveLength(128);
    expect([...WINDOWS_1252_HIGH]).toHaveLength(128);
    // 📅 is F0 9F 93 85: Apple logo, ü, ì, Ö in Mac Roman.
    expect(misread('📅', MAC_ROMAN_HIGH)).toBe('\uf8ffüìÖ');
    expect(misread('→', MAC_ROMAN_HIGH)).toBe('‚Üí');
    expect(misread('é', WINDOWS_1252_HIGH)).toBe('Ã©');
    expect(decodeWindows1252(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toBe('Café €');
  });

  it('repairs what the seeds show: emoji with variation selectors, dashes, arrows, check marks', () => {
    // The first byte of a 4-byte emoji, F0, is the Apple logo (U+F8FF) in Mac Roman.
    expect(repairMojibake('## \uf8ffüìÖ Daily').text).toBe('## 📅 Daily');
    expect(repairMojibake('## \uf8ffüñ•Ô∏è Backend Deep Dive').text).toBe('## 🖥️ Backend Deep Dive');
    expect(repairMojibake('Frontend (Basic ‚Äì Supporting Role)').text).toBe('Frontend (Basic – Supporting Role)');
    expect(repairMojibake('Easy ‚Üí Medium, done ‚úÖ').text).toBe('Easy → Medium, done ✅');
  });

  it('round-trips any text misread through either code page', () => {
    const samples = ['👩‍💻 pair programming 🇧🇩', 'naïve café — “quoted” … ½', 'বাংলা শেখা ✅', '日本語 🏳️‍🌈'];
    for (const s of samples) {
      expect(repairMojibake(misread(s, MAC_ROMAN_HIGH)).text).toBe(s);
      expect(repairMojibake(misread(s, WINDOWS_1252_HIGH)).text).toBe(s);
    }
  });

  it('leaves real text alone: accents, symbols, Bengali, emoji', () => {
    for (const s of ['café naïve Ä façade', 'Ω ≠ ∞, ± 5 °C', '“quotes” — dashes – and … ellipses', 'যারা Django শেখে', '🚀 Ship it ✅', 'Åsa Ölund', '']) {
      expect(repairMojibake(s)).toEqual({ text: s, repaired: 0 });
    }
  });

  it('counts the characters it repaired', () => {
    expect(repairMojibake('\uf8ffüìÖ and ‚úÖ').repaired).toBe(2);
  });
});
