// Completion in real shells: bash (its completion function called as bash calls it), zsh
// (in a pseudo-terminal, through its line editor) and fish (complete -C), each with the
// generated script and a stub `study` answering `__complete` (./tree.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bashComplete, dir, fishComplete, need, stub, zshComplete } from './run.js';
import { TASKS } from './tree.js';

const ROADMAPS = ['system-architecture-12w', 'backend-devops-checklist', 'dsa-bn-16w'];
const TASK_VALUES = TASKS.map((t) => t.split('\t')[0]!);
const HOSTILE = TASK_VALUES.find((t) => t.startsWith('$('))!;

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => writeFileSync(stub.log, ''));
const calls = (): string[] => readFileSync(stub.log, 'utf8').split('\n').filter(Boolean);

/** What a word means to bash once typed: its words after quote removal. */
function bashWords(text: string): string[] {
  const r = spawnSync('bash', ['--norc', '-c', `eval "set -- $1"; printf '%s\\n' "$@"`, 'bash', text], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  return r.stdout.split('\n').slice(0, -1);
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

// The same questions to each shell; `values` maps a shell's answer to the values offered
// (bash and zsh answer with the words as they would be inserted, quoted).
const shells = {
  bash: { complete: bashComplete, values: (xs: string[]) => xs.map((x) => bashWords(x).join(' ')) },
  zsh: { complete: zshComplete, values: (xs: string[]) => xs.map((x) => bashWords(x).join(' ')) },
  fish: { complete: (line: string) => fishComplete(line).map((c) => c.value), values: (xs: string[]) => xs },
} as const;

for (const [shell, { complete, values }] of Object.entries(shells)) {
  describe(`${shell} completion`, () => {
    need(shell as 'bash' | 'zsh' | 'fish');
    const ask = (line: string): string[] => sorted(values(complete(line)));

    it('completes commands and nested subcommands', () => {
      expect(ask('study st')).toEqual(['start', 'streak']);
      expect(ask('study leet ')).toEqual(['list', 'log', 'stats']);
      expect(ask('study config s')).toEqual(['set']);
    });

    it("completes a command's options and the global ones", () => {
      expect(ask('study report --')).toEqual(sorted(['--week', '--date', '--format', '--out', '--db', '--json', '--no-color', '--help']));
      expect(ask('study leet log --r')).toEqual(['--rating', '--result']);
    });

    it('completes fixed choices of options and arguments, also as --option=value', () => {
      expect(ask('study report --format ')).toEqual(['html', 'json', 'markdown', 'text']);
      expect(ask('study leet log --rating ')).toEqual(['again', 'easy', 'good', 'hard']);
      expect(ask('study start x --pace m')).toEqual(['max', 'mid', 'min']);
      expect(ask('study completion ')).toEqual(['bash', 'fish', 'zsh']);
      expect(ask('study report --format=h').map((v) => v.replace(/^--format=/, ''))).toEqual(['html']);
    });

    it('asks study __complete for roadmaps, tasks, settings and problems, with the prefix typed', () => {
      expect(ask('study start ')).toEqual(sorted(ROADMAPS));
      expect(calls()).toEqual(['__complete roadmap -- ']);
      expect(ask('study done ')).toEqual(expect.arrayContaining(['system-architecture-12w/w01-02/clean-architecture-layers', 'Clean architecture layers']));
      expect(ask('study done system-architecture-12w/w01-02/r')).toEqual(['system-architecture-12w/w01-02/refactor-a-django-app-using']);
      expect(calls()).toContain('__complete task -- system-architecture-12w/w01-02/r');
      expect(ask('study config set ')).toEqual(sorted(['day-start', 'week-start', 'rest-days', 'hours-per-week', 'daily-target']));
      expect(ask('study leet log va')).toEqual(['valid-parentheses']);
      expect(ask('study streak --habit ')).toEqual(['leetcode', 'reading']);
    });

    it('keeps completing tasks after the first (done takes many), and nothing where any text goes', () => {
      expect(ask('study done system-architecture-12w/w01-02/clean-architecture-layers Cach')).toEqual(['Caching strategies: write-through, lazy, eviction']);
      expect(ask('study done x Clean')).toEqual(['Clean architecture layers']);
      expect(ask('study config set week-start ')).toEqual([]);
      expect(ask('study report --week ')).toEqual([]);
    });

    it('passes --db from the line to __complete', () => {
      expect(ask('study --db /tmp/other.db show ')).toEqual(sorted(ROADMAPS));
      expect(calls()).toEqual(['--db /tmp/other.db __complete roadmap -- ']);
    });

    it('completes a title with spaces, Bengali or shell syntax as one word, and runs none of it', () => {
      const one = complete('study done Clean');
      expect(one).toHaveLength(1);
      expect(values(one)).toEqual(['Clean architecture layers']);
      if (shell !== 'fish') expect(bashWords(one[0]!)).toEqual(['Clean architecture layers']);
      expect(values(complete('study done ডেটা'))).toEqual(['ডেটা স্ট্রাকচার ও অ্যালগরিদম']);
      expect(values(complete('study done Don'))).toEqual(["Don't repeat yourself"]);
      const all = complete('study done ');
      const hostile = all.find((x) => values([x])[0] === HOSTILE);
      expect(hostile).toBeDefined();
      if (shell !== 'fish') expect(bashWords(hostile!)).toEqual([HOSTILE]);
      for (const f of ['pwned', 'pwned2', 'pwned3']) expect(existsSync(join(dir, f))).toBe(false);
    });

    it('completes file names for paths', () => {
      writeFileSync(join(dir, 'week plan.yaml'), 'x');
      const files = complete('study load wee');
      expect(files.map((f) => f.replace(/\\ /g, ' '))).toEqual(['week plan.yaml']);
      expect(complete('study report --out study.f').map((f) => f.replace(/\\ /g, ' '))).toEqual(['study.fish']);
    });
  });
}

describe('bash: words as typed', () => {
  it('closes a word begun with a quote in quotes', () => {
    expect(bashComplete("study done 'Clean ar")).toEqual(["'Clean architecture layers'"]);
    expect(bashComplete("study done 'Don")).toEqual([`'Don'\\''t repeat yourself'`]);
  });

  it('answers with the part after a colon, which is all bash replaces', () => {
    // bash splits words at ':' (COMP_WORDBREAKS): the typed "Caching\ strategies" stays.
    expect(bashComplete('study done Caching\\ strategies:')).toEqual([':\\ write-through\\,\\ lazy\\,\\ eviction']);
  });

  it('reads escaped spaces in the words before the cursor', () => {
    expect(bashComplete('study done Clean\\ architecture\\ layers Clean\\ a')).toEqual(['Clean\\ architecture\\ layers']);
  });
});

describe('fish: descriptions', () => {
  it('shows the title beside a task id and the summary beside a command', () => {
    const done = fishComplete('study done system-architecture-12w/w01-02/c');
    expect(done).toEqual([{ value: 'system-architecture-12w/w01-02/clean-architecture-layers', description: 'Clean architecture layers' }]);
    expect(fishComplete('study rep')).toEqual([{ value: 'report', description: 'the weekly progress report' }]);
  });
});
