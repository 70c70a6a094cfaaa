// The journal on disk, inside the sync repository:
//   journal/DEVICE/YYYY-MM.jsonl   one event per line, in the month of its timestamp (UTC)
//   roadmaps/ID.yaml               the YAML of each roadmap loaded (a readable copy: the
//                                  roadmap.loaded event carries the text itself)
// A device writes only its own folder, so git never has two versions of a line to merge.
// Writes go to a temporary file that is renamed over the old one: a line is never
// half-written. Reading checks every line of every file (schema.ts) and stops at the
// first bad one with `file:line: what is wrong`; nothing of that read is returned.
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compareEvents } from '../core/events.js';
import type { AnyEvent } from '../core/replay.js';
import { isDeviceId, JOURNAL_VERSION, parseEventLine, quote, serializeEvent } from './schema.js';
import { JOURNAL_DIR, ROADMAPS_DIR, TMP_PREFIX, writeFileAtomic } from './layout.js';

export { ensureLayout, GITIGNORE, JOURNAL_DIR, ROADMAPS_DIR, TMP_PREFIX, writeFileAtomic } from './layout.js';

/** Bytes a journal file may have before it is refused unread. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const MONTH_FILE_RE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.jsonl$/;
const JOURNAL_PATH_RE = /^journal\/([^/]+)\/([^/]+)$/;
const ROADMAP_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** The journal file of an event, relative to the repository, with forward slashes. */
export function journalFile(device: string, ts: string): string {
  return `${JOURNAL_DIR}/${device}/${ts.slice(0, 7)}.jsonl`;
}

/** The file a roadmap's YAML travels in, relative to the repository. */
export function roadmapFile(roadmapId: string): string {
  if (!ROADMAP_ID_RE.test(roadmapId) || roadmapId.length > 200) throw new Error(`not a roadmap id: ${quote(roadmapId)}`);
  return `${ROADMAPS_DIR}/${roadmapId}.yaml`;
}

/** Removes temporary files a killed run left in `dir`. */
function removeStaleTmp(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.startsWith(TMP_PREFIX)) rmSync(join(dir, name), { force: true });
}

/** The head of a line as serializeEvent writes it: its format version, id and device. */
const LINE_HEAD_RE = /^\{"v":(\d+),"id":"([0-9a-f]{32})","device":"([a-z0-9-]+)",/;

const LINE_ID_RE = /^\{"v":\d+,"id":"([0-9a-f]{32})"/gm;

/**
 * Appends local events to their journal files (one line each, in the order given).
 * Events whose id is already in their file are skipped, so a retry after a crash does
 * not duplicate them. Returns the files written, relative to the repository.
 */
export function appendEvents(repoDir: string, events: readonly AnyEvent[]): string[] {
  const byFile = new Map<string, AnyEvent[]>();
  for (const e of events) {
    const file = journalFile(e.device, e.ts);
    const list = byFile.get(file);
    if (list) list.push(e);
    else byFile.set(file, [e]);
  }
  const written: string[] = [];
  for (const [file, list] of byFile) {
    const path = join(repoDir, file);
    removeStaleTmp(join(path, '..'));
    let current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const have = new Set([...current.matchAll(LINE_ID_RE)].map((m) => m[1]!));
    const lines = list.filter((e) => !have.has(e.id) && (have.add(e.id), true)).map((e) => `${serializeEvent(e)}\n`);
    if (lines.length === 0) continue;
    if (current && !current.endsWith('\n')) current += '\n';
    writeFileAtomic(path, current + lines.join(''));
    written.push(file);
  }
  return written;
}

/** Writes a roadmap's YAML to roadmaps/ID.yaml (atomically). Returns the relative path. */
export function writeRoadmapFile(repoDir: string, roadmapId: string, yaml: string): string {
  const file = roadmapFile(roadmapId);
  removeStaleTmp(join(repoDir, ROADMAPS_DIR));
  const path = join(repoDir, file);
  if (existsSync(path) && readFileSync(path, 'utf8') === yaml) return file;
  writeFileAtomic(path, yaml);
  return file;
}

/** Removes roadmaps/ID.yaml (its roadmap was removed), if it is there. */
export function removeRoadmapFile(repoDir: string, roadmapId: string): void {
  rmSync(join(repoDir, roadmapFile(roadmapId)), { force: true });
}

/** A journal line that was refused: where, and why. `text` is the one line to print. */
export interface JournalError {
  /** Relative to the repository, forward slashes. */
  readonly file: string;
  /** 1-based; null when the whole file (or folder) is refused. */
  readonly line: number | null;
  readonly message: string;
  /** `file:line: message` (or `file: message`). */
  readonly text: string;
}

export type JournalRead =
  | { readonly ok: true; readonly events: AnyEvent[]; readonly files: string[] }
  | { readonly ok: false; readonly error: JournalError };

export interface ReadOptions {
  /** This machine's wall clock, ms since the epoch (events over a day ahead are refused). */
  readonly nowMs: number;
  /**
   * Events the reader has already (the store applied them): their lines are only checked
   * to be this folder's events of a format this study reads, and are not returned.
   */
  readonly known?: (id: string) => boolean;
  /**
   * Read only these files (relative paths, as `git diff --name-only` gives them); others
   * under journal/ are not looked at, paths outside journal/ are ignored, missing files
   * are skipped. Default: every journal file.
   */
  readonly files?: readonly string[];
}

function refused(file: string, line: number | null, message: string): JournalRead {
  return { ok: false, error: { file, line, message, text: `${file}${line === null ? '' : `:${line}`}: ${message}` } };
}

/** Journal files under repoDir, or the error for the first thing there that is not one. */
function listJournal(repoDir: string): { files: string[] } | JournalRead {
  const root = join(repoDir, JOURNAL_DIR);
  if (!existsSync(root)) return { files: [] };
  const files: string[] = [];
  for (const device of readdirSync(root).sort()) {
    if (device.startsWith('.')) continue;
    const rel = `${JOURNAL_DIR}/${device}`;
    if (!isDeviceId(device)) return refused(rel, null, 'not a device folder (expected lowercase letters, digits and hyphens)');
    if (!lstatSync(join(root, device)).isDirectory()) return refused(rel, null, 'not a folder');
    for (const name of readdirSync(join(root, device)).sort()) {
      if (name.startsWith('.')) continue;
      files.push(`${rel}/${name}`);
    }
  }
  return { files };
}

/** The text of a file, or the 1-based number of its first line that is not valid UTF-8. */
function decodeUtf8(bytes: Buffer): string | number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(0x0a, start);
      try {
        strict.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
      } catch {
        return line;
      }
      if (end < 0) return line;
      start = end + 1;
      line++;
    }
  }
}

/**
 * Reads and checks journal files: every line must be an event of the folder's device,
 * in the file of its month, its id never seen with other content. Returns the events
 * in total order (timestamp, device, id), each once; or the first line refused.
 */
export function readJournals(repoDir: string, options: ReadOptions): JournalRead {
  let files: string[];
  if (options.files) {
    files = [...new Set(options.files.filter((f) => f.startsWith(`${JOURNAL_DIR}/`)))].sort();
  } else {
    const listed = listJournal(repoDir);
    if ('ok' in listed) return listed;
    files = listed.files;
  }
  const seen = new Map<string, { line: string; where: string }>();
  const events: AnyEvent[] = [];
  const read: string[] = [];
  for (const file of files) {
    const m = JOURNAL_PATH_RE.exec(file);
    if (!m) return refused(file, null, 'not a journal file (expected journal/DEVICE/YYYY-MM.jsonl)');
    const [, device, name] = m as unknown as [string, string, string];
    if (!isDeviceId(device)) return refused(file, null, 'not in a device folder (expected lowercase letters, digits and hyphens)');
    const month = MONTH_FILE_RE.exec(name)?.[1];
    if (!month) return refused(file, null, 'not a journal file (expected YYYY-MM.jsonl)');
    const path = join(repoDir, file);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      if (options.files) continue; // deleted since: nothing to read
      return refused(file, null, 'cannot be read');
    }
    if (!stat.isFile()) return refused(file, null, 'not a regular file');
    if (stat.size > MAX_FILE_BYTES) return refused(file, null, `file is over ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    const bytes = readFileSync(path);
    const text = decodeUtf8(bytes);
    if (typeof text === 'number') return refused(file, text, 'not valid UTF-8');
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      const head = options.known && line.endsWith('}') ? LINE_HEAD_RE.exec(line) : null;
      if (head && head[3] === device && Number(head[1]) <= JOURNAL_VERSION && options.known!(head[2]!)) continue;
      const checked = parseEventLine(line, { device, nowMs: options.nowMs });
      if (!checked.ok) return refused(file, i + 1, checked.error);
      const e = checked.event;
      if (e.ts.slice(0, 7) !== month) return refused(file, i + 1, `an event of ${e.ts.slice(0, 7)} in the file of ${month}`);
      const where = `${file}:${i + 1}`;
      const before = seen.get(e.id);
      if (before) {
        if (before.line !== line) return refused(file, i + 1, `event ${e.id} is also at ${before.where} with other content`);
        continue;
      }
      seen.set(e.id, { line, where });
      events.push(e);
    }
    read.push(file);
  }
  events.sort(compareEvents);
  return { ok: true, events, files: read };
}
