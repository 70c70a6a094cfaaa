// Inline Markdown (markdown-it inline tokens) as plain text with its links, whether it is
// all bold, and its images; done and open marks at the start of a line.
import type { Token } from 'markdown-it';
import { clean, stripEmoji } from './text.js';

export interface Link {
  readonly text: string;
  readonly href: string;
}

export interface Inline {
  readonly text: string;
  readonly links: readonly Link[];
  /** Every word of the line is bold (emoji and colons aside). */
  readonly allBold: boolean;
  readonly images: number;
}

export function readInline(tokens: readonly Token[]): Inline {
  let text = '';
  let outside = '';
  let boldText = '';
  let bold = 0;
  let images = 0;
  const links: Link[] = [];
  const open: { start: number; href: string }[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        text += t.content;
        if (bold > 0) boldText += t.content;
        else outside += t.content;
        break;
      case 'code_inline':
        text += '`' + t.content + '`';
        if (bold > 0) boldText += t.content;
        else outside += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content)) text += ' ';
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'link_open':
        open.push({ start: text.length, href: String(t.attrGet('href') ?? '') });
        break;
      case 'link_close': {
        const o = open.pop();
        if (o) links.push({ text: clean(text.slice(o.start)), href: o.href });
        break;
      }
      case 'image':
        // A badge ([![build](svg)](link)) is decoration; an image of its own may be content.
        if (open.length === 0) images++;
        break;
      default:
        break;
    }
  }
  const rest = stripEmoji(outside).replace(/[:：\s]/g, '');
  return { text: clean(text), links, allBold: rest === '' && clean(boldText) !== '', images };
}

/** Inline tokens split into lines at soft and hard breaks. */
export function splitLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'softbreak' || t.type === 'hardbreak') lines.push([]);
    else lines[lines.length - 1]!.push(t);
  }
  return lines;
}

export const DONE_MARK = /^(?:✅|✔️?|☑️?|✓)\s*/u;
const OPEN_MARK = /^(?:⬜|☐|🔲|◻️?)\s*/u;
/** `[ ]`, `[x]`, `[X]`; also `[✓]`, and the open states some editors add (`[-]`, `[~]`, `[/]`, `[>]`). */
const CHECKBOX = /^\[([ xX✓✔~\-/>])\]\s*/;
export const BULLET_CHAR = /^[•◦▪▫‣⁃➤►▸▶]\s*/u;

/** How a line says it is done or open: a checkbox (`[ ]`, `[x]`), a mark (✅, ⬜), or nothing. */
export type CheckHow = 'box' | 'mark' | null;

export function readCheck(text: string): { text: string; done: boolean | null; how: CheckHow } {
  const cb = CHECKBOX.exec(text);
  if (cb) return { text: text.slice(cb[0].length).trim(), done: /[xX✓✔]/.test(cb[1]!), how: 'box' };
  const d = DONE_MARK.exec(text);
  if (d) return { text: text.slice(d[0].length).trim(), done: true, how: 'mark' };
  const o = OPEN_MARK.exec(text);
  if (o) return { text: text.slice(o[0].length).trim(), done: false, how: 'mark' };
  return { text, done: null, how: null };
}
