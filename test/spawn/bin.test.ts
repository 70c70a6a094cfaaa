// A few runs of the real bin/study in its own process (needs the build from `pretest`).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'study');

function study(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bin/study', () => {
  it('prints its version', () => {
    const r = study(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('loads the bundled roadmaps into the default store under HOME, and lists them', () => {
    const home = tempDir();
    const r = study(['--json', 'roadmaps'], { HOME: home });
    expect(r.code).toBe(0);
    expect(r.err).toContain(`into ${home}/.local/share/study/study.db`);
    expect(JSON.parse(r.out)).toHaveLength(5);
  });

  it('a bad file: one line on stderr, exit 1, no stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.yaml'), 'title: X\nkind: weekly\nsections:\n  - title: A\n    weeks: 4-2\n');
    const r = study(['load', 'x.yaml'], { STUDY_DB: join(dir, 's.db') }, dir);
    expect(r).toEqual({ code: 1, out: '', err: 'study: x.yaml:5:12: weeks: end 2 is before start 4\n' });
  });

  it('a usage error exits 2', () => {
    const r = study(['show']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("study: missing required argument 'roadmap'\n");
  });
});

describe('bin/study in a pipe', () => {
  it('a reader that has gone (| head) is not an error: exit 0, no stack trace', async () => {
    // study starts only once this process has closed the read end of study's stdout (a
    // socket pair, as Node makes for a piped stdout; a write to it fails with EPIPE as on a
    // pipe), so its first write already finds no reader. The shell in front waits for a
    // line on stdin and then execs study: the exit status is study's own.
    const child = spawn('/bin/sh', ['-c', 'read go && exec "$0" "$@"', process.execPath, BIN, '--help'], {
      env: { PATH: process.env.PATH ?? '', HOME: tempDir() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    child.stdout.once('close', () => child.stdin.end('go\n'));
    child.stdout.destroy();
    const [code, signal] = await exit;
    expect(err).toBe('');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});

describe('the code cache (bin/entry.cjs)', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  /** Whether bin/entry.cjs in `root` loads the entry with its code cache, and what `study --version` then prints. */
  const probe = (root: string) => {
    const r = spawnSync(process.execPath, ['-e', `const e = require(${JSON.stringify(join(root, 'bin', 'entry.cjs'))}).loadEntry(); process.stdout.write(String(e.cached))`], { encoding: 'utf8' });
    const version = spawnSync(process.execPath, [join(root, 'bin', 'study'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: tempDir() } });
    return { cached: r.stdout, err: r.stderr, version: version.stdout, status: version.status };
  };
  /** bin/ and dist/ copied with their times to the nanosecond (cp -a), as the build left them. */
  const copy = (): string => {
    const root = tempDir();
    expect(spawnSync('cp', ['-a', ...['package.json', 'bin', 'dist'].map((part) => join(ROOT, part)), root]).status).toBe(0);
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    return root;
  };

  it('the build made one that this Node accepts', () => {
    expect(probe(ROOT)).toMatchObject({ cached: 'true', err: '' });
  });

  it('is not used once the entry has changed, nor when it is damaged or missing: the program runs the same', () => {
    const version = probe(ROOT).version;
    expect(version).toMatch(/^\d+\.\d+\.\d+\n$/);
    const root = copy();
    expect(probe(root)).toEqual({ cached: 'true', err: '', version, status: 0 });
    // the entry rebuilt without a new cache, to the same length (V8's own check of the source
    // is its length): the new version is printed, not the one compiled into the cache
    const entry = join(root, 'dist', 'study.cjs');
    const source = readFileSync(entry, 'utf8');
    expect(source).toContain(`="${version.trim()}"`);
    const other = version.trim().replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    writeFileSync(entry, source.replace(`="${version.trim()}"`, `="${other}"`));
    expect(probe(root)).toEqual({ cached: 'false', err: '', version: `${other}\n`, status: 0 });
    // a damaged cache whose first line still names the entry: V8 refuses it
    const again = copy();
    const cache = readFileSync(join(again, 'dist', 'study.cjs.cache'));
    const end = cache.indexOf(10) + 1;
    writeFileSync(join(again, 'dist', 'study.cjs.cache'), Buffer.concat([cache.subarray(0, end), Buffer.alloc(cache.length - end, 0x5a)]));
    utimesSync(join(again, 'dist', 'study.cjs.cache'), new Date(), new Date());
    expect(probe(again)).toEqual({ cached: 'false', err: '', version, status: 0 });
    rmSync(join(again, 'dist', 'study.cjs.cache'));
    expect(probe(again)).toEqual({ cached: 'false', err: '', version, status: 0 });
  });
});
