// A raw roadmap -> YAML text a person can read and edit: keys in the order of the
// format's documentation, one blank line between sections, plain strings for items
// that are only a title, block scalars for descriptions, no line folding (a title
// stays on its line).
import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit, type Pair } from 'yaml';
import type { RawRoadmap } from '../roadmap-schema.js';

/** Descriptions longer than this (or with line breaks) are written as `|-` blocks. */
const BLOCK_AT = 80;

export function roadmapToYaml(roadmap: RawRoadmap, source?: string): string {
  const doc = new Document(roadmap);
  if (source !== undefined) {
    // A comment is one line: a file name with a line break would end it early.
    doc.commentBefore = ` Imported by study from ${source.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
  }
  const sections = doc.get('sections');
  if (isSeq(sections)) {
    sections.items.forEach((node, i) => {
      if (i > 0 && isMap(node)) node.spaceBefore = true;
    });
  }
  // A blank line before `sections:` and `habits:`.
  if (isMap(doc.contents)) {
    for (const p of doc.contents.items) if (isScalar(p.key) && (p.key.value === 'sections' || p.key.value === 'habits')) p.key.spaceBefore = true;
  }

  visit(doc, {
    Pair(_key, pair: Pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return;
      const value = pair.value.value;
      if (pair.key.value === 'description' && typeof value === 'string' && (value.includes('\n') || value.length > BLOCK_AT)) {
        pair.value.type = Scalar.BLOCK_LITERAL;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
