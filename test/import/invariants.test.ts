// What must hold for every plan the import fixtures and the seeds hold (issue 15):
// - nothing vanishes without a word: every list item and checkbox of the source is in the
//   output (an item, a resource, a note, an attribute) or on a line named by a warning or
//   a notice, counted one by one;
// - a source with two or more same-level headings that carry lists never imports as one
//   section.
// The source is read here with markdown-it directly, not through the importer's stages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Item, Roadmap } from '../../src/core/model.js';
import { repairMojibake } from '../../src/import/mojibake.js';
import { matchField, matchLabel } from '../../src/import/vocabulary.js';
import { FIXTURES, importText } from './import-helpers.js';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const md = new MarkdownIt({ html: true, linkify: true });

const sources = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') })),
  ...readdirSync(SEEDS).map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') })),
];

interface Entry {
  readonly line: number;
  readonly text: string;
  /** The line of the top-level list the entry is in (a notice about a list names that line). */
  readonly listLine: number;
}

/** Plain text of inline tokens: text, code and link words; images are not words. */
function plain(children: readonly Token[]): string {
  return children
    .map((c) => (c.type === 'text' || c.type === 'text_special' ? c.content : c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : ''))
    .join('');
}

const MARK = /^\s*(?:\[[ xX]\]|[✅✔☑✓⬜☐🔲])/u;

/** Every list item (its first line of words) and every checkbox line outside lists. */
function entriesOf(text: string): Entry[] {
  const tokens = md.parse(text, {});
  const out: Entry[] = [];
  let depth = 0;
  let listLine = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      if (depth === 0) listLine = (t.map?.[0] ?? 0) + 1;
      depth++;
    } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') depth--;
    else if (t.type === 'list_item_open') {
      const inline = tokens[i + 2]?.type === 'inline' ? tokens[i + 2]! : null;
      const words = inline ? plain(inline.children ?? []).split('\n')[0]!.trim() : '';
      out.push({ line: (t.map?.[0] ?? 0) + 1, text: words, listLine });
    } else if (t.type === 'inline' && depth === 0 && t.map) {
      plain(t.children ?? []).split('\n').forEach((l, k) => {
        if (MARK.test(l)) out.push({ line: t.map![0] + 1 + k, text: l.trim(), listLine: t.map![0] + 1 + k });
      });
    }
  }
  return out;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');

/** Every string of the imported roadmap: titles, urls, notes, descriptions, attributes, habits. */
function strings(r: Roadmap): string[] {
  const out = [r.title, r.description ?? '', ...r.notes];
  const walk = (items: readonly Item[]): void => {
    for (const it of items) {
      out.push(it.title, it.url ?? '', ...it.notes, it.priority ?? '', it.difficulty ?? '', it.effort ?? '');
      walk(it.children);
    }
  };
  for (const s of r.sections) {
    out.push(s.title, s.description ?? '', ...s.notes, s.priority ?? '', s.difficulty ?? '', s.effort ?? '');
    walk(s.items);
  }
  for (const h of r.habits) out.push(h.title, ...h.notes);
  return out.map(norm).filter((s) => s !== '');
}

/** The entry's words as the import may have kept them: whole, without a done mark, or without a week/phase prefix or `Key:`. */
function forms(text: string): string[] {
  const t = text.replace(MARK, '').replace(/^[^\p{L}\p{N}[]+/u, '').trim();
  const rest = t.replace(/^(?:weeks?|months?|phase|stage)\s*[\d\s\-–—to&]+[:.)\-–—]?\s*/i, '');
  return [t, rest].map(norm).filter((s) => s !== '');
}

describe('nothing vanishes without a word', () => {
  for (const { name, text } of sources) {
    it(`${name}: every list item and checkbox is in the output or named in a warning or notice`, () => {
      const r = importText(text, { fileName: name });
      const named = new Set([...r.warnings, ...r.notices].map((w) => Number(w.split(':')[0])));
      const out = strings(r.roadmap);
      // Compared with the text as the import reads it (üìÖ repaired to 📅).
      const entries = entriesOf(repairMojibake(text).text);
      const accounted = (e: Entry): boolean => {
        if (e.text === '' || named.has(e.line) || named.has(e.listLine)) return true;
        if (forms(e.text).some((f) => out.some((s) => s.includes(f)))) return true;
        // A label ("Topics:") or an attribute ("Priority: High") is structure the import read.
        const key = /^([^:：]{1,40}?)\s*[:：]/.exec(e.text)?.[1] ?? e.text;
        return matchLabel(key) !== null || matchField(key) !== null;
      };
      expect(entries.filter((e) => !accounted(e)).map((e) => `${e.line}: ${e.text}`)).toEqual([]);
      // Counted: as many accounted for as there are list items and checkboxes in the source.
      expect(entries.filter(accounted).length).toBe(entries.length);
    });
  }
});

/**
 * The heading level the plan is at, read from the tokens: the shallowest level (the
 * title aside) with a list or table under one of its headings, and how many headings of
 * that level carry one.
 */
function carriers(text: string): { level: number; count: number } {
  const tokens = md.parse(text, {});
  const headings: { level: number; carries: boolean }[] = [];
  const open: number[] = [];
  let titleSkipped = false;
  for (const t of tokens) {
    if (t.type === 'heading_open') {
      const level = Number(t.tag.slice(1));
      if (level === 1 && !titleSkipped) {
        titleSkipped = true;
        continue;
      }
      while (open.length && headings[open[open.length - 1]!]!.level >= level) open.pop();
      headings.push({ level, carries: false });
      open.push(headings.length - 1);
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'table_open') {
      for (const k of open) headings[k]!.carries = true;
    }
  }
  const levels = headings.filter((h) => h.carries).map((h) => h.level);
  if (levels.length === 0) return { level: 0, count: 0 };
  const level = Math.min(...levels);
  return { level, count: headings.filter((h) => h.carries && h.level === level).length };
}

describe('same-level headings that carry lists are never one section', () => {
  for (const { name, text } of sources) {
    it(name, () => {
      const { level, count } = carriers(text);
      const r = importText(text, { fileName: name });
      if (count >= 2) expect({ level, sections: r.roadmap.sections.length >= 2 }).toEqual({ level, sections: true });
    });
  }

  it('holds for the shapes that used to collapse (a list under the title, an Overview with tags, a banner before the title)', () => {
    for (const text of [
      '# My Plan\n- [Español](es.md)\n## Arrays\n- [ ] Read chapter\n## Trees\n- [ ] BST insert\n',
      '# Plan\n## Overview\n- Time commitment: 10 hours\n## Arrays\n- [ ] Read chapter\n## Trees\n- [ ] BST insert\n',
      '**Help translate this guide!**\n\n# The Guide\n## Arrays\n- [ ] Read chapter\n## Trees\n- [ ] BST insert\n',
      '# Skills\n## Django\n- Priority: High\n## Redis\n- Priority: Low\n',
    ]) {
      expect(carriers(text).count).toBeGreaterThanOrEqual(2);
      expect(importText(text).roadmap.sections.length).toBeGreaterThanOrEqual(2);
    }
  });
});
