// The merge rules of `study sync`: what a store holds, as a function of the events it has
// (its own and those it received), whatever order they arrived in. Each thing the events
// are about (an item, a session, a plan, a roadmap, a setting, the LeetCode list) is
// worked out from its own events sorted in the total order (timestamp, then device, then
// id: core/events.ts compareEvents):
//
//   roadmaps     by id: removed when its latest event is a removal; else its loads since
//                the latest removal, in order (the items of every one of them are kept,
//                those no longer in the last archived, as `study load` does).
//   completions  per item, done and undone in order: a done opens a completion unless one
//                is open (the item is done already), an undo closes the open one. So the
//                latest of done and undo wins, and the item's completion is the first done
//                since it was last open. Events before its roadmap's latest removal do not
//                count, and an item counts once a load has it.
//   sessions     a set keyed by the id of the session.added event; a session.removed
//                takes one out for good, whichever arrives first.
//   plans        per roadmap, its plan events since the roadmap's latest removal, in order,
//                less those `study undo` took back (plan.undone): each is a version; a
//                re-plan, pause, resume or stop carries the start day, hours and pace of
//                the version before it (a pause or stop also its schedule); one before any
//                start is ignored.
//   settings     per key, the latest change wins (null: back to the default).
//   leet list    the latest start wins.
//
// store/apply.ts applies these to the store's tables for what a sync touched; replayAll
// is the whole state, the reference the store is tested against. Pure.
import { compareEvents, eventKey, type EventPayloads, type EventType, type StudyEvent } from './events.js';
import type { Pace, Schedule } from './schedule.js';

/** An event with its payload's type known from `type`. */
export type AnyEvent = { [T in EventType]: StudyEvent<T> }[EventType];
export type EventOf<T extends EventType> = StudyEvent<T>;

const sorted = <E extends AnyEvent>(events: readonly E[]): E[] => [...events].sort(compareEvents);
const is = <T extends EventType>(e: AnyEvent, type: T): e is StudyEvent<T> & AnyEvent => e.type === type;

/** The roadmap an item belongs to: its id's first segment. */
export function roadmapOfItem(itemId: string): string {
  const slash = itemId.indexOf('/');
  return slash < 0 ? itemId : itemId.slice(0, slash);
}

// ---- roadmaps ----------------------------------------------------------------------

export interface RoadmapState {
  /** The stamp (core/events.ts eventKey) of its latest removal: events of its items and plan before it do not count. */
  readonly cutoff: string | null;
  /** Its loads since then, in order; none: it is not loaded. */
  readonly loads: StudyEvent<'roadmap.loaded'>[];
}

/** A roadmap from its roadmap.loaded and roadmap.removed events. */
export function roadmapState(events: readonly AnyEvent[]): RoadmapState {
  let cutoff: string | null = null;
  let loads: StudyEvent<'roadmap.loaded'>[] = [];
  for (const e of sorted(events)) {
    if (is(e, 'roadmap.removed')) {
      cutoff = eventKey(e);
      loads = [];
    } else if (is(e, 'roadmap.loaded')) {
      loads.push(e);
    }
  }
  return { cutoff, loads };
}

/** Events at or after `cutoff` (all of them when it is null). */
export const since = <E extends AnyEvent>(events: readonly E[], cutoff: string | null): E[] => (cutoff === null ? [...events] : events.filter((e) => eventKey(e) > cutoff));

// ---- completions -------------------------------------------------------------------

/** A completion row as the rules leave it (the store's own row id aside). */
export interface CompletionOf {
  readonly eventId: string;
  readonly day: string;
  readonly at: string;
  readonly minutes: number | null;
  readonly undoneAt: string | null;
}

/** The completions of one item from its completion.done and completion.undone events (since its roadmap's cutoff). */
export function completionsOf(events: readonly AnyEvent[]): CompletionOf[] {
  const rows: { eventId: string; day: string; at: string; minutes: number | null; undoneAt: string | null }[] = [];
  let open: (typeof rows)[number] | null = null;
  for (const e of sorted(events)) {
    if (is(e, 'completion.done')) {
      if (open !== null) continue;
      open = { eventId: e.id, day: e.payload.day, at: e.payload.at, minutes: e.payload.minutes ?? null, undoneAt: null };
      rows.push(open);
    } else if (is(e, 'completion.undone') && open !== null) {
      open.undoneAt = e.payload.at;
      open = null;
    }
  }
  return rows;
}

// ---- plans ---------------------------------------------------------------------------

export type VersionKind = 'start' | 'replan' | 'pause' | 'resume' | 'stop';

/** A version of a plan as the rules leave it (numbered 1, 2, ... in this order). */
export interface VersionOf {
  readonly eventId: string;
  readonly kind: VersionKind;
  readonly effectiveDay: string;
  readonly at: string;
  readonly startDay: string;
  readonly hoursPerWeek: number;
  readonly pace: Pace;
  readonly schedule: Schedule;
}

/** The versions of one roadmap's plan from its plan events (since the roadmap's cutoff; plan.undone ones among them, at any time). */
export function planVersionsOf(events: readonly AnyEvent[]): VersionOf[] {
  const undone = new Set(events.filter((e) => is(e, 'plan.undone')).map((e) => (e as StudyEvent<'plan.undone'>).payload.eventId));
  const versions: VersionOf[] = [];
  for (const e of sorted(events)) {
    if (undone.has(e.id)) continue;
    const prev = versions[versions.length - 1];
    if (is(e, 'plan.started')) {
      const p = e.payload;
      versions.push({
        eventId: e.id,
        kind: 'start',
        effectiveDay: p.effectiveDay ?? p.at.slice(0, 10),
        at: p.at,
        startDay: p.startDay,
        hoursPerWeek: p.hoursPerWeek,
        pace: p.pace,
        schedule: p.schedule,
      });
      continue;
    }
    if (prev === undefined) continue;
    const carried = { eventId: e.id, startDay: prev.startDay, hoursPerWeek: prev.hoursPerWeek, pace: prev.pace };
    if (is(e, 'plan.replanned')) versions.push({ ...carried, kind: 'replan', effectiveDay: e.payload.effectiveDay, at: e.payload.at, schedule: e.payload.schedule });
    else if (is(e, 'plan.resumed')) versions.push({ ...carried, kind: 'resume', effectiveDay: e.payload.day, at: e.payload.at, schedule: e.payload.schedule });
    else if (is(e, 'plan.paused')) versions.push({ ...carried, kind: 'pause', effectiveDay: e.payload.day, at: e.payload.at, schedule: prev.schedule });
    else if (is(e, 'plan.stopped')) versions.push({ ...carried, kind: 'stop', effectiveDay: e.payload.day, at: e.payload.at, schedule: prev.schedule });
  }
  return versions;
}

// ---- settings and the LeetCode list ---------------------------------------------------

/** A setting from its setting.changed events: its value (null: the default), or undefined when none. */
export function settingOf(events: readonly AnyEvent[]): string | null | undefined {
  const last = sorted(events.filter((e) => is(e, 'setting.changed'))).pop() as StudyEvent<'setting.changed'> | undefined;
  return last === undefined ? undefined : last.payload.value;
}

export interface LeetListOf {
  readonly list: string;
  readonly startDay: string;
  readonly perDay: number;
  readonly startedAt: string;
}

/** The started LeetCode list from the leet.list.started events, or null. */
export function leetListOf(events: readonly AnyEvent[]): LeetListOf | null {
  const last = sorted(events.filter((e) => is(e, 'leet.list.started'))).pop() as StudyEvent<'leet.list.started'> | undefined;
  return last === undefined ? null : { list: last.payload.list, startDay: last.payload.startDay, perDay: last.payload.perDay, startedAt: last.payload.at };
}

// ---- sessions ------------------------------------------------------------------------

export type SessionOf = EventPayloads['session.added'] & { readonly eventId: string };

/** The sessions kept: added and not removed, in event order. */
export function sessionsOf(events: readonly AnyEvent[]): SessionOf[] {
  const removed = new Set(events.filter((e) => is(e, 'session.removed')).map((e) => (e as StudyEvent<'session.removed'>).payload.sessionId));
  return sorted(events)
    .filter((e): e is StudyEvent<'session.added'> & AnyEvent => is(e, 'session.added') && !removed.has(e.id))
    .map((e) => ({ ...e.payload, eventId: e.id }));
}

// ---- everything ------------------------------------------------------------------------

/** The whole state of a set of events, in a canonical order (two equal states are equal as JSON). */
export interface ReplayView {
  /** Loaded roadmaps by id: the hash and moment of the last load. */
  readonly roadmaps: { id: string; hash: string; at: string }[];
  /** Completions by item id, then in event order. `items`: only items for which it returns true count. */
  readonly completions: (CompletionOf & { itemId: string })[];
  readonly plans: { roadmapId: string; versions: VersionOf[] }[];
  readonly sessions: SessionOf[];
  /** Settings whose value is not the default, by key. */
  readonly settings: Record<string, string>;
  readonly leetList: LeetListOf | null;
}

const byKey = <T>(m: Map<string, T>): [string, T][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function group(events: readonly AnyEvent[], keyOf: (e: AnyEvent) => string | null): Map<string, AnyEvent[]> {
  const out = new Map<string, AnyEvent[]>();
  for (const e of events) {
    const k = keyOf(e);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(e);
    else out.set(k, [e]);
  }
  return out;
}

/** The state of a set of events (each once: duplicates by id are dropped). `itemExists`: whether a loaded roadmap has the item. */
export function replayAll(all: readonly AnyEvent[], itemExists: (itemId: string) => boolean = () => true): ReplayView {
  const events = [...new Map(all.map((e) => [e.id, e])).values()];
  const roadmapEvents = group(events, (e) => (is(e, 'roadmap.loaded') || is(e, 'roadmap.removed') ? e.payload.roadmapId : null));
  const states = new Map([...roadmapEvents].map(([id, list]) => [id, roadmapState(list)]));
  const cutoffOf = (roadmapId: string): string | null => states.get(roadmapId)?.cutoff ?? null;
  const loaded = (roadmapId: string): boolean => (states.get(roadmapId)?.loads.length ?? 0) > 0;

  const completions: ReplayView['completions'] = [];
  const byItem = group(events, (e) => (is(e, 'completion.done') || is(e, 'completion.undone') ? e.payload.itemId : null));
  for (const [itemId, list] of byItem) {
    const roadmapId = roadmapOfItem(itemId);
    if (!loaded(roadmapId) || !itemExists(itemId)) continue;
    for (const c of completionsOf(since(list, cutoffOf(roadmapId)))) completions.push({ itemId, ...c });
  }
  completions.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));

  const plans: ReplayView['plans'] = [];
  const byPlan = group(events, (e) => (e.type.startsWith('plan.') ? (e.payload as { roadmapId: string }).roadmapId : null));
  for (const [roadmapId, list] of byKey(byPlan)) {
    if (!loaded(roadmapId)) continue;
    const versions = planVersionsOf([...since(list, cutoffOf(roadmapId)), ...list.filter((e) => is(e, 'plan.undone'))]);
    if (versions.length > 0) plans.push({ roadmapId, versions });
  }

  const settings: Record<string, string> = {};
  for (const [key, list] of byKey(group(events, (e) => (is(e, 'setting.changed') ? e.payload.key : null)))) {
    const value = settingOf(list);
    if (value !== null && value !== undefined) settings[key] = value;
  }

  return {
    roadmaps: byKey(states)
      .filter(([, s]) => s.loads.length > 0)
      .map(([id, s]) => ({ id, hash: s.loads[s.loads.length - 1]!.payload.hash, at: s.loads[s.loads.length - 1]!.payload.at })),
    completions,
    plans,
    sessions: sessionsOf(events),
    settings,
    leetList: leetListOf(events),
  };
}
