// study export [--format json|ics] [--plan P] [--out FILE] [--force]: everything the user
// entered as one JSON document (the default), or the started plans as an iCalendar feed.
import { resolve } from 'node:path';
import { toDocument } from '../../core/backup.js';
import { settingsFrom } from '../../core/settings.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError, UsageError } from '../../cli/errors.js';
import { checkTarget, writeWhole } from '../../cli/files.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';
import { SCHEMA_VERSION, type Store } from '../../store/index.js';
import { findRoadmapId, stateOf } from '../shared.js';
import type { ExportOptions } from './index.js';

declare const STUDY_VERSION: string | undefined;

export default async function exportCommand(run: Run, _args: string[], opts: ExportOptions): Promise<number> {
  if (opts.plan !== undefined && opts.format !== 'ics') throw new UsageError('--plan goes with --format ics');
  if (opts.force && opts.out === undefined) throw new UsageError('--force goes with --out FILE');
  const out = opts.out === undefined ? undefined : resolve(run.ctx.cwd, opts.out);
  const target = { force: opts.force === true, shown: safe(opts.out ?? '') };
  // Refused before the store is read: a file that exists (without --force), a symbolic link, a folder.
  if (out !== undefined) checkTarget(out, target);
  const store = await run.reader();
  const { text, summary } = opts.format === 'ics' ? await calendar(run, store, opts.plan) : backup(run, store);
  if (out === undefined) {
    // A write error (a full disk under `> file`) is reported by bin/study: exit 1.
    run.ctx.stdout.write(text);
    return 0;
  }
  // Readable by its owner only (0600), and whole or not at all.
  writeWhole(out, text, target);
  run.note(`wrote ${target.shown}: ${summary}`);
  return 0;
}

/** The backup document: everything entered, readable by its owner only when written to a file. */
function backup(run: Run, store: Store): { text: string; summary: string } {
  const doc = toDocument(store.backup.tables(), {
    exportedAt: timestampOf(run.now),
    study: typeof STUDY_VERSION === 'string' ? STUDY_VERSION : '0.0.0-dev',
    schemaVersion: SCHEMA_VERSION,
  });
  const n = (k: keyof typeof doc): number => (doc[k] as unknown[]).length;
  return {
    text: JSON.stringify(doc, null, 1) + '\n',
    summary: `${plural(n('roadmaps'), 'roadmap')}, ${plural(n('completions'), 'completion')}, ${plural(n('sessions'), 'session')}, ${plural(n('plans'), 'plan')}, ${plural(n('settings'), 'setting')}`,
  };
}

/** The started plans (or one) as an iCalendar feed. */
async function calendar(run: Run, store: Store, wanted: string | undefined): Promise<{ text: string; summary: string }> {
  // A stopped plan has ended: its weeks are no longer on the calendar.
  let plans = store.plans.current().filter((p) => stateOf(p.kind) !== 'stopped');
  if (wanted !== undefined) {
    const id = findRoadmapId(store, wanted);
    plans = plans.filter((p) => p.roadmapId === id);
    if (plans.length === 0 && store.plans.current().some((p) => p.roadmapId === id)) throw new StudyError(`${id} is stopped; start it again with: study start ${id}`);
    if (plans.length === 0) throw new StudyError(`${id} is not started; run: study start ${id}`);
  } else if (plans.length === 0) {
    run.note('no plan is started, so the calendar has no events (study start ROADMAP)');
  }
  const [{ calendarData }, { planCalendar }] = await Promise.all([import('./ics.js'), import('../../render/ics.js')]);
  const data = calendarData(store, plans, settingsFrom(store.settings.all()), timestampOf(run.now));
  const events = data.plans.reduce((n, p) => n + p.weeks.length + (p.plannedFinish ? 1 : 0), 0);
  return { text: planCalendar(data), summary: `${plural(events, 'event')} of ${plural(plans.length, 'plan')}` };
}
