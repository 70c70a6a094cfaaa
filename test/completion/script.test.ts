// The completion tree and scripts without a shell session: the tree read from commander,
// names checked, each script parsed by its shell, and the install lines.
import { spawnSync } from 'node:child_process';
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionScript, installLines, treeFromCommander, type CompletionTree, type ValueKind } from '../../src/cli/completion/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dir, need } from './run.js';

/** The shell's syntax check (-n) of a script. */
function check(shell: 'bash' | 'zsh' | 'fish', script: string): { status: number | null; stderr: string } {
  const file = join(dir, `check.${shell}`);
  writeFileSync(file, script);
  const r = spawnSync(shell, shell === 'fish' ? ['--no-config', '-n', file] : ['-n', file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}
import { TREE } from './tree.js';

describe('treeFromCommander', () => {
  const program = new Command('study').option('--db <path>', 'the store').option('--json', 'JSON');
  program.command('start <roadmap>').description('schedule a roadmap').addOption(new Option('--pace <pace>', 'pace').choices(['min', 'mid', 'max'])).option('-y, --yes', 'no questions');
  program.command('done <tasks...>').description('mark tasks done').option('--date <day>', 'the day');
  const leet = program.command('leet').description('LeetCode');
  leet.command('log [problem]').description('log a session').addOption(new Option('--rating <r>', 'how it went').choices(['again', 'hard', 'good', 'easy']));
  program.command('__complete <kind> [prefix]', { hidden: true });
  const kinds: Record<string, ValueKind> = { 'start|roadmap': 'roadmap', 'done|tasks': 'task', 'leet log|problem': 'problem', '|--db': 'file' };
  const tree = treeFromCommander(program, (path, name) => kinds[`${path}|${name}`]);

  it('reads commands, options with their values and choices, arguments and subcommands; leaves hidden ones out', () => {
    expect(tree.name).toBe('study');
    expect(tree.options.map((o) => [o.long, o.value])).toEqual([['db', 'file'], ['json', undefined], ['help', undefined]]);
    expect(tree.commands.map((c) => c.name)).toEqual(['start', 'done', 'leet']);
    const start = tree.commands[0]!;
    expect(start.arguments).toEqual([{ name: 'roadmap', value: 'roadmap' }]);
    expect(start.options).toContainEqual({ long: 'pace', description: 'pace', value: { choices: ['min', 'mid', 'max'] } });
    expect(start.options).toContainEqual({ long: 'yes', short: 'y', description: 'no questions' });
    expect(tree.commands[1]!.arguments).toEqual([{ name: 'tasks', value: 'task', variadic: true }]);
    expect(tree.commands[1]!.options).toContainEqual({ long: 'date', description: 'the day', value: 'text' });
    expect(tree.commands[2]!.subcommands?.[0]).toMatchObject({ name: 'log', arguments: [{ name: 'problem', value: 'problem' }] });
  });

  it('makes a script that completes what commander declares', () => {
    const script = completionScript('bash', tree);
    expect(script).toContain(`'again' 'hard' 'good' 'easy'`);
    expect(script).not.toContain('__complete)');
  });
});

describe('completionScript', () => {
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    it(`writes a ${shell} script that ${shell} parses`, () => {
      need(shell);
      expect(check(shell, completionScript(shell, TREE))).toEqual({ status: 0, stderr: '' });
    });
  }

  it('quotes descriptions and choices, and refuses names that a script could not hold', () => {
    const odd: CompletionTree = { name: 'study', options: [], commands: [{ name: 'x', description: `it's "odd" $(no) \\ \n next`, arguments: [{ name: 'a', value: { choices: [`o'k`, 'two words'] } }] }] };
    for (const shell of ['bash', 'zsh', 'fish'] as const) {
      expect(check(shell, completionScript(shell, odd))).toEqual({ status: 0, stderr: '' });
    }
    expect(completionScript('bash', odd)).toContain(`'it'\\''s "odd" $(no) \\ next'`);
    expect(() => completionScript('bash', { ...odd, commands: [{ name: 'a b', description: '' }] })).toThrow(/command "a b"/);
    expect(() => completionScript('zsh', { ...odd, options: [{ long: '--x', description: '' }] })).toThrow(/option "--x"/);
    expect(() => completionScript('fish', { ...odd, commands: [{ name: 'c', description: '', arguments: [{ name: 'a', value: 'task', variadic: true }, { name: 'b', value: 'text' }] }] })).toThrow(/last argument/);
    expect(() => completionScript('pwsh' as 'bash', odd)).toThrow(/bash, zsh or fish/);
  });

  it('has install lines for each shell that name the command', () => {
    const lines = installLines();
    expect(lines.bash).toContain('source <(study completion bash)');
    expect(lines.zsh.join('\n')).toContain('study completion zsh > ~/.zfunc/_study');
    expect(lines.fish).toContain('study completion fish > ~/.config/fish/completions/study.fish');
  });
});
