// study export --out: whole or nothing, mode 0600 whatever was there, never through a
// symbolic link; and output that cannot be written (`> /dev/full`) is an error, exit 1,
// said in one line. (Before: a full disk left a truncated backup and "wrote ..." exit 0;
// --force kept a 0644 file's mode; a dangling link at --out created its target; `study
// today > /dev/full` printed a raw stack.)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderNotWritable, studyUnprivileged } from '../support/as-nobody.js';
import { cli, tempDir } from '../support/cli.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'study');
const NOW = '2026-11-23T09:30';

async function storeIn(dir: string): Promise<string> {
  const db = join(dir, 'study.db');
  for (const args of [['start', 'system-architecture-12w'], ['leet', 'log', 'two-sum', '--minutes', '20']]) expect((await cli(args, { db, now: NOW })).code).toBe(0);
  return db;
}

describe('export --out', () => {
  it('writes mode 0600, and --force replaces a 0644 (or 0666) file with a 0600 one', async () => {
    const dir = tempDir();
    const db = await storeIn(dir);
    const out = join(dir, 'backup.json');
    expect((await cli(['export', '--out', out], { db, now: NOW })).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    for (const mode of [0o644, 0o666]) {
      chmodSync(out, mode);
      const r = await cli(['export', '--out', out, '--force'], { db, now: NOW });
      expect(r.code, r.err).toBe(0);
      expect(statSync(out).mode & 0o777).toBe(0o600);
    }
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('study-backup');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a symbolic link at --out is refused, dangling or not, and its target is neither created nor changed', async () => {
    const dir = tempDir();
    const db = await storeIn(dir);
    symlinkSync(join(dir, 'nowhere', 'x.json'), join(dir, 'dangling.json'));
    writeFileSync(join(dir, 'mine.txt'), 'mine\n');
    symlinkSync(join(dir, 'mine.txt'), join(dir, 'link.json'));
    for (const name of ['dangling.json', 'link.json']) {
      for (const force of [[], ['--force']]) {
        const r = await cli(['export', '--out', join(dir, name), ...force], { db, now: NOW });
        expect(r.code).toBe(1);
        expect(r.err).toBe(`study: cannot write ${join(dir, name)} (it is a symbolic link; give the path of the file itself); nothing was written\n`);
      }
    }
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('mine\n');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
  });

  it('a folder, a device, a missing folder: one line, nothing written', async () => {
    const dir = tempDir();
    const db = await storeIn(dir);
    const cases: [string, string][] = [
      [dir, `study: cannot write ${dir} (a folder, not a file); nothing was written\n`],
      ['/dev/null', 'study: cannot write /dev/null (a device, not a file); nothing was written\n'],
      [join(dir, 'no', 'b.json'), `study: cannot write ${join(dir, 'no', 'b.json')} (its folder ${join(dir, 'no')} does not exist); nothing was written\n`],
    ];
    for (const [out, err] of cases) {
      for (const force of [[], ['--force']]) {
        const r = await cli(['export', '--out', out, ...force], { db, now: NOW });
        expect(r).toEqual({ code: 1, out: '', err });
      }
    }
  });

  it('a folder the user cannot write (as a user without privileges): exit 1, nothing left there', () => {
    const dir = folderNotWritable();
    const home = tempDir();
    chmodSync(home, 0o777); // the store, where the user may write
    const r = studyUnprivileged(['export', '--out', join(dir, 'backup.json')], home, { STUDY_DB: join(home, 'study.db'), STUDY_NOW: NOW });
    expect(r.stderr).toBe(`study: cannot write ${join(dir, 'backup.json')} (permission denied); nothing was written\n`);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('standard output that cannot be written', () => {
  for (const args of [['today'], ['export'], ['--json', 'leet', 'list']]) {
    it(`study ${args.join(' ')} > /dev/full: one line, exit 1, no stack`, () => {
      const dir = tempDir();
      for (const setup of [['today'], ['leet', 'log', 'two-sum']]) {
        spawnSync(process.execPath, [BIN, ...setup], { env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: NOW } });
      }
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), STUDY_NOW: NOW },
      });
      expect(r.stderr).toBe('study: cannot write to standard output (no space left on the disk); the output is incomplete\n');
      expect(r.status).toBe(1);
    });
  }
});
