// study export [--out FILE] [--force]: everything the user entered, as one JSON document.
import { resolve } from 'node:path';
import { toDocument } from '../../core/backup.js';
import { timestampOf } from '../../cli/clock.js';
import { checkTarget, writeWhole } from '../../cli/files.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';
import type { ExportOptions } from './index.js';
import { SCHEMA_VERSION } from '../../store/index.js';

declare const STUDY_VERSION: string | undefined;

export default async function exportCommand(run: Run, _args: string[], opts: ExportOptions): Promise<number> {
  const out = opts.out === undefined ? undefined : resolve(run.ctx.cwd, opts.out);
  const target = { force: opts.force === true, shown: opts.out ?? '' };
  // Refused before the store is read: a file that exists (without --force), a symbolic link, a folder.
  if (out !== undefined) checkTarget(out, target);
  const store = await run.reader();
  const doc = toDocument(store.backup.tables(), {
    exportedAt: timestampOf(run.now),
    study: typeof STUDY_VERSION === 'string' ? STUDY_VERSION : '0.0.0-dev',
    schemaVersion: SCHEMA_VERSION,
  });
  const text = JSON.stringify(doc, null, 1) + '\n';
  if (out === undefined) {
    // A write error (a full disk under `> file`) is reported by bin/study: exit 1.
    run.ctx.stdout.write(text);
    return 0;
  }
  // The backup holds everything personal in the store: readable by its owner only (0600),
  // and whole or not at all.
  writeWhole(out, text, target);
  const n = (k: keyof typeof doc): number => (doc[k] as unknown[]).length;
  run.note(
    `wrote ${safe(opts.out ?? out)}: ${plural(n('roadmaps'), 'roadmap')}, ${plural(n('completions'), 'completion')}, ${plural(n('sessions'), 'session')}, ${plural(n('plans'), 'plan')}, ${plural(n('settings'), 'setting')}`,
  );
  return 0;
}
