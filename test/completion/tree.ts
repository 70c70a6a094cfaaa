// study's command line as a CompletionTree, for the tests (the lead builds the real one
// beside the commander program), and a stub `study` that answers `__complete` with canned
// candidates per kind, logging how it was called.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionTree } from '../../src/cli/completion/index.js';

const date = { long: 'date', description: 'the study day, YYYY-MM-DD', value: 'text' } as const;

export const TREE: CompletionTree = {
  name: 'study',
  options: [
    { long: 'db', description: 'the store file (default: $STUDY_DB, then ~/.local/share/study/study.db)', value: 'file' },
    { long: 'json', description: 'machine-readable output on stdout' },
    { long: 'no-color', description: 'plain text (also: NO_COLOR=1)' },
    { long: 'help', short: 'h', description: 'help for the command' },
  ],
  commands: [
    { name: 'load', description: 'validate and load roadmap YAML files or folders', arguments: [{ name: 'paths', value: 'file', variadic: true }] },
    { name: 'validate', description: 'check roadmap files, writing nothing', arguments: [{ name: 'paths', value: 'file', variadic: true }] },
    { name: 'roadmaps', description: 'the loaded roadmaps with their progress' },
    { name: 'show', description: 'a roadmap as a tree', arguments: [{ name: 'roadmap', value: 'roadmap' }] },
    { name: 'today', description: "today's agenda" },
    {
      name: 'start',
      description: 'schedule a roadmap onto calendar weeks',
      arguments: [{ name: 'roadmap', value: 'roadmap' }],
      options: [
        { long: 'on', description: 'the day to start from', value: 'text' },
        { long: 'hours', description: 'study hours per week', value: 'text' },
        { long: 'pace', description: 'min, mid or max of each phase', value: { choices: ['min', 'mid', 'max'] } },
        { long: 'yes', short: 'y', description: 're-plan without asking' },
      ],
    },
    { name: 'schedule', description: 'the coming weeks of each started plan', arguments: [{ name: 'roadmap', value: 'plan' }], options: [{ long: 'weeks', description: 'weeks to show', value: 'text' }, { long: 'replan', description: 'move overdue work forward' }] },
    { name: 'done', description: 'mark tasks done', arguments: [{ name: 'tasks', value: 'task', variadic: true }], options: [date, { long: 'undo', description: 'reopen the tasks instead' }] },
    {
      name: 'report',
      description: 'the weekly progress report',
      options: [
        { long: 'week', description: 'the week to report, like 2026-W48', value: 'text' },
        date,
        { long: 'format', description: 'text, markdown, json or html', value: { choices: ['text', 'markdown', 'json', 'html'] } },
        { long: 'out', description: 'write to FILE', value: 'file' },
      ],
    },
    { name: 'streak', description: 'current and longest streak and a heatmap', options: [{ long: 'weeks', description: 'weeks in the heatmap', value: 'text' }, { long: 'habit', description: 'the habit', value: 'habit' }] },
    {
      name: 'export',
      description: 'everything you entered, or the plans as a calendar',
      options: [
        { long: 'format', description: 'json or ics', value: { choices: ['json', 'ics'] } },
        { long: 'plan', description: 'only this plan', value: 'plan' },
        { long: 'out', description: 'write to FILE', value: 'file' },
      ],
    },
    {
      name: 'config',
      description: 'settings',
      subcommands: [
        { name: 'get', description: 'a setting', arguments: [{ name: 'key', value: 'setting' }] },
        { name: 'set', description: 'change a setting', arguments: [{ name: 'key', value: 'setting' }, { name: 'value', value: 'text' }] },
      ],
    },
    {
      name: 'leet',
      description: 'LeetCode sessions',
      subcommands: [
        {
          name: 'log',
          description: 'log a session',
          arguments: [{ name: 'problem', value: 'problem' }],
          options: [
            { long: 'difficulty', description: 'easy, medium or hard', value: { choices: ['easy', 'medium', 'hard'] } },
            { long: 'rating', description: 'how it went', value: { choices: ['again', 'hard', 'good', 'easy'] } },
            { long: 'result', description: 'solved, attempted or reviewed', value: { choices: ['solved', 'attempted', 'reviewed'] } },
            { long: 'minutes', description: 'whole minutes', value: 'text' },
            date,
            { long: 'yes', short: 'y', description: 'ask nothing' },
          ],
        },
        { name: 'list', description: 'the log', options: [{ long: 'since', description: 'from this day', value: 'text' }, { long: 'problem', description: 'only this problem', value: 'problem' }] },
        { name: 'stats', description: 'totals' },
      ],
    },
    { name: 'completion', description: 'print a shell completion script', arguments: [{ name: 'shell', value: { choices: ['bash', 'zsh', 'fish'] } }] },
  ],
};

export const TASKS = [
  'system-architecture-12w/w01-02/clean-architecture-layers\tClean architecture layers',
  'system-architecture-12w/w01-02/refactor-a-django-app-using\tRefactor a Django app using services + repositories layer',
  'Clean architecture layers',
  'Caching strategies: write-through, lazy, eviction',
  "Don't repeat yourself",
  '$(touch pwned) `touch pwned2` ;touch pwned3',
  'ডেটা স্ট্রাকচার ও অ্যালগরিদম',
];

const CANNED: Record<string, readonly string[]> = {
  roadmap: ['system-architecture-12w\tSystem Architecture — 12-Week Plan', 'backend-devops-checklist\tBackend & DevOps checklist', 'dsa-bn-16w\tডেটা স্ট্রাকচার'],
  plan: ['system-architecture-12w', 'dsa-bn-16w'],
  task: TASKS,
  problem: ['two-sum\tTwo Sum (easy)', 'valid-parentheses\tValid Parentheses (easy)', '20\tValid Parentheses'],
  setting: ['day-start', 'week-start', 'rest-days', 'hours-per-week', 'daily-target'],
  habit: ['leetcode\tLeetCode (1 problem/day)', 'reading'],
};

/** A folder with a stub `study` to put first on PATH; calls are logged to `log`. */
export function stubStudy(dir: string): { bin: string; log: string } {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'calls.log');
  const cases = Object.entries(CANNED)
    .map(([kind, lines]) => `  ${kind}) cat <<'EOF'\n${lines.join('\n')}\nEOF\n  ;;`)
    .join('\n');
  writeFileSync(
    join(bin, 'study'),
    `#!/bin/sh
printf '%s\\n' "$*" >> '${log}'
if [ "$1" = --db ]; then shift 2; fi
[ "$1" = __complete ] || exit 2
case "$2" in
${cases}
esac
`,
  );
  chmodSync(join(bin, 'study'), 0o755);
  return { bin, log };
}
