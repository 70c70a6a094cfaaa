// study leet stats [--by pattern [--list L]]: totals of the LeetCode sessions: by
// difficulty, result, tag and week; or per pattern, where you are weak.
import { LEETCODE_HABIT } from '../../core/habits.js';
import { leetStats } from '../../core/leet.js';
import { settingsFrom } from '../../core/settings.js';
import { UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';
import type { LeetStatsOptions } from './index.js';

export default async function stats(run: Run, _args: string[], opts: LeetStatsOptions): Promise<number> {
  if (opts.list !== undefined && opts.by !== 'pattern') throw new UsageError('--list: only with --by pattern');
  if (opts.by === 'pattern') return (await import('./stats-pattern.js')).default(run, opts.list);
  const store = await run.reader();
  const settings = settingsFrom(store.settings.all());
  const s = leetStats(store.sessions.all(LEETCODE_HABIT), settings.weekStart);
  if (run.json) {
    run.out(JSON.stringify(s));
    return 0;
  }
  if (s.sessions === 0) {
    run.note('no LeetCode sessions yet; log one: study leet log two-sum --minutes 20');
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const c = run.chalk;
  const join = (parts: [string, number][]): string =>
    parts
      .filter(([k, n]) => k !== 'unknown' || n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · ');
  const summary: string[][] = [
    ['sessions', `${s.sessions} on ${plural(s.days, 'day')}, ${s.firstDay} to ${s.lastDay}`],
    ['problems', `${s.problems} distinct: ${join(Object.entries(s.problemsByDifficulty))}`],
    ['difficulty', join(Object.entries(s.byDifficulty))],
    ['result', join(Object.entries(s.byResult))],
    ['minutes', `${s.minutes}${s.timedSessions < s.sessions ? ` (${s.timedSessions} of ${plural(s.sessions, 'session')} timed)` : ''}`],
  ];
  if (s.byTag.length) summary.push(['tags', safe(s.byTag.map((t) => `${t.tag} ${t.sessions}`).join(' · '))]);
  const out = table(summary, [{ style: (cell) => c.dim(cell) }, { flex: 1 }], run.columns);

  const weeks = s.minutesPerWeek.slice(-12);
  out.push('', c.dim(s.minutesPerWeek.length > weeks.length ? `the last ${weeks.length} weeks with sessions:` : 'by week:'));
  out.push(
    ...table(
      weeks.map((w) => [w.week, plural(w.sessions, 'session'), `${w.minutes} min`]),
      [{}, { align: 'right' }, { align: 'right' }],
      run.columns,
      '  ',
    ),
  );
  if (s.solvedMoreThanOnce.length) {
    out.push('', c.dim('solved more than once:'));
    out.push(
      ...table(
        s.solvedMoreThanOnce.map((p) => [safe(p.label), `${p.solved} times`]),
        [{ flex: 1, min: 12 }, { align: 'right' }],
        run.columns,
        '  ',
      ),
    );
  }
  run.out(out.join('\n'));
  return 0;
}
