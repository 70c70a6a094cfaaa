// Completion end to end: the scripts `study completion bash|zsh|fish` prints, loaded in the
// real shells, with the real study (the built dist/) on PATH answering `__complete` from a
// real store. What they complete comes from the same command definitions as --help.
import { spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { need, shellsWith, type Shells } from './run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const home = mkdtempSync(join(tmpdir(), 'study-completion-real-'));
const db = join(home, 'study.db');
const bin = join(home, 'bin');
let shells: Shells;

const study = (args: string[]): string => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/study'), ...args], { encoding: 'utf8', env: { ...process.env, STUDY_DB: db } });
  if (r.status !== 0) throw new Error(`study ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const digest = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file).on('data', (d) => h.update(d)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });

beforeAll(async () => {
  for (const args of [['start', 'system-architecture-12w', '--on', '2026-11-02'], ['done', 'monolith-vs-microservices'], ['leet', 'log', 'two-sum', '--difficulty', 'easy']]) {
    const r = await cli(args, { db, now: '2026-11-26T09:00' });
    if (r.code !== 0) throw new Error(r.err);
  }
  mkdirSync(bin);
  writeFileSync(join(bin, 'study'), `#!/bin/sh\nexec '${process.execPath}' '${join(ROOT, 'bin/study')}' "$@"\n`);
  chmodSync(join(bin, 'study'), 0o755);
  shells = shellsWith(home, { bash: study(['completion', 'bash']), zsh: study(['completion', 'zsh']), fish: study(['completion', 'fish']) }, bin, { STUDY_DB: db, STUDY_NOW: '2026-11-26T09:00' });
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** What a word means once typed (quote removal by bash). */
function typed(word: string): string {
  const r = spawnSync('bash', ['--norc', '-c', `eval "set -- $1"; printf '%s' "$*"`, 'bash', word], { encoding: 'utf8' });
  return r.stdout;
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

for (const shell of ['bash', 'zsh', 'fish'] as const) {
  describe(`${shell}: study completion ${shell}`, () => {
    need(shell);
    const ask = (line: string): string[] => {
      if (shell === 'fish') return sorted(shells.fishComplete(line).map((c) => c.value));
      return sorted((shell === 'bash' ? shells.bashComplete(line) : shells.zshComplete(line)).map(typed));
    };

    it('completes the commands and options --help lists, and not the hidden one', () => {
      expect(ask('study rep')).toEqual(['report']);
      expect(ask('study comp')).toEqual(['completion']);
      // (fish, finding no command that begins with it, matches loosely: still not the hidden one)
      expect(ask('study __')).not.toContain('__complete');
      if (shell !== 'fish') expect(ask('study __')).toEqual([]);
      expect(ask('study report --f')).toEqual(['--force', '--format']);
      expect(ask('study export --')).toEqual(sorted(['--format', '--plan', '--out', '--force', '--db', '--json', '--no-color', '--help', '--version']));
    });

    it('completes the choices the definitions declare', () => {
      expect(ask('study report --format ')).toEqual(['html', 'json', 'markdown', 'text']);
      expect(ask('study export --format ')).toEqual(['ics', 'json']);
      expect(ask('study completion ')).toEqual(['bash', 'fish', 'zsh']);
      expect(ask('study config ')).toEqual(['get', 'set']);
      expect(ask('study config set ')).toEqual(['daily-target', 'day-start', 'freezes-per-month', 'fsrs-maximum-interval', 'fsrs-retention', 'hours-per-week', 'leet-weekly-target', 'rest-days', 'week-start']);
      expect(ask('study config set week-start ')).toEqual([]);
    });

    it('completes from the store: roadmaps, started plans, open tasks, problems, habits', () => {
      expect(ask('study start system')).toEqual(['system-architecture-12w']);
      expect(ask('study schedule ')).toEqual(['system-architecture-12w']);
      expect(ask('study export --format ics --plan ')).toEqual(['system-architecture-12w']);
      // fish matches without regard to case: the title is offered too.
      expect(ask('study done refac')).toEqual(shell === 'fish' ? ['Refactor a Django app using services + repositories layer', 'refactor-a-django-app-using'] : ['refactor-a-django-app-using']);
      expect(ask('study done Clean\\ arch')).toEqual(['Clean architecture layers']);
      expect(ask('study done monolith')).toEqual([]);
      expect(ask('study done system-architecture-12w/w01-02/h')).toEqual(['system-architecture-12w/w01-02/horizontal-vs-vertical-scaling']);
      expect(ask('study leet log two-s')).toEqual(['two-sum', 'two-sum-ii-input-array-is-sorted']);
      expect(ask('study streak --habit ')).toEqual(['leetcode']);
    });

    it('reads the store given with --db, and creates none', async () => {
      const other = join(home, `other-${shell}.db`);
      expect(ask(`study --db ${other} start sys`)).toEqual([]);
      expect(existsSync(other)).toBe(false);
      const before = await digest(db);
      expect(ask(`study --db ${db} show sys`)).toEqual(['system-architecture-12w']);
      expect(await digest(db)).toBe(before);
      expect(readdirSync(home).filter((f) => f.startsWith('study.db'))).toEqual(['study.db']);
    });
  });
}
