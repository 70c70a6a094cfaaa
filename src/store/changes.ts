// The change log: every command that writes records one change (what it was, in a line;
// how `study undo` takes it back) and the events it made (what `study sync` exchanges),
// in the same transaction as the write. This store's device id and clock live in `meta`.
import type { ChangeKind, EventPayloads, EventType, Inverse } from '../core/events.js';
import { clockFrom, receive, tick, type HlcState } from '../core/hlc.js';
import { lazy, type Db } from './db.js';

/** A change as the log keeps it. */
export interface ChangeRow {
  readonly seq: number;
  readonly id: string;
  readonly kind: ChangeKind;
  /** What it did, in a line: `done: Monolith vs Microservices`. */
  readonly summary: string;
  readonly at: string;
  readonly inverse: Inverse | null;
  readonly undoneBy: string | null;
}

interface ChangeDbRow {
  seq: number;
  id: string;
  kind: string;
  summary: string;
  at: string;
  inverse: string | null;
  undone_by: string | null;
}

const changeOf = (r: ChangeDbRow): ChangeRow => ({
  seq: r.seq,
  id: r.id,
  kind: r.kind as ChangeKind,
  summary: r.summary,
  at: r.at,
  inverse: r.inverse === null ? null : (JSON.parse(r.inverse) as Inverse),
  undoneBy: r.undone_by,
});

// node:crypto and node:os are loaded by the first write, not by every start (a reading
// command never needs them): a few ms of each run.
const randomBytes = (n: number): Buffer => process.getBuiltinModule('node:crypto').randomBytes(n);
const hostname = (): string => process.getBuiltinModule('node:os').hostname();

const newId = (): string => randomBytes(16).toString('hex');

/** A device id: the host name's slug (so a sync repository's history tells machines apart) and 8 random hex digits. */
function newDeviceId(): string {
  const base = hostname().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24).replace(/-+$/, '');
  const suffix = randomBytes(4).toString('hex');
  return base ? `${base}-${suffix}` : suffix;
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function statements(db: Db) {
  return lazy({
    meta: () => db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: () => db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    insertChange: () =>
      db.prepare<[string, string, string, string, string | null]>('INSERT INTO changes (id, kind, summary, at, inverse) VALUES (?, ?, ?, ?, ?)'),
    insertEvent: () =>
      db.prepare<[string, string | null, string, string, string, string]>('INSERT INTO events (id, change_id, device, ts, type, payload) VALUES (?, ?, ?, ?, ?, ?)'),
    undoable: () => db.prepare<[], ChangeDbRow>("SELECT * FROM changes WHERE undone_by IS NULL AND kind != 'undo' ORDER BY seq DESC"),
    markUndone: () => db.prepare<[string, string]>('UPDATE changes SET undone_by = ? WHERE id = ?'),
    recent: () => db.prepare<[number], ChangeDbRow>('SELECT * FROM changes ORDER BY seq DESC LIMIT ?'),
    loadedOnce: () => db.prepare<[], number>("SELECT 1 FROM changes WHERE kind IN ('load', 'remove', 'restore') LIMIT 1").pluck(),
    eventsOf: () => db.prepare<[string], { type: string; payload: string }>('SELECT type, payload FROM events WHERE change_id = ? ORDER BY ts, id'),
  });
}
const st = (db: Db): ReturnType<typeof statements> => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

/** One change being recorded: the events it makes are added to it as the write goes. */
export interface Recorder {
  readonly changeId: string;
  /** Records an event of the change; returns its id. */
  event<T extends EventType>(type: T, payload: EventPayloads[T]): string;
}

/**
 * Starts recording a change made at `at` (a timestamp with its offset), in the caller's
 * transaction. `inverse`: how `study undo` takes it back (null: it cannot).
 */
export function recordChange(db: Db, kind: ChangeKind, summary: string, at: string, inverse: Inverse | null): Recorder {
  const s = st(db);
  const changeId = newId();
  s.insertChange.run(changeId, kind, summary, at, inverse === null ? null : JSON.stringify(inverse));
  const device = ensureDevice(db);
  const nowMs = Date.parse(at);
  let clock = clockFrom(JSON.parse(s.meta.get('clock') ?? 'null'));
  return {
    changeId,
    event(type, payload) {
      const t = tick(clock, Number.isFinite(nowMs) ? nowMs : Date.now());
      clock = t.state;
      s.setMeta.run('clock', JSON.stringify(clock));
      const id = newId();
      s.insertEvent.run(id, changeId, device, t.ts, type, JSON.stringify(payload));
      return id;
    },
  };
}

/** This store's device id, made (once, kept in `meta`) when it has none yet. In the caller's transaction. */
export function ensureDevice(db: Db): string {
  const s = st(db);
  let device = s.meta.get('device');
  if (device === undefined) s.setMeta.run('device', (device = newDeviceId()));
  return device;
}

/** This store's clock. */
export function clockOf(db: Db): HlcState {
  return clockFrom(JSON.parse(st(db).meta.get('clock') ?? 'null'));
}

/**
 * Moves this store's clock past `ts` (an event received from another device), so that
 * every later local event is ordered after it. In the caller's transaction.
 */
export function receiveClock(db: Db, ts: string, nowMs: number): void {
  st(db).setMeta.run('clock', JSON.stringify(receive(clockOf(db), ts, nowMs).state));
}

/** Sets this store's clock (after history was stamped with it). In the caller's transaction. */
export function setClock(db: Db, clock: HlcState): void {
  st(db).setMeta.run('clock', JSON.stringify(clock));
}

/** Sets the inverse of a change once the write knows it (the rows it made). In the caller's transaction. */
export function setInverse(db: Db, changeId: string, inverse: Inverse): void {
  db.prepare<[string, string]>('UPDATE changes SET inverse = ? WHERE id = ?').run(JSON.stringify(inverse), changeId);
}

/** Changes `study undo` does not go back past: what came before them refers to rows they replaced or removed. */
const BARRIERS: readonly ChangeKind[] = ['remove', 'restore'];

/**
 * The change `study undo` takes back next (the latest not undone that can be; of one of
 * `kinds` only, when given), the later ones it passes over because they cannot be, and
 * the removal or restore it stopped at, when it did.
 */
export function nextToUndo(db: Db, kinds?: readonly ChangeKind[]): { change: ChangeRow | null; cannot: ChangeRow[]; barrier: ChangeRow | null } {
  const cannot: ChangeRow[] = [];
  for (const row of st(db).undoable.iterate()) {
    const change = changeOf(row);
    if (BARRIERS.includes(change.kind)) return { change: null, cannot, barrier: change };
    if (kinds !== undefined && !kinds.includes(change.kind)) continue;
    if (change.inverse !== null) return { change, cannot, barrier: null };
    cannot.push(change);
  }
  return { change: null, cannot, barrier: null };
}

/** Marks a change taken back by the change `by`. In the caller's transaction. */
export function markUndone(db: Db, id: string, by: string): void {
  st(db).markUndone.run(by, id);
}

export function changesOf(db: Db) {
  return {
    /** The latest changes, newest first. */
    recent(limit: number): ChangeRow[] {
      return st(db).recent.all(limit).map(changeOf);
    },

    /** The events of a change, in order. */
    eventsOf(changeId: string): { type: EventType; payload: unknown }[] {
      return st(db).eventsOf.all(changeId).map((e) => ({ type: e.type as EventType, payload: JSON.parse(e.payload) as unknown }));
    },

    /** Whether roadmaps were ever loaded here (a store whose last one was removed is not a new store). */
    everLoaded(): boolean {
      return st(db).loadedOnce.get() !== undefined;
    },

    /** This store's device id (null until its first change). */
    device(): string | null {
      return st(db).meta.get('device') ?? null;
    },
  };
}

export type Changes = ReturnType<typeof changesOf>;
