import type { CommandDef } from '../../cli/command.js';
import { parseDayValue } from '../shared.js';

export interface DoneOptions {
  date?: string;
  undo?: boolean;
}

export const done: CommandDef = {
  name: 'done',
  summary: 'mark tasks done: by id, a tail of one, or words of the title',
  group: 'Every day:',
  args: [{ name: 'tasks...', required: true, description: 'item ids, id tails or words of titles', complete: 'task' }],
  options: [
    { flags: '--date <day>', description: 'the study day it was done, YYYY-MM-DD (default: today)', parse: parseDayValue, conflicts: ['undo'], complete: 'date' },
    { flags: '--undo', description: 'reopen the tasks instead (their history is kept)' },
  ],
  help: `
TASK is a full item id, a tail of one that names it alone (like the ids study today
prints), or words that all appear in its title (case and accents ignored; an exact
title wins). Items of started plans are looked for first. Quote a title of several
words to mark it along with other tasks. Several matches: a picker on a terminal, else
exit 1 listing them with ids. A parent marks its items. Nothing is written unless every
TASK is found.

Examples:
  $ study done monolith-vs-microservices
  $ study done "use redis for user sessions"
  $ study done w01-02/clean-architecture-layers horizontal-vs-vertical-scaling
  $ study done devops-deployment/terraform --date 2026-11-20    back-dated
  $ study done monolith-vs-microservices --undo
`,
  action: () => import('./run.js'),
};
