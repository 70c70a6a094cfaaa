// study undo: take back the last change (and `study done --undo` alone: the last done).
import type { ChangeKind } from '../../core/events.js';
import { timestampOf } from '../../cli/clock.js';
import { StudyError } from '../../cli/errors.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { loadCardEngine, type ChangeRow } from '../../store/index.js';

export default async function undo(run: Run): Promise<number> {
  return undoLast(run);
}

/** A change's moment as the messages give it: '2026-11-04 09:00'. */
const when = (at: string): string => at.slice(0, 16).replace('T', ' ');

/** Takes back the latest change (of `kinds`, when given) and says what it was. */
export async function undoLast(run: Run, kinds?: readonly ChangeKind[]): Promise<number> {
  const store = await run.store();
  // a LeetCode session or a setting taken back reschedules the cards: FSRS is needed
  const next = store.undo.peek(kinds);
  if (next !== null && (next.kind === 'session' || next.kind === 'setting')) await loadCardEngine();
  const { undone, passed, barrier } = store.undo.last(timestampOf(run.now), kinds);
  if (undone === null) {
    const nothing = kinds ? 'no done to take back' : 'nothing to undo';
    if (barrier) throw new StudyError(`${nothing} since ${safe(barrier.summary)} (${when(barrier.at)}): undo does not go back past a removal or a restore`);
    if (passed.some((p) => p.kind === 'load')) throw new StudyError(`${nothing}: a load is not taken back (load the file as it was)`);
    if (passed.length) throw new StudyError(`${nothing}: a started LeetCode list is not taken back (start the list before again)`);
    throw new StudyError(nothing);
  }
  if (run.json) {
    const row = (c: ChangeRow) => ({ kind: c.kind, summary: c.summary, at: c.at });
    run.out(JSON.stringify({ undone: row(undone), passed: passed.map(row) }));
    return 0;
  }
  for (const p of passed) run.note(`passed over (undo does not take it back): ${safe(p.summary)}`);
  run.note(`undid: ${safe(undone.summary)} (${when(undone.at)})`);
  return 0;
}
