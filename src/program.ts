// The command tree. Every command is declared here (so --help lists them all) and its
// code is imported only when it runs: `study today` never pays for YAML or prompts.
import { Command, CommanderError, Option } from 'commander';
import type { Context } from './context.js';
import { makeRun, type GlobalOptions, type Run } from './run.js';
import { safe } from './text.js';

declare const STUDY_VERSION: string | undefined;
const version = typeof STUDY_VERSION === 'string' ? STUDY_VERSION : '0.0.0-dev';

type Action = (run: Run, args: string[], opts: Record<string, unknown>) => Promise<number>;

const EXAMPLES = `
Examples:
  $ study load                      load the bundled roadmaps (or: study load my-plan.yaml)
  $ study roadmaps                  what is loaded, and how far along each is
  $ study show system-architecture-12w
  $ study validate roadmaps/        check roadmap files without writing anything

Data: the store is ~/.local/share/study/study.db unless --db, STUDY_DB or XDG_DATA_HOME say otherwise.
`;

/** `a` is the value of a global option that takes one (`--db PATH`). */
function isOptionValue(argv: readonly string[], a: string): boolean {
  const i = argv.indexOf(a);
  return i > 0 && argv[i - 1] === '--db';
}

export async function runProgram(argv: readonly string[], ctx: Context): Promise<number> {
  let exitCode = 0;
  let run: Run | undefined;
  const program = new Command('study');

  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => void ctx.stdout.write(s),
        writeErr: (s) => void ctx.stderr.write(s),
        // commander quotes what was typed (an unknown command or option): neutralised, line by line
        outputError: (s, write) => write(`study: ${s.replace(/^error: /, '').split('\n').map(safe).join('\n')}`),
      })
      .showSuggestionAfterError(true);

  /** Declares a subcommand whose action lives in `load()`'s module. */
  const command = (spec: string, summary: string, load: () => Promise<{ default: Action }>, help = ''): Command => {
    const cmd = configure(program.command(spec).description(summary));
    if (help) cmd.addHelpText('after', help);
    cmd.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const args = self.processedArgs.flatMap((a: unknown) => (a === undefined ? [] : Array.isArray(a) ? a.map(String) : [String(a)]));
      run = makeRun(ctx, program.opts<GlobalOptions>());
      const mod = await load();
      exitCode = await mod.default(run, args, self.opts());
    });
    return cmd;
  };

  configure(program)
    .name('study')
    .description('A study-plan manager: roadmaps in YAML, progress in a local SQLite store.')
    .version(version, '-V, --version')
    .addOption(new Option('--db <path>', 'the store file (default: $STUDY_DB, else ~/.local/share/study/study.db)'))
    .option('--json', 'machine-readable output on stdout')
    .option('--no-color', 'plain text (also: NO_COLOR=1)')
    .addHelpText('after', EXAMPLES)
    .enablePositionalOptions(false);

  command('load [paths...]', 'validate and load roadmap YAML files or folders (default: the bundled roadmaps)', () => import('./commands/load.js'), `
Loading is all-or-nothing over every file given. Re-loading an unchanged file changes
nothing; items removed from a file are archived with their history.

Examples:
  $ study load
  $ study load roadmaps/ ~/notes/my-plan.yaml
  $ study --json load my-plan.yaml
`);
  command('validate <paths...>', 'check roadmap files and folders, writing nothing', () => import('./commands/validate.js'), `
Examples:
  $ study validate roadmaps/
  $ study validate my-plan.yaml && study load my-plan.yaml
`);
  command('roadmaps', 'the loaded roadmaps with their progress', () => import('./commands/roadmaps.js'), `
Examples:
  $ study roadmaps
  $ study --json roadmaps
`);
  command('show <roadmap>', 'a roadmap as a tree: sections, items, ids, done marks, weeks', () => import('./commands/show.js'), `
ROADMAP is a roadmap id, or a unique prefix of one.

Examples:
  $ study show system-architecture-12w
  $ study show flash --json
`);

  command('import <file>', 'turn a Markdown study plan into roadmap YAML (stdout, --out PATH, or --load)', () => import('./commands/import.js'), `
FILE is a Markdown plan (or - for stdin). Headings become sections ("Week 1-2", "Phase 3
(4-6 weeks)"), "Topics:" / "Tasks:" / "Resources:" lists become item groups, [x] marks
done, "Priority: High" lines are attributes. What cannot be placed is reported as a
warning with its line. The kind is inferred unless --kind says otherwise.

Examples:
  $ study import my-plan.md                      print the YAML, to review it
  $ study import my-plan.md --out my-plan.yaml
  $ study import my-plan.md --load               write my-plan.yaml here and load it
  $ study import notes.md --id go-plan --kind checklist --strict --out go-plan.yaml
`)
    .option('--out <path>', 'write the YAML to PATH (never over an existing file unless --force)')
    .option('--id <id>', 'the roadmap id (default: the file name, slugified)')
    .option('--kind <kind>', 'weekly | phased | checklist | tracks (default: inferred)')
    .option('--load', 'also load it (writes <id>.yaml here when --out is not given)')
    .option('--strict', 'fail (exit 1, writing nothing) if there is any warning')
    .option('--force', 'overwrite the --out file if it exists');

  command('done <tasks...>', 'mark tasks done: by id, unique id suffix, or words of the title', () => import('./commands/done.js'), `
TASK is a full item id, a tail of one that names it alone (like the ids \`study show\`
prints), or words that all appear in its title (case and accents ignored; an exact title
wins). Quote a title of several words to mark it along with other tasks. Several
matches: a picker on a terminal, else exit 1 listing them with ids. A parent marks its
items. Nothing is written unless every TASK is found.

Examples:
  $ study done monolith-vs-microservices
  $ study done "use redis for user sessions"
  $ study done w01-02/clean-architecture-layers horizontal-vs-vertical-scaling
  $ study done devops-deployment/terraform --date 2026-11-20  back-dated
  $ study done monolith-vs-microservices --undo
`)
    .option('--date <day>', 'the study day it was done, YYYY-MM-DD (default: today)')
    .option('--undo', 'reopen the tasks instead (their history is kept)');

  command('today', "today's agenda: each started plan's week, overdue items, the next task, habits", () => import('./commands/today.js'), `
With no command, study runs study today.

Examples:
  $ study today
  $ STUDY_NOW=2026-11-30T08:00 study today     (what next Monday looks like)
  $ study --json today
`);
  command('start <roadmap>', 'schedule a roadmap onto calendar weeks from the week of a date', () => import('./commands/start.js'), `
Weekly plans land on the weeks they name; phases run one after another (explicit weeks
win, --pace picks within a duration range); checklists and tracks are packed by
priority, then file order, into --hours per week (default: the hours-per-week setting).

Examples:
  $ study start system-architecture-12w
  $ study start backend-devops-checklist --on 2026-12-01 --hours 6
  $ study start flash-poll --pace min --yes      (re-plan an already started roadmap)
`)
    .option('--on <date>', 'the day to start from, YYYY-MM-DD (default: today)')
    .option('--hours <n>', 'study hours per week (default: the hours-per-week setting)')
    .option('--pace <pace>', 'min, mid or max of each phase duration range', 'mid')
    .option('--yes', 're-plan a roadmap that is already started without asking');
  command('schedule [roadmap]', 'the coming weeks of each started plan; --replan moves overdue work forward', () => import('./commands/schedule.js'), `
Examples:
  $ study schedule
  $ study schedule system-architecture-12w --weeks 12
  $ study schedule --replan
`)
    .option('--weeks <n>', 'how many weeks to show, from this one', '4')
    .option('--replan', 'move the unfinished work of past weeks forward from this week');
  command('report', 'the weekly progress report: done this week, each plan against its schedule, LeetCode, next week', () => import('./commands/report.js'), `
Examples:
  $ study report                         this week
  $ study report --week 2026-W47         a past week
  $ study report --date 2026-11-18       the week that contains a day
  $ study report --format markdown > week-47.md
`)
    .option('--week <week>', 'the week to report, like 2026-W48 (default: this week)')
    .option('--date <day>', 'report the week that contains this day, YYYY-MM-DD')
    .option('--format <format>', 'text, markdown or json', 'text');
  command('export', 'everything you entered (roadmaps, plans, completions, sessions, settings) as one JSON document', () => import('./commands/export.js'), `
Examples:
  $ study export --out ~/backups/study-2026-11-23.json
  $ study export > backup.json
`)
    .option('--out <file>', 'write to FILE (mode 0600) instead of stdout')
    .option('--force', 'overwrite FILE if it exists');
  command('import-backup <file>', 'restore a study export into an empty store (--force replaces what is there)', () => import('./commands/import-backup.js'), `
All or nothing: a backup that does not fit writes nothing.

Examples:
  $ study --db ~/new/study.db import-backup backup.json
  $ study import-backup backup.json --force
`).option('--force', 'replace everything in a store that is not empty');
  command('config [args...]', 'settings: list them, get KEY, or set KEY VALUE', () => import('./commands/config.js'), `
Settings: day-start (04:00), week-start (mon), rest-days (none), hours-per-week (8), daily-target (1).

Examples:
  $ study config
  $ study config set rest-days sat,sun
  $ study config set day-start 05:00
  $ study config get hours-per-week
`);

  // study leet log|list|stats: nested subcommands, all served by commands/leet.js, which
  // gets the action as its first argument. `study leet` alone is a usage error there.
  const leet = command('leet [log|list|stats]', 'LeetCode sessions: log one, list them, totals and stats', () => import('./commands/leet.js'), `
Examples:
  $ study leet log two-sum --difficulty easy --minutes 20
  $ study leet log 1 --result reviewed --date 2026-11-20
  $ study leet list --since 2026-11-01
  $ study leet stats
`).usage('log|list|stats [options]');
  const leetAction = (name: string, spec: string, summary: string, help: string): Command => {
    const sub = configure(leet.command(spec).description(summary)).addHelpText('after', help);
    sub.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const args = self.processedArgs.flatMap((a: unknown) => (a === undefined ? [] : Array.isArray(a) ? a.map(String) : [String(a)]));
      run = makeRun(ctx, program.opts<GlobalOptions>());
      const mod = await import('./commands/leet.js');
      exitCode = await mod.default(run, [name, ...args], self.opts());
    });
    return sub;
  };
  leetAction('log', 'log [problem...]', 'log a LeetCode session (PROBLEM: a number, slug, title or URL)', `
Missing fields are asked on a terminal (-y takes the defaults). Without a terminal only
PROBLEM is needed; the rest default to: difficulty as last logged for that problem, else
unrecorded; minutes unrecorded; result solved; no tags; no note. Logging the same
problem twice a day is two sessions.

Examples:
  $ study leet log two-sum --difficulty easy --minutes 20
  $ study leet log "1. Two Sum" --tags array,hash-table --note "one pass with a map"
  $ study leet log 146 --result attempted --date 2026-11-20     back-date a session
`)
    .option('--difficulty <level>', 'easy, medium or hard')
    .option('--minutes <n>', 'whole minutes spent, 1 to 1440')
    .option('--result <result>', 'solved, attempted or reviewed (default: solved)')
    .option('--tags <list>', 'comma-separated topics, e.g. array,two-pointers')
    .option('--note <text>', 'a note to keep with the session')
    .option('--date <day>', 'the study day, YYYY-MM-DD, today or earlier (default: today)')
    .option('-y, --yes', 'ask nothing; take the defaults for what is not given');
  leetAction('list', 'list', 'the logged sessions, oldest first', `
Examples:
  $ study leet list --since 2026-11-01
  $ study leet list --problem two-sum
  $ study --json leet list
`)
    .option('--since <day>', 'only sessions on or after this study day, YYYY-MM-DD')
    .option('--problem <p>', 'only sessions of this problem (number, slug or title)');
  leetAction('stats', 'stats', 'totals: sessions, problems, by difficulty, result, tag and week; repeats', `
Examples:
  $ study leet stats
  $ study --json leet stats
`);

  command('streak', 'current and longest streak, today\'s status, and a heatmap of the last weeks', () => import('./commands/streak.js'), `
A study day counts when it has daily-target sessions (default 1); it starts at day-start
(default 04:00). An open today is "at risk", not broken; a rest day without a session
neither breaks nor extends a streak. See: study config.

Examples:
  $ study streak
  $ study streak --weeks 12 --no-color
  $ study streak --habit system-design-review      a habit declared in a roadmap file
`)
    .option('--weeks <n>', 'weeks in the heatmap (default 26; fewer when the terminal is narrow)')
    .option('--habit <id>', 'the habit: leetcode (default) or one declared under habits: in a roadmap');

  try {
    // `study` alone is `study today`, also with only global options (`study --db x`).
    const hasCommand = argv.some((a) => !a.startsWith('-') && !isOptionValue(argv, a));
    await program.parseAsync(hasCommand || argv.some((a) => /^(-h|--help|-V|--version)$/.test(a)) ? [...argv] : [...argv, 'today'], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'commander.executeSubCommandAsync') throw e;
      return 2;
    }
    throw e;
  } finally {
    run?.close();
  }
  return exitCode;
}
