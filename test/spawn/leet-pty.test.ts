// `study leet log` with no PROBLEM on a real terminal asks for it; Ctrl-C at a prompt
// writes nothing, exits 130 and prints no stack trace. The built bin/study runs under a
// pseudo-terminal (script(1) makes it, test/pty.ts drives it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { onPty, type PtyStep } from '../support/pty.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'study');
const NOW = '2026-11-23T09:30';

function env(): Record<string, string> {
  const dir = tempDir();
  return { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: NOW, TERM: 'xterm', NO_COLOR: '1' };
}

function study(e: Record<string, string>, steps: PtyStep[], args: string[]) {
  return onPty([process.execPath, BIN, ...args], steps, { env: e });
}

function sessions(e: Record<string, string>): unknown[] {
  const r = spawnSync(process.execPath, [BIN, '--json', 'leet', 'list'], { encoding: 'utf8', env: e });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown[];
}

const CTRL_C = '\u0003';

describe('study leet log on a terminal', () => {
  it('Ctrl-C at the first prompt (the problem) writes nothing and exits 130', async () => {
    const e = env();
    const r = await study(e, [['Problem (number, slug, title or URL):', CTRL_C]], ['leet', 'log']);
    expect(r.code, r.screen).toBe(130);
    expect(r.screen).toContain('study: cancelled');
    expect(r.screen).not.toMatch(/\n\s+at |Error|internal error/);
    // on a first run, not even the store was created
    expect(existsSync(e.STUDY_DB!)).toBe(false);
    expect(sessions(e)).toEqual([]);
  });

  it('Ctrl-C at a later prompt, after the problem was typed, writes nothing either', async () => {
    const e = env();
    // a store with a session already: it stays the only one
    const first = spawnSync(process.execPath, [BIN, 'leet', 'log', 'valid-parentheses', '--difficulty', 'easy'], { encoding: 'utf8', env: e });
    expect(first.status, first.stderr).toBe(0);
    const r = await study(
      e,
      [
        ['Problem (number, slug, title or URL):', 'two-sum\r'],
        ['Minutes', CTRL_C],
      ],
      ['leet', 'log'],
    );
    expect(r.code, r.screen).toBe(130);
    expect(r.screen).toContain('study: cancelled');
    expect(r.screen).not.toMatch(/\n\s+at |Error|internal error/);
    expect(sessions(e)).toEqual([expect.objectContaining({ slug: 'valid-parentheses' })]);
  });

  it('answering the prompts logs the session (the driver works)', async () => {
    const e = env();
    const r = await study(
      e,
      [
        ['Problem (number, slug, title or URL):', 'my-own-kata\r'],
        // not in the catalogue: its difficulty is asked
        ['Difficulty:', '\r'],
        ['Minutes', '25\r'],
        ['Result:', '\r'],
        ['Tags', 'array\r'],
        ['Note', '\r'],
      ],
      ['leet', 'log'],
    );
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('logged my-own-kata');
    expect(sessions(e)).toEqual([expect.objectContaining({ slug: 'my-own-kata', minutes: 25, result: 'solved', tags: ['array'] })]);
  });
});
