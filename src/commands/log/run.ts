// study log HABIT [--minutes N] [--date D] [--note T]: a session of a declared habit.
import { allHabits, LEETCODE_HABIT } from '../../core/habits.js';
import type { NewSession } from '../../core/records.js';
import { studyDayOfLocal } from '../../core/streak.js';
import { StudyError, UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';
import { habitStreak, pastDayOf, sessionTimestamp, settingsBeforeWriting, storeWithRoadmaps } from '../shared.js';
import type { LogOptions } from './index.js';

export default async function log(run: Run, args: string[], opts: LogOptions): Promise<number> {
  const habitId = args[0]!.trim();
  if (habitId === LEETCODE_HABIT) throw new UsageError('LeetCode sessions name their problem: study leet log PROBLEM');
  const settings = await settingsBeforeWriting(run);
  const today = studyDayOfLocal(run.now.local, settings.dayStart);
  const day = pastDayOf('--date', opts.date, today);
  const store = await storeWithRoadmaps(run);
  const habits = allHabits(store.roadmaps.habits()).filter((h) => h.id !== LEETCODE_HABIT);
  const habit = habits.find((h) => h.id === habitId);
  if (!habit) {
    throw new StudyError(
      habits.length
        ? `unknown habit "${safe(habitId)}"; habits: ${habits.map((h) => h.id).join(', ')}`
        : `no roadmap declares a habit; add one under habits: in a roadmap file (docs/roadmap-format.md)`,
    );
  }
  const note = opts.note?.trim();
  const session: NewSession = {
    habitId,
    at: sessionTimestamp(run, today, day),
    day,
    problem: null,
    number: null,
    slug: null,
    title: null,
    difficulty: null,
    minutes: opts.minutes ?? null,
    result: null,
    tags: [],
    note: note ? note : null,
  };
  const id = store.sessions.add(session, habit.title);
  const streak = habitStreak(store, habitId, today, settings);
  if (run.json) {
    run.out(JSON.stringify({ session: { id, habit: habitId, date: day, at: session.at, minutes: session.minutes, note: session.note }, streak: { current: streak.current, longest: streak.longest, doneToday: streak.doneToday } }));
    return 0;
  }
  run.note(`logged ${safe(habit.title)}${session.minutes ? ` (${session.minutes} min)` : ''} for ${day} · streak ${plural(streak.current, 'day')}`);
  return 0;
}
