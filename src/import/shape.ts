// The document's shape, read before the builder starts: which heading is the title, at
// which heading level the plan's sections are, and what a heading holds.
import { classify, isTag } from './classify.js';
import type { Ev } from './events.js';

/**
 * The title: the first level-1 heading, or when the document opens with several
 * level-1 headings holding only prose (a repository name, then the plan's name), the
 * last of them. Bold lines and prose before it (a "Help translate this guide!" banner)
 * do not hide it. -1 when there is none.
 */
export function findTitle(evs: Ev[]): number {
  const leading: number[] = [];
  let h1s = 0;
  for (const ev of evs) if (ev.t === 'heading' && ev.level === 1 && !ev.pseudo) h1s++;
  for (let k = 0; k < evs.length; k++) {
    const ev = evs[k]!;
    if (ev.t === 'heading') {
      // A bold line before any heading: a banner, not the title (an outline's first line is one).
      if (ev.pseudo && leading.length === 0 && !(k === 0 && ev.level === 1) && h1s > 0) continue;
      // "# Skills" over "## Django", "## Redis": a title that happens to be a label word.
      const labelTitle = ev.cls.kind === 'label' && !ev.pseudo && leading.length === 0 && evs.some((e, j) => j > k && e.t === 'heading' && e.level > 1);
      if (ev.level !== 1 || (ev.cls.kind !== 'text' && ev.cls.kind !== 'bold' && !labelTitle)) break;
      if (ev.pseudo && k !== 0) break;
      if (leading.length > 0 && hasContent(evs, k)) break;
      leading.push(k);
      if (hasContent(evs, k)) break;
    } else if (ev.t !== 'para') break;
  }
  if (leading.length === 0) return -1;
  // More level-1 headings further down: they are sections, and the first one is the title.
  return h1s > leading.length ? leading[0]! : leading[leading.length - 1]!;
}

/** Whether heading k has a list, table or field of its own before the next heading (prose does not count). */
function hasContent(evs: Ev[], k: number): boolean {
  for (let j = k + 1; j < evs.length; j++) {
    const ev = evs[j]!;
    if (ev.t === 'heading') return false;
    if (ev.t === 'list' || ev.t === 'table' || ev.t === 'field') return true;
  }
  return false;
}

/**
 * The level the plan's sections are at: the shallowest heading level, after the title,
 * with a list or a table under it (directly or under its sub-headings), notes sections aside.
 * Headings at this level or above are sections, never items of the section before them,
 * whatever precedes them (a list of language links under the title, an Overview with a
 * `Time commitment:` line). Infinity when no heading carries anything.
 */
export function planLevel(evs: readonly Ev[], titleAt: number): number {
  let level = Infinity;
  // The headings open at this point, shallowest first; notes sections ("Tips", "FAQ") carry no plan.
  const open: { level: number; plan: boolean }[] = [];
  for (let k = titleAt + 1; k < evs.length; k++) {
    const ev = evs[k]!;
    if (ev.t === 'heading') {
      while (open.length && open[open.length - 1]!.level >= ev.level) open.pop();
      const notes = ev.cls.kind === 'label' && (ev.cls.label === 'notes' || ev.cls.label === 'tips' || ev.cls.label === 'about');
      open.push({ level: ev.level, plan: !notes });
    } else if (ev.t === 'table' || ev.t === 'list') {
      const first = open.find((h) => h.plan);
      if (first) level = Math.min(level, first.level);
    }
  }
  return level;
}

/** What heading k holds before the next heading: prose, lists, tables, and tag lines (which make it an item). */
export function headingHolds(evs: Ev[], k: number): { prose: boolean; tags: boolean; list: boolean; table: boolean } {
  let prose = false;
  let tags = false;
  let list = false;
  let table = false;
  let own = true;
  for (let j = k + 1; j < evs.length; j++) {
    const ev = evs[j]!;
    // A table counts up to the next real heading (past "**Topics covered**:" lines); the rest up to any heading.
    if (ev.t === 'heading' && !ev.pseudo) break;
    if (ev.t === 'heading' && !(ev.cls.kind === 'bold' && j === k + 1)) own = false;
    if (ev.t === 'table') table = true;
    if (!own) continue;
    if (ev.t === 'para') prose = true;
    if (ev.t === 'list' || ev.t === 'table') list = true;
    if (ev.t === 'field' && ev.cls.kind === 'field' && isTag(ev.cls.field)) tags = true;
    if (ev.t === 'list' && ev.items.some((it) => { const c = classify(it.inl, 'item'); return c.kind === 'field' && isTag(c.field); })) tags = true;
  }
  return { prose, tags, list, table };
}
