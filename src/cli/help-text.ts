// The width text is laid out for, and help text laid out in it. Help text is written as
// paragraphs of prose, headings ("Examples:") and indented example lines (a command, then
// after two or more spaces what it does); here each paragraph is filled to the width, and
// an example that does not fit puts what it does on a line of its own, then wraps the
// command with a deeper indent. Measured with render/text.ts width().
import type { Context } from './context.js';
import { width } from '../render/text.js';

/** The narrowest layout study makes. */
const MIN_COLUMNS = 40;

/**
 * Columns to lay text out in: $COLUMNS when it is a whole number (as the shell says it),
 * else the terminal's width, else 80; never under 40.
 */
export function columnsOf(ctx: Pick<Context, 'stdout' | 'env'>): number {
  const env = ctx.env.COLUMNS?.trim();
  const fromEnv = env !== undefined && /^\d+$/.test(env) ? Number(env) : 0;
  const cols = fromEnv > 0 ? fromEnv : ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80;
  return Math.max(MIN_COLUMNS, cols);
}

/** Words filled into lines of at most `columns`, each line starting with `indent` (a word longer than a line stands alone). */
function fill(words: readonly string[], columns: number, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    if (!empty && width(line) + 1 + width(w) > columns) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + w;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** One indented line (an example): as it is when it fits, else what it does below it, and the command wrapped. */
function example(line: string, columns: number): string[] {
  if (width(line) <= columns) return [line];
  const indent = /^ */.exec(line)![0];
  const body = line.slice(indent.length);
  const gap = /\S( {2,})(\S)/.exec(body);
  const command = gap ? body.slice(0, gap.index + 1) : body;
  const comment = gap ? body.slice(gap.index + 1 + gap[1]!.length) : '';
  const deeper = `${indent}    `;
  const out = fill(command.split(' ').filter((w) => w !== ''), columns, deeper, indent);
  if (comment) out.push(...fill(comment.split(' '), columns, deeper));
  return out;
}

/**
 * Help text laid out in `columns`: paragraphs of prose filled, headings (a short line
 * ending in ':', like `Examples:`) and blank lines kept, indented lines kept or wrapped
 * as examples.
 */
export function layOutHelp(text: string, columns: number): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length) out.push(...fill(paragraph.join(' ').split(' ').filter((w) => w !== ''), columns, ''));
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      out.push('');
    } else if (line.startsWith(' ')) {
      flush();
      out.push(...example(line.trimEnd(), columns));
    } else if (/^[^:]{1,30}:$/.test(line.trimEnd())) {
      flush();
      out.push(line.trimEnd());
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}
