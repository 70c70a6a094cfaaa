// A raw roadmap -> YAML text a person can read and edit: keys in the order of the
// format's documentation, one blank line between sections, plain strings for items
// that are only a title, block scalars for descriptions, no line folding (a title
// stays on its line). Text that holds controls or bidi marks is written double-quoted
// with escapes, so it loads back exactly and shows nothing hidden.
import { Document, isPair, isScalar, Scalar, visit, type Pair } from 'yaml';
import type { RawRoadmap } from '../roadmap/schema.js';

/** Descriptions longer than this (or with line breaks) are written as `|-` blocks. */
const BLOCK_AT = 80;

/**
 * Characters that do not show as themselves: C0 and C1 controls but the line break, DEL,
 * bidi embeddings, overrides, isolates and marks, line and paragraph separators, BOM.
 */
const UNSEEN_CLASS = '[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029\\ufeff]';
const UNSEEN = new RegExp(UNSEEN_CLASS);
const UNSEEN_ALL = new RegExp(UNSEEN_CLASS, 'g');

const OPTIONS = { lineWidth: 0, indentSeq: true } as const;

/**
 * The roadmap as YAML. Written a section at a time (each section its own small YAML
 * document, indented under `sections:`), so that a large plan's YAML nodes never all
 * live at once; the text is the same as one document's.
 */
export function roadmapToYaml(roadmap: RawRoadmap, source?: string): string {
  const { sections, habits, ...head } = roadmap;
  const top = styled(head);
  if (source !== undefined) {
    // A comment is one line: a file name with a line break would end it early.
    top.commentBefore = ` Imported by study from ${source.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
  }
  let out = top.toString(OPTIONS);
  // A blank line before `sections:` and `habits:`, and between sections.
  out += list('sections', sections, true);
  if (habits !== undefined) out += list('habits', habits, false);
  // The writer leaves some characters raw in double quotes (C1 controls, bidi marks):
  // escape them, so the file shows what it holds and loads back to exactly the same text.
  return out.replace(UNSEEN_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function list(key: string, entries: readonly unknown[], spaced: boolean): string {
  if (entries.length === 0) return `\n${key}: []\n`;
  const parts = spaced ? entries.map((e) => styled([e]).toString(OPTIONS)) : [styled(entries).toString(OPTIONS)];
  return `\n${key}:\n${parts.map(indent).join('\n')}`;
}

/** Every line but the empty ones two spaces further in. */
const indent = (text: string): string => text.replace(/^(?=.)/gm, '  ');

/** A YAML document of `value` in the house style: hidden characters quoted, long descriptions as blocks. */
function styled(value: unknown): Document {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node: Scalar) {
      // Text with controls or bidi marks is written double-quoted, where they can be escapes.
      if (typeof node.value === 'string' && UNSEEN.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
    Pair(_key, pair: Pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return;
      const value = pair.value.value;
      if (pair.key.value === 'description' && typeof value === 'string' && !UNSEEN.test(value) && (value.includes('\n') || value.length > BLOCK_AT)) {
        pair.value.type = Scalar.BLOCK_LITERAL;
      }
    },
  });
  return doc;
}
