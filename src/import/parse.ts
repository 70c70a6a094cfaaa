// The document's text -> events, read by markdown-it a part at a time: the parts end
// before headings that start a line, where nothing that spans lines can be open (a
// fenced block, an HTML block or comment, a table), so that the tokens of one part only
// are alive at once. A document that defines link references (`[x]: https://...`) is
// read whole, since its links may point across parts.
import type { Token } from 'markdown-it';
import { markdownEvents, md, type Ev, type EventState } from './events.js';
import { outlineEvents } from './outline.js';
import type { Warn } from './types.js';

/** Line indexes where a part may begin (0 always). */
function partStarts(lines: readonly string[]): number[] {
  const starts = [0];
  let fence: string | null = null;
  let html: RegExp | null = null;
  let loose = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = null;
      continue;
    }
    if (html !== null) {
      if (html.test(line)) html = null;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1]!;
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !/-->/.test(line)) {
      html = /-->/;
      continue;
    }
    const raw = /^ {0,3}<(pre|script|style|textarea)\b/i.exec(line);
    if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(line)) {
      html = new RegExp(`</${raw[1]}>`, 'i');
      continue;
    }
    const blank = line.trim() === '';
    if (/^#{1,6}(?:[ \t]|$)/.test(line) && i > 0 && !loose) starts.push(i);
    // After an HTML line or a table row, a heading may still belong to the block: wait for a blank line.
    if (blank) loose = false;
    else if (/^ {0,3}</.test(line) || line.includes('|')) loose = true;
  }
  return starts;
}

/** The events of a document, with a warning when lists nest deeper than markdown-it follows. */
export function documentEvents(text: string, warn: Warn): Ev[] {
  const lines = text.split(/\r\n|\r|\n/);
  const whole = /^ {0,3}\[[^\]]+\]:/m.test(text);
  const starts = whole ? [0] : partStarts(lines);
  const evs: Ev[] = [];
  const state: EventState = { lastLevel: 1, headings: 0 };
  // markdown-it stops reading a block nested past its limit: say so rather than lose it quietly.
  const limit = (md.options.maxNesting ?? 100) - 2;
  let deepest = 0;
  for (let p = 0; p < starts.length; p++) {
    const from = starts[p]!;
    const to = starts[p + 1] ?? lines.length;
    const tokens = md.parse(starts.length === 1 ? text : lines.slice(from, to).join('\n'), {});
    for (const t of tokens) {
      if (t.map) {
        t.map[0] += from;
        t.map[1] += from;
        if (t.level >= limit) deepest = t.map[0] + 1;
      }
    }
    // With one part and no Markdown structure at all, the document is an outline.
    if (starts.length === 1 && !tokens.some(structural)) evs.push(...outlineEvents(tokens, lines));
    else markdownEvents(tokens, warn, evs, state);
  }
  if (deepest > 0) warn(deepest, 'lists nested too deeply to read from here on; the rest of this list (and what follows it) was not imported');
  return evs;
}

const structural = (t: Token): boolean => t.type === 'heading_open' || t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'table_open';
