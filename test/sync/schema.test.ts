// A journal line, checked before anything else sees it: what is wrong is said exactly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareEvents, EVENT_TYPES, eventKey } from '../../src/core/events.js';
import { formatTs } from '../../src/core/hlc.js';
import type { AnyEvent } from '../../src/core/replay.js';
import { isDeviceId, JOURNAL_VERSION, parseEventLine, serializeEvent } from '../../src/sync/schema.js';
import { ev, NOV, SAMPLES, sha256, YAML } from './samples.js';

const DEVICE = 'laptop-1a2b';
const ctx = { device: DEVICE, nowMs: NOV };

/** The line of a sample event with `change` applied to its JSON object. */
function line(change: (o: Record<string, any>) => void, type: AnyEvent['type'] = 'completion.done'): string {
  const o = JSON.parse(serializeEvent(ev(type, DEVICE))) as Record<string, any>;
  change(o);
  return JSON.stringify(o);
}

function errorOf(text: string, c = ctx): string {
  const r = parseEventLine(text, c);
  if (r.ok) throw new Error('expected the line to be refused');
  return r.error;
}

describe('journal lines', () => {
  it('round-trips an event of every type through its line', () => {
    for (const type of EVENT_TYPES) {
      const e = ev(type, DEVICE);
      const text = serializeEvent(e);
      expect(text.startsWith(`{"v":${JOURNAL_VERSION},"id":"${e.id}","device":"${DEVICE}","ts":"`)).toBe(true);
      expect(parseEventLine(text, ctx), type).toEqual({ ok: true, event: e });
    }
  });

  it('says what is wrong with a line that is not an event', () => {
    expect(errorOf('{"v":1,')).toMatch(/^not valid JSON \(/);
    expect(errorOf('[1,2]')).toBe('expected a JSON object');
    expect(errorOf(line((o) => delete o.v))).toMatch(/^v: expected number/);
    expect(errorOf(line((o) => (o.id = 'xyz')))).toBe('id: expected an event id: 32 lowercase hex digits');
    expect(errorOf(line((o) => (o.ts = '2026-11-23T08:30:00Z')))).toMatch(/^ts: expected a timestamp like/);
    expect(errorOf(line((o) => (o.type = 'completion.exploded')))).toBe('unknown event type "completion.exploded"');
    expect(errorOf(line((o) => (o.extra = 1)))).toBe('unexpected field "extra"');
  });

  it('names the payload field that is wrong, with the rules every stored record obeys', () => {
    expect(errorOf(line((o) => (o.payload.day = '2026-02-30')))).toMatch(/^payload\.day: expected a date YYYY-MM-DD from /);
    expect(errorOf(line((o) => (o.payload.at = '2026-11-23 09:30')))).toMatch(/^payload\.at: expected a moment like 2026-11-23T20:15:00\+06:00/);
    expect(errorOf(line((o) => (o.payload.itemId = 7)))).toBe('payload.itemId: expected string, received number');
    expect(errorOf(line((o) => delete o.payload.at))).toBe('payload.at: expected string, received undefined');
    expect(errorOf(line((o) => (o.payload.minutes = 1.5)))).toBe('payload.minutes: expected int, received number');
    expect(errorOf(line((o) => (o.payload.difficulty = 'brutal'), 'session.added'))).toMatch(/^payload\.difficulty: expected easy, medium, hard or null/);
    expect(errorOf(line((o) => ((o.payload.day = 'x'), (o.payload.at = 'y'))))).toMatch(/^payload\.day: .* \(and 1 more problem\)$/);
    expect(errorOf(line((o) => (o.payload.sneaky = true)))).toBe('payload: unexpected field "sneaky"');
    expect(errorOf(line((o) => (o.payload.schedule.totalWeeks = 99_999), 'plan.started'))).toMatch(/^payload\.schedule\.totalWeeks: a plan lasts at most/);
  });

  it('refuses an event that claims another device than its journal', () => {
    expect(errorOf(serializeEvent(ev('completion.done', 'desktop-9f9f')))).toBe('device "desktop-9f9f" is not this journal\'s device "laptop-1a2b"');
  });

  it('refuses a timestamp more than a day ahead of this machine, accepts one less', () => {
    const day = 24 * 3600 * 1000;
    expect(parseEventLine(serializeEvent(ev('completion.done', DEVICE, NOV + day - 1)), ctx).ok).toBe(true);
    expect(errorOf(serializeEvent(ev('completion.done', DEVICE, NOV + day + 1, SAMPLES['completion.done'], 3)))).toBe(
      "timestamp 2026-11-24T08:30:00.001Z-00003 is more than a day ahead of this machine's clock (2026-11-23T08:30:00.000Z)",
    );
  });

  it('refuses a line of a newer journal format with a message to upgrade', () => {
    expect(errorOf(line((o) => ((o.v = JOURNAL_VERSION + 1), (o.type = 'habit.invented'))))).toBe(
      `written by a newer study (journal format ${JOURNAL_VERSION + 1}; this study reads up to ${JOURNAL_VERSION}): upgrade study on this machine`,
    );
  });

  it('refuses lines over the size limit: 64 KiB, 2 MiB for a roadmap', () => {
    const bloated = line((o) => (o.payload.note = 'x'.repeat(70 * 1024)), 'session.added');
    expect(errorOf(bloated)).toBe('a session.added line is 71 KiB; the limit is 64 KiB');
    const huge = line((o) => (o.payload.yaml = 'x'.repeat(3 * 1024 * 1024)), 'roadmap.loaded');
    expect(errorOf(huge)).toBe('line is 3.0 MiB; the limit is 2 MiB');
    const bigYaml = line((o) => (o.payload.yaml = 'y'.repeat(1024 * 1024 + 1)), 'roadmap.loaded');
    expect(errorOf(bigYaml)).toBe('payload.yaml: expected at most 1048576 characters of YAML');
  });

  it('checks a roadmap event as study load checks a file: its YAML, its id and its hash', () => {
    const bad = 'title: x\nkind: weekly\nsections:\n  - id: Bad Id\n    title: y\n';
    expect(errorOf(line((o) => ((o.payload.yaml = bad), (o.payload.hash = sha256(bad))), 'roadmap.loaded'))).toMatch(/^payload\.yaml: 4:\d+: id: expected an id of lowercase letters/);
    expect(errorOf(line((o) => (o.payload.roadmapId = 'other'), 'roadmap.loaded'))).toBe('payload.yaml: its roadmap id is "sys-arch", not "other"');
    expect(errorOf(line((o) => (o.payload.hash = sha256(`${YAML}#`)), 'roadmap.loaded'))).toBe('payload.hash: not the sha256 of payload.yaml');
  });

  it('accepts text with escapes (neutralised when shown) but quotes it safely in messages', () => {
    const title = '\u001b[31mRED\u001b[0m \u202eevil';
    const ok = parseEventLine(line((o) => (o.payload.title = title), 'session.added'), ctx);
    expect(ok.ok && ok.event.type === 'session.added' && ok.event.payload.title).toBe(title);
    const msg = errorOf(line((o) => (o.type = '\u001b[2Jgone\u202e')));
    expect(msg).toBe('unknown event type "\\u001b[2Jgone\\u{202e}"');
    expect(msg).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('checks the values of known settings and keeps settings of newer versions', () => {
    expect(errorOf(line((o) => (o.payload.value = '25:00'), 'setting.changed'))).toMatch(/^payload\.value: day-start: /);
    expect(errorOf(line((o) => (o.payload.value = '5:00'), 'setting.changed'))).toMatch(/^payload\.value: day-start: expected "05:00"/);
    expect(parseEventLine(line((o) => (o.payload = { key: 'fsrs-retention', value: '0.9' }), 'setting.changed'), ctx).ok).toBe(true);
    expect(parseEventLine(line((o) => (o.payload = { key: 'day-start', value: null }), 'setting.changed'), ctx).ok).toBe(true);
    expect(parseEventLine(line((o) => (o.payload = { key: 'invented-later', value: 'x' }), 'setting.changed'), ctx).ok).toBe(true);
    expect(errorOf(line((o) => (o.payload = { key: 'Bad Key', value: '1' }), 'setting.changed'))).toBe('payload.key: expected a setting name');
  });

  it('refuses ids that could escape a folder or shadow built-in names', () => {
    expect(errorOf(line((o) => (o.payload.roadmapId = '../etc'), 'roadmap.loaded'))).toMatch(/^payload\.roadmapId: expected a roadmap id/);
    expect(errorOf(line((o) => (o.payload.file = '/etc/passwd'), 'roadmap.loaded'))).toBe('payload.file: expected a file name without a folder');
    expect(errorOf(line((o) => (o.payload.itemId = '__proto__/x')))).toBe('payload.itemId: expected an item id like roadmap/section/item');
  });

  it('knows a device id when it sees one', () => {
    expect(isDeviceId('ana-s-macbook-pro-local-3f9a2c1e')).toBe(true);
    expect(isDeviceId('Laptop')).toBe(false);
    expect(isDeviceId('a/b')).toBe(false);
    expect(isDeviceId('x'.repeat(49))).toBe(false);
  });

  it('orders event keys as strings exactly as compareEvents orders events', () => {
    const arb = fc.record({
      ts: fc.integer({ min: 0, max: 3 }).map((c) => formatTs({ ms: NOV, counter: c })),
      device: fc.constantFrom('a', 'a-b', 'ab', 'b', 'a0'),
      id: fc.constantFrom('0'.repeat(32), 'f'.repeat(32)),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(eventKey(a) < eventKey(b) ? -1 : eventKey(a) > eventKey(b) ? 1 : 0).toBe(compareEvents(a, b));
      }),
    );
  });
});
