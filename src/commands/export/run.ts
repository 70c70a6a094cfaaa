// study export [--out FILE] [--force]: everything the user entered, as one JSON document.
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { toDocument } from '../../core/backup.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural } from '../../render/text.js';
import type { ExportOptions } from './index.js';
import { SCHEMA_VERSION } from '../../store/index.js';

declare const STUDY_VERSION: string | undefined;

export default async function exportCommand(run: Run, _args: string[], opts: ExportOptions): Promise<number> {
  const out = opts.out === undefined ? undefined : resolve(run.ctx.cwd, opts.out);
  if (out !== undefined && existsSync(out) && !opts.force) {
    throw new StudyError(`${opts.out} already exists; pass --force to overwrite it, or choose another --out`);
  }
  const store = await run.store();
  const doc = toDocument(store.backup.tables(), {
    exportedAt: timestampOf(run.now),
    study: typeof STUDY_VERSION === 'string' ? STUDY_VERSION : '0.0.0-dev',
    schemaVersion: SCHEMA_VERSION,
  });
  const text = JSON.stringify(doc, null, 1) + '\n';
  if (out === undefined) {
    run.ctx.stdout.write(text);
    return 0;
  }
  // The backup holds everything personal in the store: readable by its owner only.
  let fd: number;
  try {
    fd = openSync(out, 'w', 0o600);
  } catch (e) {
    throw new StudyError(`cannot write ${opts.out} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  const n = (k: keyof typeof doc): number => (doc[k] as unknown[]).length;
  run.note(
    `wrote ${opts.out}: ${plural(n('roadmaps'), 'roadmap')}, ${plural(n('completions'), 'completion')}, ${plural(n('sessions'), 'session')}, ${plural(n('plans'), 'plan')}, ${plural(n('settings'), 'setting')}`,
  );
  return 0;
}
