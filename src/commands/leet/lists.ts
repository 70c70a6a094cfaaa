// study leet lists: NeetCode 150 and Blind 75, with the problems solved of each, the
// next one, and which is started.
import { listsProgress } from '../../core/leet/plan.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { labelOf, problemJson } from './shared.js';

export default async function lists(run: Run): Promise<number> {
  const store = await run.reader();
  const started = store.leet.lists()[0] ?? null;
  const progress = listsProgress(store.leet.catalogue(), store.leet.solvedDays());
  if (run.json) {
    run.out(
      JSON.stringify(
        progress.map((p) => ({
          id: p.id,
          title: p.title,
          solved: p.solved,
          total: p.total,
          next: p.next ? problemJson(p.next) : null,
          started: started?.list === p.id ? { on: started.startDay, perDay: started.perDay } : null,
        })),
      ),
    );
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const c = run.chalk;
  const lines = table(
    [
      ['list', 'solved', 'next', 'started'],
      ...progress.map((p) => [
        p.id,
        `${p.solved}/${p.total}`,
        p.next ? safe(labelOf(p.next)) : 'all solved',
        started?.list === p.id ? `${started.startDay}, ${started.perDay}/day` : '-',
      ]),
    ],
    [{}, { align: 'right' }, { flex: 1, min: 12 }, { style: (s) => c.dim(s) }],
    run.columns,
  );
  run.out([c.dim(lines[0]!), ...lines.slice(1)].join('\n'));
  if (started === null) run.note('start one: study leet start neetcode150 --per-day 2');
  return 0;
}
