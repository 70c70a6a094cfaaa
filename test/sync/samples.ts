// Sample payloads of every event type, and a helper that stamps them.
import { createHash, randomBytes } from 'node:crypto';
import type { EventPayloads, EventType } from '../../src/core/events.js';
import { formatTs } from '../../src/core/hlc.js';
import type { Schedule } from '../../src/core/schedule.js';
import type { AnyEvent, EventOf } from '../../src/core/replay.js';

export const NOV = Date.UTC(2026, 10, 23, 8, 30);

export const YAML = 'id: sys-arch\ntitle: System Architecture\nkind: weekly\nsections:\n  - id: w01-02\n    title: Core\n    weeks: 1-2\n    topics:\n      - Redis sessions\n';
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const SCHEDULE: Schedule = { totalWeeks: 12, sections: { 'w01-02': [1, 2] }, due: {}, spans: {} };

export const SAMPLES: { [T in EventType]: EventPayloads[T] } = {
  'completion.done': { itemId: 'sys-arch/w01-02/redis-sessions', day: '2026-11-23', at: '2026-11-23T09:30:00+01:00', minutes: null },
  'completion.undone': { itemId: 'sys-arch/w01-02/redis-sessions', day: '2026-11-23', at: '2026-11-23T10:00:00+01:00' },
  'session.added': {
    habitId: 'leetcode',
    day: '2026-11-23',
    at: '2026-11-23T07:10:00+01:00',
    problem: '20',
    number: 20,
    slug: 'valid-parentheses',
    title: 'Valid Parentheses',
    difficulty: 'easy',
    minutes: 25,
    result: 'solved',
    tags: ['stack'],
    note: null,
    rating: 'good',
  },
  'session.removed': { sessionId: '0123456789abcdef0123456789abcdef' },
  'plan.started': { roadmapId: 'sys-arch', startDay: '2026-11-23', hoursPerWeek: 8, pace: 'mid', schedule: SCHEDULE, at: '2026-11-23T09:00:00+01:00', effectiveDay: '2026-11-23' },
  'plan.replanned': { roadmapId: 'sys-arch', schedule: { ...SCHEDULE, totalWeeks: 13 }, effectiveDay: '2026-12-07', at: '2026-12-07T09:00:00+01:00' },
  'plan.paused': { roadmapId: 'sys-arch', day: '2026-12-10', at: '2026-12-10T09:00:00+01:00' },
  'plan.resumed': { roadmapId: 'sys-arch', day: '2026-12-20', at: '2026-12-20T09:00:00+01:00', schedule: { ...SCHEDULE, totalWeeks: 14 } },
  'plan.stopped': { roadmapId: 'sys-arch', day: '2027-01-05', at: '2027-01-05T09:00:00+01:00' },
  'plan.undone': { roadmapId: 'sys-arch', eventId: 'fedcba9876543210fedcba9876543210' },
  'setting.changed': { key: 'day-start', value: '05:00' },
  'roadmap.loaded': { roadmapId: 'sys-arch', file: 'system-architecture.yaml', yaml: YAML, hash: sha256(YAML), at: '2026-11-23T08:59:00+01:00' },
  'roadmap.removed': { roadmapId: 'sys-arch', at: '2026-11-24T08:59:00+01:00' },
  'leet.list.started': { list: 'neetcode150', startDay: '2026-11-23', perDay: 2, at: '2026-11-23T08:00:00+01:00' },
};

let counter = 0;

/** An event of `device` at `ms` (+ a counter), with a fresh id. */
export function ev<T extends EventType>(type: T, device = 'laptop-1a2b', ms = NOV, payload: EventPayloads[T] = SAMPLES[type], c = counter++ % 1000): EventOf<T> & AnyEvent {
  return { id: randomBytes(16).toString('hex'), device, ts: formatTs({ ms, counter: c }), type, payload } as EventOf<T> & AnyEvent;
}
