// Every change study accepts is also an event: what it did, by which device, when (a
// hybrid logical clock timestamp, core/hlc.ts). The store keeps them beside the data, in
// the same transaction (src/store/changes.ts); they are what `study sync` exchanges
// between a learner's machines (docs/sync.md). Pure types and ordering.
import type { Day } from './calendar.js';
import type { Session } from './records.js';
import type { Pace, Schedule } from './schedule.js';

/** The payload of each type of event. */
export interface EventPayloads {
  'completion.done': { itemId: string; day: Day; at: string; minutes: number | null };
  'completion.undone': { itemId: string; day: Day; at: string };
  /** A session as the store keeps it (core/records.ts), but its row number, which stays on its machine. */
  'session.added': Omit<Session, 'id'>;
  /** `sessionId`: the id of the session.added event. */
  'session.removed': { sessionId: string };
  /** `effectiveDay`: the study day it was started on (absent in events of stores before sync: the day of `at`). */
  'plan.started': { roadmapId: string; startDay: Day; hoursPerWeek: number; pace: Pace; schedule: Schedule; at: string; effectiveDay?: Day };
  'plan.replanned': { roadmapId: string; schedule: Schedule; effectiveDay: Day; at: string };
  'plan.paused': { roadmapId: string; day: Day; at: string };
  'plan.resumed': { roadmapId: string; day: Day; at: string; schedule: Schedule };
  'plan.stopped': { roadmapId: string; day: Day; at: string };
  /** A plan version taken back by `study undo`: `eventId` is the event that made it. */
  'plan.undone': { roadmapId: string; eventId: string };
  'setting.changed': { key: string; value: string | null };
  'roadmap.loaded': { roadmapId: string; file: string; yaml: string; hash: string; at: string };
  'roadmap.removed': { roadmapId: string; at: string };
  /** `study leet start LIST`: the list worked through, in place of any before. */
  'leet.list.started': { list: string; startDay: Day; perDay: number; at: string };
}

export type EventType = keyof EventPayloads;

export interface StudyEvent<T extends EventType = EventType> {
  /** 128 random bits, hex. */
  readonly id: string;
  /** The device that made it. */
  readonly device: string;
  /** Hybrid logical clock timestamp. */
  readonly ts: string;
  readonly type: T;
  readonly payload: EventPayloads[T];
}

/** Every type of event, in the order docs/sync.md lists them. */
export const EVENT_TYPES: readonly EventType[] = [
  'completion.done',
  'completion.undone',
  'session.added',
  'session.removed',
  'plan.started',
  'plan.replanned',
  'plan.paused',
  'plan.resumed',
  'plan.stopped',
  'plan.undone',
  'setting.changed',
  'roadmap.loaded',
  'roadmap.removed',
  'leet.list.started',
];

/** The total order of events: timestamp, then device, then id. */
export function compareEvents(a: Pick<StudyEvent, 'ts' | 'device' | 'id'>, b: Pick<StudyEvent, 'ts' | 'device' | 'id'>): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One string that sorts as compareEvents orders: `ts device id` (a space sorts before
 * every character a device id may have). The stamp the merge rules compare.
 */
export function eventKey(e: Pick<StudyEvent, 'ts' | 'device' | 'id'>): string {
  return `${e.ts} ${e.device} ${e.id}`;
}

/** What `study undo` does to take a change back (kept with the change, local to this store). */
export type Inverse =
  /** Reopen these completions (a `study done`). */
  | { readonly op: 'reopen'; readonly completions: readonly number[] }
  /** Make these completions active again (a `study done --undo`). */
  | { readonly op: 'reactivate'; readonly completions: readonly number[] }
  /** Remove this session (a `study leet log` or `study log`). */
  | { readonly op: 'remove-session'; readonly session: number }
  /** Drop this version of a plan (a start, re-plan, pause, resume or stop). */
  | { readonly op: 'drop-plan-version'; readonly roadmapId: string; readonly version: number }
  /** Put a setting back (null: its default). */
  | { readonly op: 'setting'; readonly key: string; readonly value: string | null };

/** The kinds of change, as `study undo` names them. */
export type ChangeKind = 'done' | 'reopen' | 'session' | 'start' | 'replan' | 'pause' | 'resume' | 'stop' | 'setting' | 'load' | 'remove' | 'restore' | 'undo' | 'list';
