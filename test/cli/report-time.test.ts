// The weekly report's additions of issue 12: the time studied on each plan (study done
// --minutes) and in each habit (study log, study leet log), in all; and, when next week's
// items are done, what comes next. Text, Markdown and JSON say the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const PLAN = `id: dsa
title: My DSA
kind: weekly
sections:
  - {title: Arrays, weeks: 1, items: [Two pointers, Sliding window]}
  - {title: Trees, weeks: 2, items: [BFS, DFS]}
  - {title: Graphs, weeks: 3, items: [Dijkstra]}
habits:
  - {id: reading, title: Read a paper, every: day}
`;

async function week(): Promise<{ db: string; at: (args: string[]) => ReturnType<typeof cli> }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'dsa.yaml'), PLAN);
  const db = join(dir, 'study.db');
  const at = (args: string[]) => cli(args, { db, now: '2026-11-04T09:00', cwd: dir });
  for (const args of [
    ['load', 'dsa.yaml'],
    ['start', 'dsa', '--on', '2026-11-02'],
    ['done', 'two-pointers', '--minutes', '45'],
    ['done', 'sliding window', '--minutes', '30', '--date', 'yesterday'],
    ['log', 'reading', '--minutes', '20'],
    ['leet', 'log', 'two-sum', '--difficulty', 'easy', '--minutes', '25'],
  ]) {
    const r = await at(args);
    expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
  }
  return { db, at };
}

describe('study report: time studied', () => {
  it('per plan and in all, next to LeetCode and each habit, in text', async () => {
    const { at } = await week();
    const r = await at(['report']);
    expect(r.out).toContain('    time      1 h 15 min on its items\n');
    expect(r.out).toContain('Time  1 h 15 min on plans · LeetCode 25 min · reading 20 min · in all 2 h\n');
  });

  it('in Markdown: a row of the plan’s table and a section', async () => {
    const { at } = await week();
    const r = await at(['report', '--format', 'markdown']);
    expect(r.out).toContain('| Time on its items | 1 h 15 min |\n');
    expect(r.out).toContain('## Time\n\n1 h 15 min on plans · LeetCode 25 min · reading 20 min · in all 2 h.\n');
  });

  it('in JSON: minutes', async () => {
    const { db } = await week();
    const r = await cliJson<{ roadmaps: { id: string; minutes: number }[]; time: unknown }>(['report'], { db, now: '2026-11-04T09:00' });
    expect(r.roadmaps).toEqual([expect.objectContaining({ id: 'dsa', minutes: 75 })]);
    expect(r.time).toEqual({ plans: 75, habits: [{ id: 'leetcode', minutes: 25 }, { id: 'reading', minutes: 20 }], total: 120 });
  });

  it('no time recorded: no time line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dsa.yaml'), PLAN);
    const db = join(dir, 'study.db');
    await cli(['load', 'dsa.yaml'], { db, now: '2026-11-04T09:00', cwd: dir });
    await cli(['start', 'dsa'], { db, now: '2026-11-04T09:00' });
    await cli(['done', 'bfs'], { db, now: '2026-11-04T09:00' });
    const r = await cli(['report'], { db, now: '2026-11-04T09:00' });
    expect(r.out).not.toMatch(/^Time|time {6}/m);
  });
});

describe('study report: what comes next', () => {
  it("next week's items all done: the next open section, in text and Markdown", async () => {
    const { at } = await week();
    expect((await at(['done', 'bfs', 'dfs'])).code).toBe(0);
    expect((await at(['report'])).out).toMatch(/Next week\n {2}next week's items are all done; what comes next:\n {2}○ Graphs: Dijkstra {2}dsa · week 3$/m);
    expect((await at(['report', '--format', 'markdown'])).out).toContain(
      "## Next week\n\nNext week's items are all done. What comes next:\n\n- [ ] Graphs: Dijkstra (dsa, week 3)\n",
    );
  });

  it('nothing planned next week (a gap in the plan): says so, and what comes after', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gap.yaml'), 'id: gap\ntitle: Gap\nkind: weekly\nsections:\n  - {title: One, weeks: 1, items: [a]}\n  - {title: Four, weeks: 4, items: [b]}\n');
    const db = join(dir, 'study.db');
    await cli(['load', 'gap.yaml'], { db, now: '2026-11-09T09:00', cwd: dir });
    await cli(['start', 'gap', '--on', '2026-11-02'], { db, now: '2026-11-09T09:00' });
    const r = await cli(['report'], { db, now: '2026-11-09T09:00' });
    expect(r.out).toMatch(/nothing is planned for next week; what comes next:\n {2}○ Four: b {2}gap · week 4$/m);
  });
});
