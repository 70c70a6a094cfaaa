// Habits: the built-in `leetcode` one (fed by `study leet log`) and those declared in
// roadmap files under `habits:`, with their streaks for `study today` and `study streak`.
// Pure: the sessions per day and today are passed in.
import type { Roadmap } from './model.js';
import type { StreakResult } from './streak.js';

/** The habit `study leet log` feeds. */
export const LEETCODE_HABIT = 'leetcode';

export interface HabitRef {
  readonly id: string;
  readonly title: string;
  /** Roadmaps that declare it (none for a built-in habit nobody declares). */
  readonly roadmaps: readonly string[];
}

export interface HabitStatus {
  readonly id: string;
  readonly title: string;
  /** Today already has `daily-target` sessions. */
  readonly doneToday: boolean;
  readonly current: number;
  readonly longest: number;
  /** Today is open, not a rest day, and a streak > 0 ends with it unless a session is logged. */
  readonly atRisk: boolean;
  /** Sessions today. */
  readonly todayCount: number;
}

/**
 * Every habit: `leetcode` first (titled by the first roadmap that declares it, else
 * 'LeetCode'), then the habits roadmaps declare, in roadmap then file order, each id once
 * (the first declaration gives the title).
 */
export function allHabits(roadmaps: readonly { readonly id: string; readonly habits?: readonly Pick<Roadmap['habits'][number], 'id' | 'title'>[] }[]): HabitRef[] {
  const found = new Map<string, { title: string; roadmaps: string[] }>();
  found.set(LEETCODE_HABIT, { title: '', roadmaps: [] });
  for (const r of roadmaps) {
    for (const h of r.habits ?? []) {
      const entry = found.get(h.id);
      if (entry === undefined) {
        found.set(h.id, { title: h.title, roadmaps: [r.id] });
      } else {
        if (entry.title === '') entry.title = h.title;
        if (!entry.roadmaps.includes(r.id)) entry.roadmaps.push(r.id);
      }
    }
  }
  return [...found].map(([id, e]) => ({ id, title: e.title === '' ? 'LeetCode' : e.title, roadmaps: e.roadmaps }));
}

/** The status of each habit, in the order given (an id given twice is reported once), its streak from `streakFor`. */
export function habitStatuses(habits: readonly Pick<HabitRef, 'id' | 'title'>[], streakFor: (id: string) => StreakResult): HabitStatus[] {
  const seen = new Set<string>();
  const out: HabitStatus[] = [];
  for (const h of habits) {
    if (seen.has(h.id)) continue;
    seen.add(h.id);
    const s = streakFor(h.id);
    out.push({
      id: h.id,
      title: h.title,
      doneToday: s.doneToday,
      current: s.current,
      longest: s.longest,
      atRisk: s.atRisk,
      todayCount: s.todayCount,
    });
  }
  return out;
}
