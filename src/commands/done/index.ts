import type { CommandDef } from '../../cli/command.js';
import { parseDayWords, wholeNumber } from '../shared.js';

export interface DoneOptions {
  date?: string;
  minutes?: number;
  undo?: boolean;
}

export const done: CommandDef = {
  name: 'done',
  summary: 'mark tasks done: by id, a tail of one, or words of the title',
  group: 'Every day:',
  args: [{ name: 'tasks...', description: 'item ids, id tails or words of titles', complete: 'task' }],
  options: [
    { flags: '--date <day>', description: 'the study day it was done: today, yesterday, mon, -2 or YYYY-MM-DD', parse: parseDayWords, conflicts: ['undo'], complete: 'date' },
    { flags: '--minutes <n>', description: 'time spent on it, in minutes (the weekly report adds them up)', parse: wholeNumber(1, 1440, 'minutes'), conflicts: ['undo'] },
    { flags: '--undo', description: 'reopen the tasks instead (their history is kept); alone, the last done' },
  ],
  help: `
TASK is a full item id, a tail of one that names it alone (like the ids study today
prints), or words that all appear in its title (case and accents ignored; an exact
title wins). Items of started plans are looked for first. Quote a title of several
words to mark it along with other tasks. --minutes records the time it took. Several matches: a picker on a terminal, else
exit 1 listing them with ids. A parent marks its items. Nothing is written unless every
TASK is found.

Examples:
  $ study done monolith-vs-microservices
  $ study done "use redis for user sessions"
  $ study done w01-02/clean-architecture-layers horizontal-vs-vertical-scaling
  $ study done w01-02/horizontal                 a tail of an id, its end cut short
  $ study done devops-deployment/terraform --date yesterday --minutes 90
  $ study done monolith-vs-microservices --undo
  $ study done --undo                            take back the last done
`,
  action: () => import('./run.js'),
};
