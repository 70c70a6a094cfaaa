// study roadmaps: what is loaded and how far along each roadmap is.
import { describeStatus } from '../../core/progress.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { progressFor, storeWithRoadmaps, todayOf } from '../shared.js';

export default async function roadmaps(run: Run): Promise<number> {
  const store = await storeWithRoadmaps(run, 'read');
  const { today, settings } = todayOf(run, store);
  const plans = new Map(store.plans.current().map((p) => [p.roadmapId, p]));
  const rows = store.roadmaps.list().map((r) => {
    const plan = plans.get(r.id) ?? null;
    const progress = progressFor(store, r.id, plan, today, settings);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      items: progress.total,
      done: progress.done,
      percent: progress.percent,
      startedOn: plan?.startDay ?? null,
      status: plan ? describeStatus(progress) : 'not started',
      progress,
    };
  });
  if (run.json) {
    run.out(JSON.stringify(rows));
    return 0;
  }
  if (rows.length === 0) {
    run.note('no roadmap is loaded; load one: study load my-plan.yaml (or the bundled ones: study load)');
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const { truncate } = await import('../../render/text.js');
  const c = run.chalk;
  // One line of figures per roadmap, its title under it.
  const lines = table(
    [
      ['roadmap', 'kind', 'done', '', 'started', 'status'],
      ...rows.map((r) => [r.id, r.kind, `${r.done}/${r.items}`, `${r.percent}%`, r.startedOn ?? '-', r.status]),
    ],
    [{ flex: 1, min: 10 }, {}, { align: 'right' }, { align: 'right' }, {}, { flex: 2, min: 11, style: (s, i) => (rows[i - 1]?.progress.status === 'behind' ? c.red(s) : s) }],
    run.columns,
  );
  const out = [c.dim(lines[0]!)];
  rows.forEach((r, i) => out.push(lines[i + 1]!, c.dim(truncate(`  ${safe(r.title)}`, run.columns))));
  run.out(out.join('\n'));
  return 0;
}
