// study leet next: the next new problem of the started list: the first of today's not
// yet solved, else (today's done) the first unsolved one of the list.
import type { Run } from '../../cli/run.js';
import { plural, safe, truncate } from '../../render/text.js';
import { todayOf } from '../shared.js';
import { startedPlan } from './plan.js';
import { labelOf, problemJson, urlOf } from './shared.js';

export default async function next(run: Run): Promise<number> {
  const store = await run.reader();
  const { today, settings } = todayOf(run, store);
  const plan = startedPlan(store, today, settings);
  if (plan === null) {
    if (run.json) run.out('null');
    run.note('no list is started; start one: study leet start neetcode150 (see study leet lists)');
    return 0;
  }
  const d = plan.day;
  const problem = d.today.find((p) => !p.solved)?.problem ?? d.next;
  const todaySolved = d.today.filter((p) => p.solved).length;
  if (run.json) {
    run.out(
      JSON.stringify({
        list: plan.started.list,
        problem: problem ? problemJson(problem) : null,
        url: problem ? urlOf(problem) : null,
        today: { new: d.today.length, solved: todaySolved },
        done: d.done,
        total: d.total,
        behind: d.behind,
      }),
    );
    return 0;
  }
  if (problem === null) {
    run.note(`every problem of ${plan.info.title} is solved: ${d.done} of ${d.total}`);
    return 0;
  }
  const c = run.chalk;
  run.out(
    [
      `${c.bold(truncate(safe(labelOf(problem)), run.columns - 30))}  ${problem.difficulty} · ${safe(problem.pattern)}`,
      c.dim(urlOf(problem) ?? ''),
    ].join('\n'),
  );
  const status = [`${plan.info.title}: ${d.done} of ${d.total} solved`];
  if (d.today.length > 0) status.push(`today ${todaySolved} of ${plural(d.today.length, 'new problem')}`);
  else if (d.done < d.total) status.push('none new today');
  if (d.behind > 0) status.push(`${d.behind} behind`);
  run.note(status.join(' · '));
  return 0;
}
