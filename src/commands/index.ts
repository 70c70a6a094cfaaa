// Every command, in the order `study --help` lists them (by group). Each is declared in
// its own folder; its action is imported when it runs.
import type { CommandDef } from '../cli/command.js';
import { complete } from './complete/index.js';
import { completion } from './completion/index.js';
import { config } from './config/index.js';
import { done } from './done/index.js';
import { exportData } from './export/index.js';
import { importBackup } from './import-backup/index.js';
import { importPlan } from './import/index.js';
import { leet } from './leet/index.js';
import { load } from './load/index.js';
import { log } from './log/index.js';
import { remove } from './remove/index.js';
import { report } from './report/index.js';
import { roadmaps } from './roadmaps/index.js';
import { schedule } from './schedule/index.js';
import { pause } from './pause/index.js';
import { resume } from './resume/index.js';
import { show } from './show/index.js';
import { stop } from './stop/index.js';
import { start } from './start/index.js';
import { streak } from './streak/index.js';
import { sync } from './sync/index.js';
import { today } from './today/index.js';
import { undo } from './undo/index.js';
import { validate } from './validate/index.js';

export const COMMANDS: readonly CommandDef[] = [
  today,
  done,
  undo,
  leet,
  log,
  streak,
  report,
  start,
  schedule,
  pause,
  resume,
  stop,
  show,
  roadmaps,
  load,
  validate,
  importPlan,
  remove,
  config,
  exportData,
  importBackup,
  sync,
  completion,
  complete,
];
