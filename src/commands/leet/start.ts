// study leet start LIST [--per-day N] [--on DATE]: work through NeetCode 150 or Blind 75,
// a few new problems a day, in place of any list started before.
import { dayFromWords } from '../../core/calendar.js';
import { DEFAULT_PER_DAY, isListId, LIST_IDS, LISTS } from '../../core/leet/plan.js';
import { timestampOf } from '../../cli/clock.js';
import { UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { weekdayDate } from '../../render/dates.js';
import { plural, safe } from '../../render/text.js';
import { todayOf } from '../shared.js';
import type { LeetStartOptions } from './index.js';
import { labelOf } from './shared.js';
import { startedPlan } from './plan.js';

export default async function start(run: Run, args: string[], opts: LeetStartOptions): Promise<number> {
  const list = args[0]!.trim().toLowerCase();
  if (!isListId(list)) throw new UsageError(`LIST: expected ${LIST_IDS.join(' or ')}, got "${safe(args[0]!)}"; see study leet lists`);
  const store = await run.store();
  const { today, settings } = todayOf(run, store);
  const before = store.leet.lists()[0];
  const startDay = opts.on === undefined ? today : dayFromWords(opts.on, today)!;
  const perDay = opts.perDay ?? DEFAULT_PER_DAY;
  store.leet.startList(list, startDay, perDay, timestampOf(run.now));
  const plan = startedPlan(store, startDay, settings)!;
  const title = LISTS.find((l) => l.id === list)!.title;
  if (run.json) {
    run.out(JSON.stringify({ list, title, start: startDay, perDay, problems: plan.day.total, replaced: before?.list ?? null }));
    return 0;
  }
  if (before) run.note(`replaces ${before.list} (started ${before.startDay})`);
  const first = plan.day.next;
  run.note(
    `started ${title} on ${weekdayDate(startDay)}: ${plural(plan.day.total, 'problem')} to solve, ${perDay} a day` +
      (first ? `; first: ${safe(labelOf(first))}` : ''),
  );
  run.note('see them each day in study today, or: study leet next');
  return 0;
}
