// study show ROADMAP [--week [N] | --overdue]: the roadmap as a tree with ids, done marks
// and due weeks; or a started plan's items of one week, or its overdue items, in full.
import { planWeekRange } from '../../core/calendar.js';
import { resolveDone } from '../../core/progress.js';
import { buildShow } from '../../core/show.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { findRoadmapId, progressFor, roadmapArg, storeWithRoadmaps, todayOf } from '../shared.js';
import { typeableIds } from '../ids.js';
import type { ShowOptions } from './index.js';

export default async function show(run: Run, args: string[], opts: ShowOptions): Promise<number> {
  const wanted = roadmapArg(args[0])!;
  const store = await storeWithRoadmaps(run, 'read');
  const id = findRoadmapId(store, wanted);
  const { today, settings } = todayOf(run, store);
  const plan = store.plans.current().find((p) => p.roadmapId === id) ?? null;
  const progress = progressFor(store, id, plan, today, settings);

  if (opts.week !== undefined || opts.overdue) {
    if (!plan) throw new StudyError(`${id} is not started; run: study start ${id}`);
    const week = opts.week === true || opts.week === undefined ? Math.max(1, progress.week) : opts.week;
    const entries = opts.overdue ? store.agenda.overdue(plan, progress.week) : store.agenda.inWeeks(plan, week, week);
    const [from, to] = planWeekRange(plan.startDay, week, settings.weekStart);
    const list = { roadmap: id, title: plan.title, ...(opts.overdue ? { overdue: true, week: progress.week } : { week, from, to }), entries };
    if (run.json) {
      run.out(JSON.stringify({ ...list, entries: entries.map((e) => ({ id: e.id, title: e.title, done: e.done, dueWeek: e.dueWeek, section: e.sectionTitle })) }));
      return 0;
    }
    const { renderEntryList } = await import('../../render/show.js');
    run.out(renderEntryList(list, typeableIds(store), run.chalk, run.columns));
    return 0;
  }

  const { roadmap } = store.roadmaps.model(id)!;
  const marked = new Set(store.items.subtree(id).filter((r) => r.completed).map((r) => r.id));
  const done = resolveDone(roadmap, marked);
  const due = plan ? (store.plans.schedule(id, plan.version)?.due ?? {}) : {};
  const view = buildShow(roadmap, done, due, progress);
  if (run.json) {
    run.out(JSON.stringify(view));
    return 0;
  }
  const { renderShow } = await import('../../render/show.js');
  run.out(renderShow(view, typeableIds(store), run.chalk, run.columns));
  return 0;
}
