// A few runs of the real bin/study in its own process (needs the build from `pretest`).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'study');

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
  it('a reader that has gone (| head) is not an error: no stack trace', () => {
    // The reader closes its end before study writes anything, so every write fails.
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" --help | (exec 0<&-; sleep 0.3)`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
