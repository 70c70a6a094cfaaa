// study export [--format json|ics] [--plan P] [--out FILE] [--force]: everything the user
// entered as one JSON document (the default), or the started plans as an iCalendar feed.
import { toDocument } from '../../core/backup.js';
import { settingsFrom } from '../../core/settings.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError, UsageError } from '../../cli/errors.js';
import { checkOutFile, writeOutFile } from '../../cli/out-file.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { SCHEMA_VERSION, type Store } from '../../store/index.js';
import { findRoadmapId, stateOf } from '../shared.js';
import type { ExportOptions } from './index.js';

declare const STUDY_VERSION: string | undefined;

export default async function exportCommand(run: Run, _args: string[], opts: ExportOptions): Promise<number> {
  if (opts.plan !== undefined && opts.format !== 'ics') throw new UsageError('--plan goes with --format ics');
  if (opts.force && opts.out === undefined) throw new UsageError('--force goes with --out FILE');
  // Checked before the store is opened: a file that is there stays as it is.
  if (opts.out !== undefined) checkOutFile(run.ctx.cwd, opts.out, opts.force === true);
  const store = await run.store();
  const { text, summary } = opts.format === 'ics' ? await calendar(run, store, opts.plan) : backup(run, store);
  if (opts.out === undefined) {
    run.ctx.stdout.write(text);
    return 0;
  }
  writeOutFile(run.ctx.cwd, opts.out, text, opts.force === true);
  run.note(`wrote ${safe(opts.out)}: ${summary}`);
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
    summary: `${n('roadmaps')} roadmaps, ${n('completions')} completions, ${n('sessions')} sessions, ${n('plans')} plans, ${n('settings')} settings`,
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
  return { text: planCalendar(data), summary: `${events} events of ${plans.length} plan${plans.length === 1 ? '' : 's'}` };
}
