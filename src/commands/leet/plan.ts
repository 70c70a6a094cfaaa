// The started list as a plan for a day: what `study leet next`, `study leet lists` and
// `study today` show of it. Read by index: the started list (one row) and its problems
// with the day each was first solved (the card read model).
import type { Day } from '../../core/calendar.js';
import { compareInListOrder } from '../../core/leet/catalogue.js';
import { LISTS, planDay, type ListInfo, type PlanDay } from '../../core/leet/plan.js';
import type { Settings } from '../../core/settings.js';
import type { StartedList, Store } from '../../store/index.js';

export interface StartedPlan {
  readonly started: StartedList;
  readonly info: ListInfo;
  /** The plan on the day asked about (core/leet/plan.ts planDay). */
  readonly day: PlanDay;
}

/** The started list on `day`, or null when none is started. */
export function startedPlan(store: Store, day: Day, settings: Settings): StartedPlan | null {
  const started = store.leet.lists()[0];
  if (started === undefined) return null;
  const rows = store.leet.listProblems(started.list);
  const solved = new Map<number, Day>();
  for (const r of rows) if (r.firstSolved !== null) solved.set(r.problem.number, r.firstSolved);
  const problems = rows.map((r) => r.problem).sort(compareInListOrder);
  const plan = { problems, start: started.startDay, perDay: started.perDay, restDays: settings.restDays };
  return { started, info: LISTS.find((l) => l.id === started.list)!, day: planDay(plan, solved, day) };
}
