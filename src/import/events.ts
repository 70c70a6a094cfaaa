// markdown-it tokens -> events: the document as a flat sequence of headings, fields,
// prose, lists (with their nested items) and tables. Headings come from the Markdown
// structure (ATX, setext, an HTML <h1>); a paragraph's bold, week, phase and label lines
// become pseudo-headings, its `Key: value` lines fields.
import MarkdownIt, { type Token } from 'markdown-it';
import { classify, isTag, type LineClass } from './classify.js';
import { BULLET_CHAR, readInline, splitLines, type Inline } from './inline.js';
import { clean } from './text.js';
import type { Warn } from './types.js';

export interface ListItem {
  /** Rewritten once, before the builder reads it, when a ✅ there is a bullet, not a done mark. */
  inl: Inline;
  readonly line: number;
  readonly children: ListItem[];
  /** Paragraphs of the item after its first. */
  readonly paras: string[];
}

export interface TableCell {
  readonly inl: Inline;
  /** The cell's parts, split at <br>. */
  readonly parts: string[];
}

export type Ev =
  | { t: 'heading'; level: number; inl: Inline; line: number; pseudo: boolean; cls: LineClass }
  | { t: 'field'; line: number; inl: Inline; cls: Extract<LineClass, { kind: 'field' | 'label' }> }
  | { t: 'para'; lines: { text: string; line: number; inl: Inline }[] }
  | { t: 'list'; items: ListItem[]; line: number }
  | { t: 'table'; header: TableCell[]; rows: { cells: TableCell[]; line: number }[]; line: number };

export const md = new MarkdownIt({ html: true, linkify: true });
// Bare web addresses become links; words that merely look like domains or e-mail
// addresses ("Node.js", "a@b.co") stay words.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

function readList(tokens: readonly Token[], start: number, warn: Warn): { items: ListItem[]; next: number } {
  const items: ListItem[] = [];
  let i = start + 1;
  const closeType = tokens[start]!.type.replace('_open', '_close');
  while (i < tokens.length && tokens[i]!.type !== closeType) {
    const tok = tokens[i]!;
    if (tok.type !== 'list_item_open') {
      i++;
      continue;
    }
    const item: ListItem = { inl: { text: '', links: [], allBold: false, images: 0 }, line: (tok.map?.[0] ?? 0) + 1, children: [], paras: [] };
    let first = true;
    let inl: Inline | null = null;
    i++;
    while (i < tokens.length && tokens[i]!.type !== 'list_item_close') {
      const t = tokens[i]!;
      if (t.type === 'paragraph_open' || t.type === 'heading_open') {
        const read = readInline(tokens[i + 1]!.children ?? []);
        if (first) inl = read;
        else if (read.text) item.paras.push(read.text);
        first = false;
        i += 3;
      } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
        const r = readList(tokens, i, warn);
        item.children.push(...r.items);
        first = false;
        i = r.next;
      } else if (t.type === 'code_block') {
        warn((t.map?.[0] ?? 0) + 1, 'indented text inside a list item was read as code and skipped; indent it like the item to import it');
        i++;
      } else if (t.nesting === 1) {
        i = skipBlock(tokens, i);
      } else {
        i++;
      }
    }
    items.push({ ...item, inl: inl ?? item.inl });
    i++;
  }
  return { items, next: i + 1 };
}

/** The index after the block opened at `start` (its matching close). */
function skipBlock(tokens: readonly Token[], start: number): number {
  let depth = 0;
  let i = start;
  do {
    depth += tokens[i]!.nesting;
    i++;
  } while (i < tokens.length && depth > 0);
  return i;
}

function readTable(tokens: readonly Token[], start: number): { ev: Extract<Ev, { t: 'table' }>; next: number } {
  const header: TableCell[] = [];
  const rows: { cells: TableCell[]; line: number }[] = [];
  let row: TableCell[] | null = null;
  let rowLine = 0;
  let inHead = false;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') {
      row = [];
      rowLine = (t.map?.[0] ?? 0) + 1;
    } else if (t.type === 'tr_close' && row) {
      if (inHead) header.push(...row);
      else rows.push({ cells: row, line: rowLine });
      row = null;
    } else if (t.type === 'inline' && row) {
      const children = t.children ?? [];
      const parts: Token[][] = [[]];
      for (const c of children) {
        if (c.type === 'html_inline' && /^<br\s*\/?>$/i.test(c.content)) parts.push([]);
        else parts[parts.length - 1]!.push(c);
      }
      row.push({ inl: readInline(children), parts: parts.map((p) => readInline(p).text).filter((p) => p !== '') });
    }
  }
  return { ev: { t: 'table', header, rows, line: (tokens[start]!.map?.[0] ?? 0) + 1 }, next: i + 1 };
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? _);
}

/** Where a document's reading is, between its parts. */
export interface EventState {
  lastLevel: number;
  /** Headings read so far. */
  headings: number;
}

/** The events of (a part of) a Markdown document, appended to `evs`. */
export function markdownEvents(tokens: readonly Token[], warn: Warn, evs: Ev[] = [], state: EventState = { lastLevel: 1, headings: 0 }): Ev[] {
  let lastLevel = state.lastLevel;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const inl = readInline(tokens[i + 1]!.children ?? []);
        const level = Number(t.tag.slice(1));
        lastLevel = level;
        state.headings++;
        if (inl.text !== '') evs.push({ t: 'heading', level, inl, line: (t.map?.[0] ?? 0) + 1, pseudo: false, cls: classify(inl, 'heading') });
        i += 3;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        paragraphEvents(splitLines(inline.children ?? []), (t.map?.[0] ?? 0) + 1, lastLevel, evs, warn);
        i += 3;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const r = readList(tokens, i, warn);
        evs.push({ t: 'list', items: r.items, line: (t.map?.[0] ?? 0) + 1 });
        i = r.next;
        break;
      }
      case 'table_open': {
        const r = readTable(tokens, i);
        evs.push(r.ev);
        i = r.next;
        break;
      }
      case 'code_block':
        warn((t.map?.[0] ?? 0) + 1, 'indented text was read as a code block and skipped; remove the indentation to import it');
        i++;
        break;
      case 'html_block': {
        // <h1 align="center">Plan</h1>, as many READMEs open: a heading. Other HTML is
        // skipped. The first heading of a document, in HTML, is its banner title
        // whatever its level (<h3 align="center">Plan</h3> over badges).
        const h = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/i.exec(t.content);
        const words = h ? clean(h[2]!.replace(/<[^>]*>/g, ' ')) : '';
        if (h && words !== '') {
          const inl: Inline = { text: decodeEntities(words), links: [], allBold: false, images: 0 };
          lastLevel = state.headings === 0 ? 1 : Number(h[1]);
          state.headings++;
          evs.push({ t: 'heading', level: lastLevel, inl, line: (t.map?.[0] ?? 0) + 1, pseudo: false, cls: classify(inl, 'heading') });
        }
        i++;
        break;
      }
      default:
        // Fenced code, HTML blocks and comments, rules: not part of a plan. Block quotes
        // are transparent: their paragraphs and lists are read like any other.
        i++;
        break;
    }
  }
  state.lastLevel = lastLevel;
  return evs;
}

/** A paragraph's lines: week/phase/bold lines become headings, labels and fields become fields, the rest prose. */
function paragraphEvents(lines: Token[][], firstLine: number, lastLevel: number, evs: Ev[], warn: Warn): void {
  let prose: { text: string; line: number; inl: Inline }[] = [];
  let bullets: ListItem[] = [];
  const flush = (): void => {
    if (prose.length) evs.push({ t: 'para', lines: prose });
    if (bullets.length) evs.push({ t: 'list', items: bullets, line: bullets[0]!.line });
    prose = [];
    bullets = [];
  };
  let open: Extract<Ev, { t: 'field' }> | null = null;
  lines.forEach((toks, k) => {
    const inl = readInline(toks);
    const line = firstLine + k;
    if (inl.text === '') {
      if (inl.images > 0) warn(line, 'image skipped');
      return;
    }
    if (BULLET_CHAR.test(inl.text)) {
      if (prose.length) {
        evs.push({ t: 'para', lines: prose });
        prose = [];
      }
      bullets.push({ inl: { ...inl, text: inl.text.replace(BULLET_CHAR, '') }, line, children: [], paras: [] });
      return;
    }
    const cls = classify(inl, 'line');
    if (open && cls.kind === 'text') {
      // "**Expectation:**" then its words on the next line: one note.
      open.cls = { ...open.cls, value: clean(`${open.cls.value} ${inl.text}`) };
      return;
    }
    open = null;
    if (cls.kind === 'week' || cls.kind === 'phase' || cls.kind === 'bold' || (cls.kind === 'label' && cls.value === '')) {
      flush();
      evs.push({ t: 'heading', level: lastLevel + 1, inl, line, pseudo: true, cls });
    } else if (cls.kind === 'label' || cls.kind === 'field') {
      flush();
      const ev: Extract<Ev, { t: 'field' }> = { t: 'field', line, inl, cls };
      evs.push(ev);
      if (cls.kind === 'field' && cls.field === 'note' && cls.value === '') open = ev;
    } else {
      if (bullets.length) {
        evs.push({ t: 'list', items: bullets, line: bullets[0]!.line });
        bullets = [];
      }
      prose.push({ text: inl.text, line, inl });
    }
  });
  flush();
}
/**
 * "### Production-Grade Project" directly followed by a bold line and then the item's
 * tags: the bold line is the rest of the heading's title, not a heading of its own.
 */
export function mergeSubtitles(evs: Ev[]): void {
  for (let k = 0; k + 2 < evs.length; k++) {
    const h = evs[k]!;
    const b = evs[k + 1]!;
    const after = evs[k + 2]!;
    if (h.t !== 'heading' || h.pseudo || h.cls.kind !== 'text') continue;
    if (b.t !== 'heading' || !b.pseudo || b.cls.kind !== 'bold') continue;
    const tagList = after.t === 'list' && after.items.length > 0 && after.items.every((it) => { const c = classify(it.inl, 'item'); return c.kind === 'field' && isTag(c.field); });
    const tagField = after.t === 'field' && after.cls.kind === 'field' && isTag(after.cls.field);
    if (!tagList && !tagField) continue;
    h.inl = { ...h.inl, text: `${h.inl.text}: ${b.inl.text}` };
    evs.splice(k + 1, 1);
  }
}
