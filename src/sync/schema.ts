// A journal line: one event (core/events.ts) as JSON, `{ v, id, device, ts, type, payload }`.
// Lines come from other machines, so they are untrusted: parseEventLine checks the size,
// the format version, the type, the payload (zod, strict: an unknown field is an error;
// then the rules every stored record obeys, core/record-rules.ts), the device and the
// clock before anything else sees them, and says exactly what is wrong. A roadmap's YAML
// is checked as `study load` checks a file. Loaded only by `study sync`.
//
// To add an event type: its payload in core/events.ts EventPayloads, its schema here, its
// rule in core/replay.ts and store/apply.ts, a line in docs/sync.md. A type or field
// older programs would refuse is a new JOURNAL_VERSION.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { EVENT_TYPES, type EventPayloads, type EventType } from '../core/events.js';
import { isTs, tsMs } from '../core/hlc.js';
import { LIST_IDS, MAX_PER_DAY } from '../core/leet/plan.js';
import { MAX_MINUTES } from '../core/leet.js';
import type { Roadmap } from '../core/model.js';
import type { AnyEvent } from '../core/replay.js';
import { dayProblem, momentProblem, scheduleProblems, sessionProblems, settingProblems, type RuleProblem } from '../core/record-rules.js';
import { isSettingKey } from '../core/settings.js';
import { slugify } from '../core/slug.js';
import { parseRoadmapText } from '../roadmap/file.js';

/** The journal format this program writes and the newest it reads. */
export const JOURNAL_VERSION = 1;

const KiB = 1024;
const MiB = 1024 * KiB;

/** Bytes a journal line may have (UTF-8, without its newline), unless LINE_LIMITS says more. */
export const LINE_LIMIT = 64 * KiB;
/** How far ahead of this machine's clock an event's timestamp may be. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Largest roadmap YAML an event carries (what `study load` reads of a file). */
export const MAX_YAML_CHARS = 1 * MiB;

const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;
const ITEM_ID_RE = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)+$/;
const EVENT_ID_RE = /^[0-9a-f]{32}$/;
const DEVICE_RE = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
const SETTING_KEY_RE = /^[a-z][a-z0-9-]{0,63}$/;
const SHA256_RE = /^[0-9a-f]{64}$/;

/** A check of record-rules.ts as a zod refinement: its message, or none. */
const rule = (check: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const problem = check(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};
const roadmapId = z.string().max(200).regex(SLUG_RE, { error: 'expected a roadmap id: lowercase letters, digits and hyphens' });
const itemId = z.string().max(512).regex(ITEM_ID_RE, { error: 'expected an item id like roadmap/section/item' });
const eventId = z.string().regex(EVENT_ID_RE, { error: 'expected an event id: 32 lowercase hex digits' });
const day = z.string().superRefine(rule((d) => dayProblem(d)));
const at = z.string().superRefine(rule(momentProblem));
const schedule = z.record(z.string(), z.unknown(), { error: 'expected a schedule (a JSON object)' }).superRefine((s, ctx) => {
  for (const [field, message] of scheduleProblems(s)) ctx.addIssue({ code: 'custom', path: field.split('.').slice(1), message });
});
const minutes = z.number().int().min(1).max(MAX_MINUTES).nullable();
const issues = (problems: readonly RuleProblem[], ctx: z.RefinementCtx): void => {
  for (const [field, message] of problems) ctx.addIssue({ code: 'custom', path: [field], message });
};

const planAction = z.strictObject({ roadmapId, day, at });

/** Every event type and its payload's schema. */
export const PAYLOADS: { readonly [T in EventType]: z.ZodType<EventPayloads[T]> } = {
  'completion.done': z.strictObject({ itemId, day, at, minutes }),
  'completion.undone': z.strictObject({ itemId, day, at }),
  'session.added': z
    .strictObject({
      habitId: z.string(),
      day: z.string(),
      at: z.string(),
      problem: z.string().nullable(),
      number: z.number().nullable(),
      slug: z.string().nullable(),
      title: z.string().nullable(),
      difficulty: z.string().nullable(),
      minutes: z.number().nullable(),
      result: z.string().nullable(),
      tags: z.array(z.string()),
      note: z.string().nullable(),
      rating: z.string().nullable(),
    })
    .superRefine((s, ctx) => issues(sessionProblems(s), ctx)),
  'session.removed': z.strictObject({ sessionId: eventId }),
  'plan.started': z
    .strictObject({
      roadmapId,
      startDay: day,
      hoursPerWeek: z.number().positive().max(168),
      pace: z.enum(['min', 'mid', 'max']),
      schedule,
      at,
      effectiveDay: day.optional(),
    })
    .transform((p) => p as unknown as EventPayloads['plan.started']),
  'plan.replanned': z.strictObject({ roadmapId, schedule, effectiveDay: day, at }).transform((p) => p as unknown as EventPayloads['plan.replanned']),
  'plan.paused': planAction,
  'plan.resumed': z.strictObject({ roadmapId, day, at, schedule }).transform((p) => p as unknown as EventPayloads['plan.resumed']),
  'plan.stopped': planAction,
  'plan.undone': z.strictObject({ roadmapId, eventId }),
  'setting.changed': z
    .strictObject({
      key: z.string().regex(SETTING_KEY_RE, { error: 'expected a setting name' }),
      value: z.string().max(1024).nullable(),
    })
    .superRefine((s, ctx) => {
      // A setting of a newer study is kept, not used; a known one must be valid and canonical.
      if (isSettingKey(s.key) && s.value !== null) for (const [, message] of settingProblems(s.key, s.value)) ctx.addIssue({ code: 'custom', path: ['value'], message });
    }),
  'roadmap.loaded': z.strictObject({
    roadmapId,
    /** The name the file had where it was loaded (no folder: paths stay on their machine). */
    file: z.string().min(1).max(255).regex(/^[^/\\]+$/, { error: 'expected a file name without a folder' }),
    yaml: z.string().max(MAX_YAML_CHARS, { error: `expected at most ${MAX_YAML_CHARS} characters of YAML` }),
    hash: z.string().regex(SHA256_RE, { error: 'expected a sha256 in hex' }),
    at,
  }),
  'roadmap.removed': z.strictObject({ roadmapId, at }),
  'leet.list.started': z.strictObject({ list: z.enum(LIST_IDS), startDay: day, perDay: z.number().int().min(1).max(MAX_PER_DAY), at }),
};

/** Line limits above LINE_LIMIT, by type. */
export const LINE_LIMITS: Partial<Record<EventType, number>> = { 'roadmap.loaded': 2 * MiB, 'plan.started': 1 * MiB, 'plan.replanned': 1 * MiB, 'plan.resumed': 1 * MiB };
/** The largest line of any type: longer lines are refused before they are parsed. */
export const MAX_LINE_BYTES = Math.max(LINE_LIMIT, ...Object.values(LINE_LIMITS));

export function isEventType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

export function isDeviceId(id: string): boolean {
  return DEVICE_RE.test(id);
}

const envelope = z.strictObject({
  v: z.number().int().min(1),
  id: eventId,
  device: z.string().regex(DEVICE_RE, { error: 'expected a device id: lowercase letters, digits and hyphens' }),
  ts: z.string().refine(isTs, { error: 'expected a timestamp like 2026-11-23T08:30:00.000Z-00000' }),
  type: z.string(),
  payload: z.unknown(),
});

/** What a line is checked against: the device whose folder it is in, and this machine's clock. */
export interface LineContext {
  readonly device: string;
  /** ms since the epoch. */
  readonly nowMs: number;
}

export type LineResult = { readonly ok: true; readonly event: AnyEvent } | { readonly ok: false; readonly error: string };

/** Untrusted text inside a message: quoted, control and format characters escaped, short. */
export function quote(s: string, max = 40): string {
  const cut = [...s].length > max ? `${[...s].slice(0, max).join('')}…` : s;
  return JSON.stringify(cut).replace(/[\p{C}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB ? 1 : 0)} MiB` : `${Math.ceil(bytes / KiB)} KiB`;
}

function issueText(error: z.ZodError, prefix: string): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'invalid';
  const path = [prefix, ...first.path.map(String)].filter(Boolean).join('.');
  let message = first.message.replace(/^Invalid input: /, '');
  if (first.code === 'unrecognized_keys') message = `unexpected field${first.keys.length > 1 ? 's' : ''} ${first.keys.map((k) => quote(k)).join(', ')}`;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return `${path ? `${path}: ` : ''}${message}${more}`;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Roadmaps parsed from events' YAML, by hash and file name: each is parsed once a run. */
const parsed = new Map<string, Roadmap>();

/** The roadmap a roadmap.loaded event's YAML holds, or what is wrong with it (as `study load` says it). */
export function roadmapOfYaml(yaml: string, file: string): Roadmap | string {
  const key = `${sha256(yaml)} ${file}`;
  const known = parsed.get(key);
  if (known) return known;
  const r = parseRoadmapText(yaml, file, slugify(basename(file, extname(file))));
  if ('problems' in r) {
    const p = r.problems[0]!;
    return `${p.line}:${p.col}: ${p.message}${r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? 's' : ''})` : ''}`;
  }
  parsed.set(key, r.roadmap);
  return r.roadmap;
}

/** Checks an event already parsed from JSON. `bytes`: its line's size. */
export function validateEvent(value: unknown, ctx: LineContext, bytes = 0): LineResult {
  const fail = (error: string): LineResult => ({ ok: false, error });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a JSON object');
  const raw = value as Record<string, unknown>;
  if (typeof raw.v === 'number' && Number.isInteger(raw.v) && raw.v > JOURNAL_VERSION) {
    return fail(`written by a newer study (journal format ${raw.v}; this study reads up to ${JOURNAL_VERSION}): upgrade study on this machine`);
  }
  const env = envelope.safeParse(raw);
  if (!env.success) return fail(issueText(env.error, ''));
  if (env.data.device !== ctx.device) return fail(`device ${quote(env.data.device)} is not this journal's device ${quote(ctx.device)}`);
  const { type } = env.data;
  if (!isEventType(type)) return fail(`unknown event type ${quote(type)}`);
  const limit = LINE_LIMITS[type] ?? LINE_LIMIT;
  if (bytes > limit) return fail(`a ${type} line is ${sizeText(bytes)}; the limit is ${sizeText(limit)}`);
  const payload = (PAYLOADS[type] as z.ZodType).safeParse(env.data.payload);
  if (!payload.success) return fail(issueText(payload.error, 'payload'));
  if (tsMs(env.data.ts) > ctx.nowMs + MAX_CLOCK_SKEW_MS) {
    return fail(`timestamp ${env.data.ts} is more than a day ahead of this machine's clock (${new Date(ctx.nowMs).toISOString()})`);
  }
  if (type === 'roadmap.loaded') {
    const p = payload.data as EventPayloads['roadmap.loaded'];
    if (p.hash !== sha256(p.yaml) && p.hash !== sha256(`\uFEFF${p.yaml}`)) return fail('payload.hash: not the sha256 of payload.yaml');
    const roadmap = roadmapOfYaml(p.yaml, p.file);
    if (typeof roadmap === 'string') return fail(`payload.yaml: ${roadmap}`);
    if (roadmap.id !== p.roadmapId) return fail(`payload.yaml: its roadmap id is ${quote(roadmap.id)}, not ${quote(p.roadmapId)}`);
  }
  return { ok: true, event: { id: env.data.id, device: env.data.device, ts: env.data.ts, type, payload: payload.data } as AnyEvent };
}

/** Checks one journal line (without its newline): an event, or what is wrong with it. */
export function parseEventLine(line: string, ctx: LineContext): LineResult {
  const bytes = Buffer.byteLength(line, 'utf8');
  if (bytes > MAX_LINE_BYTES) return { ok: false, error: `line is ${sizeText(bytes)}; the limit is ${sizeText(MAX_LINE_BYTES)}` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  return validateEvent(value, ctx, bytes);
}

/** The journal line of an event (no newline), its fields in envelope order. */
export function serializeEvent(e: AnyEvent): string {
  return JSON.stringify({ v: JOURNAL_VERSION, id: e.id, device: e.device, ts: e.ts, type: e.type, payload: e.payload });
}
