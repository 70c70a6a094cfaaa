// study roadmaps: what is loaded and how far along each roadmap is.
import { percentOf } from '../core/progress.js';
import type { Run } from '../run.js';
import { safe } from '../text.js';
import { storeWithRoadmaps } from './shared.js';

export default async function roadmaps(run: Run): Promise<number> {
  const store = await storeWithRoadmaps(run);
  const rows = store.roadmapSummaries().map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    items: r.items,
    done: r.done,
    percent: percentOf(r.done, r.items),
    startedOn: null as string | null,
    status: 'not started',
  }));
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
    [{}, {}, { align: 'right' }, { align: 'right' }, {}, {}, { flex: 1 }],
    run.columns,
  );
  run.out([c.dim(lines[0]!), ...lines.slice(1)].join('\n'));
  return 0;
}
