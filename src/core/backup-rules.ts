// Whether a backup document (core/backup.ts) can be restored: every record obeys the rules
// the commands that write it obey (core/record-rules.ts), and the rows hang together (ids
// unique, every reference to a row that is there, no item its own ancestor, one active
// completion per item, plan versions 1..n of a started plan, every item of a roadmap's
// model stored). `study import-backup` writes nothing unless this finds nothing. Pure.
// The shape of each value (text, number, a roadmap model) is checked before, by zod.
import { FIRST_DAY, LAST_DAY } from './bounds.js';
import { inCalendar, type Day } from './calendar.js';
import { isListId, LIST_IDS } from './leet/plan.js';
import type { BackupDocument } from './backup.js';
import { ITEM_KINDS } from './model.js';
import type { Roadmap } from './model.js';
import { allItems } from './normalize.js';
import { completionProblems, momentProblem, planVersionProblems, sessionProblems, settingProblems, type RuleProblem } from './record-rules.js';
import { planVersionOfRow, sessionOfRow } from './records.js';
import type { Schedule } from './schedule.js';

/** Problems reported, at most: the first ones say enough to fix a document by hand. */
const MAX_PROBLEMS = 10;

/** Every problem of a document, as `table[index].field: what is wrong` (at most MAX_PROBLEMS, then how many more). */
export function backupProblems(doc: BackupDocument, today: Day): string[] {
  const out: string[] = [];
  let more = 0;
  const add = (where: string, problems: readonly RuleProblem[] | string): void => {
    const list: readonly RuleProblem[] = typeof problems === 'string' ? [['', problems]] : problems;
    for (const [field, message] of list) {
      if (out.length >= MAX_PROBLEMS) more++;
      else out.push(`${where}${field ? `.${field}` : ''}: ${message}`);
    }
  };
  /** Indexes each row by its key; a key seen twice is a problem. */
  const unique = <T>(table: string, rows: readonly T[], key: (r: T) => string, what: string): Map<string, T> => {
    const seen = new Map<string, T>();
    rows.forEach((r, i) => {
      const k = key(r);
      if (seen.has(k)) add(`${table}[${i}]`, `${what} ${JSON.stringify(k).slice(0, 60)} is there twice`);
      else seen.set(k, r);
    });
    return seen;
  };

  // settings
  unique('settings', doc.settings, (s) => s.key, 'the setting');
  doc.settings.forEach((s, i) => add(`settings[${i}]`, settingProblems(s.key, s.value)));

  // roadmaps, and the items of their models
  const roadmaps = unique('roadmaps', doc.roadmaps, (r) => r.id, 'the roadmap id');
  const modelItems = new Map<string, string>(); // item id -> roadmap id, for every item of a model
  doc.roadmaps.forEach((r, i) => {
    const model = r.model as Roadmap;
    if (model.id !== r.id) add(`roadmaps[${i}].model.id`, `expected "${r.id}", the roadmap's id`);
    if (model.kind !== r.kind) add(`roadmaps[${i}].kind`, `expected "${model.kind}", the kind of its model`);
    add(`roadmaps[${i}]`, [['loaded_at', momentProblem(r.loaded_at)]].filter((p): p is [string, string] => p[1] !== null));
    for (const { item, section } of allItems(model)) {
      if (!section.id.startsWith(`${r.id}/`)) add(`roadmaps[${i}].model`, `section "${section.id.slice(0, 60)}" is not under the roadmap "${r.id}"`);
      if (!item.id.startsWith(`${section.id}/`)) add(`roadmaps[${i}].model`, `item "${item.id.slice(0, 60)}" is not under its section "${section.id}"`);
      if (modelItems.has(item.id)) add(`roadmaps[${i}].model`, `the item id "${item.id.slice(0, 60)}" is there twice`);
      modelItems.set(item.id, r.id);
    }
  });

  // items
  const items = unique('items', doc.items, (r) => r.id, 'the item id');
  doc.items.forEach((r, i) => {
    const where = `items[${i}]`;
    if (!roadmaps.has(r.roadmap_id)) add(where, [['roadmap_id', `no roadmap "${r.roadmap_id.slice(0, 60)}" in the backup`]]);
    else if (!r.id.startsWith(`${r.roadmap_id}/`) || !r.section_id.startsWith(`${r.roadmap_id}/`)) add(where, `its id and section are not under its roadmap "${r.roadmap_id}"`);
    if (!(ITEM_KINDS as readonly string[]).includes(r.kind)) add(where, [['kind', `expected one of ${ITEM_KINDS.join(', ')}`]]);
    if (r.position < 0) add(where, [['position', 'expected 0 or more']]);
    if (![0, 1].includes(r.is_leaf) || ![0, 1].includes(r.done_in_file)) add(where, 'is_leaf and done_in_file are 0 or 1');
    if (r.archived_at !== null) add(where, [['archived_at', momentProblem(r.archived_at)]].filter((p): p is [string, string] => p[1] !== null));
    if (r.parent_id !== null) {
      const parent = items.get(r.parent_id);
      if (r.parent_id === r.id) add(where, [['parent_id', 'an item cannot be its own parent']]);
      else if (!parent) add(where, [['parent_id', `no item "${r.parent_id.slice(0, 60)}" in the backup`]]);
      else if (parent.roadmap_id !== r.roadmap_id) add(where, [['parent_id', 'its parent is in another roadmap']]);
    }
  });
  // No item is its own ancestor: each chain of parents is walked once; a circle is said
  // at the first of its items met.
  const indexOf = new Map(doc.items.map((r, i) => [r.id, i]));
  const cleared = new Set<string>();
  for (const r of doc.items) {
    const chain = new Set<string>();
    for (let p: string | null = r.id; p !== null && !cleared.has(p); p = items.get(p)?.parent_id ?? null) {
      if (chain.has(p)) {
        if (items.get(p)!.parent_id !== p) add(`items[${indexOf.get(p)}]`, [['parent_id', 'the item is its own ancestor (its parents go round in a circle)']]);
        break;
      }
      chain.add(p);
    }
    for (const id of chain) cleared.add(id);
  }
  for (const [id, roadmap] of modelItems) {
    const row = items.get(id);
    if (!row || row.archived_at !== null || row.roadmap_id !== roadmap) add('items', `the item "${id.slice(0, 60)}" of the roadmap "${roadmap}" has no row (not archived) in the backup`);
  }

  // completions
  unique('completions', doc.completions, (c) => String(c.id), 'the completion id');
  const active = new Set<string>();
  doc.completions.forEach((c, i) => {
    const where = `completions[${i}]`;
    if (!items.has(c.item_id)) add(where, [['item_id', `no item "${c.item_id.slice(0, 60)}" in the backup`]]);
    add(where, completionProblems({ itemId: c.item_id, day: c.day, at: c.at, undoneAt: c.undone_at }, today));
    if (c.undone_at === null) {
      if (active.has(c.item_id)) add(where, `the item "${c.item_id.slice(0, 60)}" is done twice (one active completion per item)`);
      active.add(c.item_id);
    }
  });

  // plans and their versions
  const plans = unique('plans', doc.plans, (p) => p.roadmap_id, 'the plan of');
  doc.plans.forEach((p, i) => {
    if (!roadmaps.has(p.roadmap_id)) add(`plans[${i}]`, [['roadmap_id', `no roadmap "${p.roadmap_id.slice(0, 60)}" in the backup`]]);
    add(`plans[${i}]`, [['started_at', momentProblem(p.started_at)]].filter((x): x is [string, string] => x[1] !== null));
  });
  unique('plan_versions', doc.plan_versions, (v) => `${v.roadmap_id} version ${v.version}`, 'the plan version');
  const versions = new Map<string, number[]>();
  doc.plan_versions.forEach((v, i) => {
    const where = `plan_versions[${i}]`;
    if (!plans.has(v.roadmap_id)) add(where, [['roadmap_id', `no plan of "${v.roadmap_id.slice(0, 60)}" in the backup`]]);
    const version = { ...planVersionOfRow(v), schedule: v.schedule as Schedule };
    add(where, planVersionProblems(version, today));
    const list = versions.get(v.roadmap_id);
    if (list) list.push(v.version);
    else versions.set(v.roadmap_id, [v.version]);
  });
  doc.plans.forEach((p, i) => {
    const numbers = (versions.get(p.roadmap_id) ?? []).sort((a, b) => a - b);
    if (numbers.length === 0 || numbers.some((n, k) => n !== k + 1)) add(`plans[${i}]`, `the versions of the plan of "${p.roadmap_id}" are not 1, 2, ... (${numbers.join(', ') || 'none'})`);
  });

  // sessions
  unique('sessions', doc.sessions, (s) => String(s.id), 'the session id');
  doc.sessions.forEach((s, i) => {
    const session = sessionOfRow({ ...s, tags: s.tags as string[], rating: s.rating ?? null });
    add(`sessions[${i}]`, sessionProblems(session, today));
  });

  // the started LeetCode list (one at most)
  const lists = doc.leet_lists ?? [];
  if (lists.length > 1) add('leet_lists', `expected one started list at most, got ${lists.length}`);
  lists.forEach((l, i) => {
    if (!isListId(l.list)) add(`leet_lists[${i}].list`, `expected ${LIST_IDS.join(' or ')}, got ${JSON.stringify(l.list).slice(0, 40)}`);
    if (!inCalendar(l.start_day)) add(`leet_lists[${i}].start_day`, `expected a date from ${FIRST_DAY} to ${LAST_DAY}`);
    if (!Number.isInteger(l.per_day) || l.per_day < 1 || l.per_day > 20) add(`leet_lists[${i}].per_day`, 'expected a whole number of problems a day from 1 to 20');
    const moment = momentProblem(l.started_at);
    if (moment !== null) add(`leet_lists[${i}].started_at`, moment);
  });

  if (more > 0) out.push(`... and ${more} more problems`);
  return out;
}
