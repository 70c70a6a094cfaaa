// study roadmaps: what is loaded and how far along each roadmap is.
import { describeStatus, planStatus } from '../core/agenda.js';
import { planWeekOf } from '../core/calendar.js';
import { percentOf } from '../core/progress.js';
import type { Run } from '../run.js';
import { safe } from '../text.js';
import { loadPlans, storeWithRoadmaps, todayOf } from './shared.js';

export default async function roadmaps(run: Run): Promise<number> {
  const store = await storeWithRoadmaps(run);
  const { today, settings } = todayOf(run, store);
  const plans = new Map(loadPlans(store).map((p) => [p.roadmap.id, p]));
  const rows = store.roadmapSummaries().map((r) => {
    const plan = plans.get(r.id);
    // Mid-week, what was due before this week is what counts.
    const status = plan ? planStatus(plan, planWeekOf(plan.startDay, today, settings.weekStart) - 1) : null;
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      items: r.items,
      done: r.done,
      percent: percentOf(r.done, r.items),
      startedOn: plan?.startDay ?? null,
      status: status ? describeStatus(status) : 'not started',
      behindBy: status?.behindBy ?? 0,
    };
  });
  if (run.json) {
    run.out(JSON.stringify(rows));
    return 0;
  }
  const { table } = await import('../render/table.js');
  const c = run.chalk;
  const lines = table(
    [
      ['roadmap', 'kind', 'done', '', 'started', 'status', 'title'],
      ...rows.map((r) => [r.id, r.kind, `${r.done}/${r.items}`, `${r.percent}%`, r.startedOn ?? '-', r.status, safe(r.title)]),
    ],
    [{}, {}, { align: 'right' }, { align: 'right' }, {}, { style: (s, i) => (rows[i - 1]?.behindBy ? c.red(s) : s) }, { flex: 1 }],
    run.columns,
  );
  run.out([c.dim(lines[0]!), ...lines.slice(1)].join('\n'));
  return 0;
}
