// Files that never end, or never start: /dev/zero, /dev/urandom, a pipe, a FIFO with no
// writer. Every command that reads a file the user names (load, validate, import,
// import-backup) checks what kind of file it is before reading and reads at most its
// limit + 1 byte: each is refused at once, with what the file is, and nothing is written.
// (Before: `study load /dev/zero` grew to 24 GB; a FIFO with no writer blocked forever.)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'study');
const NOW = '2026-11-23T09:30';

/** A FIFO nobody writes to. */
function fifo(dir: string): string {
  const path = join(dir, 'fifo.yaml');
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  return path;
}

describe('a device, a FIFO or a folder where a file is expected: refused at once, nothing written', () => {
  const commands = (path: string): [string[], RegExp][] => [
    [['load', path], /: a (device|pipe), not a file$/],
    [['validate', path], /: a (device|pipe), not a file$/],
    [['import', path], /: a (device|pipe), not a file$/],
    [['import-backup', path], /: a (device|pipe), not a file; nothing was restored$/],
  ];

  for (const name of ['/dev/zero', '/dev/urandom', 'a FIFO with no writer']) {
    it(name, async () => {
      const dir = tempDir();
      const path = name.startsWith('/') ? name : fifo(dir);
      const db = join(dir, 'data', 'study.db');
      for (const [args, message] of commands(path)) {
        const started = Date.now();
        const r = await cli(args, { db, now: NOW, cwd: dir });
        expect(Date.now() - started, args.join(' ')).toBeLessThan(2000);
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(1);
        const lines = r.err.trimEnd().split('\n');
        expect(lines, r.err).toHaveLength(1);
        expect(lines[0]).toMatch(message);
        expect(existsSync(join(dir, 'data')), args.join(' ')).toBe(false);
      }
    });
  }

  it('a folder given to import-backup', async () => {
    const dir = tempDir();
    const r = await cli(['import-backup', dir], { db: join(dir, 'study.db'), now: NOW });
    expect(r.err).toBe(`study: ${dir}: a folder, not a file; nothing was restored\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('`yes | study load /dev/stdin` (a real process, a pipe that never ends)', () => {
  it('is refused at once: a pipe, not a file', async () => {
    const dir = tempDir();
    const child = spawn('sh', ['-c', `yes 'title: x' | "${process.execPath}" "${BIN}" load /dev/stdin`], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: NOW },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(timer);
    expect(err).toBe('study: /dev/stdin: a pipe, not a file\n');
    expect(existsSync(join(dir, 'study.db'))).toBe(false);
    expect(code).not.toBe(0);
  }, 20_000);

});
