// Read models: tables derived from the user's tables, for the reads that must stay fast
// on years of history (`study today`, `done`, `report`). Each is written by the same
// transaction as the data it derives from (a load, a plan version, a completion or its
// undo), and rebuilt whole after a migration or a restore. No triggers; reading commands
// never write them.
//
// - item_keys: every item not archived, with what `study done` matches a TASK against
//   (its id's segments reversed and lowercased, so an id tail is an indexed prefix; its
//   title folded as core/match.ts fold does) and what progress counts (leaf, marked done
//   in the file, the study day of its active completion).
// - roadmap_habits: the habits each roadmap declares (id and title), without its model.
// - habit_days: sessions per habit and study day (what a streak is walked over).
// - plan_heads, plan_entries, plan_leaves, plan_counts: each version of each plan
//   (plan_versions): its length, its entries with their weeks and whether they are open,
//   its leaf items with their due weeks, and per due week how many leaves are due and done.
import { fold } from '../core/match.js';
import type { Roadmap } from '../core/model.js';
import { allItems } from '../core/normalize.js';
import { maxSpanOf, planEntries, planLeaves } from '../core/plan.js';
import { resolveDone, subtreeDone } from '../core/progress.js';
import type { Schedule } from '../core/schedule.js';
import { lazy, type Db } from './db.js';
import { LEET_SCHEMA, LEET_TABLES, rebuildLeetCards } from './leet-cards.js';

const SCHEMA = `
  CREATE TABLE item_keys (
    id           TEXT PRIMARY KEY,
    roadmap_id   TEXT NOT NULL,
    parent_id    TEXT,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    reversed     TEXT NOT NULL,
    folded       TEXT NOT NULL,
    leaf         INTEGER NOT NULL,
    done_in_file INTEGER NOT NULL,
    done_day     TEXT
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX item_keys_by_roadmap ON item_keys(roadmap_id, position);
  CREATE INDEX item_keys_by_reversed ON item_keys(reversed);
  CREATE INDEX item_keys_by_folded ON item_keys(folded);
  CREATE INDEX item_keys_done ON item_keys(roadmap_id, done_day) WHERE leaf = 1;

  CREATE TABLE roadmap_habits (
    roadmap_id TEXT PRIMARY KEY,
    habits     TEXT NOT NULL
  ) STRICT;

  CREATE TABLE habit_days (
    habit_id TEXT NOT NULL,
    day      TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    PRIMARY KEY (habit_id, day)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE plan_heads (
    roadmap_id  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    total_weeks INTEGER NOT NULL,
    max_span    INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, version)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE plan_entries (
    roadmap_id TEXT NOT NULL,
    version    INTEGER NOT NULL,
    item_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    section    TEXT NOT NULL,
    first_week INTEGER NOT NULL,
    due_week   INTEGER NOT NULL,
    rank       INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    open       INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, version, item_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX plan_entries_by_week ON plan_entries(roadmap_id, version, first_week);
  CREATE INDEX plan_entries_open ON plan_entries(roadmap_id, version, open, due_week, rank, position);
  CREATE INDEX plan_entries_upcoming ON plan_entries(roadmap_id, version, open, first_week, rank, position);
  CREATE INDEX plan_entries_by_item ON plan_entries(item_id);
  CREATE TABLE plan_leaves (
    roadmap_id TEXT NOT NULL,
    version    INTEGER NOT NULL,
    item_id    TEXT NOT NULL,
    due_week   INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, version, item_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX plan_leaves_by_item ON plan_leaves(item_id);
  CREATE TABLE plan_counts (
    roadmap_id TEXT NOT NULL,
    version    INTEGER NOT NULL,
    week       INTEGER NOT NULL,
    due        INTEGER NOT NULL,
    done       INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, version, week)
  ) STRICT, WITHOUT ROWID;
`;

const TABLES = ['item_keys', 'roadmap_habits', 'habit_days', 'plan_heads', 'plan_entries', 'plan_leaves', 'plan_counts', ...LEET_TABLES] as const;

/** Segments of an id in reverse order ('r/s/a/b' -> 'b/a/s/r'): a tail of ids becomes a prefix, which an index finds. */
export function reversedId(id: string): string {
  return id.split('/').reverse().join('/');
}

/** Bounds of the ids under `id` (its descendants): `id/` <= x < `id0` ('0' follows '/'). */
export const under = (id: string): [string, string] => [`${id}/`, `${id}0`];

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function statements(db: Db) {
  return lazy({
    roadmapModel: () => db.prepare<[string], string>('SELECT model FROM roadmaps WHERE id = ?').pluck(),
    roadmapIds: () => db.prepare<[], string>('SELECT id FROM roadmaps ORDER BY id').pluck(),
    activeDays: () =>
      db
        .prepare<[string, string], [string, string]>(
          'SELECT item_id, day FROM completions WHERE undone_at IS NULL AND item_id >= ? AND item_id < ?',
        )
        .raw(),
    clearKeys: () => db.prepare<[string, string]>('DELETE FROM item_keys WHERE id >= ? AND id < ?'),
    insertKey: () =>
      db.prepare(
        `INSERT INTO item_keys (id, roadmap_id, parent_id, position, title, reversed, folded, leaf, done_in_file, done_day)
         VALUES (@id, @roadmap, @parent, @position, @title, @reversed, @folded, @leaf, @doneInFile, @doneDay)`,
      ),
    setHabits: () => db.prepare<[string, string]>('INSERT OR REPLACE INTO roadmap_habits (roadmap_id, habits) VALUES (?, ?)'),
    clearHabits: () => db.prepare<[string]>('DELETE FROM roadmap_habits WHERE roadmap_id = ?'),
    versionsOf: () =>
      db.prepare<[string], { version: number; schedule: string }>('SELECT version, schedule FROM plan_versions WHERE roadmap_id = ? ORDER BY version'),
    clearPlan: () => ({
      run: (roadmapId: string): void => {
        for (const t of ['plan_heads', 'plan_entries', 'plan_leaves', 'plan_counts']) db.prepare(`DELETE FROM ${t} WHERE roadmap_id = ?`).run(roadmapId);
      },
    }),
    insertHead: () => db.prepare<[string, number, number, number]>('INSERT INTO plan_heads (roadmap_id, version, total_weeks, max_span) VALUES (?, ?, ?, ?)'),
    insertEntry: () =>
      db.prepare<[string, number, string, string, string, number, number, number, number, number]>(
        `INSERT INTO plan_entries (roadmap_id, version, item_id, title, section, first_week, due_week, rank, position, open)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    insertLeaf: () => db.prepare<[string, number, string, number]>('INSERT INTO plan_leaves (roadmap_id, version, item_id, due_week) VALUES (?, ?, ?, ?)'),
    insertCount: () =>
      db.prepare<[string, number, number, number, number]>('INSERT INTO plan_counts (roadmap_id, version, week, due, done) VALUES (?, ?, ?, ?, ?)'),
    keyOf: () => db.prepare<[string], { leaf: number; done_in_file: number; done_day: string | null }>('SELECT leaf, done_in_file, done_day FROM item_keys WHERE id = ?'),
    setDoneDay: () => db.prepare<[string | null, string]>('UPDATE item_keys SET done_day = ? WHERE id = ?'),
    bumpCounts: () =>
      db.prepare<[number, string]>(
        `UPDATE plan_counts SET done = done + ?
          WHERE (roadmap_id, version, week) IN (SELECT roadmap_id, version, due_week FROM plan_leaves WHERE item_id = ?)`,
      ),
    isEntry: () => db.prepare<[string], number>('SELECT 1 FROM plan_entries WHERE item_id = ? LIMIT 1').pluck(),
    subtree: () =>
      db.prepare<[string, string, string], { id: string; parent_id: string | null; marked: number }>(
        `SELECT id, parent_id, (done_in_file OR done_day IS NOT NULL) AS marked FROM item_keys WHERE id = ? OR (id >= ? AND id < ?)`,
      ),
    setOpen: () => db.prepare<[number, string]>('UPDATE plan_entries SET open = ? WHERE item_id = ?'),
    countSession: () =>
      db.prepare<[string, string]>('INSERT INTO habit_days (habit_id, day, sessions) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET sessions = sessions + 1'),
  });
}
const st = (db: Db): ReturnType<typeof statements> => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

/**
 * Drops and rebuilds every read model from the user's tables (after a migration or a
 * restore). In the caller's transaction. A store with LeetCode sessions needs the FSRS
 * engine loaded (leet-cards.ts loadCardEngine).
 */
export function rebuildReadModels(db: Db): void {
  for (const t of TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(SCHEMA);
  db.exec(LEET_SCHEMA);
  for (const id of st(db).roadmapIds.all()) indexRoadmap(db, id);
  countHabitDays(db);
  rebuildLeetCards(db);
}

/** (Re)counts the sessions of every habit per study day (after a restore, or a new day-start). In the caller's transaction. */
export function countHabitDays(db: Db): void {
  db.exec('DELETE FROM habit_days; INSERT INTO habit_days (habit_id, day, sessions) SELECT habit_id, day, count(*) FROM sessions GROUP BY habit_id, day');
}

/** After a session of `habitId` was logged for study `day`. In the caller's transaction. */
export function sessionAdded(db: Db, habitId: string, day: string): void {
  st(db).countSession.run(habitId, day);
}

/**
 * (Re)writes the read models of one roadmap: its item keys and habits, and every version
 * of its plan if it is started. `model`: the roadmap, when the caller has it parsed (null:
 * it is no longer loaded). In the caller's transaction.
 */
export function indexRoadmap(db: Db, roadmapId: string, model?: Roadmap | null): void {
  const s = st(db);
  let roadmap = model;
  if (roadmap === undefined) {
    const json = s.roadmapModel.get(roadmapId);
    roadmap = json === undefined ? null : (JSON.parse(json) as Roadmap);
  }
  const [lo, hi] = under(roadmapId);
  s.clearKeys.run(lo, hi);
  s.clearHabits.run(roadmapId);
  s.clearPlan.run(roadmapId);
  if (roadmap === null) return;

  const doneDays = new Map(s.activeDays.all(lo, hi));
  for (const { item, parent } of allItems(roadmap)) {
    s.insertKey.run({
      id: item.id,
      roadmap: roadmapId,
      parent: parent?.id ?? null,
      position: item.order,
      title: item.title,
      reversed: reversedId(item.id.toLowerCase()),
      folded: fold(item.title),
      leaf: item.children.length === 0 ? 1 : 0,
      doneInFile: item.doneInFile ? 1 : 0,
      doneDay: doneDays.get(item.id) ?? null,
    });
  }
  s.setHabits.run(roadmapId, JSON.stringify(roadmap.habits.map((h) => ({ id: h.id, title: h.title }))));
  const versions = s.versionsOf.all(roadmapId);
  if (versions.length === 0) return;
  const done = resolveDone(roadmap, new Set(doneDays.keys()));
  for (const v of versions) indexPlanVersion(db, roadmapId, v.version, roadmap, JSON.parse(v.schedule) as Schedule, done);
}

/** Writes the read models of one version of a plan (new, or in a rebuild). In the caller's transaction. */
export function indexPlanVersion(db: Db, roadmapId: string, version: number, roadmap: Roadmap, schedule: Schedule, done: ReadonlySet<string>): void {
  const s = st(db);
  const entries = planEntries(roadmap, schedule);
  s.insertHead.run(roadmapId, version, schedule.totalWeeks, maxSpanOf(entries));
  for (const e of entries) {
    s.insertEntry.run(roadmapId, version, e.id, e.title, e.sectionTitle, e.firstWeek, e.dueWeek, e.rank, e.order, done.has(e.id) ? 0 : 1);
  }
  const counts = new Map<number, { due: number; done: number }>();
  for (const leaf of planLeaves(roadmap, schedule)) {
    const week = leaf.due ?? 0;
    s.insertLeaf.run(roadmapId, version, leaf.id, week);
    const c = counts.get(week) ?? { due: 0, done: 0 };
    c.due++;
    if (done.has(leaf.id)) c.done++;
    counts.set(week, c);
  }
  for (const [week, c] of counts) s.insertCount.run(roadmapId, version, week, c.due, c.done);
}

/**
 * After items got an active completion on `day` (or lost it: null): their done day, the
 * done counts of every plan version, and the open flag of the entries that hold them.
 * `items`: the items whose completion changed. In the caller's transaction.
 */
export function completionsChanged(db: Db, items: readonly string[], day: string | null): void {
  const s = st(db);
  for (const id of items) {
    const key = s.keyOf.get(id);
    if (!key) continue;
    const wasDone = key.done_in_file === 1 || key.done_day !== null;
    s.setDoneDay.run(day, id);
    const isDone = key.done_in_file === 1 || day !== null;
    if (key.leaf === 1 && wasDone !== isDone) s.bumpCounts.run(isDone ? 1 : -1, id);
  }
  // The entry holding an item is the item itself or its nearest ancestor that is one.
  const entries = new Set<string>();
  for (const id of items) {
    const parts = id.split('/');
    for (let k = parts.length; k >= 2; k--) {
      const candidate = parts.slice(0, k).join('/');
      if (entries.has(candidate) || s.isEntry.get(candidate) !== undefined) {
        entries.add(candidate);
        break;
      }
    }
  }
  for (const entry of entries) {
    const [lo, hi] = under(entry);
    const rows = s.subtree.all(entry, lo, hi).map((r) => ({ id: r.id, parentId: r.parent_id, marked: r.marked === 1 }));
    s.setOpen.run(subtreeDone(entry, rows) ? 0 : 1, entry);
  }
}
