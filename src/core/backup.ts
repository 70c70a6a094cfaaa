// The backup document of `study export` / `study import-backup`: the store's user tables
// as one versioned JSON document. Text columns that hold JSON (a roadmap's model, a plan
// version's schedule, an item's attributes, a session's tags) are written as JSON, not as
// strings of JSON, so that the document reads well. Pure.
//
// Version 2 (store version 5) keeps every version of a plan (plan_versions); a version 1
// document's plans (one schedule each) are read as plans with one version. Version 3
// (store version 7) adds each session's rating and the started LeetCode list
// (leet_lists), the minutes of a completion and the event that made each completion,
// session and plan version (store version 6); an older document's sessions get their
// ratings when restored.
import type { PlanVersionRow, SessionRow } from './records.js';

export const BACKUP_FORMAT = 'study-backup';
export const BACKUP_VERSION = 3;

/** The user tables of the store, row by row, as the store keeps them (snake_case columns). */
export interface BackupTables {
  settings: { key: string; value: string }[];
  roadmaps: { id: string; title: string; kind: string; model: string; source_path: string; source_text: string; source_hash: string; loaded_at: string }[];
  items: {
    id: string;
    roadmap_id: string;
    section_id: string;
    parent_id: string | null;
    position: number;
    kind: string;
    title: string;
    is_leaf: number;
    done_in_file: number;
    attrs: string;
    archived_at: string | null;
  }[];
  completions: { id: number; item_id: string; day: string; at: string; undone_at: string | null; minutes?: number | null; event_id?: string | null }[];
  plans: { roadmap_id: string; started_at: string }[];
  /** A plan version's row (core/records.ts), with its schedule as JSON text. */
  plan_versions: (PlanVersionRow & { schedule: string; event_id?: string | null })[];
  /** A session's row (core/records.ts), with its tags as JSON text. */
  sessions: (Omit<SessionRow, 'tags'> & { tags: string; event_id?: string | null })[];
  leet_lists: { list: string; start_day: string; per_day: number; started_at: string }[];
}

/** The tables of a backup, in an order that satisfies their foreign keys. */
export const BACKUP_TABLES = ['settings', 'roadmaps', 'items', 'completions', 'plans', 'plan_versions', 'sessions', 'leet_lists'] as const;

type Parsed<T, K extends string> = Omit<T, K> & { [P in K]: unknown };

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  study: string;
  schemaVersion: number;
  settings: BackupTables['settings'];
  roadmaps: Parsed<BackupTables['roadmaps'][number], 'model'>[];
  items: Parsed<BackupTables['items'][number], 'attrs'>[];
  completions: BackupTables['completions'];
  plans: BackupTables['plans'];
  plan_versions: Parsed<BackupTables['plan_versions'][number], 'schedule'>[];
  sessions: Parsed<BackupTables['sessions'][number], 'tags'>[];
  leet_lists: BackupTables['leet_lists'];
}

/** A plan as a version 1 document has it: one schedule. */
export interface PlanV1 {
  roadmap_id: string;
  start_day: string;
  hours_per_week: number;
  pace: string;
  schedule: unknown;
  started_at: string;
  replanned_at: string | null;
}

export function toDocument(tables: BackupTables, meta: { exportedAt: string; study: string; schemaVersion: number }): BackupDocument {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    ...meta,
    settings: tables.settings,
    roadmaps: tables.roadmaps.map((r) => ({ ...r, model: JSON.parse(r.model) })),
    items: tables.items.map((r) => ({ ...r, attrs: JSON.parse(r.attrs) })),
    completions: tables.completions,
    plans: tables.plans,
    plan_versions: tables.plan_versions.map((r) => ({ ...r, schedule: JSON.parse(r.schedule) })),
    sessions: tables.sessions.map((r) => ({ ...r, tags: JSON.parse(r.tags) })),
    leet_lists: tables.leet_lists,
  };
}

export function fromDocument(doc: BackupDocument): BackupTables {
  return {
    settings: doc.settings,
    roadmaps: doc.roadmaps.map((r) => ({ ...r, model: JSON.stringify(r.model) })),
    items: doc.items.map((r) => ({ ...r, attrs: JSON.stringify(r.attrs) })),
    completions: doc.completions,
    plans: doc.plans,
    plan_versions: doc.plan_versions.map((r) => ({ ...r, schedule: JSON.stringify(r.schedule) })),
    sessions: doc.sessions.map((r) => ({ ...r, rating: r.rating ?? null, tags: JSON.stringify(r.tags) })),
    leet_lists: doc.leet_lists,
  };
}

/** A version 1 document's plans, as plans and their first versions. */
export function plansFromV1(plans: readonly PlanV1[]): Pick<BackupDocument, 'plans' | 'plan_versions'> {
  return {
    plans: plans.map((p) => ({ roadmap_id: p.roadmap_id, started_at: p.started_at })),
    plan_versions: plans.map((p) => ({
      roadmap_id: p.roadmap_id,
      version: 1,
      kind: 'start',
      effective_day: p.started_at.slice(0, 10),
      at: p.started_at,
      start_day: p.start_day,
      hours_per_week: p.hours_per_week,
      pace: p.pace,
      schedule: p.schedule,
    })),
  };
}
