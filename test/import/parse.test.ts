// The document is read by markdown-it a part at a time (src/import/parse.ts), so that a
// large plan's tokens never all live at once. Reading it in parts must give exactly the
// events (and warnings) of reading it whole, whatever spans lines across a heading:
// fenced code, HTML blocks and comments, tables, lists, quotes, link references.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownEvents, md } from '../../src/import/events.js';
import { documentEvents } from '../../src/import/parse.js';

const piece = fc.constantFrom(
  '# Title', '## Week 1', '### Topics', '#', '#not a heading', '## Week 2 | with a pipe', '- item', '  - nested', '- [ ] box', '1. first',
  '| Week | Topic |', '|---|---|', '| 1 | Arrays |', '```', '```js', '~~~', '    indented code', '<div>', '</div>', '<!-- comment', '-->',
  '<pre>', '</pre>', '> quote', '> - quoted item', 'plain words', '**Bold line**', 'Topics:', '[ref]: https://example.com/ref', 'see [ref]',
  '---', '===', '', '', '',
);
const doc = fc.array(piece, { maxLength: 40 }).map((lines) => lines.join('\n'));

function whole(text: string): { evs: unknown; warnings: string[] } {
  const warnings: string[] = [];
  const tokens = md.parse(text, {});
  return { evs: markdownEvents(tokens, (l, m) => warnings.push(`${l}: ${m}`)), warnings };
}

describe('reading a document in parts', () => {
  it('gives the events of reading it whole', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const tokens = md.parse(text, {});
        if (!tokens.some((t) => t.type === 'heading_open' || t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'table_open')) return;
        const warnings: string[] = [];
        const parts = documentEvents(text, (l, m) => warnings.push(`${l}: ${m}`));
        expect({ evs: parts, warnings }).toEqual(whole(text));
      }),
      { numRuns: 1500, seed: 15 },
    );
  });
});
