// study done TASK... [--date D] [--undo]: mark items done (or reopen them). Every TASK is
// resolved before anything is written; one that matches nothing, or several items
// without a terminal to ask on, means nothing is written.
import { Writable } from 'node:stream';
import { parseDay } from '../core/calendar.js';
import { matchTask, type Candidate, type MatchResult } from '../core/match.js';
import type { Item } from '../core/model.js';
import { allItems } from '../core/normalize.js';
import { progressOf, resolveDone, type Progress } from '../core/progress.js';
import { settingsFrom } from '../core/settings.js';
import { studyDayOfLocal } from '../core/streak.js';
import { timestampOf } from '../clock.js';
import { UsageError } from '../errors.js';
import type { Run } from '../run.js';
import type { Store, StoredRoadmap } from '../store/store.js';
import { safe, truncate } from '../text.js';
import { settingsBeforeWriting, storeWithRoadmaps } from './shared.js';

interface Entry extends Candidate {
  readonly item: Item;
  readonly parent: Item | null;
}

/** Candidates listed for one ambiguous TASK, at most. */
const MAX_LISTED = 20;
/** Columns a title may take in a candidate list. */
const TITLE_COLUMNS = 70;

function descendants(item: Item): Item[] {
  return item.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Ids a user can type for each entry: the shortest tail that names it alone, else the full id. */
function typeableIds(entries: readonly Entry[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const { id } of entries) {
    const parts = id.split('/');
    for (let k = 1; k <= parts.length; k++) {
      const tail = parts.slice(parts.length - k).join('/');
      counts.set(tail, (counts.get(tail) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const { id } of entries) {
    const parts = id.split('/');
    let chosen = id;
    for (let k = 1; k < parts.length; k++) {
      const tail = parts.slice(parts.length - k).join('/');
      if (counts.get(tail) === 1) {
        chosen = tail;
        break;
      }
    }
    out.set(id, chosen);
  }
  return out;
}

function listing(entries: readonly Entry[], ids: ReadonlyMap<string, string>): string[] {
  const shown = entries.slice(0, MAX_LISTED);
  const w = Math.max(...shown.map((e) => ids.get(e.id)!.length));
  const lines = shown.map((e) => `  ${ids.get(e.id)!.padEnd(w)}  ${truncate(safe(e.title), TITLE_COLUMNS)}  (${e.roadmap})`);
  if (entries.length > shown.length) lines.push(`  ... and ${entries.length - shown.length} more; use more words or an id`);
  return lines;
}

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

async function pick(run: Run, task: string, entries: readonly Entry[], ids: ReadonlyMap<string, string>): Promise<Entry> {
  const { select } = await import('@inquirer/prompts');
  return select<Entry>(
    {
      message: `"${safe(task)}" matches ${entries.length} items; which one?`,
      choices: entries.map((e) => ({
        name: `${truncate(safe(e.title), TITLE_COLUMNS)}  (${e.roadmap})`,
        value: e,
        short: safe(e.title),
        description: ids.get(e.id)!,
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

  const stored = new Map<string, StoredRoadmap>();
  const entries: Entry[] = [];
  for (const id of store.roadmapIds()) {
    const s = store.getRoadmap(id)!;
    stored.set(id, s);
    for (const { item, parent } of allItems(s.roadmap)) entries.push({ id: item.id, title: item.title, roadmap: id, item, parent });
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ids = typeableIds(entries);
  // Items of started plans come first: a TASK that matches something there is not also
  // looked for in roadmaps nobody started (`study done redis` means this week's Redis).
  const started = new Set(store.plans().map((p) => p.roadmapId));
  const inPlans = entries.filter((e) => started.has(e.roadmap));
  const find = (task: string): MatchResult<Entry> => {
    if (inPlans.length > 0) {
      const r = matchTask(task, inPlans);
      if (r.kind !== 'none') return r;
    }
    return matchTask(task, entries);
  };

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
        problems.push(`no item matches "${safe(task)}"; the closest:`, ...listing(result.closest, ids));
      }
    } else if (result.kind === 'many' && !run.canPrompt) {
      problems.push(`"${safe(task)}" matches ${result.items.length} items; say which:`, ...listing(result.items, ids));
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
    const chosen = result.kind === 'one' ? result.item : await pick(run, task, result.kind === 'many' ? result.items : [], ids);
    if (!targets.includes(chosen)) targets.push(chosen);
  }

  const doneBefore = new Map([...stored].map(([id, s]) => [id, resolveDone(s.roadmap, s.marked)]));
  const at = timestampOf(run.now);
  const lines: string[] = [];
  const json: Record<string, unknown>[] = [];

  if (!undo) {
    const write = new Set<string>();
    const perTarget = new Map<string, Item[]>();
    for (const t of targets) {
      const done = doneBefore.get(t.roadmap)!;
      const fresh = [t.item, ...descendants(t.item)].filter((i) => !done.has(i.id) && !write.has(i.id));
      for (const i of fresh) write.add(i.id);
      perTarget.set(t.id, fresh);
    }
    if (write.size > 0) store.complete([...write], day, at);
    const progress = progressAfter(store, targets);
    for (const t of targets) {
      const fresh = perTarget.get(t.id)!;
      const n = fresh.length;
      const under = fresh.filter((i) => i !== t.item).length;
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
  for (const t of targets) {
    const s = stored.get(t.roadmap)!;
    const subtree = [t.item, ...descendants(t.item)];
    const ancestors: Item[] = [];
    for (let p = t.parent; p; p = byId.get(p.id)!.parent) ancestors.push(p);
    const open = [...subtree, ...ancestors].filter((i) => s.marked.has(i.id)).map((i) => i.id);
    const after = resolveDone(s.roadmap, new Set([...s.marked].filter((id) => !open.includes(id) && !reopen.has(id))));
    if (after.has(t.id)) {
      const where = safe(s.sourcePath);
      refusals.push(
        t.item.doneInFile
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
    const wasDone = doneBefore.get(t.roadmap)!.has(t.id) || descendants(t.item).some((i) => doneBefore.get(t.roadmap)!.has(i.id));
    const p = progress.get(t.roadmap)!;
    lines.push(wasDone ? `reopened ${safe(t.title)} — ${t.roadmap}: ${describe(p)}` : `not done: ${safe(t.title)}`);
    json.push({ id: t.id, title: t.title, roadmap: t.roadmap, wasDone, progress: p });
  }
  if (run.json) run.out(JSON.stringify({ reopened: json }));
  else for (const line of lines) run.note(line);
  return 0;
}

function describe(p: Progress): string {
  return `${p.done} of ${p.total} done (${p.percent}%)`;
}

/** Progress of the targets' roadmaps as the store has them now. */
function progressAfter(store: Store, targets: readonly Entry[]): Map<string, Progress> {
  const out = new Map<string, Progress>();
  for (const id of new Set(targets.map((t) => t.roadmap))) {
    const s = store.getRoadmap(id)!;
    out.set(id, progressOf(s.roadmap, resolveDone(s.roadmap, s.marked)));
  }
  return out;
}
