// The backup document of `study export` / `study import-backup`: the store's user tables
// as one versioned JSON document. Text columns that hold JSON (a roadmap's model, a plan
// version's schedule, an item's attributes, a session's tags) are written as JSON, not as
// strings of JSON, so that the document reads well. Pure.
//
// Version 2 (store version 5) keeps every version of a plan (plan_versions); a version 1
// document's plans (one schedule each) are read as plans with one version.

export const BACKUP_FORMAT = 'study-backup';
export const BACKUP_VERSION = 2;

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
  plan_versions: {
    roadmap_id: string;
    version: number;
    kind: string;
    effective_day: string;
    at: string;
    start_day: string;
    hours_per_week: number;
    pace: string;
    schedule: string;
    event_id?: string | null;
  }[];
  sessions: {
    id: number;
    habit_id: string;
    at: string;
    day: string;
    problem: string | null;
    number: number | null;
    slug: string | null;
    title: string | null;
    difficulty: string | null;
    minutes: number | null;
    result: string | null;
    tags: string;
    note: string | null;
    event_id?: string | null;
  }[];
}

/** The tables of a backup, in an order that satisfies their foreign keys. */
export const BACKUP_TABLES = ['settings', 'roadmaps', 'items', 'completions', 'plans', 'plan_versions', 'sessions'] as const;

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
    sessions: doc.sessions.map((r) => ({ ...r, tags: JSON.stringify(r.tags) })),
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
