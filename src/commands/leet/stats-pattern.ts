// study leet stats --by pattern [--list L]: per NeetCode pattern, the problems solved of
// those in the list, the reviews (every session is one), the lapses (rated again) and
// the retention; and the weakest patterns.
import { LISTS, type ListId } from '../../core/leet/plan.js';
import { patternStats, weakestPatterns } from '../../core/leet/stats.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';

const percent = (r: number | null): string => (r === null ? '-' : `${Math.round(r * 100)}%`);

export default async function statsByPattern(run: Run, list: ListId | 'all' | undefined): Promise<number> {
  const store = await run.reader();
  // default: the started list, else NeetCode 150 (whose patterns these are)
  const scope = list ?? store.leet.lists()[0]?.list ?? 'neetcode150';
  const stats = patternStats(store.leet.ratedSessions(), store.leet.catalogue(), scope === 'all' ? undefined : scope);
  const weakest = weakestPatterns(stats);
  if (run.json) {
    run.out(JSON.stringify({ list: scope, patterns: stats, weakest: weakest.map((w) => w.pattern) }));
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const c = run.chalk;
  const title = scope === 'all' ? 'the whole catalogue' : LISTS.find((l) => l.id === scope)!.title;
  const lines = table(
    [
      ['pattern', 'solved', 'reviews', 'lapses', 'retention'],
      ...stats.map((s) => [safe(s.pattern), `${s.solved}/${s.total}`, String(s.reviews), String(s.lapses), percent(s.retention)]),
    ],
    [{ flex: 1, min: 12 }, { align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
    run.columns,
  );
  const weak = weakest.map((w) => `${w.pattern} (${percent(w.retention)})`).join(', ');
  run.out([c.dim(`${lines[0]!}`), ...lines.slice(1), '', weakest.length ? `weakest: ${safe(weak)}` : c.dim('no weak pattern yet (one needs 3 reviews and a lapse)')].join('\n'));
  run.note(`problems of ${title}; retention: reviews not rated again`);
  return 0;
}
