// study streak [--weeks N] [--habit ID]: current and longest streak, today's status, and
// a GitHub-style heatmap of the last N weeks.
import { addDaysTo, weekdayOf, weekStartOf } from '../../core/calendar.js';
import { allHabits, LEETCODE_HABIT } from '../../core/habits.js';
import { settingsFrom } from '../../core/settings.js';
import { heatmapGrid, isRestDay, leetcodeNote, studyDayOfLocal } from '../../core/streak.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError, UsageError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { longDate } from '../../render/dates.js';
import { plural, safe, truncate, width } from '../../render/text.js';
import { habitStreak } from '../shared.js';
import type { StreakOptions } from './index.js';

export const DEFAULT_WEEKS = 26;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export default async function streak(run: Run, args: string[], opts: StreakOptions): Promise<number> {
  if (args[0] !== undefined && opts.habit !== undefined && args[0].trim() !== opts.habit.trim()) {
    throw new UsageError(`HABIT and --habit name two habits ("${safe(args[0])}", "${safe(opts.habit)}"); give one`);
  }
  let weeks = opts.weeks ?? DEFAULT_WEEKS;
  const store = await run.reader();
  const settings = settingsFrom(store.settings.all());
  const habitId = (args[0] ?? opts.habit)?.trim() || LEETCODE_HABIT;
  // The habits roadmaps declare, as the store keeps them beside each roadmap: no model is
  // parsed. Those of the started plans as study today has them (titles included); a habit
  // only a roadmap nobody started declares, from it.
  const started = new Set(store.plans.startedIds());
  const declared = store.roadmaps.habits();
  const habits = allHabits(declared);
  const habit = allHabits(declared.filter((r) => started.has(r.id))).find((h) => h.id === habitId) ?? habits.find((h) => h.id === habitId);
  if (habit === undefined) {
    throw new StudyError(`unknown habit "${safe(habitId)}"; habits: ${habits.map((h) => h.id).join(', ')} (roadmap files declare them under habits:)`);
  }

  const today = studyDayOfLocal(run.now.local, settings.dayStart);
  const s = habitStreak(store, habit.id, today, settings);

  if (!run.json) {
    const { weeksThatFit } = await import('../../render/heatmap.js');
    const fit = weeksThatFit(run.columns);
    if (weeks > fit) {
      run.note(`--weeks ${weeks} does not fit ${run.columns} columns; showing the last ${fit}`);
      weeks = fit;
    }
  }
  // Only the days the heatmap shows, by index.
  const first = addDaysTo(weekStartOf(today, settings.weekStart), -7 * (weeks - 1));
  const frozen = s.frozenDays.filter((d) => d >= first);
  const grid = heatmapGrid(store.sessions.countsBetween(habit.id, first, today), today, weeks, settings.weekStart, new Set(frozen));
  const days = grid.flatMap((col) => col.cells.flatMap((cell) => (cell ? [{ date: cell.date, count: cell.count }] : [])));

  if (run.json) {
    run.out(
      JSON.stringify({
        habit: habit.id,
        current: s.current,
        longest: s.longest,
        doneToday: s.doneToday,
        atRisk: s.atRisk,
        today,
        todayCount: s.todayCount,
        dailyTarget: settings.dailyTarget,
        restToday: isRestDay(today, settings.restDays),
        title: habit.title,
        weeks,
        days,
        freezesPerMonth: settings.freezesPerMonth,
        freezesLeft: s.freezesLeft,
        frozenDays: frozen,
      }),
    );
    return 0;
  }

  const c = run.chalk;
  const { renderHeatmap } = await import('../../render/heatmap.js');
  const target = settings.dailyTarget;
  const lines: string[] = [];
  const figures = `: current streak ${c.bold(plural(s.current, 'day'))} · longest ${plural(s.longest, 'day')}`;
  lines.push(c.bold(truncate(safe(habit.title), Math.max(12, run.columns - width(figures)))) + figures);

  const weekday = WEEKDAYS[weekdayOf(today)]!;
  const sessionsToday = target > 1 ? `${s.todayCount} of ${target} sessions` : plural(s.todayCount, 'session');
  let status: string;
  if (s.doneToday) status = c.green(`done, ${sessionsToday}`);
  else if (isRestDay(today, settings.restDays)) status = `a rest day, nothing needed${s.todayCount ? ` (${sessionsToday})` : ''}; a session still counts`;
  else if (s.atRisk) status = c.yellow(`open${s.todayCount ? ` (${sessionsToday})` : ''}, the ${s.current}-day streak is at risk`);
  else status = s.todayCount ? `open (${sessionsToday})` : 'open, no session yet';
  lines.push(`today (${weekday} ${today}): ${status}`);
  if (settings.freezesPerMonth > 0) {
    const month = longDate(today).split(' ')[2]!;
    lines.push(c.dim(`freezes: ${s.freezesLeft} of ${settings.freezesPerMonth} left in ${month}; a missed day uses one`));
  }
  // LeetCode counts days in UTC: said while today is open, when it differs here
  const note = habit.id === LEETCODE_HABIT && !s.doneToday ? leetcodeNote(timestampOf(run.now), today, settings.dayStart) : null;
  if (note) lines.push(c.dim(note));
  lines.push('');
  lines.push(...renderHeatmap(grid, { weekStart: settings.weekStart, dailyTarget: target, chalk: c, freezes: settings.freezesPerMonth > 0 || frozen.length > 0 }));
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  lines.push(c.dim(`${plural(total, 'session')} on ${plural(active, 'day')} in the last ${plural(weeks, 'week')}`));
  run.out(lines.join('\n'));
  return 0;
}
