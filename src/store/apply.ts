// Applying events from other machines (`study sync`): each is recorded in `events` (so it
// is never applied twice), and everything the new events and this device's own new ones
// are about is worked out again from all the events the store has about it, by the
// rules of core/replay.ts, and written to the tables where it differs, with the read
// models. So the store holds the same whatever order events arrived in, and two stores
// that have the same events hold the same data. In the caller's transaction.
import { compareEvents } from '../core/events.js';
import { LEETCODE_HABIT } from '../core/habits.js';
import type { Roadmap } from '../core/model.js';
import {
  completionsOf,
  leetListOf,
  planVersionsOf,
  roadmapOfItem,
  roadmapState,
  settingOf,
  since,
  type AnyEvent,
  type CompletionOf,
  type RoadmapState,
  type VersionOf,
} from '../core/replay.js';
import { DEFAULTS, isSettingKey } from '../core/settings.js';
import { studyDayOf } from '../core/streak.js';
import { ensureDevice, receiveClock } from './changes.js';
import { lazy, type Db } from './db.js';
import { rebuildLeetCards } from './leet-cards.js';
import { countHabitDays, indexRoadmap, under } from './read-models.js';
import { deleteRoadmap, writeRoadmap } from './roadmaps.js';
import { CARD_SETTINGS } from './settings.js';

export interface ApplyInput {
  /** Events read from the sync repository's journals, checked: those the store has already are passed over. */
  readonly events: readonly AnyEvent[];
  /** This device's events written to its journal by this sync: what they are about is worked out again too. */
  readonly local: readonly AnyEvent[];
  /** The roadmap a roadmap.loaded event's YAML holds (checked when it was read). */
  readonly parseRoadmap: (yaml: string, file: string) => Roadmap;
  /** Where the copy of a roadmap another machine loaded is (its source path here). */
  readonly copyPath: (roadmapId: string) => string;
  /** This machine's clock, ms since the epoch. */
  readonly nowMs: number;
}

export interface ApplyReport {
  /** Events applied, in all and by the device that made them. */
  readonly applied: number;
  readonly byDevice: Record<string, number>;
  /** Roadmaps loaded or removed, completions, sessions, plans and settings written. */
  readonly changed: { roadmaps: number; completions: number; sessions: number; plans: number; settings: number; leetList: boolean };
}

interface EventDbRow {
  id: string;
  device: string;
  ts: string;
  type: string;
  payload: string;
}

/** An event as the events table holds it. */
export const eventOfRow = (r: EventDbRow): AnyEvent => ({ id: r.id, device: r.device, ts: r.ts, type: r.type, payload: JSON.parse(r.payload) }) as AnyEvent;

interface CompletionDbRow {
  id: number;
  item_id: string;
  event_id: string | null;
  day: string;
  at: string;
  minutes: number | null;
  undone_at: string | null;
}

const COLUMNS = 'id, device, ts, type, payload';
const ITEM = "json_extract(payload, '$.itemId')";

function statements(db: Db) {
  return lazy({
    insert: () => db.prepare<[string, string, string, string, string]>('INSERT OR IGNORE INTO events (id, change_id, device, ts, type, payload) VALUES (?, NULL, ?, ?, ?, ?)'),
    roadmapEvents: () =>
      db.prepare<[string], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type IN ('roadmap.loaded', 'roadmap.removed') AND json_extract(payload, '$.roadmapId') = ?`),
    planEvents: () => db.prepare<[string], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type LIKE 'plan.%' AND json_extract(payload, '$.roadmapId') = ?`),
    itemEvents: () =>
      db.prepare<[string], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type IN ('completion.done', 'completion.undone') AND ${ITEM} IN (SELECT value FROM json_each(?))`),
    itemEventsUnder: () =>
      db.prepare<[string, string], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type IN ('completion.done', 'completion.undone') AND ${ITEM} >= ? AND ${ITEM} < ?`),
    rowItemsUnder: () => db.prepare<[string, string], string>('SELECT DISTINCT item_id FROM completions WHERE item_id >= ? AND item_id < ?').pluck(),
    sessionAdds: () => db.prepare<[string], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type = 'session.added' AND id IN (SELECT value FROM json_each(?))`),
    sessionRemovals: () =>
      db.prepare<[string], string>(`SELECT json_extract(payload, '$.sessionId') FROM events WHERE type = 'session.removed' AND json_extract(payload, '$.sessionId') IN (SELECT value FROM json_each(?))`).pluck(),
    sessionRows: () => db.prepare<[string], { id: number; event_id: string; habit_id: string }>('SELECT id, event_id, habit_id FROM sessions WHERE event_id IN (SELECT value FROM json_each(?))'),
    settingEvents: () => db.prepare<[string], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type = 'setting.changed' AND json_extract(payload, '$.key') = ?`),
    leetEvents: () => db.prepare<[], EventDbRow>(`SELECT ${COLUMNS} FROM events WHERE type = 'leet.list.started'`),
    roadmapRow: () => db.prepare<[string], { source_hash: string; source_path: string }>('SELECT source_hash, source_path FROM roadmaps WHERE id = ?'),
    itemExists: () => db.prepare<[string], number>('SELECT 1 FROM items WHERE id = ?').pluck(),
    // completions has an index of active ones only: the rows of many items are read in one pass
    completionRows: () =>
      db.prepare<[string], CompletionDbRow>('SELECT id, item_id, event_id, day, at, minutes, undone_at FROM completions WHERE item_id IN (SELECT value FROM json_each(?))'),
    deleteCompletion: () => db.prepare<[number]>('DELETE FROM completions WHERE id = ?'),
    updateCompletion: () => db.prepare<[string, string, number | null, string | null, number]>('UPDATE completions SET day = ?, at = ?, minutes = ?, undone_at = ? WHERE id = ?'),
    insertCompletion: () =>
      db.prepare<[string, string, string, number | null, string | null, string]>('INSERT INTO completions (item_id, day, at, minutes, undone_at, event_id) VALUES (?, ?, ?, ?, ?, ?)'),
    versions: () =>
      db.prepare<[string], { kind: string; effective_day: string; at: string; start_day: string; hours_per_week: number; pace: string; schedule: string; event_id: string | null }>(
        'SELECT kind, effective_day, at, start_day, hours_per_week, pace, schedule, event_id FROM plan_versions WHERE roadmap_id = ? ORDER BY version',
      ),
    planStarted: () => db.prepare<[string], string>('SELECT started_at FROM plans WHERE roadmap_id = ?').pluck(),
    upsertPlan: () => db.prepare<[string, string]>('INSERT INTO plans (roadmap_id, started_at) VALUES (?, ?) ON CONFLICT(roadmap_id) DO UPDATE SET started_at = excluded.started_at'),
    deletePlan: () => db.prepare<[string]>('DELETE FROM plans WHERE roadmap_id = ?'),
    deleteVersions: () => db.prepare<[string]>('DELETE FROM plan_versions WHERE roadmap_id = ?'),
    insertVersion: () =>
      db.prepare(
        `INSERT INTO plan_versions (roadmap_id, version, kind, effective_day, at, start_day, hours_per_week, pace, schedule, event_id)
         VALUES (@roadmapId, @version, @kind, @effectiveDay, @at, @startDay, @hoursPerWeek, @pace, @schedule, @eventId)`,
      ),
    insertSession: () =>
      db.prepare(
        `INSERT INTO sessions (habit_id, at, day, problem, number, slug, title, difficulty, minutes, result, tags, note, rating, event_id)
         VALUES (@habitId, @at, @day, @problem, @number, @slug, @title, @difficulty, @minutes, @result, @tags, @note, @rating, @eventId)`,
      ),
    deleteSession: () => db.prepare<[number]>('DELETE FROM sessions WHERE id = ?'),
    setting: () => db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    setSetting: () => db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    deleteSetting: () => db.prepare<[string]>('DELETE FROM settings WHERE key = ?'),
    sessionTimes: () => db.prepare<[], { id: number; at: string }>('SELECT id, at FROM sessions'),
    setSessionDay: () => db.prepare<[string, number]>('UPDATE sessions SET day = ? WHERE id = ?'),
    leetList: () => db.prepare<[], { list: string; start_day: string; per_day: number; started_at: string }>('SELECT list, start_day, per_day, started_at FROM leet_lists'),
    clearLeetLists: () => db.prepare('DELETE FROM leet_lists'),
    insertLeetList: () => db.prepare<[string, string, number, string]>('INSERT INTO leet_lists (list, start_day, per_day, started_at) VALUES (?, ?, ?, ?)'),
  });
}

/** What events are about. */
interface Touched {
  /** Roadmaps whose loads or removals are new from other machines. */
  readonly roadmaps: Set<string>;
  readonly plans: Set<string>;
  readonly items: Set<string>;
  readonly sessions: Set<string>;
  readonly settings: Set<string>;
  leetList: boolean;
}

function touchedBy(fresh: readonly AnyEvent[], local: readonly AnyEvent[]): Touched {
  const t: Touched = { roadmaps: new Set(), plans: new Set(), items: new Set(), sessions: new Set(), settings: new Set(), leetList: false };
  for (const e of [...fresh, ...local]) {
    if (e.type === 'completion.done' || e.type === 'completion.undone') t.items.add(e.payload.itemId);
    else if (e.type === 'session.added') t.sessions.add(e.id);
    else if (e.type === 'session.removed') t.sessions.add(e.payload.sessionId);
    else if (e.type.startsWith('plan.')) t.plans.add((e.payload as { roadmapId: string }).roadmapId);
    else if (e.type === 'setting.changed') t.settings.add(e.payload.key);
    else if (e.type === 'leet.list.started') t.leetList = true;
  }
  // A load or a removal made here is in the store already; one from elsewhere is applied.
  for (const e of fresh) if (e.type === 'roadmap.loaded' || e.type === 'roadmap.removed') t.roadmaps.add(e.payload.roadmapId);
  return t;
}

/** Applies `input.events` (those the store does not have) and works out again what they and `input.local` are about. */
export function applyEvents(db: Db, input: ApplyInput): ApplyReport {
  const st = statements(db);
  const device = ensureDevice(db);
  const fresh: AnyEvent[] = [];
  for (const e of [...input.events].sort(compareEvents)) {
    if (st.insert.run(e.id, e.device, e.ts, e.type, JSON.stringify(e.payload)).changes > 0) fresh.push(e);
  }
  const freshIds = new Set(fresh.map((e) => e.id));
  const t = touchedBy(fresh, input.local);
  const changed = { roadmaps: 0, completions: 0, sessions: 0, plans: 0, settings: 0, leetList: false };
  const reindex = new Set<string>();

  // The roadmap events of each roadmap, and what they make of it.
  const roadmapEvents = new Map<string, AnyEvent[]>();
  const eventsOfRoadmap = (id: string): AnyEvent[] => {
    let list = roadmapEvents.get(id);
    if (!list) roadmapEvents.set(id, (list = st.roadmapEvents.all(id).map(eventOfRow)));
    return list;
  };
  const stateOf = (id: string): RoadmapState => roadmapState(eventsOfRoadmap(id));

  // 1. Roadmaps: their loads since the latest removal, in order.
  for (const id of [...t.roadmaps].sort()) {
    const all = eventsOfRoadmap(id);
    const now = roadmapState(all);
    const before = roadmapState(all.filter((e) => !freshIds.has(e.id)));
    const row = st.roadmapRow.get(id);
    t.plans.add(id);
    reindex.add(id);
    changed.roadmaps++;
    if (now.loads.length === 0) {
      if (row) deleteRoadmap(db, id);
      continue;
    }
    let loads = now.loads;
    if (!row || now.cutoff !== before.cutoff) {
      if (row) deleteRoadmap(db, id);
    } else {
      const last = before.loads[before.loads.length - 1];
      const newer = now.loads.filter((e) => freshIds.has(e.id));
      // New loads all after the ones the store holds: they are applied on top; else all again.
      if (last !== undefined && newer.every((e) => compareEvents(e, last) > 0)) loads = newer;
    }
    for (const e of loads) {
      const p = e.payload;
      const absPath = e.device === device && row && row.source_hash === p.hash ? row.source_path : input.copyPath(id);
      const roadmap = input.parseRoadmap(p.yaml, p.file);
      if (roadmap.id !== id) throw new Error(`roadmap.loaded ${e.id}: its YAML is roadmap ${roadmap.id}, not ${id}`);
      writeRoadmap(db, { roadmap, absPath, text: p.yaml, hash: p.hash }, p.at, false); // indexed below
    }
    // Completions of its items are worked out again (a removal took them; a load may bring items back).
    for (const itemId of st.rowItemsUnder.all(...under(id))) t.items.add(itemId);
    for (const e of st.itemEventsUnder.all(...under(id))) t.items.add(JSON.parse(e.payload).itemId as string);
  }

  // 2. Plans: their versions.
  for (const id of [...t.plans].sort()) {
    if (!st.roadmapRow.get(id)) continue; // removed (with its plan), or never loaded here
    const events = st.planEvents.all(id).map(eventOfRow);
    const cutoff = stateOf(id).cutoff;
    const desired = planVersionsOf([...since(events, cutoff), ...events.filter((e) => e.type === 'plan.undone')]);
    if (writePlan(st, id, desired)) {
      changed.plans++;
      reindex.add(id);
    }
  }

  // 3. Completions of each item.
  const itemEvents = new Map<string, AnyEvent[]>();
  if (t.items.size > 0) {
    for (const e of st.itemEvents.all(JSON.stringify([...t.items])).map(eventOfRow)) {
      const itemId = (e.payload as { itemId: string }).itemId;
      const list = itemEvents.get(itemId);
      if (list) list.push(e);
      else itemEvents.set(itemId, [e]);
    }
  }
  const itemRows = new Map<string, CompletionDbRow[]>();
  if (t.items.size > 0) {
    for (const r of st.completionRows.all(JSON.stringify([...t.items]))) {
      const list = itemRows.get(r.item_id);
      if (list) list.push(r);
      else itemRows.set(r.item_id, [r]);
    }
  }
  for (const itemId of [...t.items].sort()) {
    if (st.itemExists.get(itemId) === undefined) continue;
    const roadmapId = roadmapOfItem(itemId);
    const desired = completionsOf(since(itemEvents.get(itemId) ?? [], stateOf(roadmapId).cutoff));
    if (writeCompletions(st, itemId, itemRows.get(itemId) ?? [], desired)) {
      changed.completions++;
      reindex.add(roadmapId);
    }
  }

  // 4. Sessions: added and not removed. In event order, so that rows are numbered alike everywhere.
  let habitsChanged = false;
  let leetChanged = false;
  if (t.sessions.size > 0) {
    const ids = JSON.stringify([...t.sessions]);
    const adds = st.sessionAdds.all(ids).map(eventOfRow).sort(compareEvents);
    const removed = new Set(st.sessionRemovals.all(ids));
    const rows = new Map(st.sessionRows.all(ids).map((r) => [r.event_id, r]));
    for (const [eventId, row] of rows) {
      if (!removed.has(eventId)) continue;
      st.deleteSession.run(row.id);
      changed.sessions++;
      habitsChanged = true;
      leetChanged ||= row.habit_id === LEETCODE_HABIT;
    }
    for (const e of adds) {
      if (e.type !== 'session.added' || removed.has(e.id) || rows.has(e.id)) continue;
      const p = e.payload;
      st.insertSession.run({ ...p, tags: JSON.stringify(p.tags), rating: p.rating ?? null, eventId: e.id });
      changed.sessions++;
      habitsChanged = true;
      leetChanged ||= p.habitId === LEETCODE_HABIT;
    }
  }

  // 5. Settings: the latest change of each wins.
  let cardsChanged = false;
  for (const key of [...t.settings].sort()) {
    if (!isSettingKey(key)) continue; // a setting of a newer study: kept as an event, not used here
    const value = settingOf(st.settingEvents.all(key).map(eventOfRow));
    if (value === undefined) continue;
    const current = st.setting.get(key) ?? null;
    if (current === value) continue;
    if (value === null) st.deleteSetting.run(key);
    else st.setSetting.run(key, value);
    changed.settings++;
    if (key === 'day-start') {
      const text = value ?? DEFAULTS['day-start'];
      const minutes = Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
      for (const r of st.sessionTimes.all()) st.setSessionDay.run(studyDayOf(r.at, minutes), r.id);
      habitsChanged = true;
    }
    cardsChanged ||= CARD_SETTINGS.has(key);
  }

  // 6. The LeetCode list.
  if (t.leetList) {
    const desired = leetListOf(st.leetEvents.all().map(eventOfRow));
    const current = st.leetList.get();
    const same = desired === null ? current === undefined : current !== undefined && current.list === desired.list && current.start_day === desired.startDay && current.per_day === desired.perDay && current.started_at === desired.startedAt;
    if (!same) {
      st.clearLeetLists.run();
      if (desired) st.insertLeetList.run(desired.list, desired.startDay, desired.perDay, desired.startedAt);
      changed.leetList = true;
    }
  }

  // 7. The read models of what changed.
  for (const id of [...reindex].sort()) indexRoadmap(db, id);
  if (habitsChanged) countHabitDays(db);
  if (leetChanged || cardsChanged) rebuildLeetCards(db);

  const byDevice: Record<string, number> = {};
  for (const e of fresh) byDevice[e.device] = (byDevice[e.device] ?? 0) + 1;
  const latest = fresh[fresh.length - 1];
  if (latest) receiveClock(db, latest.ts, input.nowMs);
  return { applied: fresh.length, byDevice, changed };
}

type St = ReturnType<typeof statements>;

/** Makes an item's completion rows those of `desired` (matched by event id; the rest removed). Returns whether anything changed. */
function writeCompletions(st: St, itemId: string, rows: readonly CompletionDbRow[], desired: readonly CompletionOf[]): boolean {
  const want = new Map(desired.map((c) => [c.eventId, c]));
  const kept = new Set<string>();
  let changed = false;
  // Rows that go or close first: one completion of an item may be open at a time.
  const updates: [CompletionOf, number][] = [];
  for (const r of rows) {
    const c = r.event_id === null ? undefined : want.get(r.event_id);
    if (c === undefined || kept.has(c.eventId)) {
      st.deleteCompletion.run(r.id);
      changed = true;
      continue;
    }
    kept.add(c.eventId);
    if (r.day !== c.day || r.at !== c.at || r.minutes !== c.minutes || r.undone_at !== c.undoneAt) updates.push([c, r.id]);
  }
  updates.sort(([a], [b]) => Number(a.undoneAt === null) - Number(b.undoneAt === null));
  for (const [c, id] of updates) st.updateCompletion.run(c.day, c.at, c.minutes, c.undoneAt, id);
  const inserts = desired.filter((c) => !kept.has(c.eventId)).sort((a, b) => Number(a.undoneAt === null) - Number(b.undoneAt === null));
  for (const c of inserts) st.insertCompletion.run(itemId, c.day, c.at, c.minutes, c.undoneAt, c.eventId);
  return changed || updates.length > 0 || inserts.length > 0;
}

/** Makes a plan's versions `desired` (numbered 1, 2, ...), and the plan itself there or not. Returns whether anything changed. */
function writePlan(st: St, roadmapId: string, desired: readonly VersionOf[]): boolean {
  const rows = st.versions.all(roadmapId);
  const same =
    rows.length === desired.length &&
    rows.every((r, i) => {
      const v = desired[i]!;
      return (
        r.event_id === v.eventId &&
        r.kind === v.kind &&
        r.effective_day === v.effectiveDay &&
        r.at === v.at &&
        r.start_day === v.startDay &&
        r.hours_per_week === v.hoursPerWeek &&
        r.pace === v.pace &&
        r.schedule === JSON.stringify(v.schedule)
      );
    });
  const startedAt = desired[0]?.at;
  if (same && (startedAt === undefined || st.planStarted.get(roadmapId) === startedAt)) return false;
  st.deleteVersions.run(roadmapId);
  if (startedAt === undefined) {
    st.deletePlan.run(roadmapId);
    return true;
  }
  st.upsertPlan.run(roadmapId, startedAt);
  desired.forEach((v, i) => st.insertVersion.run({ ...v, roadmapId, version: i + 1, schedule: JSON.stringify(v.schedule) }));
  return true;
}
