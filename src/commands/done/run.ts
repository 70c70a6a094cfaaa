// study done TASK... [--date D] [--undo]: mark items done (or reopen them). Every TASK is
// resolved before anything is written; one that matches nothing, or several items
// without a terminal to ask on, means nothing is written.
import { findTask, type MatchResult } from '../../core/match.js';
import { describeStatus, type Progress } from '../../core/progress.js';
import { studyDayOfLocal } from '../../core/streak.js';
import { timestampOf } from '../../cli/clock.js';
import { UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural, safe, truncate } from '../../render/text.js';
import type { ItemKey, Store } from '../../store/index.js';
import { typeableIds } from '../ids.js';
import { pastDayOf, progressFor, settingsBeforeWriting, storeWithRoadmaps, todayOf } from '../shared.js';
import type { DoneOptions } from './index.js';

/** Candidates listed for one ambiguous TASK, at most. */
const MAX_LISTED = 20;
/** Columns a title may take in a candidate list. */
const TITLE_COLUMNS = 70;

function listing(entries: readonly ItemKey[], idOf: (id: string) => string): string[] {
  const shown = entries.slice(0, MAX_LISTED);
  const w = Math.max(...shown.map((e) => idOf(e.id).length));
  const lines = shown.map((e) => `  ${idOf(e.id).padEnd(w)}  ${truncate(safe(e.title), TITLE_COLUMNS)}  (${e.roadmap})`);
  if (entries.length > shown.length) lines.push(`  ... and ${entries.length - shown.length} more; use more words or an id`);
  return lines;
}

export default async function done(run: Run, tasks: string[], opts: DoneOptions): Promise<number> {
  const undo = opts.undo === true;
  // Arguments are checked before the store is opened: a bad one writes nothing (not even
  // the bundled roadmaps of a first run).
  if (tasks.length === 0 && !undo) throw new UsageError('missing TASK: an item id, a tail of one, or words of its title (study done --undo alone takes back the last done)');
  const empty = tasks.find((t) => t.trim() === '');
  if (empty !== undefined) throw new UsageError(`TASK: expected an item id or words of its title, got "${safe(empty)}"`);
  const today = studyDayOfLocal(run.now.local, (await settingsBeforeWriting(run)).dayStart);
  const day = pastDayOf('--date', opts.date, today);
  if (tasks.length === 0) {
    const { undoLast } = await import('../undo/run.js');
    return undoLast(run, ['done']);
  }
  const store = await storeWithRoadmaps(run);

  const started = new Set(store.plans.startedIds());
  const isStarted = (k: ItemKey): boolean => started.has(k.roadmap);
  const find = (task: string): MatchResult<ItemKey> => findTask(task, store.items.source, isStarted);
  const idOf = typeableIds(store);

  // Resolve every TASK. Several unquoted words (`study done use redis sessions`) that do
  // not each name one item are taken as one title when, together, they match a title.
  let results: { task: string; result: MatchResult<ItemKey> }[] = tasks.map((task) => ({ task, result: find(task) }));
  if (tasks.length > 1 && results.some((r) => r.result.kind !== 'one')) {
    const phrase = tasks.join(' ');
    const joined = find(phrase);
    if (joined.kind !== 'none' && (joined.how === 'title' || joined.how === 'words')) results = [{ task: phrase, result: joined }];
  }

  const problems: string[] = [];
  for (const { task, result } of results) {
    if (result.kind === 'none') {
      if (result.closest.length === 0) problems.push(`no item matches "${safe(task)}"; \`study show ROADMAP\` lists the items and their ids`);
      else problems.push(`no item matches "${safe(task)}"; the closest:`, ...listing(result.closest, idOf));
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
  const targets: ItemKey[] = [];
  for (const { task, result } of results) {
    const chosen = result.kind === 'one' ? result.item : await pick(run, task, result.kind === 'many' ? result.items : [], idOf);
    if (!targets.some((t) => t.id === chosen.id)) targets.push(chosen);
  }
  const at = timestampOf(run.now);
  // Where each target is: its roadmap, and whether that is started (marking an item of a roadmap nobody started is allowed, and said).
  const where = (t: ItemKey): string => (started.has(t.roadmap) ? t.roadmap : `${t.roadmap} (not started)`);
  return undo ? reopen(run, store, targets, at, where) : complete(run, store, targets, day, at, where, opts.minutes ?? null);
}

async function complete(run: Run, store: Store, targets: readonly ItemKey[], day: string, at: string, where: (t: ItemKey) => string, minutes: number | null): Promise<number> {
  const written = new Map(store.completions.complete(targets.map((t) => t.id), day, at, minutes).map((w) => [w.target, w.marked]));
  const progress = progressAfter(run, store, targets);
  const json: Record<string, unknown>[] = [];
  for (const t of targets) {
    const marked = written.get(t.id)!;
    const under = marked.filter((id) => id !== t.id).length;
    const p = progress.get(t.roadmap)!;
    const title = safe(t.title);
    if (!run.json) {
      if (marked.length === 0) run.note(`already done: ${title}`);
      else run.note(`✓ ${title}${under > 0 ? ` + ${plural(under, 'item')} under it` : ''} — ${where(t)}: ${describe(p)}`);
    }
    json.push({ id: t.id, title: t.title, roadmap: t.roadmap, date: marked.length === 0 ? null : day, marked: marked.length, alreadyDone: marked.length === 0, progress: p });
  }
  if (run.json) run.out(JSON.stringify({ done: json }));
  return 0;
}

/** --undo: reopen each target, what is under it, and the ancestors it made done with a completion of their own. */
async function reopen(run: Run, store: Store, targets: readonly ItemKey[], at: string, where: (t: ItemKey) => string): Promise<number> {
  const results = store.completions.undo(targets.map((t) => t.id), at);
  const refusals = results.filter((r) => r.result.kind === 'refused');
  if (refusals.length > 0) {
    for (const { target, result } of refusals) {
      const t = targets.find((x) => x.id === target)!;
      const file = safe(store.roadmaps.sourcePathOf(t.roadmap) ?? '');
      run.note(
        result.kind === 'refused' && result.why === 'marked in file'
          ? `${safe(t.title)} is marked done in ${file}; edit the file to reopen it`
          : `${safe(t.title)} stays done: its items are marked done in ${file}; edit the file to reopen them`,
      );
    }
    if (targets.length > 1) run.note('nothing was written');
    return 1;
  }
  const progress = progressAfter(run, store, targets);
  const json: Record<string, unknown>[] = [];
  for (const { target, result } of results) {
    if (result.kind !== 'reopen') continue;
    const t = targets.find((x) => x.id === target)!;
    const p = progress.get(t.roadmap)!;
    // What was reopened: the item itself, or the items under it (and the parents they made done).
    const titles = result.ids.map((id) => (id === t.id ? t.title : (store.items.row(id)?.title ?? id)));
    if (!run.json) {
      if (!result.wasDone && result.ids.length === 0) run.note(`not done: ${safe(t.title)}`);
      else run.note(`reopened ${titles.map(safe).join(', ')} — ${where(t)}: ${describe(p)}`);
    }
    json.push({ id: t.id, title: t.title, roadmap: t.roadmap, wasDone: result.wasDone, reopened: result.ids, progress: p });
  }
  if (run.json) run.out(JSON.stringify({ reopened: json }));
  return 0;
}

function describe(p: Progress): string {
  return `${p.done} of ${plural(p.total, 'item')} done (${p.percent}%)${p.status === 'not started' || p.status === 'finished' ? '' : ` · ${describeStatus(p)}`}`;
}

/** Progress of the targets' roadmaps as the store has them now. */
function progressAfter(run: Run, store: Store, targets: readonly ItemKey[]): Map<string, Progress> {
  const { today, settings } = todayOf(run, store);
  const plans = new Map(store.plans.current().map((p) => [p.roadmapId, p]));
  const out = new Map<string, Progress>();
  for (const id of new Set(targets.map((t) => t.roadmap))) out.set(id, progressFor(store, id, plans.get(id) ?? null, today, settings));
  return out;
}

async function pick(run: Run, task: string, entries: readonly ItemKey[], idOf: (id: string) => string): Promise<ItemKey> {
  const { select } = await import('@inquirer/prompts');
  const { promptOutput } = await import('../../cli/prompt.js');
  return select<ItemKey>(
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
