// A document with no Markdown structure (a plan pasted as indented plain text) -> the
// same events as a Markdown document, read by indentation.
import type { Token } from 'markdown-it';
import { classify } from './classify.js';
import { md, type Ev, type ListItem } from './events.js';
import { BULLET_CHAR, readInline, type Inline } from './inline.js';

/**
 * A document without headings, lists or tables (a plan pasted as plain text) read as an
 * outline: the first line is the title, week/phase lines and lines with indented lines
 * under them are sections, "Topics:"-style lines are labels, the rest are items nested by
 * their indentation. Paragraphs and indented blocks are both just lines here.
 */
export function outlineEvents(tokens: readonly Token[], srcLines: readonly string[]): Ev[] {
  interface OLine {
    readonly indent: number;
    readonly text: string;
    readonly line: number;
    readonly inl: Inline;
    readonly blockStart: boolean;
    readonly blockEnd: boolean;
  }
  const lines: OLine[] = [];
  for (const t of tokens) {
    if ((t.type !== 'paragraph_open' && t.type !== 'code_block') || !t.map || t.level !== 0) continue;
    const [from, to] = t.map;
    const block: OLine[] = [];
    for (let l = from; l < to; l++) {
      const raw = srcLines[l] ?? '';
      if (raw.trim() === '') continue;
      let indent = 0;
      for (const ch of /^[ \t]*/.exec(raw)![0]) indent = ch === '\t' ? indent + 4 - (indent % 4) : indent + 1;
      const text = raw.trim();
      const inl = readInline(md.parseInline(text, {})[0]?.children ?? []);
      block.push({ indent, text, line: l + 1, inl, blockStart: false, blockEnd: false });
    }
    block.forEach((b, k) => lines.push({ ...b, blockStart: k === 0, blockEnd: k === block.length - 1 }));
  }
  const evs: Ev[] = [];
  if (lines.length === 0) return evs;
  const base = Math.min(...lines.map((l) => l.indent));
  let list: { item: ListItem; indent: number }[] = [];
  let listEv: Extract<Ev, { t: 'list' }> | null = null;
  const endList = (): void => {
    list = [];
    listEv = null;
  };
  const addItem = (l: OLine): void => {
    const inl = { ...l.inl, text: l.inl.text.replace(BULLET_CHAR, '') };
    const item: ListItem = { inl, line: l.line, children: [], paras: [] };
    while (list.length && list[list.length - 1]!.indent >= l.indent) list.pop();
    if (list.length) list[list.length - 1]!.item.children.push(item);
    else {
      if (!listEv) {
        listEv = { t: 'list', items: [], line: l.line };
        evs.push(listEv);
      }
      listEv.items.push(item);
    }
    list.push({ item, indent: l.indent });
  };
  let sawSection = false;
  lines.forEach((l, k) => {
    const next = lines[k + 1];
    const cls = classify(l.inl, 'line');
    if (k === 0 && l.blockEnd && cls.kind === 'text' && l.indent === base) {
      evs.push({ t: 'heading', level: 1, inl: l.inl, line: l.line, pseudo: true, cls: { kind: 'text' } });
      return;
    }
    if (cls.kind === 'week' || cls.kind === 'phase') {
      endList();
      sawSection = true;
      evs.push({ t: 'heading', level: 2, inl: l.inl, line: l.line, pseudo: true, cls });
    } else if (cls.kind === 'label' && cls.value === '') {
      endList();
      evs.push({ t: 'heading', level: 3, inl: l.inl, line: l.line, pseudo: true, cls });
    } else if (cls.kind === 'label' || cls.kind === 'field') {
      endList();
      evs.push({ t: 'field', line: l.line, inl: l.inl, cls });
    } else if (l.indent === base && ((next !== undefined && next.indent > base) || /[:：]$/.test(l.text))) {
      endList();
      sawSection = true;
      evs.push({ t: 'heading', level: 2, inl: l.inl, line: l.line, pseudo: true, cls: { kind: 'text' } });
    } else if (!sawSection && l.indent === base) {
      endList();
      evs.push({ t: 'para', lines: [{ text: l.inl.text, line: l.line, inl: l.inl }] });
    } else {
      addItem(l);
    }
  });
  return evs;
}
