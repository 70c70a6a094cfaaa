// Reading and normalising the source: bytes -> text (UTF-8, else Windows-1252 with a
// warning), a BOM dropped, mojibake repaired, YAML front matter blanked (its title kept).
// Line breaks are left as they are: markdown-it reads CRLF, CR and LF alike.
import { firstInvalidUtf8 } from '../roadmap/file.js';
import { decodeWindows1252, repairMojibake } from './mojibake.js';
import { isMap, parseDocument } from 'yaml';
import { clean } from './text.js';
import type { ImportWarning } from './types.js';

/** UTF-8 text; bytes that are not UTF-8 are read as Windows-1252 (what such files usually are), with a warning. */
export function decodePlanBytes(bytes: Uint8Array): { text: string; warnings: ImportWarning[] } {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), warnings: [] };
  const line = Buffer.from(bytes.buffer, bytes.byteOffset, bad).toString('latin1').split('\n').length;
  return {
    text: decodeWindows1252(bytes),
    warnings: [{ line, message: 'not valid UTF-8; read as Windows-1252 (save the file as UTF-8 to be sure)' }],
  };
}

export interface Source {
  /** The text to parse: same lines as the input (front matter blanked, not removed). */
  readonly text: string;
  /** Characters repaired from UTF-8 misread as Mac Roman or Windows-1252. */
  readonly repaired: number;
  /** `title:` of the YAML front matter, if any. */
  readonly frontTitle: string | null;
}

/** The document's text as the parser reads it. */
export function normaliseSource(source: string): Source {
  const { text: repairedText, repaired } = repairMojibake(source.replace(/^\uFEFF/, ''));
  let text = repairedText.replace(/^\uFEFF/, '');
  // YAML front matter (Jekyll, Obsidian, Hugo): not part of the plan, but its title is one.
  // Its lines are blanked, not removed, so that line numbers stay those of the file.
  // Only a block that reads as a YAML mapping is front matter: a `---` rule opening the
  // file, then Markdown and another rule, is Markdown.
  let frontTitle: string | null = null;
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/.exec(text);
  const data = fm ? frontMatter(fm[1]!) : null;
  if (fm && data) {
    frontTitle = typeof data.title === 'string' && clean(data.title) !== '' ? clean(data.title) : null;
    text = fm[0].replace(/[^\r\n]/g, '') + text.slice(fm[0].length);
  }
  return { text, repaired, frontTitle };
}

/** The block as a YAML mapping, or null when it is not one (or is not YAML at all). */
function frontMatter(block: string): Record<string, unknown> | null {
  try {
    const doc = parseDocument(block, { uniqueKeys: false });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
