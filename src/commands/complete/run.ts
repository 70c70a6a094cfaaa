// study __complete KIND [PREFIX...]: what the completion scripts offer for a value, one
// candidate a line, `VALUE<TAB>DESCRIPTION`. Reads the store read-only by index, and
// never creates, migrates or writes one: without a store it answers what needs none
// (settings, the LeetCode habit). Always exits 0 with nothing on stderr: a shell that
// asks must never see an error in the middle of a command line.
import { LEETCODE_HABIT } from '../../core/habits.js';
import { SETTING_HELP, SETTING_KEYS } from '../../core/settings.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { openForCompletion, type Candidate, type CompletionReads, type OpenItem } from '../../store/index.js';

/** Rows per query: more than a screen of candidates helps nobody. */
const LIMIT = 100;

/** A value the shell can insert as one word: none with controls or bidi overrides (it could not be shown or typed back). */
const UNFIT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The id's last segment: what `study done` accepts for a unique one. */
const tail = (id: string): string => id.slice(id.lastIndexOf('/') + 1);

function tasks(reads: CompletionReads, prefix: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (items: readonly OpenItem[], as: 'tail' | 'id'): void => {
    for (const i of items) out.push({ value: as === 'tail' ? tail(i.id) : i.id, description: i.title });
  };
  const titles = (items: readonly OpenItem[]): void => {
    for (const i of items) out.push({ value: i.title, description: i.id });
  };
  if (prefix === '') {
    const open = reads.openEntries(LIMIT);
    add(open, 'tail');
    titles(open);
  } else if (prefix.includes('/')) {
    add(reads.openById(prefix, LIMIT), 'id');
  } else {
    add(reads.openByTail(prefix, LIMIT), 'tail');
    add(reads.openById(prefix, LIMIT), 'id');
    titles(reads.openByTitle(prefix, LIMIT));
  }
  return out;
}

function problems(reads: CompletionReads, prefix: string): Candidate[] {
  return reads.problems(LEETCODE_HABIT, prefix, LIMIT).map((p) => ({
    value: p.name,
    description: [p.title, p.difficulty].filter((x) => x !== null && x !== '').join(', '),
  }));
}

function habits(reads: CompletionReads | null): Candidate[] {
  return [{ value: LEETCODE_HABIT, description: 'LeetCode' }, ...(reads?.habits() ?? []).map((h) => ({ value: h.id, description: h.title }))];
}

function candidates(reads: CompletionReads | null, kind: string, prefix: string): Candidate[] {
  if (kind === 'setting') return SETTING_KEYS.map((k) => ({ value: k, description: SETTING_HELP[k] }));
  if (kind === 'habit') return habits(reads);
  if (reads === null) return [];
  if (kind === 'roadmap') return reads.roadmaps(prefix, LIMIT);
  if (kind === 'plan') return reads.plans(prefix, LIMIT);
  if (kind === 'task') return tasks(reads, prefix);
  if (kind === 'problem') return problems(reads, prefix);
  return [];
}

export default async function complete(run: Run, args: string[]): Promise<number> {
  const [kind = '', ...words] = args;
  const prefix = words.join(' ');
  let reads: ReturnType<typeof openForCompletion> = null;
  try {
    if (kind !== 'setting') reads = openForCompletion(run.dbPath);
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const c of candidates(reads, kind, prefix)) {
      if (c.value === '' || UNFIT.test(c.value) || seen.has(c.value)) continue;
      seen.add(c.value);
      const description = safe(c.description).replace(/\s+/g, ' ').trim();
      lines.push(description ? `${c.value}\t${description}` : c.value);
    }
    if (lines.length) run.ctx.stdout.write(`${lines.join('\n')}\n`);
  } catch {
    // a store being written, or of another shape: no candidates, and no error in the shell
  } finally {
    reads?.close();
  }
  return 0;
}
