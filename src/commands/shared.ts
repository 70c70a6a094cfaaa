// What several commands need: finding a roadmap by what the user typed, and the
// bundled roadmaps on a brand-new store.
import { existsSync } from 'node:fs';
import type { Plan } from '../core/agenda.js';
import { parseDay, type Day } from '../core/calendar.js';
import { resolveDone } from '../core/progress.js';
import type { Schedule } from '../core/schedule.js';
import { settingsFrom, type Settings } from '../core/settings.js';
import { studyDayOfLocal } from '../core/streak.js';
import type { Run } from '../run.js';
import type { PlanRow, Store } from '../store/store.js';
import { StudyError, UsageError } from '../errors.js';
import { safe } from '../text.js';

/** A ROADMAP argument checked before the store is opened: an empty one is a usage error. */
export function roadmapArg(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError('ROADMAP: expected a roadmap id (see study roadmaps), got an empty string');
  return value;
}

/** A roadmap id from an exact id or a unique prefix of one. */
export function findRoadmapId(store: Store, wanted: string): string {
  const ids = store.roadmapIds();
  if (ids.includes(wanted)) return wanted;
  const matches = ids.filter((id) => id.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new StudyError(`roadmap "${safe(wanted)}" is ambiguous: ${matches.join(', ')}`);
  }
  if (ids.length === 0) throw new StudyError(`no roadmaps are loaded; run: study load`);
  throw new StudyError(`roadmap "${safe(wanted)}" not found; loaded: ${ids.join(', ')} (see study roadmaps)`);
}

/**
 * The store, with the bundled roadmaps loaded into it if it has never had any roadmap,
 * so that a first `study today` or `study roadmaps` shows something real.
 */
export async function storeWithRoadmaps(run: Run): Promise<Store> {
  const store = await run.store();
  if (store.isEmpty()) {
    const { loadPaths } = await import('./load.js');
    const reports = await loadPaths(run, []);
    const items = reports.reduce((n, r) => n + r.items, 0);
    run.note(`first run: loaded the ${reports.length} bundled roadmaps (${items} items) into ${safe(run.dbPath)}`);
  }
  return store;
}

/**
 * The settings, read without creating a store: one that does not exist yet has the
 * defaults. For checking arguments that depend on them (a --date in the future) before
 * anything is written.
 */
export async function settingsBeforeWriting(run: Run): Promise<Settings> {
  if (!existsSync(run.dbPath)) return settingsFrom({});
  return settingsFrom((await run.store()).settings());
}

/** Today's study day and the settings, as every plan-aware command needs them. */
export function todayOf(run: Run, store: Store): { today: Day; settings: Settings } {
  const settings = settingsFrom(store.settings());
  return { today: studyDayOfLocal(run.now.local, settings.dayStart), settings };
}

export interface LoadedPlan extends Plan {
  readonly row: PlanRow;
}

/** The started plans (all, or the one for `roadmapId`), each with its roadmap and done set. */
export function loadPlans(store: Store, roadmapId?: string): LoadedPlan[] {
  return store
    .plans()
    .filter((row) => roadmapId === undefined || row.roadmapId === roadmapId)
    .flatMap((row) => {
      const stored = store.getRoadmap(row.roadmapId);
      if (!stored) return [];
      return [
        {
          row,
          roadmap: stored.roadmap,
          startDay: row.startDay,
          schedule: JSON.parse(row.schedule) as Schedule,
          done: resolveDone(stored.roadmap, stored.marked),
        },
      ];
    });
}

/** A --date / --on value: a real calendar day, or a usage error naming the option. */
export function dayOption(option: string, value: unknown): Day | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(String(value));
  if (day === null) throw new UsageError(`${option}: expected a date YYYY-MM-DD that exists, got "${safe(String(value))}"`);
  return day;
}
