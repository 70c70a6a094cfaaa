// study leet list [--since D] [--problem P]: the logged LeetCode sessions, oldest first.
import { LEETCODE_HABIT } from '../../core/habits.js';
import { filterByProblem, parseProblem, problemLabel, type ProblemRef } from '../../core/leet.js';
import { resolveProblem } from '../../core/leet/resolve.js';
import { UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural, safe, truncate } from '../../render/text.js';
import { studyDayOfLocal } from '../../core/streak.js';
import { pastDayOf, settingsBeforeWriting } from '../shared.js';
import type { LeetListOptions } from './index.js';
import { sessionJson } from './shared.js';

export default async function list(run: Run, _args: string[], opts: LeetListOptions): Promise<number> {
  let filter: ProblemRef | null = null;
  if (opts.problem !== undefined) {
    filter = parseProblem(opts.problem);
    if (filter === null) throw new UsageError('--problem: expected a number, slug, title or URL');
  }
  const since =
    opts.since === undefined ? null : pastDayOf('--since', opts.since, studyDayOfLocal(run.now.local, (await settingsBeforeWriting(run, 'read')).dayStart));
  const store = await run.reader();
  // only the days asked about, by index
  let rows = since === null ? store.sessions.all(LEETCODE_HABIT) : store.sessions.between(LEETCODE_HABIT, since, '9999-12-31');
  if (filter !== null) {
    // a catalogue problem: its sessions carry its number and slug, however they were typed
    const p = resolveProblem(filter.problem, store.leet.lookup());
    rows = p?.known ? rows.filter((r) => r.number === p.number || r.slug === p.slug) : filterByProblem(rows, filter);
  }
  if (since !== null) rows = rows.filter((r) => r.day >= since);

  if (run.json) {
    run.out(JSON.stringify(rows.map(sessionJson)));
    return 0;
  }
  if (rows.length === 0) {
    run.note(
      filter !== null || since !== null
        ? 'no LeetCode sessions match'
        : 'no LeetCode sessions yet; log one: study leet log two-sum --minutes 20',
    );
    return 0;
  }
  const { table } = await import('../../render/table.js');
  const c = run.chalk;
  // One line per session; its tags and note, when it has any, on a line below it.
  const lines = table(
    [
      ['date', 'time', 'problem', 'level', 'min', 'result'],
      ...rows.map((r) => [
        r.day,
        r.at.slice(11, 16),
        safe(problemLabel(r)),
        r.difficulty ?? '-',
        r.minutes === null ? '-' : String(r.minutes),
        r.result ?? '-',
      ]),
    ],
    [{}, {}, { flex: 1, min: 16 }, {}, { align: 'right' }, {}],
    run.columns,
  );
  const out = [c.dim(lines[0]!)];
  const indent = ' '.repeat(19); // under the problem
  rows.forEach((r, i) => {
    out.push(lines[i + 1]!);
    const extra = [r.tags.map((t) => `#${t}`).join(' '), r.note ?? ''].filter((x) => x !== '').join(' · ');
    if (extra !== '') out.push(indent + c.dim(truncate(safe(extra), Math.max(8, run.columns - indent.length))));
  });
  run.out(out.join('\n'));
  run.note(plural(rows.length, 'session'));
  return 0;
}
