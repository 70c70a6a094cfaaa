// study done TASK... [--date D] [--undo]: mark items done (or reopen them). Every TASK is
// resolved before anything is written; one that matches nothing, or several items
// without a terminal to ask on, means nothing is written.
import { Writable } from 'node:stream';
import { parseDay } from '../core/calendar.js';
import type { MatchResult } from '../core/match.js';
import { percentOf, type Progress } from '../core/progress.js';
import { studyDayOfLocal } from '../core/streak.js';
import { timestampOf } from '../clock.js';
import { UsageError } from '../errors.js';
import type { Run } from '../run.js';
import type { ItemKey, Store, SubtreeRow } from '../store/store.js';
import { safe, truncate } from '../text.js';
import { taskFinder } from './find-task.js';
import { settingsBeforeWriting, storeWithRoadmaps } from './shared.js';

type Entry = ItemKey;

/** Candidates listed for one ambiguous TASK, at most. */
const MAX_LISTED = 20;
/** Columns a title may take in a candidate list. */
const TITLE_COLUMNS = 70;

/**
 * Ids a user can type for the items listed: the shortest tail that names one item alone
 * among every item of every roadmap, else the full id. Looked up by index for the items
 * listed only, on first use.
 */
export function typeableIds(store: Store): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let chosen = cache.get(id);
    if (chosen === undefined) {
      const parts = id.split('/');
      chosen = id;
      for (let k = 1; k < parts.length; k++) {
        const tail = parts.slice(parts.length - k).join('/');
        if (store.tailCount(tail) === 1) {
          chosen = tail;
          break;
        }
      }
      cache.set(id, chosen);
    }
    return chosen;
  };
}

function listing(entries: readonly Entry[], idOf: (id: string) => string): string[] {
  const shown = entries.slice(0, MAX_LISTED);
  const w = Math.max(...shown.map((e) => idOf(e.id).length));
  const lines = shown.map((e) => `  ${idOf(e.id).padEnd(w)}  ${truncate(safe(e.title), TITLE_COLUMNS)}  (${e.roadmap})`);
  if (entries.length > shown.length) lines.push(`  ... and ${entries.length - shown.length} more; use more words or an id`);
  return lines;
}

/**
 * The items done in a subtree (an item and everything under it, parents first), by
 * core/progress.ts resolveDone's rule: marked (`marked(row)`), or with children that are
 * all done. Whether an item is done depends on its own subtree only.
 */
function doneIn(rows: readonly SubtreeRow[], marked: (row: SubtreeRow) => boolean): Set<string> {
  const children = new Map<string, SubtreeRow[]>();
  for (const r of rows) {
    if (r.parentId === null) continue;
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  const done = new Set<string>();
  // Children come after their parents: resolve from the end.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const kids = children.get(r.id);
    if (marked(r) || (kids !== undefined && kids.every((k) => done.has(k.id)))) done.add(r.id);
  }
  return done;
}

/** An item and everything under it, as the store has it now. */
function subtreeOf(store: Store, t: Entry): SubtreeRow[] {
  const rows = store.itemSubtree(t.id);
  if (rows[0]?.id !== t.id) throw new Error(`item ${t.id} is in the item index but not in the store`);
  return rows;
}

const markedNow = (r: SubtreeRow): boolean => r.completed || r.doneInFile;

/** Today's study day, or the strict --date (never in the future). */
function dayOf(run: Run, dayStart: number, date: unknown): string {
  const today = studyDayOfLocal(run.now.local, dayStart);
  if (date === undefined) return today;
  const text = String(date);
  const day = parseDay(text);
  if (day === null) throw new UsageError(`--date: expected a day YYYY-MM-DD, like ${today}; got "${safe(text)}"`);
  if (day > today) throw new UsageError(`--date ${day} is in the future (today is ${today}); only past days can be back-dated`);
  return day;
}

/** The output stream for prompts, as a Writable (the context's may be a plain writer). */
function promptOutput(run: Run): NodeJS.WritableStream {
  const target = run.json ? run.ctx.stderr : run.ctx.stdout;
  if (target instanceof Writable) return target;
  return new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      target.write(String(chunk));
      cb();
    },
  });
}

async function pick(run: Run, task: string, entries: readonly Entry[], idOf: (id: string) => string): Promise<Entry> {
  const { select } = await import('@inquirer/prompts');
  return select<Entry>(
    {
      message: `"${safe(task)}" matches ${entries.length} items; which one?`,
      choices: entries.map((e) => ({
        name: `${truncate(safe(e.title), TITLE_COLUMNS)}  (${e.roadmap})`,
        value: e,
        short: safe(e.title),
        description: idOf(e.id),
      })),
      pageSize: 10,
    },
    { input: run.ctx.stdin, output: promptOutput(run) },
  );
}

export default async function done(run: Run, tasks: string[], opts: Record<string, unknown>): Promise<number> {
  const undo = opts.undo === true;
  if (undo && opts.date !== undefined) throw new UsageError('--date cannot be used with --undo');
  // Arguments are checked before the store is opened: a bad one writes nothing (not even
  // the bundled roadmaps of a first run).
  const empty = tasks.find((t) => t.trim() === '');
  if (empty !== undefined) throw new UsageError(`TASK: expected an item id or words of its title, got "${safe(empty)}"`);
  const day = dayOf(run, (await settingsBeforeWriting(run)).dayStart, opts.date);
  const store = await storeWithRoadmaps(run);

  // Matching runs on the store's item index (issue #7): candidates by index, judged by
  // core/match.ts matchTask as if it were given every item (src/commands/find-task.ts).
  // Items of started plans come first: a TASK that matches something there is not also
  // looked for in roadmaps nobody started (`study done redis` means this week's Redis).
  const find = taskFinder(store);
  const idOf = typeableIds(store);

  // Resolve every TASK. Several unquoted words (`study done use redis sessions`) that do
  // not each name one item are taken as one title when, together, they match a title.
  let results: { task: string; result: MatchResult<Entry> }[] = tasks.map((task) => ({ task, result: find(task) }));
  if (tasks.length > 1 && results.some((r) => r.result.kind !== 'one')) {
    const phrase = tasks.join(' ');
    const joined = find(phrase);
    if (joined.kind !== 'none' && (joined.how === 'title' || joined.how === 'words')) results = [{ task: phrase, result: joined }];
  }

  const problems: string[] = [];
  for (const { task, result } of results) {
    if (result.kind === 'none') {
      if (result.closest.length === 0) {
        problems.push(`no item matches "${safe(task)}"; \`study show ROADMAP\` lists the items and their ids`);
      } else {
        problems.push(`no item matches "${safe(task)}"; the closest:`, ...listing(result.closest, idOf));
      }
    } else if (result.kind === 'many' && !run.canPrompt) {
      problems.push(`"${safe(task)}" matches ${result.items.length} items; say which:`, ...listing(result.items, idOf));
    }
  }
  if (problems.length > 0) {
    if (results.length > 1) problems.push('nothing was written');
    for (const line of problems) run.ctx.stderr.write(line.startsWith('  ') ? `${line}\n` : `study: ${line}\n`);
    return 1;
  }

  // Ask about the ambiguous ones (only on a terminal; Ctrl-C leaves the store untouched).
  const targets: Entry[] = [];
  for (const { task, result } of results) {
    const chosen = result.kind === 'one' ? result.item : await pick(run, task, result.kind === 'many' ? result.items : [], idOf);
    if (!targets.some((t) => t.id === chosen.id)) targets.push(chosen);
  }

  // Each target and everything under it, as they were before this command wrote anything.
  const subtrees = new Map(targets.map((t) => [t.id, subtreeOf(store, t)]));
  const at = timestampOf(run.now);
  const lines: string[] = [];
  const json: Record<string, unknown>[] = [];

  if (!undo) {
    const write = new Set<string>();
    const perTarget = new Map<string, SubtreeRow[]>();
    for (const t of targets) {
      const rows = subtrees.get(t.id)!;
      const done = doneIn(rows, markedNow);
      const fresh = rows.filter((i) => !done.has(i.id) && !write.has(i.id));
      for (const i of fresh) write.add(i.id);
      perTarget.set(t.id, fresh);
    }
    if (write.size > 0) store.complete([...write], day, at);
    const progress = progressAfter(store, targets);
    for (const t of targets) {
      const fresh = perTarget.get(t.id)!;
      const n = fresh.length;
      const under = fresh.filter((i) => i.id !== t.id).length;
      const p = progress.get(t.roadmap)!;
      const title = safe(t.title);
      const what = `${title}${under > 0 ? ` + ${under} item${under === 1 ? '' : 's'} under it` : ''}`;
      lines.push(n === 0 ? `already done: ${title}` : `✓ ${what} — ${t.roadmap}: ${describe(p)}`);
      json.push({ id: t.id, title: t.title, roadmap: t.roadmap, date: n === 0 ? null : day, marked: n, alreadyDone: n === 0, progress: p });
    }
    if (run.json) run.out(JSON.stringify({ done: json }));
    else for (const line of lines) run.note(line);
    return 0;
  }

  // --undo: reopen each target, its descendants, and the ancestors it made done with a
  // completion of their own (a parent is not done while one of its items is open).
  const reopen = new Set<string>();
  const refusals: string[] = [];
  const wasDone = new Map<string, boolean>();
  for (const t of targets) {
    const subtree = subtrees.get(t.id)!;
    wasDone.set(t.id, doneIn(subtree, markedNow).size > 0);
    const ancestors: SubtreeRow[] = [];
    for (let p = subtree[0]!.parentId; p !== null; ) {
      const row = store.itemRow(p);
      if (!row) break;
      ancestors.push(row);
      p = row.parentId;
    }
    const open = [...subtree, ...ancestors].filter((i) => i.completed).map((i) => i.id);
    const after = doneIn(subtree, (r) => r.doneInFile || (r.completed && !open.includes(r.id) && !reopen.has(r.id)));
    if (after.has(t.id)) {
      const where = safe(store.sourcePathOf(t.roadmap) ?? '');
      refusals.push(
        subtree[0]!.doneInFile
          ? `${safe(t.title)} is marked done in ${where}; edit the file to reopen it`
          : `${safe(t.title)} stays done: its items are marked done in ${where}; edit the file to reopen them`,
      );
    }
    for (const id of open) reopen.add(id);
  }
  if (refusals.length > 0) {
    for (const r of refusals) run.note(r);
    if (targets.length > 1) run.note('nothing was written');
    return 1;
  }
  if (reopen.size > 0) store.undo([...reopen], at);
  const progress = progressAfter(store, targets);
  for (const t of targets) {
    const p = progress.get(t.roadmap)!;
    const was = wasDone.get(t.id)!;
    lines.push(was ? `reopened ${safe(t.title)} — ${t.roadmap}: ${describe(p)}` : `not done: ${safe(t.title)}`);
    json.push({ id: t.id, title: t.title, roadmap: t.roadmap, wasDone: was, progress: p });
  }
  if (run.json) run.out(JSON.stringify({ reopened: json }));
  else for (const line of lines) run.note(line);
  return 0;
}

function describe(p: Progress): string {
  return `${p.done} of ${p.total} done (${p.percent}%)`;
}

/** Leaf progress of the targets' roadmaps as the store has them now, by index. */
function progressAfter(store: Store, targets: readonly Entry[]): Map<string, Progress> {
  const out = new Map<string, Progress>();
  for (const id of new Set(targets.map((t) => t.roadmap))) {
    const { done, total } = store.leafProgress(id);
    out.set(id, { done, total, percent: percentOf(done, total) });
  }
  return out;
}
