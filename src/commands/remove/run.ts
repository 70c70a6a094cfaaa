// study remove ROADMAP [--yes]: the roadmap, its items, their completions and its plan
// leave the store, after the whole store is written to a backup file beside it.
import { existsSync } from 'node:fs';
import { toDocument } from '../../core/backup.js';
import { writeWhole } from '../../cli/files.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { SCHEMA_VERSION } from '../../store/index.js';
import { findRoadmapId, roadmapArg } from '../shared.js';
import type { RemoveOptions } from './index.js';

declare const STUDY_VERSION: string | undefined;

export default async function remove(run: Run, args: string[], opts: RemoveOptions): Promise<number> {
  const wanted = roadmapArg(args[0])!;
  const store = await run.store();
  const id = findRoadmapId(store, wanted);
  if (!opts.yes) {
    if (!run.canPrompt) throw new StudyError(`removing ${id} takes its history with it (into a backup file); pass --yes to remove it`);
    const { confirm } = await import('@inquirer/prompts');
    const { promptOutput } = await import('../../cli/prompt.js');
    if (!(await confirm({ message: `Remove ${id}, its plan and its history? (a backup is written first)`, default: false }, { input: run.ctx.stdin, output: promptOutput(run) }))) {
      run.note('nothing changed');
      return 1;
    }
  }
  const at = timestampOf(run.now);
  const doc = toDocument(store.backup.tables(), { exportedAt: at, study: typeof STUDY_VERSION === 'string' ? STUDY_VERSION : '0.0.0-dev', schemaVersion: SCHEMA_VERSION });
  const file = `${store.path}.before-removing-${id}-${run.now.local.replace(/[-:]/g, '').replace('T', '-')}.json`;
  // whole or not at all (0600), never over a file that is there; if it cannot be, nothing is removed
  const refuse = (why: string): never => {
    throw new StudyError(`cannot write the backup ${safe(file)} (${why}); nothing was removed`);
  };
  if (existsSync(file)) refuse('a file is there already');
  try {
    writeWhole(file, JSON.stringify(doc, null, 1) + '\n', { force: false, shown: safe(file) });
  } catch (e) {
    const why = e instanceof StudyError ? /\((.*)\); nothing was written$/.exec(e.message)?.[1] : undefined;
    if (why === undefined) throw e;
    refuse(why);
  }
  store.roadmaps.remove(id, at);
  if (run.json) run.out(JSON.stringify({ removed: id, backup: file }));
  else run.note(`removed ${id}; everything the store held before is in ${safe(file)}`);
  return 0;
}
