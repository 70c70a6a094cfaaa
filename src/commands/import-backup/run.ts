// study import-backup FILE [--force]: restore a `study export` document into an empty
// store (or, with --force, in place of what the store holds), all or nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, fromDocument, plansFromV1, type BackupDocument } from '../../core/backup.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';

const str = z.string();
const nstr = z.string().nullable();
const int = z.number().int();

/** A plan as a version 1 document has it (one schedule). */
const planV1 = z.strictObject({
  roadmap_id: str,
  start_day: str,
  hours_per_week: z.number(),
  pace: str,
  schedule: z.record(z.string(), z.unknown()),
  started_at: str,
  replanned_at: nstr,
});

const documentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: int,
  exportedAt: str,
  study: str,
  schemaVersion: int,
  settings: z.array(z.strictObject({ key: str, value: str })),
  roadmaps: z.array(
    z.strictObject({ id: str, title: str, kind: str, model: z.record(z.string(), z.unknown()), source_path: str, source_text: str, source_hash: str, loaded_at: str }),
  ),
  items: z.array(
    z.strictObject({
      id: str,
      roadmap_id: str,
      section_id: str,
      parent_id: nstr,
      position: int,
      kind: str,
      title: str,
      is_leaf: int,
      done_in_file: int,
      attrs: z.record(z.string(), z.unknown()),
      archived_at: nstr,
    }),
  ),
  completions: z.array(z.strictObject({ id: int, item_id: str, day: str, at: str, undone_at: nstr, minutes: int.nullable().optional(), event_id: nstr.optional() })),
  plans: z.array(z.union([z.strictObject({ roadmap_id: str, started_at: str }), planV1])),
  plan_versions: z
    .array(
      z.strictObject({
        roadmap_id: str,
        version: int,
        kind: str,
        effective_day: str,
        at: str,
        start_day: str,
        hours_per_week: z.number(),
        pace: str,
        schedule: z.record(z.string(), z.unknown()),
        event_id: nstr.optional(),
      }),
    )
    .optional(),
  sessions: z.array(
    z.strictObject({
      id: int,
      habit_id: str,
      at: str,
      day: str,
      problem: nstr,
      number: int.nullable(),
      slug: nstr,
      title: nstr,
      difficulty: nstr,
      minutes: int.nullable(),
      result: nstr,
      tags: z.array(str),
      note: nstr,
      event_id: nstr.optional(),
    }),
  ),
});

export default async function importBackup(run: Run, args: string[], opts: { force?: boolean }): Promise<number> {
  const file = args[0]!;
  let text: string;
  try {
    text = readFileSync(resolve(run.ctx.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StudyError(`${safe(file)}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new StudyError(`${safe(file)}: not a study backup (not JSON: ${(e as Error).message})`);
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head === null || typeof head !== 'object' || head.format !== BACKUP_FORMAT) {
    throw new StudyError(`${safe(file)}: not a study backup (no "format": "${BACKUP_FORMAT}")`);
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new StudyError(`${safe(file)} was written by a newer study (backup version ${head.version}; this one reads ${BACKUP_VERSION}); upgrade study`);
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StudyError(`${safe(file)}: not a valid study backup at ${issue.path.join('.') || 'the top'}: ${issue.message}`);
  }
  // A version 1 document has plans with one schedule each and no plan_versions.
  const data = parsed.data;
  const v1 = data.plans.filter((p): p is z.infer<typeof planV1> => 'start_day' in p);
  const doc = (v1.length > 0 || data.plan_versions === undefined ? { ...data, ...plansFromV1(v1) } : data) as BackupDocument;

  const store = await run.store();
  const counts = store.backup.rowCounts();
  const held = Object.values(counts).reduce((a, b) => a + b, 0);
  if (held > 0 && !opts.force) {
    throw new StudyError(
      `${run.dbPath} is not empty (${counts.roadmaps} roadmaps, ${counts.completions} completions, ${counts.sessions} sessions); ` +
        'pass --force to replace everything in it with the backup',
    );
  }
  store.backup.restore(fromDocument(doc), timestampOf(run.now));
  run.note(
    `restored ${doc.roadmaps.length} roadmaps, ${doc.completions.length} completions, ${doc.sessions.length} sessions, ` +
      `${doc.plans.length} plans and ${doc.settings.length} settings from ${safe(file)} (exported ${safe(doc.exportedAt)})`,
  );
  return 0;
}
