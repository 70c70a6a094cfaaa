// The shape of a backup document (core/backup.ts), as zod schemas: every table's rows with
// the types of their columns, and a roadmap's model as core/model.ts defines it (what
// `study load` makes of a file). What the values mean is checked after, by the rules the
// writing commands share (core/backup-rules.ts).
import { z } from 'zod';
import { BACKUP_FORMAT } from '../../core/backup.js';
import { MAX_PLAN_WEEKS } from '../../core/bounds.js';
import { DIFFICULTIES, ITEM_KINDS, KINDS, PRIORITIES } from '../../core/model.js';

const str = z.string();
const nstr = z.string().nullable();
const int = z.number().int();
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected an id of lowercase letters, digits and hyphens' });
const week = z.number().int().min(1).max(MAX_PLAN_WEEKS, { error: `weeks go up to ${MAX_PLAN_WEEKS}` });
const level = (names: readonly string[]) =>
  z
    .string()
    .refine((v) => v.split('-').every((p) => names.includes(p)), { error: `expected ${names.join(', ')} or a range of them` })
    .nullable();

interface ModelItem {
  id: string;
  title: string;
  kind: string;
  doneInFile: boolean;
  effort: string | null;
  effortHours: number | null;
  priority: string | null;
  difficulty: string | null;
  url: string | null;
  notes: string[];
  children: ModelItem[];
  order: number;
}

const modelItem: z.ZodType<ModelItem> = z.strictObject({
  id: str,
  title: str,
  kind: z.enum(ITEM_KINDS),
  doneInFile: z.boolean(),
  effort: nstr,
  effortHours: z.number().min(0).max(1e6).nullable(),
  priority: level(PRIORITIES),
  difficulty: level(DIFFICULTIES),
  url: nstr,
  notes: z.array(str),
  get children() {
    return z.array(modelItem);
  },
  order: int.min(0),
});

/** A roadmap's model, as core/model.ts Roadmap. */
export const roadmapModel = z.strictObject({
  id: slug,
  title: str,
  kind: z.enum(KINDS),
  description: nstr,
  notes: z.array(str),
  sections: z
    .array(
      z.strictObject({
        id: str,
        title: str,
        weeks: z
          .tuple([week, week])
          .refine(([a, b]) => a <= b, { error: 'the weeks end before they start' })
          .nullable(),
        duration: z
          .union([
            z.strictObject({ kind: z.literal('weeks'), min: week, max: week, text: str }).refine((d) => d.min <= d.max, { error: 'min is above max' }),
            z.strictObject({ kind: z.literal('ongoing'), text: str }),
          ])
          .nullable(),
        description: nstr,
        notes: z.array(str),
        priority: level(PRIORITIES),
        difficulty: level(DIFFICULTIES),
        effort: nstr,
        effortHours: z.number().min(0).max(1e6).nullable(),
        items: z.array(modelItem),
      }),
    )
    .min(1),
  habits: z.array(
    z.strictObject({
      id: slug,
      title: str,
      perWeek: int.min(1).max(7),
      every: str,
      minutes: nstr,
      priority: level(PRIORITIES),
      difficulty: level(DIFFICULTIES),
      effort: nstr,
      notes: z.array(str),
    }),
  ),
});

/** A plan as a version 1 document has it (one schedule). */
export const planV1 = z.strictObject({
  roadmap_id: str,
  start_day: str,
  hours_per_week: z.number(),
  pace: str,
  schedule: z.record(z.string(), z.unknown()),
  started_at: str,
  replanned_at: nstr,
});

export const documentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: int,
  exportedAt: str,
  study: str,
  schemaVersion: int,
  settings: z.array(z.strictObject({ key: str, value: str })),
  roadmaps: z.array(z.strictObject({ id: str, title: str, kind: str, model: roadmapModel, source_path: str, source_text: str, source_hash: str, loaded_at: str })),
  items: z.array(
    z.strictObject({
      id: str,
      roadmap_id: str,
      section_id: str,
      parent_id: nstr,
      position: int,
      kind: str,
      title: str,
      is_leaf: int,
      done_in_file: int,
      attrs: z.record(z.string(), z.unknown()),
      archived_at: nstr,
    }),
  ),
  completions: z.array(
    z.strictObject({ id: int.min(1), item_id: str, day: str, at: str, undone_at: nstr, minutes: int.min(1).max(1440).nullable().optional(), event_id: nstr.optional() }),
  ),
  plans: z.array(z.union([z.strictObject({ roadmap_id: str, started_at: str }), planV1])),
  plan_versions: z
    .array(
      z.strictObject({
        roadmap_id: str,
        version: int,
        kind: str,
        effective_day: str,
        at: str,
        start_day: str,
        hours_per_week: z.number(),
        pace: str,
        schedule: z.record(z.string(), z.unknown()),
        event_id: nstr.optional(),
      }),
    )
    .optional(),
  sessions: z.array(
    z.strictObject({
      id: int.min(1),
      habit_id: str,
      at: str,
      day: str,
      problem: nstr,
      number: int.nullable(),
      slug: nstr,
      title: nstr,
      difficulty: nstr,
      minutes: int.nullable(),
      result: nstr,
      tags: z.array(str),
      note: nstr,
      // version 3 on; an older document's LeetCode sessions are rated when restored
      rating: nstr.optional(),
      event_id: nstr.optional(),
    }),
  ),
  leet_lists: z.array(z.strictObject({ list: str, start_day: str, per_day: int, started_at: str })).optional(),
});

/** How deep a JSON value nests, counted without recursion (a document nested 100,000 deep is refused, not a stack overflow). */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}
