// The backup document of `study export` / `study import-backup`: the store's user tables
// as one versioned JSON document. Text columns that hold JSON (a roadmap's model, a plan's
// schedule, an item's attributes, a session's tags) are written as JSON, not as strings
// of JSON, so that the document reads well. Pure.
import type { BackupTables } from '../store/store.js';

export const BACKUP_FORMAT = 'study-backup';
export const BACKUP_VERSION = 1;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  study: string;
  schemaVersion: number;
  settings: BackupTables['settings'];
  roadmaps: (Omit<BackupTables['roadmaps'][number], 'model'> & { model: unknown })[];
  items: (Omit<BackupTables['items'][number], 'attrs'> & { attrs: unknown })[];
  completions: BackupTables['completions'];
  plans: (Omit<BackupTables['plans'][number], 'schedule'> & { schedule: unknown })[];
  sessions: (Omit<BackupTables['sessions'][number], 'tags'> & { tags: unknown })[];
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
    plans: tables.plans.map((r) => ({ ...r, schedule: JSON.parse(r.schedule) })),
    sessions: tables.sessions.map((r) => ({ ...r, tags: JSON.parse(r.tags) })),
  };
}

export function fromDocument(doc: BackupDocument): BackupTables {
  return {
    settings: doc.settings,
    roadmaps: doc.roadmaps.map((r) => ({ ...r, model: JSON.stringify(r.model) })),
    items: doc.items.map((r) => ({ ...r, attrs: JSON.stringify(r.attrs) })),
    completions: doc.completions,
    plans: doc.plans.map((r) => ({ ...r, schedule: JSON.stringify(r.schedule) })),
    sessions: doc.sessions.map((r) => ({ ...r, tags: JSON.stringify(r.tags) })),
  };
}
