// `study done` with an ambiguous TASK on a real terminal: the built bin/study runs under a
// pseudo-terminal (script(1) makes it, test/pty.ts drives it), the test presses down-arrow +
// Enter in the @inquirer picker, and checks which item was completed.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { onPty, type PtyStep } from '../support/pty.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'study');
const NOW = '2026-11-23T09:30';

const PLAN = [
  'id: pick',
  'title: Pick',
  'kind: checklist',
  'sections:',
  '  - id: s',
  '    title: S',
  '    items:',
  '      - Redis sessions',
  '      - "Redis \\e[31mcaching\\e[0m"',
  '      - Redis pub/sub',
  '',
].join('\n');

function setup(): { env: Record<string, string> } {
  const dir = tempDir();
  writeFileSync(join(dir, 'pick.yaml'), PLAN);
  const env = { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: NOW, TERM: 'xterm', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, 'load', join(dir, 'pick.yaml')], { encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
  return { env };
}

function study(env: Record<string, string>, steps: PtyStep[], args: string[]) {
  return onPty([process.execPath, BIN, ...args], steps, { env });
}

function doneIds(env: Record<string, string>): string[] {
  const r = spawnSync(process.execPath, [BIN, '--json', 'show', 'pick'], { encoding: 'utf8', env });
  const view = JSON.parse(r.stdout) as { sections: { items: { id: string; done: boolean }[] }[] };
  return view.sections.flatMap((s) => s.items).filter((i) => i.done).map((i) => i.id);
}

const ESC = '\u001b';

describe('study done on a terminal', () => {
  it('an ambiguous TASK opens a picker; down-arrow + Enter completes the second candidate', async () => {
    const { env } = setup();
    const r = await study(env, [['which one?', `${ESC}[B`], ['', '\r']], ['done', 'redis']);
    expect(r.code, r.screen).toBe(0);
    // The picker showed the untrusted title neutralised: no raw ESC [31m from the file.
    expect(r.screen).toContain('"redis" matches 3 items; which one?');
    expect(r.screen).not.toContain(`${ESC}[31mcaching`);
    expect(r.screen).toContain('✓ Redis caching — pick (not started): 1 of 3 items done (33%)');
    expect(doneIds(env)).toEqual(['pick/s/redis-31mcaching-0m']);
  });

  it('Ctrl-C in the picker writes nothing and exits 130', async () => {
    const { env } = setup();
    const r = await study(env, [['which one?', '\u0003']], ['done', 'redis']);
    expect(r.code, r.screen).toBe(130);
    expect(r.screen).toContain('study: cancelled');
    expect(doneIds(env)).toEqual([]);
  });
});
