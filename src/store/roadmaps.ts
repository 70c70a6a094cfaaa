// Roadmaps and their items: loading (all or nothing, unchanged files untouched, removed
// items archived with their history), and reading them back.
import { diffItems, itemRecords, type ItemDiff, type StoredItemRecord } from '../core/load-diff.js';
import type { Roadmap } from '../core/model.js';
import { basename } from 'node:path';
import { recordChange, type Recorder } from './changes.js';
import { lazy, write, type Db } from './db.js';
import { indexRoadmap, under } from './read-models.js';

export interface LoadInput {
  readonly roadmap: Roadmap;
  readonly absPath: string;
  readonly text: string;
  readonly hash: string;
}

export interface LoadReport {
  readonly id: string;
  /** Items in the roadmap as loaded (parents and leaves). */
  readonly items: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly archived: number;
  /** Nothing at all changed (the same file was loaded before). */
  readonly same: boolean;
}

export interface RoadmapRow {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
}

interface ItemDbRow {
  id: string;
  section_id: string;
  parent_id: string | null;
  position: number;
  kind: string;
  title: string;
  is_leaf: number;
  done_in_file: number;
  attrs: string;
  archived_at: string | null;
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function statements(db: Db) {
  return lazy({
    hash: () => db.prepare<[string], { source_hash: string; source_path: string }>('SELECT source_hash, source_path FROM roadmaps WHERE id = ?'),
    upsert: () =>
      db.prepare(
        `INSERT INTO roadmaps (id, title, kind, model, source_path, source_text, source_hash, loaded_at)
         VALUES (@id, @title, @kind, @model, @sourcePath, @sourceText, @sourceHash, @loadedAt)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, kind = excluded.kind, model = excluded.model,
           source_path = excluded.source_path, source_text = excluded.source_text,
           source_hash = excluded.source_hash, loaded_at = excluded.loaded_at`,
      ),
    itemsOf: () =>
      db.prepare<[string], ItemDbRow>(
        'SELECT id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at FROM items WHERE roadmap_id = ?',
      ),
    upsertItem: () =>
      db.prepare(
        `INSERT INTO items (id, roadmap_id, section_id, parent_id, position, kind, title, is_leaf, done_in_file, attrs, archived_at)
         VALUES (@id, @roadmapId, @sectionId, @parentId, @position, @kind, @title, @isLeaf, @doneInFile, @attrs, NULL)
         ON CONFLICT(id) DO UPDATE SET roadmap_id = excluded.roadmap_id, section_id = excluded.section_id,
           parent_id = excluded.parent_id, position = excluded.position, kind = excluded.kind, title = excluded.title,
           is_leaf = excluded.is_leaf, done_in_file = excluded.done_in_file, attrs = excluded.attrs, archived_at = NULL`,
      ),
    archive: () => db.prepare<[string, string]>('UPDATE items SET archived_at = ? WHERE id = ?'),
  });
}
const rowSt = (db: Db): ReturnType<typeof statements> => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

/**
 * Writes one roadmap as loaded at `loadedAt`: its row, its items (added, updated, those
 * no longer in it archived with their history) and its read models (unless `index` is
 * false: the caller rebuilds them after more writes). Records nothing (the
 * caller does: a load, or `study sync` applying another machine's). In the caller's
 * transaction.
 */
export function writeRoadmap(db: Db, input: LoadInput, loadedAt: string, index = true): ItemDiff {
  const s = rowSt(db);
  const { roadmap } = input;
  const stored: StoredItemRecord[] = s.itemsOf.all(roadmap.id).map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    parentId: r.parent_id,
    position: r.position,
    kind: r.kind,
    title: r.title,
    isLeaf: r.is_leaf === 1,
    doneInFile: r.done_in_file === 1,
    attrs: r.attrs,
    archived: r.archived_at !== null,
  }));
  const diff = diffItems(stored, itemRecords(roadmap));
  s.upsert.run({
    id: roadmap.id,
    title: roadmap.title,
    kind: roadmap.kind,
    model: JSON.stringify(roadmap),
    sourcePath: input.absPath,
    sourceText: input.text,
    sourceHash: input.hash,
    loadedAt,
  });
  for (const r of [...diff.added, ...diff.updated]) {
    s.upsertItem.run({ ...r, roadmapId: roadmap.id, isLeaf: r.isLeaf ? 1 : 0, doneInFile: r.doneInFile ? 1 : 0 });
  }
  for (const id of diff.archived) s.archive.run(loadedAt, id);
  if (index) indexRoadmap(db, roadmap.id, roadmap);
  return diff;
}

/** Deletes a roadmap with its items, their completions and its plan, and its read models. Records nothing. In the caller's transaction. */
export function deleteRoadmap(db: Db, id: string): void {
  const [lo, hi] = under(id);
  db.prepare<[string, string]>('DELETE FROM completions WHERE item_id >= ? AND item_id < ?').run(lo, hi);
  db.prepare<[string]>('DELETE FROM items WHERE roadmap_id = ?').run(id);
  db.prepare<[string]>('DELETE FROM plan_versions WHERE roadmap_id = ?').run(id);
  db.prepare<[string]>('DELETE FROM plans WHERE roadmap_id = ?').run(id);
  db.prepare<[string]>('DELETE FROM roadmaps WHERE id = ?').run(id);
  indexRoadmap(db, id, null);
}

export function roadmapsOf(db: Db) {
  const st = lazy({
    hash: () => db.prepare<[string], { source_hash: string; source_path: string }>('SELECT source_hash, source_path FROM roadmaps WHERE id = ?'),
    bySource: () => db.prepare<[string, string], string>('SELECT id FROM roadmaps WHERE source_path = ? AND source_hash = ?').pluck(),
    itemCount: () => db.prepare<[string, string], number>('SELECT count(*) FROM item_keys WHERE id >= ? AND id < ?').pluck(),
    any: () => db.prepare<[], number>('SELECT 1 FROM roadmaps LIMIT 1').pluck(),
    list: () => db.prepare<[], RoadmapRow>('SELECT id, title, kind FROM roadmaps ORDER BY id'),
    model: () => db.prepare<[string], { model: string; source_path: string; loaded_at: string }>('SELECT model, source_path, loaded_at FROM roadmaps WHERE id = ?'),
    sourcePath: () => db.prepare<[string], string>('SELECT source_path FROM roadmaps WHERE id = ?').pluck(),
    habits: () => db.prepare<[], { roadmap_id: string; habits: string }>('SELECT roadmap_id, habits FROM roadmap_habits ORDER BY roadmap_id'),
  });

  return {
    /**
     * Loads roadmaps in one transaction: all or nothing. A roadmap whose file is byte for
     * byte the one loaded before is not touched at all; an edited one is updated in place,
     * its removed items archived with their history, its plan's read models rebuilt.
     */
    load(inputs: readonly LoadInput[], loadedAt: string): LoadReport[] {
      return write(db, () => {
        let change: Recorder | undefined;
        return inputs.map((input): LoadReport => {
          const { roadmap } = input;
          const previous = st.hash.get(roadmap.id);
          if (previous && previous.source_hash === input.hash && previous.source_path === input.absPath) {
            const n = itemRecords(roadmap).length;
            return { id: roadmap.id, items: n, added: 0, updated: 0, unchanged: n, archived: 0, same: true };
          }
          const diff = writeRoadmap(db, input, loadedAt);
          change ??= recordChange(db, 'load', `loaded ${inputs.map((i) => i.roadmap.id).join(', ')}`, loadedAt, null);
          change.event('roadmap.loaded', { roadmapId: roadmap.id, file: basename(input.absPath), yaml: input.text, hash: input.hash, at: loadedAt });
          return {
            id: roadmap.id,
            items: diff.added.length + diff.updated.length + diff.unchanged,
            added: diff.added.length,
            updated: diff.updated.length,
            unchanged: diff.unchanged,
            archived: diff.archived.length,
            same: false,
          };
        });
      });
    },

    /**
     * The roadmap loaded from exactly this file (its absolute path and the SHA-256 of its
     * bytes), with its item count, or null: `study load` reports such a file unchanged
     * without parsing it again.
     */
    loadedFrom(absPath: string, hash: string): { id: string; items: number } | null {
      const id = st.bySource.get(absPath, hash);
      return id === undefined ? null : { id, items: st.itemCount.get(...under(id))! };
    },

    /** No roadmap was ever loaded. */
    isEmpty(): boolean {
      return st.any.get() === undefined;
    },

    /** Loaded roadmaps, by id. */
    list(): RoadmapRow[] {
      return st.list.all();
    },

    ids(): string[] {
      return st.list.all().map((r) => r.id);
    },

    /** A roadmap's model as loaded, or null. */
    model(id: string): { roadmap: Roadmap; sourcePath: string; loadedAt: string } | null {
      const row = st.model.get(id);
      return row ? { roadmap: JSON.parse(row.model) as Roadmap, sourcePath: row.source_path, loadedAt: row.loaded_at } : null;
    },

    /** The file a roadmap was loaded from, or null. */
    sourcePathOf(id: string): string | null {
      return st.sourcePath.get(id) ?? null;
    },

    /**
     * Removes a roadmap with its items, their completions and its plan (the caller has
     * written them to a backup first). One transaction, recorded as a change undo does not
     * take back.
     */
    remove(id: string, at: string): void {
      write(db, () => {
        deleteRoadmap(db, id);
        recordChange(db, 'remove', `removed ${id}`, at, null).event('roadmap.removed', { roadmapId: id, at });
      });
    },

    /** Every roadmap with the habits it declares (id and title), without reading a model. */
    habits(): { id: string; habits: { id: string; title: string }[] }[] {
      return st.habits.all().map((r) => ({ id: r.roadmap_id, habits: JSON.parse(r.habits) as { id: string; title: string }[] }));
    },
  };
}

export type Roadmaps = ReturnType<typeof roadmapsOf>;
