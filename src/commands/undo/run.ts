// study undo: take back the last change (and `study done --undo` alone: the last done).
import type { ChangeKind } from '../../core/events.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';

export default async function undo(run: Run): Promise<number> {
  return undoLast(run);
}

/** Takes back the latest change (of `kinds`, when given) and says what it was. */
export async function undoLast(run: Run, kinds?: readonly ChangeKind[]): Promise<number> {
  const store = await run.store();
  const result = store.undo.last(timestampOf(run.now), kinds);
  if (result === null) throw new StudyError(kinds ? 'no done to take back' : 'nothing to undo');
  const { undone, passed } = result;
  if (run.json) {
    const row = (c: typeof undone) => ({ kind: c.kind, summary: c.summary, at: c.at });
    run.out(JSON.stringify({ undone: row(undone), passed: passed.map(row) }));
    return 0;
  }
  for (const p of passed) run.note(`passed over (undo does not take it back): ${safe(p.summary)}`);
  run.note(`undid: ${safe(undone.summary)} (${undone.at.slice(0, 16).replace('T', ' ')})`);
  return 0;
}
