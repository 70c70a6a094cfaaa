// What loading a roadmap changes: its items as flat records, compared with the store's.
import type { Roadmap } from './model.js';
import { allItems } from './normalize.js';

/** An item as the store keeps it. `attrs` is canonical JSON, so equal items compare equal. */
export interface ItemRecord {
  readonly id: string;
  readonly sectionId: string;
  readonly parentId: string | null;
  readonly position: number;
  readonly kind: string;
  readonly title: string;
  readonly isLeaf: boolean;
  readonly doneInFile: boolean;
  readonly attrs: string;
}

export interface StoredItemRecord extends ItemRecord {
  readonly archived: boolean;
}

export function itemRecords(roadmap: Roadmap): ItemRecord[] {
  const out: ItemRecord[] = [];
  for (const { item, section, parent } of allItems(roadmap)) {
    out.push({
      id: item.id,
      sectionId: section.id,
      parentId: parent?.id ?? null,
      position: item.order,
      kind: item.kind,
      title: item.title,
      isLeaf: item.children.length === 0,
      doneInFile: item.doneInFile,
      attrs: JSON.stringify({
        effort: item.effort,
        priority: item.priority,
        difficulty: item.difficulty,
        url: item.url,
        notes: item.notes,
      }),
    });
  }
  return out;
}

export interface ItemDiff {
  /** New ids, and archived ids that are back in the file. */
  readonly added: ItemRecord[];
  /** Same id, something about it changed (title, place, attributes, file mark). */
  readonly updated: ItemRecord[];
  readonly unchanged: number;
  /** Ids in the store (not archived) that the file no longer has. */
  readonly archived: string[];
}

const same = (a: ItemRecord, b: ItemRecord): boolean =>
  a.sectionId === b.sectionId &&
  a.parentId === b.parentId &&
  a.position === b.position &&
  a.kind === b.kind &&
  a.title === b.title &&
  a.isLeaf === b.isLeaf &&
  a.doneInFile === b.doneInFile &&
  a.attrs === b.attrs;

export function diffItems(stored: readonly StoredItemRecord[], next: readonly ItemRecord[]): ItemDiff {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const added: ItemRecord[] = [];
  const updated: ItemRecord[] = [];
  let unchanged = 0;
  const nextIds = new Set<string>();
  for (const r of next) {
    nextIds.add(r.id);
    const old = byId.get(r.id);
    if (!old || old.archived) added.push(r);
    else if (same(old, r)) unchanged++;
    else updated.push(r);
  }
  const archived = stored.filter((r) => !r.archived && !nextIds.has(r.id)).map((r) => r.id);
  return { added, updated, unchanged, archived };
}
