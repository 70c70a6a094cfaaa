// One `study sync`, from the store to the sync repository and back:
//   1. repair what a killed run left; fetch (a remote that does not answer stops here,
//      nothing written anywhere);
//   2. the history from before sync as events (once), then this device's new events
//      appended to its journal, journal/DEVICE/YYYY-MM.jsonl, and the YAML of the
//      roadmaps it loaded copied to roadmaps/;
//   3. commit, merge what other devices pushed, push (once more after a rejected push);
//   4. read every journal line the merge brought (each checked; one bad line and nothing
//      is applied), and apply the events the store does not have, in one transaction
//      (store/apply.ts).
// Every step can be cut short and run again: journal appends skip events already there,
// git's leftovers are repaired, and the store records what it applied in the same
// transaction as the data.
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyEvent } from '../core/replay.js';
import type { Roadmap } from '../core/model.js';
import type { ApplyReport, Store } from '../store/index.js';
import { changedFiles, commitKnown, showFile, syncRepo, SyncError, syncStatus, type GitEnv, type SyncRun } from './git.js';
import { appendEvents, JOURNAL_DIR, readJournals, removeRoadmapFile, roadmapFile, writeRoadmapFile } from './journal.js';
import { roadmapOfYaml } from './schema.js';

export interface SyncOptions extends GitEnv {
  /** This machine's clock, ms since the epoch. */
  readonly nowMs: number;
  /** The moment, with its offset, recorded as the last sync. */
  readonly at: string;
}

export interface SyncOutcome {
  readonly device: string;
  readonly run: SyncRun;
  /** Events of the history before sync written now (the first sync only). */
  readonly backfilled: number;
  /** This device's events written to its journal. */
  readonly written: number;
  readonly report: ApplyReport;
}

/** The sync repository is one of study's: it has .git. */
export function isSyncRepo(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/** A lock older than this was left by a run that was killed (git's own steps time out in a minute). */
const STALE_LOCK_MS = 15 * 60_000;

/** A run of `study sync` holds this (its process id) so that a second one waits its turn instead of repairing the first's work away. */
function lock(dir: string): () => void {
  const path = join(dir, '.git', 'study-sync.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8').trim());
      // a process of that number that has run for longer than any sync would is another one
      const fresh = Date.now() - statSync(path).mtimeMs < STALE_LOCK_MS;
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && fresh && alive(pid)) {
        throw new SyncError('failed', `another study sync is running (process ${pid}); run study sync again when it has finished`);
      }
      rmSync(path, { force: true }); // left by a run that was killed
    }
  }
  throw new SyncError('failed', `cannot take ${path}; remove it if no study sync is running`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A roadmap.loaded event's YAML as a roadmap (checked when its line was read, or made here). */
function parseRoadmap(yaml: string, file: string): Roadmap {
  const r = roadmapOfYaml(yaml, file);
  if (typeof r === 'string') throw new Error(`a roadmap event's YAML does not parse: ${file}:${r}`);
  return r;
}

/** Runs one sync of `store` with the repository in `dir`. */
export async function runSync(store: Store, dir: string, opts: SyncOptions): Promise<SyncOutcome> {
  if (!isSyncRepo(dir)) throw new SyncError('not-a-repository', 'sync is not set up for this store; run: study sync init REMOTE (a git URL or the path of a bare repository)');
  const sync = await store.sync();
  const device = sync.device();
  const release = lock(dir);
  try {
    let backfilled = 0;
    let local: AnyEvent[] = [];
    let through = 0;
    const run = await syncRepo(dir, {
      ...opts,
      device,
      message: `study: journal of ${device}`,
      write: () => {
        backfilled = sync.backfill(opts.nowMs);
        const pending = sync.pending();
        local = pending.events;
        through = pending.through;
        appendEvents(dir, local);
        for (const e of local) {
          if (e.type === 'roadmap.loaded') writeRoadmapFile(dir, e.payload.roadmapId, e.payload.yaml);
          else if (e.type === 'roadmap.removed') removeRoadmapFile(dir, e.payload.roadmapId);
        }
      },
    });

    // The journal lines the merges brought since the commit last applied (all of them the first time).
    const applied = sync.book().applied;
    const known = applied !== null && (await commitKnown(dir, applied, opts));
    const files = known ? await changedFiles(dir, applied, run.after, opts) : undefined;
    const has = (id: string): boolean => sync.has(id);
    const read = readJournals(dir, { nowMs: opts.nowMs, known: has, ...(files ? { files } : {}) });
    if (!read.ok) throw new SyncError('refused', `${read.error.text}; nothing from this sync was applied (docs/sync.md: a refused journal line)`);
    const events = read.events.filter((e) => !has(e.id));
    const report = sync.apply({
      events,
      local,
      through,
      commit: run.after,
      at: opts.at,
      nowMs: opts.nowMs,
      parseRoadmap,
      copyPath: (id) => join(dir, roadmapFile(id)),
    });
    // The copies in roadmaps/ follow what the store holds now (committed by the next sync).
    for (const e of events) {
      if (e.type !== 'roadmap.loaded' && e.type !== 'roadmap.removed') continue;
      const text = sync.sourceText(e.payload.roadmapId);
      if (text === null) removeRoadmapFile(dir, e.payload.roadmapId);
      else writeRoadmapFile(dir, e.payload.roadmapId, text);
    }
    return { device, run, backfilled, written: local.length, report };
  } finally {
    release();
  }
}

export interface StatusOutcome {
  readonly device: string | null;
  readonly dir: string;
  /** The remote, with a password in it masked; null when sync is not set up. */
  readonly remote: string | null;
  readonly branch: string | null;
  /** When the last sync finished, or null. */
  readonly lastSync: string | null;
  /** This device's events not yet in the journal, and commits not yet pushed (as of the last fetch). */
  readonly toPush: { readonly events: number; readonly commits: number };
  /** Events in the sync repository, and on the remote as of the last fetch, that the store has not applied. */
  readonly toApply: number;
}

/** Where sync stands, without asking the remote or changing anything. */
export async function statusOf(store: Store, dir: string, opts: GitEnv): Promise<StatusOutcome> {
  const sync = await store.sync();
  const book = sync.book();
  const base = { device: book.device, dir, lastSync: book.last };
  if (!isSyncRepo(dir)) return { ...base, remote: null, branch: null, toPush: { events: book.toWrite, commits: 0 }, toApply: 0 };
  const git = await syncStatus(dir, opts);
  const ids = new Set<string>();
  const count = (text: string): void => {
    for (const line of text.split('\n')) {
      const id = /^\{"v":\d+,"id":"([0-9a-f]{32})"/.exec(line)?.[1];
      if (id !== undefined && !ids.has(id) && !sync.has(id)) ids.add(id);
    }
  };
  const applied = book.applied !== null && (await commitKnown(dir, book.applied, opts)) ? book.applied : null;
  for (const [ref, files] of [
    [git.head, git.head === null ? [] : await changedFiles(dir, applied, git.head, opts)],
    [git.remoteHead, git.remoteHead === null || git.head === null ? [] : await changedFiles(dir, git.head, git.remoteHead, opts)],
  ] as const) {
    for (const file of files) if (ref !== null && file.startsWith(`${JOURNAL_DIR}/`)) count(await showFile(dir, ref, file, opts));
  }
  return { ...base, remote: git.remote, branch: git.branch, toPush: { events: book.toWrite, commits: git.ahead }, toApply: ids.size };
}
