// `study leet log` with no PROBLEM on a real terminal asks for it; Ctrl-C at a prompt
// writes nothing, exits 130 and prints no stack trace. The built bin/study runs under a
// pseudo-terminal driven by python3's pty module (as in spawn-done-pty.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'study');
const NOW = '2026-11-23T09:30';

// Runs argv[1:] on a pty (80x24). For each [wait-for, keys] step of PTY_STEPS (JSON), waits
// until the screen shows wait-for, pauses, and types keys; then lets the child finish,
// echoes what the terminal showed and exits with the child's code.
const DRIVER = String.raw`
import json, os, pty, select, subprocess, sys, time, fcntl, termios, struct
steps = json.loads(os.environ["PTY_STEPS"])
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, start_new_session=True, close_fds=True)
os.close(slave)
seen = b""
def pump(until, timeout, start=0):
    global seen
    end = time.time() + timeout
    while time.time() < end:
        if until is not None and until in seen[start:]:
            return True
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                data = os.read(master, 4096)
            except OSError:
                return False
            if not data:
                return False
            seen += data
        elif until is None and child.poll() is not None:
            return False
    return until is not None and until in seen[start:]
mark = 0
for wait, keys in steps:
    if not pump(wait.encode(), 20, mark):
        child.kill()
        sys.stdout.write("NO PROMPT " + wait + "\n" + seen.decode("utf-8", "replace"))
        sys.exit(99)
    mark = len(seen)
    time.sleep(0.3)
    os.write(master, keys.encode())
pump(None, 10)
try:
    code = child.wait(timeout=10)
except subprocess.TimeoutExpired:
    child.kill()
    code = 98
sys.stdout.write(seen.decode("utf-8", "replace"))
sys.exit(code)
`;

const python = spawnSync('python3', ['-c', 'import pty, termios, fcntl'], { encoding: 'utf8' });
const ptyReason =
  python.error || python.status !== 0 ? `python3 with its pty module is not available (${python.error?.message ?? python.stderr.trim()})` : null;

function env(): Record<string, string> {
  const dir = tempDir();
  return { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: NOW, TERM: 'xterm', NO_COLOR: '1' };
}

function onPty(e: Record<string, string>, steps: [string, string][], args: string[]) {
  const r = spawnSync('python3', ['-c', DRIVER, process.execPath, BIN, ...args], {
    encoding: 'utf8',
    env: { ...e, PTY_STEPS: JSON.stringify(steps) },
    timeout: 60_000,
  });
  return { code: r.status, screen: r.stdout };
}

function sessions(e: Record<string, string>): unknown[] {
  const r = spawnSync(process.execPath, [BIN, '--json', 'leet', 'list'], { encoding: 'utf8', env: e });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown[];
}

const CTRL_C = '\u0003';
const skip = ptyReason ? it.skip : it;
const because = ptyReason ? ` (skipped: ${ptyReason})` : '';

describe('study leet log on a terminal', () => {
  skip(`Ctrl-C at the first prompt (the problem) writes nothing and exits 130${because}`, () => {
    const e = env();
    const r = onPty(e, [['Problem (number, slug or title):', CTRL_C]], ['leet', 'log']);
    expect(r.code, r.screen).toBe(130);
    expect(r.screen).toContain('study: cancelled');
    expect(r.screen).not.toMatch(/\n\s+at |Error|internal error/);
    // on a first run, not even the store was created
    expect(existsSync(e.STUDY_DB!)).toBe(false);
    expect(sessions(e)).toEqual([]);
  });

  skip(`Ctrl-C at a later prompt, after the problem was typed, writes nothing either${because}`, () => {
    const e = env();
    // a store with a session already: it stays the only one
    const first = spawnSync(process.execPath, [BIN, 'leet', 'log', 'valid-parentheses', '--difficulty', 'easy'], { encoding: 'utf8', env: e });
    expect(first.status, first.stderr).toBe(0);
    const r = onPty(
      e,
      [
        ['Problem (number, slug or title):', 'two-sum\r'],
        ['Difficulty:', CTRL_C],
      ],
      ['leet', 'log'],
    );
    expect(r.code, r.screen).toBe(130);
    expect(r.screen).toContain('study: cancelled');
    expect(r.screen).not.toMatch(/\n\s+at |Error|internal error/);
    expect(sessions(e)).toEqual([expect.objectContaining({ slug: 'valid-parentheses' })]);
  });

  skip(`answering the prompts logs the session (the driver works)${because}`, () => {
    const e = env();
    const r = onPty(
      e,
      [
        ['Problem (number, slug or title):', 'two-sum\r'],
        ['Difficulty:', '\r'],
        ['Minutes', '25\r'],
        ['Result:', '\r'],
        ['Tags', 'array\r'],
        ['Note', '\r'],
      ],
      ['leet', 'log'],
    );
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('logged two-sum');
    expect(sessions(e)).toEqual([expect.objectContaining({ slug: 'two-sum', minutes: 25, result: 'solved', tags: ['array'] })]);
  });
});
