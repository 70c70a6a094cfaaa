// The slow, obvious versions of what the store keeps by index, computed from a roadmap's
// model and its completions: the test oracle the store's counts are held to.
import type { Day } from '../../src/core/calendar.js';
import type { Roadmap } from '../../src/core/model.js';
import { planLeaves } from '../../src/core/plan.js';
import { resolveDone, type ProgressCounts } from '../../src/core/progress.js';
import type { Schedule } from '../../src/core/schedule.js';
import { addDaysTo } from '../../src/core/calendar.js';

/**
 * The progress counts of a roadmap as of the end of study day `day`: every leaf, whether
 * it was done by then (marked in its file, or its completion day on or before `day`, or
 * all its children...: leaves have none), by due week under `schedule` (none: not started).
 */
export function countsFromModel(roadmap: Roadmap, schedule: Schedule | null, doneDays: ReadonlyMap<string, Day>, day: Day): ProgressCounts {
  const marked = new Set([...doneDays].filter(([, d]) => d <= day).map(([id]) => id));
  const done = resolveDone(roadmap, marked);
  const weeks = new Map<number, { week: number; due: number; done: number }>();
  let total = 0;
  let doneCount = 0;
  let recent = 0;
  const from = addDaysTo(day, -27);
  for (const leaf of planLeaves(roadmap, schedule)) {
    total++;
    const isDone = done.has(leaf.id);
    if (isDone) doneCount++;
    const d = doneDays.get(leaf.id);
    if (d !== undefined && d >= from && d <= day) recent++;
    if (schedule) {
      const w = leaf.due ?? 0;
      const row = weeks.get(w) ?? { week: w, due: 0, done: 0 };
      row.due++;
      if (isDone) row.done++;
      weeks.set(w, row);
    }
  }
  return { total, done: doneCount, weeks: [...weeks.values()].sort((a, b) => a.week - b.week), recent };
}
