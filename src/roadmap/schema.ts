// The roadmap file format (SPEC section 1) as zod schemas. The same source validates
// files (src/roadmap-file.ts) and generates schema/roadmap.schema.json for editors.
import { z } from 'zod';
import { KINDS, MAX_PLAN_WEEKS } from '../core/model.js';
import { parseDuration } from '../core/normalize.js';
import { DURATION_RE, EFFORT_RE, EVERY_RE, WEEKS_RE } from '../core/patterns.js';

export { DURATION_RE, EFFORT_RE, EVERY_RE, WEEKS_RE };

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const PRIORITY = /^(critical|high|medium|low)(-(critical|high|medium|low))?$/;
const DIFFICULTY = /^(easy|medium|hard)(-(easy|medium|hard))?$/;
const MINUTES_RE = /^\d+(\s*-\s*\d+)?$/;

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });
const id = z.string({ error: 'expected an id' }).regex(SLUG, { error: 'expected an id of lowercase letters, digits and hyphens (like w01-02)' });
const priority = z
  .string({ error: 'expected a priority' })
  .regex(PRIORITY, { error: 'expected critical, high, medium or low (or a range like low-medium)' })
  .describe('critical | high | medium | low, or a range such as low-medium');
const difficulty = z
  .string({ error: 'expected a difficulty' })
  .regex(DIFFICULTY, { error: 'expected easy, medium or hard (or a range like easy-medium)' })
  .describe('easy | medium | hard, or a range such as easy-medium');
const effort = z
  .string({ error: 'expected an effort' })
  .regex(EFFORT_RE, { error: 'expected short, medium, long, or hours/minutes like 3h, 90m, 30-60m' })
  .describe('short (2h) | medium (5h) | long (10h) | hours or minutes such as 3h, 90m, 30-60m');
const notes = z
  .union([z.string(), z.array(z.string())], { error: 'expected a note or a list of notes' })
  .describe('text that is not a checkable item');

/** `weeks: 3` or `weeks: 1-2`: 1-based plan weeks, end >= start. */
const weeks = z
  .union(
    [
      z
        .number()
        .int({ error: 'expected a whole week number' })
        .min(1, { error: 'weeks start at 1' })
        .max(MAX_PLAN_WEEKS, { error: `weeks go up to ${MAX_PLAN_WEEKS} (20 years)` }),
      z.string().regex(WEEKS_RE, { error: 'expected a week number or a range like 1-2' }),
    ],
    { error: 'expected a week number or a range like 1-2' },
  )
  .superRefine((value, ctx) => {
    // zod runs refinements after a failed regex too: a string that did not match is reported already.
    const m = typeof value === 'string' ? WEEKS_RE.exec(value) : null;
    if (m === null) return;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1) ctx.addIssue({ code: 'custom', message: 'weeks start at 1' });
    else if (to < from) ctx.addIssue({ code: 'custom', message: `end ${to} is before start ${from}` });
    else if (to > MAX_PLAN_WEEKS) ctx.addIssue({ code: 'custom', message: `weeks go up to ${MAX_PLAN_WEEKS} (20 years), got ${m[0]!.trim()}` });
  })
  .describe('a plan week (3) or a range of weeks (1-2), 1-based');

const duration = z
  .union(
    [
      z
        .number()
        .positive({ error: 'expected a positive number of weeks' })
        .max(MAX_PLAN_WEEKS, { error: `a phase lasts at most ${MAX_PLAN_WEEKS} weeks (20 years)` }),
      z.string().regex(DURATION_RE, { error: 'expected a duration like 3 weeks, 2-4 weeks, 10 days, 2 months, or ongoing' }),
    ],
    {
    error: 'expected a duration like 3 weeks, 2-4 weeks, 10 days, 2 months, or ongoing',
  })
  .superRefine((value, ctx) => {
    const m = typeof value === 'string' ? DURATION_RE.exec(value) : null;
    if (m === null) return;
    if (m[2] !== undefined && Number(m[2]) < Number(m[1])) {
      ctx.addIssue({ code: 'custom', message: `longest ${m[2]} is shorter than shortest ${m[1]}` });
      return;
    }
    const d = parseDuration(value as string);
    if (d.kind === 'weeks' && d.max > MAX_PLAN_WEEKS) {
      ctx.addIssue({ code: 'custom', message: `a phase lasts at most ${MAX_PLAN_WEEKS} weeks (20 years), got ${String(value).trim()}` });
    }
  })
  .describe('phased plans: 3 weeks, 2-4 weeks, 10 days, 2 months, or ongoing (a number means weeks)');

const itemObject = z
  .strictObject({
    id: id.optional(),
    title: text,
    done: z.boolean({ error: 'expected true or false' }).optional().describe('checked in the file (this item only; no completion date)'),
    effort: effort.optional(),
    priority: priority.optional(),
    difficulty: difficulty.optional(),
    url: z.url({ error: 'expected a link like https://example.com/page' }).optional(),
    notes: notes.optional(),
    get items(): z.ZodOptional<z.ZodArray<typeof item>> {
      return z.array(item).optional();
    },
  })
  .describe('a checkable item');

export const item: z.ZodUnion<[typeof text, typeof itemObject]> = z.union([text, itemObject], {
  error: 'expected an item: a title, or a mapping with title',
});

const group = (what: string) => z.array(item, { error: `expected a list of ${what}` }).optional();

export const section = z.strictObject({
  id: id.optional(),
  title: text,
  weeks: weeks.optional(),
  duration: duration.optional(),
  description: z.string({ error: 'expected text' }).optional(),
  notes: notes.optional(),
  priority: priority.optional(),
  difficulty: difficulty.optional(),
  effort: effort.optional(),
  topics: group('topics'),
  tasks: group('tasks'),
  milestones: group('milestones'),
  items: group('items'),
  resources: group('resources'),
  criteria: group('success criteria'),
});

export const habit = z.strictObject({
  id: id.optional(),
  title: text,
  every: z
    .string({ error: 'expected day or "N per week"' })
    .regex(EVERY_RE, { error: 'expected day or "N per week" (N from 1 to 7)' })
    .describe('day | N per week'),
  minutes: z.union([z.number().int().positive({ error: 'expected a positive number of minutes' }), z.string().regex(MINUTES_RE, { error: 'expected minutes like 30 or 30-60' })], { error: 'expected minutes like 30 or 30-60' }).optional(),
  priority: priority.optional(),
  difficulty: difficulty.optional(),
  effort: effort.optional(),
  notes: notes.optional(),
});

export const roadmap = z
  .strictObject({
    $schema: z.string().optional().describe('the JSON Schema this file follows (ignored by study)'),
    id: id.optional().describe('default: the file name, slugified'),
    title: text,
    kind: z.enum(KINDS, { error: `expected one of ${KINDS.join(', ')}` }),
    description: z.string({ error: 'expected text' }).optional(),
    notes: notes.optional(),
    sections: z.array(section, { error: 'expected a list of sections' }).min(1, { error: 'expected at least one section' }),
    habits: z.array(habit, { error: 'expected a list of habits' }).optional(),
  })
  .describe('A study roadmap for `study` (see the README for the format)');

export type RawRoadmap = z.infer<typeof roadmap>;
export type RawSection = z.infer<typeof section>;
export type RawItem = z.infer<typeof item>;
export type RawHabit = z.infer<typeof habit>;
