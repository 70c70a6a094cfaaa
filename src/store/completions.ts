// Completions: an item marked done on a study day, and reopened (the row is kept, marked
// undone). What to write is decided inside the write transaction, from the subtree as it
// is then, so that two `study done` at once cannot both mark the same item; a unique
// index allows one active completion per item.
import type { Day } from '../core/calendar.js';
import { toComplete, toReopen, type Reopen } from '../core/marks.js';
import { momentProblem, refusal, completionProblems } from '../core/record-rules.js';
import { StudyError } from '../cli/errors.js';
import { lazy, write, type Db } from './db.js';
import { itemsOf } from './items.js';
import { recordChange, setInverse } from './changes.js';
import { completionsChanged } from './read-models.js';

/** A completed item as a report lists it. */
export interface CompletionRow {
  readonly itemId: string;
  readonly roadmapId: string;
  readonly title: string;
  readonly day: Day;
}

export function completionsOf(db: Db) {
  const items = itemsOf(db);
  const st = lazy({
    insert: () =>
      db.prepare<[string, string, string, number | null, string]>(
        'INSERT INTO completions (item_id, day, at, minutes, event_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (item_id) WHERE undone_at IS NULL DO NOTHING',
      ),
    active: () => db.prepare<[string], { id: number; day: string }>('SELECT id, day FROM completions WHERE item_id = ? AND undone_at IS NULL'),
    undo: () => db.prepare<[string, number]>('UPDATE completions SET undone_at = ? WHERE id = ?'),
    byId: () => db.prepare<[number], { item_id: string; day: string; undone_at: string | null }>('SELECT item_id, day, undone_at FROM completions WHERE id = ?'),
    reactivate: () => db.prepare<[number]>('UPDATE completions SET undone_at = NULL WHERE id = ?'),
    minutesBetween: () =>
      db.prepare<[string, string], { roadmap_id: string; minutes: number }>(
        `SELECT i.roadmap_id, sum(c.minutes) AS minutes FROM completions c JOIN items i ON i.id = c.item_id
          WHERE c.undone_at IS NULL AND c.minutes IS NOT NULL AND c.day BETWEEN ? AND ? GROUP BY i.roadmap_id`,
      ),
    between: () =>
      db.prepare<[string, string], { item_id: string; roadmap_id: string; title: string; day: string }>(
        `SELECT c.item_id, i.roadmap_id, i.title, c.day FROM completions c JOIN items i ON i.id = c.item_id
          WHERE c.undone_at IS NULL AND c.day BETWEEN ? AND ? ORDER BY c.day, c.item_id`,
      ),
    countsBetween: () =>
      db
        .prepare<[string, string], [string, number]>(
          `SELECT c.day, count(*) FROM completions c JOIN items i ON i.id = c.item_id
            WHERE c.undone_at IS NULL AND c.day BETWEEN ? AND ? GROUP BY c.day`,
        )
        .raw(),
  });

  const ancestorsOf = (parentId: string | null) => {
    const out = [];
    for (let p = parentId; p !== null; ) {
      const row = items.row(p);
      if (!row) break;
      out.push(row);
      p = row.parentId;
    }
    return out;
  };

  return {
    /**
     * Marks each target done on study day `day` (`at`: the moment, with its offset), with
     * every item under it that is not done yet; `minutes` spent, when given, go with the
     * first target's own completion (the time all of them took). Returns, per target, the ids it marked (none: it was done
     * already). One transaction, recorded as one change.
     */
    complete(targets: readonly string[], day: Day, at: string, minutes: number | null = null): { target: string; marked: string[] }[] {
      const refused = refusal('the completion', completionProblems({ itemId: targets[0] ?? '-', day, at, undoneAt: null }));
      if (refused) throw new StudyError(refused);
      return write(db, () => {
        const titles = targets.map((t) => items.row(t)?.title ?? t);
        const change = recordChange(db, 'done', `done: ${titles.join(', ')}`, at, null);
        const rows: number[] = [];
        const out = targets.map((target) => {
          const marked = toComplete(items.subtree(target)).filter((id) => {
            const spent = id === target && target === targets[0] ? minutes : null;
            const eventId = change.event('completion.done', { itemId: id, day, at, minutes: spent });
            const r = st.insert.run(id, day, at, spent, eventId);
            if (r.changes > 0) rows.push(Number(r.lastInsertRowid));
            return r.changes > 0;
          });
          return { target, marked };
        });
        setInverse(db, change.changeId, { op: 'reopen', completions: rows });
        completionsChanged(db, out.flatMap((o) => o.marked), day);
        return out;
      });
    },

    /**
     * Reopens each target, what is under it and the parents it made done, keeping their
     * completions as history. All or nothing: when a target would stay done (marked in its
     * file), nothing is written and the refusals are returned. Recorded as one change.
     */
    undo(targets: readonly string[], at: string): { target: string; result: Reopen }[] {
      const bad = momentProblem(at);
      if (bad) throw new StudyError(`the undo was not stored: at: ${bad}`);
      return write(db, () => {
        const out = targets.map((target) => {
          const subtree = items.subtree(target);
          return { target, result: toReopen(subtree, ancestorsOf(subtree[0]?.parentId ?? null)) };
        });
        if (out.some((o) => o.result.kind === 'refused')) return out;
        const reopened = new Set(out.flatMap((o) => (o.result.kind === 'reopen' ? o.result.ids : [])));
        if (reopened.size === 0) return out;
        const change = recordChange(db, 'reopen', `reopened: ${[...reopened].map((id) => items.row(id)?.title ?? id).join(', ')}`, at, null);
        const rows: number[] = [];
        for (const id of reopened) {
          const active = st.active.get(id);
          if (!active) continue;
          st.undo.run(at, active.id);
          rows.push(active.id);
          change.event('completion.undone', { itemId: id, day: active.day, at });
        }
        setInverse(db, change.changeId, { op: 'reactivate', completions: rows });
        completionsChanged(db, [...reopened], null);
        return out;
      });
    },

    /** Items with an active completion on a study day from..to (inclusive), by day then id: what a week's report lists. */
    between(from: Day, to: Day): CompletionRow[] {
      return st.between.all(from, to).map((r) => ({ itemId: r.item_id, roadmapId: r.roadmap_id, title: r.title, day: r.day }));
    },

    /** How many items `between` lists per study day from..to. */
    countsBetween(from: Day, to: Day): Map<Day, number> {
      return new Map(st.countsBetween.all(from, to));
    },

    /** Minutes spent on completions of each roadmap on study days from..to (those given with --minutes). */
    minutesBetween(from: Day, to: Day): Map<string, number> {
      return new Map(st.minutesBetween.all(from, to).map((r) => [r.roadmap_id, r.minutes]));
    },

    /** The SQL of these statements, for EXPLAIN QUERY PLAN in tests. */
    sql: { between: () => st.between.source, countsBetween: () => st.countsBetween.source },
  };
}

export type Completions = ReturnType<typeof completionsOf>;
