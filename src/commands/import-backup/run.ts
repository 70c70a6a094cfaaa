// study import-backup FILE [--force]: restore a `study export` document into an empty
// store (or, with --force, in place of what the store holds), all or nothing. The whole
// document is checked first, by the rules of the commands that write each record and for
// how its rows hang together; a refused document writes nothing and creates nothing.
import { existsSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, fromDocument, plansFromV1, type BackupDocument } from '../../core/backup.js';
import { backupProblems } from '../../core/backup-rules.js';
import { settingProblems } from '../../core/record-rules.js';
import { settingsFrom } from '../../core/settings.js';
import { studyDayOfLocal } from '../../core/streak.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import { readBounded } from '../../cli/files.js';
import type { Run } from '../../cli/run.js';
import { excerpt, plural, safe } from '../../render/text.js';
import { depthOf, documentSchema, type planV1 } from './document.js';
import { loadCardEngine } from '../../store/index.js';

/** The largest backup read: far more than a store of years holds (a roadmap file is at most 1 MiB). */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
/** How deep a backup nests at most: a roadmap nests 32 levels, and a document adds a few. */
const MAX_DEPTH = 64;

/** The document in FILE, checked whole; throws with what is wrong (the first problems, each at its place in the document). */
function readDocument(run: Run, file: string): BackupDocument {
  const refuse = (why: string): never => {
    throw new StudyError(`${safe(file)}: ${why}; nothing was restored`);
  };
  const read = readBounded(resolve(run.ctx.cwd, file), MAX_BACKUP_BYTES, 'a backup');
  if ('problem' in read) return refuse(read.problem);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return refuse('not a study backup (not UTF-8 text; study export writes UTF-8 JSON)');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // The parser's message quotes the text; only where it stopped is said.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    const before = at === undefined ? '' : text.slice(0, Number(at));
    const where = at === undefined ? '' : `: stopped at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
    return refuse(e instanceof RangeError ? 'not a study backup (nested too deeply)' : `not a study backup (not JSON${where})`);
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head === null || typeof head !== 'object' || head.format !== BACKUP_FORMAT) refuse(`not a study backup (no "format": "${BACKUP_FORMAT}")`);
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new StudyError(`${safe(file)} was written by a newer study (backup version ${head.version}; this one reads ${BACKUP_VERSION}); upgrade study`);
  }
  if (depthOf(raw, MAX_DEPTH) > MAX_DEPTH) refuse(`not a valid study backup (nested more than ${MAX_DEPTH} levels)`);
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    refuse(`not a valid study backup at ${excerpt(where || 'the top', 60)}: ${excerpt(issue.message, 80)}`);
  }
  // What is restored is the document as written (zod's copy orders keys its own way, and a
  // model is stored as its text); strict schemas without defaults leave nothing else to differ.
  // A version 1 document has plans with one schedule each and no plan_versions.
  const data = raw as z.infer<typeof documentSchema>;
  const v1 = data.plans.filter((p): p is z.infer<typeof planV1> => 'start_day' in p);
  const doc = (v1.length > 0 || data.plan_versions === undefined ? { ...data, ...plansFromV1(v1) } : data) as BackupDocument;
  doc.leet_lists ??= [];

  // Nothing after today (as the backup's own day-start counts days): a completion or a
  // session in the future is a mistake.
  const given = doc.settings.find((s) => s.key === 'day-start');
  const dayStart = settingsFrom(given && settingProblems(given.key, given.value).length === 0 ? { 'day-start': given.value } : {}).dayStart;
  const problems = backupProblems(doc, studyDayOfLocal(run.now.local, dayStart));
  if (problems.length > 0) {
    throw new StudyError([`${safe(file)}: not a valid study backup; nothing was restored:`, ...problems.map((p) => `  ${excerpt(p, 160)}`)].join('\n'));
  }
  return doc;
}

export default async function importBackup(run: Run, args: string[], opts: { force?: boolean }): Promise<number> {
  const file = args[0]!;
  const doc = readDocument(run, file);

  // Only now is the store opened (created, if it is not there): a store this command
  // creates is removed again if the restore fails.
  const created = !existsSync(run.dbPath);
  const newFolders: string[] = [];
  for (let d = dirname(run.dbPath); !existsSync(d) && dirname(d) !== d; d = dirname(d)) newFolders.push(d);
  try {
    const store = await run.store();
    const counts = store.backup.rowCounts();
    const held = Object.values(counts).reduce((a, b) => a + b, 0);
    if (held > 0 && !opts.force) {
      throw new StudyError(
        `${run.dbPath} is not empty (${plural(counts.roadmaps, 'roadmap')}, ${plural(counts.completions, 'completion')}, ${plural(counts.sessions, 'session')}); ` +
          'pass --force to replace everything in it with the backup',
      );
    }
    // Restoring rebuilds the LeetCode cards, which FSRS schedules.
    await loadCardEngine();
    store.backup.restore(fromDocument(doc), timestampOf(run.now));
  } catch (e) {
    if (created) {
      run.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(run.dbPath + suffix, { force: true });
      for (const d of newFolders) rmdirQuietly(d);
    }
    throw e;
  }
  run.note(
    `restored ${plural(doc.roadmaps.length, 'roadmap')}, ${plural(doc.completions.length, 'completion')}, ${plural(doc.sessions.length, 'session')}, ` +
      `${plural(doc.plans.length, 'plan')} and ${plural(doc.settings.length, 'setting')} from ${safe(file)} (exported ${excerpt(doc.exportedAt, 40)})`,
  );
  return 0;
}

/** Removes a folder this command created, if it is empty. */
function rmdirQuietly(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or gone: left as it is
  }
}
