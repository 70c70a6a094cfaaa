// What `study sync` keeps in the store (docs/sync.md): this device's id and clock (meta,
// store/changes.ts), which of its own events it has written to its journal (`sync.journaled`:
// the events table's rowid up to which they are), the sync repository's commit it last
// applied (`sync.applied`), when it last synced (`sync.last`), and whether the history
// from before sync has been written as events (`sync.backfilled`). A restore clears them
// all (store/backup.ts): the next sync starts over. Applying events: store/apply.ts.
import type { EventType, StudyEvent } from '../core/events.js';
import { formatTs, INITIAL_CLOCK, MAX_COUNTER, type HlcState } from '../core/hlc.js';
import type { AnyEvent } from '../core/replay.js';
import type { Pace, Schedule } from '../core/schedule.js';
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { clockOf, ensureDevice, setClock } from './changes.js';
import { applyEvents, eventOfRow, type ApplyInput, type ApplyReport } from './apply.js';
import { SESSION_COLUMNS, sessionOf, type SessionDbRow } from './sessions.js';
import { lazy, write, type Db } from './db.js';

export const META = { journaled: 'sync.journaled', applied: 'sync.applied', last: 'sync.last', backfilled: 'sync.backfilled' } as const;

interface EventDbRow {
  rowid: number;
  id: string;
  device: string;
  ts: string;
  type: string;
  payload: string;
}

export interface SyncBook {
  /** Null until the store's first change or sync. */
  readonly device: string | null;
  /** Own events not yet written to the journal. */
  readonly toWrite: number;
  /** The sync repository's commit last applied, or null. */
  readonly applied: string | null;
  /** When the last sync finished (a moment with its offset), or null. */
  readonly last: string | null;
  readonly backfilled: boolean;
}

export function syncOf(db: Db) {
  const st = lazy({
    meta: () => db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: () => db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    pending: () => db.prepare<[number, string], EventDbRow>('SELECT rowid, id, device, ts, type, payload FROM events WHERE rowid > ? AND device = ? ORDER BY rowid'),
    pendingCount: () => db.prepare<[number, string], number>('SELECT count(*) FROM events WHERE rowid > ? AND device = ?').pluck(),
    has: () => db.prepare<[string], number>('SELECT 1 FROM events WHERE id = ?').pluck(),
    sourceText: () => db.prepare<[string], string>('SELECT source_text FROM roadmaps WHERE id = ?').pluck(),
  });
  const meta = (key: string): string | null => st.meta.get(key) ?? null;
  const mark = (): number => Number(meta(META.journaled) ?? 0);

  return {
    /** This store's device id: made now, once, when it has none. */
    device(): string {
      return meta('device') ?? write(db, () => ensureDevice(db));
    },

    /** Where sync stands in the store (reads only; the device may still be null). */
    book(): SyncBook {
      const device = meta('device');
      return {
        device,
        toWrite: device === null ? 0 : st.pendingCount.get(mark(), device)!,
        applied: meta(META.applied),
        last: meta(META.last),
        backfilled: meta(META.backfilled) !== null,
      };
    },

    /**
     * Writes the history recorded before sync (rows no event made) as events of this
     * device, each stamped at its own moment; once (again after a restore). One
     * transaction. Returns how many events it wrote.
     */
    backfill(nowMs: number): number {
      if (meta(META.backfilled) !== null) return 0;
      return write(db, () => {
        const n = backfill(db, ensureDevice(db), nowMs);
        st.setMeta.run(META.backfilled, '1');
        return n;
      });
    },

    /** This device's events not yet in its journal, in the order they were recorded, and the mark to record once they are. */
    pending(): { events: AnyEvent[]; through: number } {
      const device = this.device();
      const rows = st.pending.all(mark(), device);
      return { events: rows.map(eventOfRow), through: rows.length ? rows[rows.length - 1]!.rowid : mark() };
    },

    /** The YAML a roadmap was loaded from, or null. */
    sourceText(roadmapId: string): string | null {
      return st.sourceText.get(roadmapId) ?? null;
    },

    /** Whether the store has the event `id` (its own, or applied). */
    has(id: string): boolean {
      return st.has.get(id) !== undefined;
    },

    /**
     * Applies events read from the journals in one transaction (store/apply.ts), and
     * records the sync: the own events written up to `through`, the commit applied, the
     * moment. Returns what it did.
     */
    apply(input: ApplyInput & { through: number; commit: string | null; at: string }): ApplyReport {
      return write(db, () => {
        const report = applyEvents(db, input);
        // This device's events read back from its journal (after a restore) are in it already.
        let through = Math.max(mark(), input.through);
        const fromJournal = new Set(input.events.map((e) => e.id));
        const after = st.pending.all(through, ensureDevice(db));
        if (after.length > 0 && after.every((r) => fromJournal.has(r.id))) through = after[after.length - 1]!.rowid;
        st.setMeta.run(META.journaled, String(through));
        if (input.commit !== null) st.setMeta.run(META.applied, input.commit);
        st.setMeta.run(META.last, input.at);
        return report;
      });
    },
  };
}

export type SyncStore = ReturnType<typeof syncOf>;

// ---- the history before sync ----------------------------------------------------------

type Draft = { [T in EventType]: { type: T; payload: StudyEvent<T>['payload']; ms: number; set?: () => string } }[EventType];

const msOf = (at: string, fallback: number): number => {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? fallback : ms;
};

/**
 * Events for what the store holds that no event made: roadmaps never loaded since the
 * store recorded loads, completions, sessions and plan versions without an event,
 * settings and the LeetCode list. Stamped at their own moments (never after `nowMs`; a
 * setting, which has none, at the earliest moment of the history, so that any change
 * made since on another machine wins). In the caller's transaction.
 */
function backfill(db: Db, device: string, nowMs: number): number {
  const drafts: { draft: Draft; link?: (eventId: string) => void }[] = [];
  const add = (draft: Draft, link?: (eventId: string) => void): void => void drafts.push({ draft: { ...draft, ms: Math.min(draft.ms, nowMs) } as Draft, link });
  const hasEvent = (type: EventType, field: string, value: string): boolean =>
    db.prepare<[string, string], number>(`SELECT 1 FROM events WHERE type = ? AND json_extract(payload, '$.${field}') = ? LIMIT 1`).pluck().get(type, value) !== undefined;

  const roadmaps = db.prepare<[], { id: string; source_path: string; source_text: string; source_hash: string; loaded_at: string }>('SELECT id, source_path, source_text, source_hash, loaded_at FROM roadmaps ORDER BY loaded_at, id').all();
  for (const r of roadmaps) {
    if (hasEvent('roadmap.loaded', 'roadmapId', r.id)) continue;
    add({ type: 'roadmap.loaded', payload: { roadmapId: r.id, file: basename(r.source_path) || `${r.id}.yaml`, yaml: r.source_text, hash: r.source_hash, at: r.loaded_at }, ms: msOf(r.loaded_at, nowMs) });
  }

  const versions = db
    .prepare<[], { rowid: number; roadmap_id: string; kind: string; effective_day: string; at: string; start_day: string; hours_per_week: number; pace: string; schedule: string }>(
      'SELECT rowid, roadmap_id, kind, effective_day, at, start_day, hours_per_week, pace, schedule FROM plan_versions WHERE event_id IS NULL ORDER BY roadmap_id, version',
    )
    .all();
  const setVersion = db.prepare<[string, number]>('UPDATE plan_versions SET event_id = ? WHERE rowid = ?');
  for (const v of versions) {
    const link = (id: string) => void setVersion.run(id, v.rowid);
    const ms = msOf(v.at, nowMs);
    const schedule = JSON.parse(v.schedule) as Schedule;
    const base = { roadmapId: v.roadmap_id, at: v.at };
    if (v.kind === 'start') add({ type: 'plan.started', payload: { ...base, startDay: v.start_day, hoursPerWeek: v.hours_per_week, pace: v.pace as Pace, schedule, effectiveDay: v.effective_day }, ms }, link);
    else if (v.kind === 'replan') add({ type: 'plan.replanned', payload: { ...base, schedule, effectiveDay: v.effective_day }, ms }, link);
    else if (v.kind === 'resume') add({ type: 'plan.resumed', payload: { ...base, day: v.effective_day, schedule }, ms }, link);
    else add({ type: v.kind === 'pause' ? 'plan.paused' : 'plan.stopped', payload: { ...base, day: v.effective_day }, ms }, link);
  }

  const completions = db
    .prepare<[], { id: number; item_id: string; day: string; at: string; undone_at: string | null; minutes: number | null }>(
      'SELECT id, item_id, day, at, undone_at, minutes FROM completions WHERE event_id IS NULL ORDER BY id',
    )
    .all();
  const setCompletion = db.prepare<[string, number]>('UPDATE completions SET event_id = ? WHERE id = ?');
  for (const c of completions) {
    const ms = msOf(c.at, nowMs);
    add({ type: 'completion.done', payload: { itemId: c.item_id, day: c.day, at: c.at, minutes: c.minutes }, ms }, (id) => void setCompletion.run(id, c.id));
    if (c.undone_at !== null) add({ type: 'completion.undone', payload: { itemId: c.item_id, day: c.day, at: c.undone_at }, ms: Math.max(ms, msOf(c.undone_at, nowMs)) });
  }

  const sessions = db.prepare<[], SessionDbRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE event_id IS NULL ORDER BY id`).all().map(sessionOf);
  const setSession = db.prepare<[string, number]>('UPDATE sessions SET event_id = ? WHERE id = ?');
  for (const { id, ...payload } of sessions) {
    add({ type: 'session.added', payload, ms: msOf(payload.at, nowMs) }, (eventId) => void setSession.run(eventId, id));
  }

  const list = db.prepare<[], { list: string; start_day: string; per_day: number; started_at: string }>('SELECT list, start_day, per_day, started_at FROM leet_lists').get();
  if (list && !hasEvent('leet.list.started', 'list', list.list)) {
    add({ type: 'leet.list.started', payload: { list: list.list, startDay: list.start_day, perDay: list.per_day, at: list.started_at }, ms: msOf(list.started_at, nowMs) });
  }

  const earliest = drafts.reduce((m, d) => Math.min(m, d.draft.ms), nowMs);
  for (const [key, value] of db.prepare<[], [string, string]>('SELECT key, value FROM settings ORDER BY key').raw().all()) {
    if (!hasEvent('setting.changed', 'key', key)) add({ type: 'setting.changed', payload: { key, value }, ms: earliest });
  }

  // Stable: drafts of one moment keep the order above (a done before its undo, a start before its re-plan).
  drafts.sort((a, b) => a.draft.ms - b.draft.ms);
  const insert = db.prepare<[string, string, string, string, string]>('INSERT INTO events (id, change_id, device, ts, type, payload) VALUES (?, NULL, ?, ?, ?, ?)');
  let state: HlcState = INITIAL_CLOCK;
  for (const { draft, link } of drafts) {
    const ms = Math.max(Math.floor(draft.ms), state.ms);
    state = ms > state.ms ? { ms, counter: 0 } : state.counter < MAX_COUNTER ? { ms, counter: state.counter + 1 } : { ms: ms + 1, counter: 0 };
    const id = randomBytes(16).toString('hex');
    insert.run(id, device, formatTs(state), draft.type, JSON.stringify(draft.payload));
    link?.(id);
  }
  const clock = clockOf(db);
  if (state.ms > clock.ms || (state.ms === clock.ms && state.counter > clock.counter)) setClock(db, state);
  return drafts.length;
}
