// List items -> plan items: a checkbox or done mark, the links of the line (one link is the
// item's url; several are its children), attribute lines under an item, nesting bounded.
import { z } from 'zod';
import { applyToItem } from './attributes.js';
import { classify, fieldsOf } from './classify.js';
import type { ListItem } from './events.js';
import { readCheck, type Inline } from './inline.js';
import { flatten, newItem, type BItem } from './plan.js';
import { clean, prettyUrl } from './text.js';
import type { Ctx, Warn } from './types.js';
import { MAX_ITEM_DEPTH } from './vocabulary.js';

const URL_SCHEMA = z.url();
/** A link the roadmap format accepts as an item's url (the same check as the format's). */
export const isWebUrl = (href: string): boolean => /^https?:\/\//i.test(href) && URL_SCHEMA.safeParse(href).success;

/** A line's text as a note, with the addresses of its links (a note has no url of its own). */
export function noteText(inl: Inline): string {
  const urls = inl.links.filter((l) => l.text !== l.href && l.href !== '' && !l.href.startsWith('#')).map((l) => l.href);
  return urls.length ? `${inl.text} (${urls.join(', ')})` : inl.text;
}

/** The items a list item makes: usually one; its children when it has no words of its own. */
export function itemsFrom(it: ListItem, depth: number, ctx: Ctx): BItem[] {
  ctx.used.add(it);
  const { text, done, how } = readCheck(it.inl.text);
  if (text === '') {
    if (done !== null && it.children.length === 0) return [];
    return it.children.flatMap((c) => itemsFrom(c, depth, ctx));
  }
  const item = itemFromText(text, it.inl, it.line, ctx.warn);
  if (done !== null) {
    item.done = done;
    item.doneBy = done ? how : null;
  }
  item.notes.push(...it.paras);
  listInto(item, it.children, depth + 1, ctx);
  return [item];
}

/** Children of `owner` from a list: attributes and notes for fields, items for the rest. */
export function listInto(owner: BItem, items: readonly ListItem[], depth: number, ctx: Ctx): void {
  for (const it of items) {
    const cls = classify(it.inl, 'item');
    if (cls.kind === 'field') {
      ctx.used.add(it);
      for (const f of fieldsOf(cls)) applyToItem(owner, f.field, f.key, f.value, it.line, ctx.warn);
      listInto(owner, it.children, depth, ctx);
      continue;
    }
    if (cls.kind === 'label' && cls.value === '' && it.children.length) {
      ctx.used.add(it);
      listInto(owner, it.children, depth, ctx);
      continue;
    }
    const made = itemsFrom(it, depth, ctx);
    if (depth > MAX_ITEM_DEPTH) {
      // Once, at the first level too deep (the levels below are flattened with it).
      if (depth === MAX_ITEM_DEPTH + 1) ctx.warn(it.line, `list nested deeper than ${MAX_ITEM_DEPTH} levels; the deeper items were attached to the item above`);
      for (const m of made) owner.children.push(...flatten(m));
    } else owner.children.push(...made);
  }
}

/** An item from a line's text and its links: one link gives the item its url, several give it children. */
export function itemFromText(text: string, inl: Inline, line: number, warn: Warn): BItem {
  const { text: title0, done, how } = readCheck(clean(text));
  const links = inl.links.filter((l) => title0.includes(l.text));
  let title = title0;
  const item = newItem(title, line);
  if (done !== null) {
    item.done = done;
    if (done) item.doneBy = how;
  }
  const web = links.filter((l) => isWebUrl(l.href));
  for (const l of links) {
    if (!isWebUrl(l.href) && !(l.href.startsWith('#') && l.href.length > 1)) {
      warn(line, `link "${l.text}" points to "${l.href}", which is not a web address; kept its text only`);
    }
  }
  if (web.length === 1) {
    const l = web[0]!;
    item.url = l.href;
    item.linkOnly = title === l.text;
    if (title === l.text && l.text === l.href) title = prettyUrl(l.href);
  } else if (web.length > 1) {
    for (const l of web) {
      const child = newItem(l.text === l.href ? prettyUrl(l.href) : l.text, line);
      child.url = l.href;
      item.children.push(child);
    }
  }
  item.title = title;
  return item;
}
