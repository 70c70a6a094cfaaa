// One invocation's view of the world, built once by the program from the context and
// the global options, and handed to every command.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from './context.js';
import { nowFromDate, parseNow, type Now } from './clock.js';
import { UsageError } from './errors.js';
import { columnsOf } from './help-text.js';
import { FIRST_DAY, LAST_DAY, dayInBounds } from '../core/bounds.js';
import { storePath } from './paths.js';
import { safe } from '../render/text.js';
import { openStoreAsync, type Store } from '../store/index.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  color?: boolean;
}

export interface Run {
  readonly ctx: Context;
  readonly now: Now;
  readonly json: boolean;
  readonly chalk: ChalkInstance;
  /** Prompts are allowed: stdin and stdout are both terminals. */
  readonly canPrompt: boolean;
  /** Columns for text output: $COLUMNS, else the terminal's, else 80 (cli/help-text.ts columnsOf). */
  readonly columns: number;
  readonly dbPath: string;
  /** Data to stdout. */
  out(text: string): void;
  /** A message to stderr, as `study: <message>`; untrusted parts must already be safe(). */
  note(message: string): void;
  /** The store to write to, opened (and created or migrated) on first use and closed after the command. */
  store(): Promise<Store>;
  /**
   * The store to read: opened read-only when it is at the current version (no write lock,
   * and it works where the store cannot be written); the store to write to when that is
   * open already. Created or migrated first when it must be.
   */
  reader(): Promise<Store>;
  close(): void;
}

function colorLevel(ctx: Context, wanted: boolean | undefined): 0 | 1 | 2 | 3 {
  if (wanted === false) return 0;
  const env = ctx.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    const n = Number(force);
    if (force === 'false' || n === 0) return 0;
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (!ctx.stdout.isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 2;
}

// DEL, C1 controls and bidi controls that JSON.stringify leaves raw (it escapes only C0).
// Data on stdout is JSON or text that safe() already neutralised, so these can only come
// from untrusted text inside JSON strings: written as \uXXXX escapes they are the same
// JSON to a program, and inert on a terminal.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const escapeRaw = (text: string): string => text.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function makeRun(ctx: Context, opts: GlobalOptions): Run {
  const studyNow = ctx.env.STUDY_NOW;
  let now: Now;
  if (studyNow !== undefined && studyNow !== '') {
    const parsed = parseNow(studyNow);
    if (!parsed) throw new UsageError(`STUDY_NOW: expected a local date-time like 2026-11-23T09:30, got "${safe(studyNow)}"`);
    if (!dayInBounds(parsed.local.slice(0, 10))) {
      throw new UsageError(`STUDY_NOW: expected a date-time from ${FIRST_DAY} to ${LAST_DAY}, got "${safe(studyNow)}"`);
    }
    now = parsed;
  } else {
    now = nowFromDate(ctx.clock());
  }
  const dbPath = storePath(opts.db, ctx.env, ctx.cwd);
  let opened: Store | undefined;
  return {
    ctx,
    now,
    json: opts.json === true,
    chalk: new Chalk({ level: colorLevel(ctx, opts.color) }),
    // asked only by a command that may prompt: a run that never reads stdin never makes it
    get canPrompt() {
      return Boolean(ctx.stdout.isTTY && ctx.stdin.isTTY);
    },
    columns: columnsOf(ctx),
    dbPath,
    out: (text) => {
      const line = escapeRaw(text);
      ctx.stdout.write(line.endsWith('\n') ? line : line + '\n');
    },
    note: (message) => void ctx.stderr.write(`study: ${message}\n`),
    async store() {
      if (opened?.readOnly) {
        opened.close();
        opened = undefined;
      }
      opened ??= await openStoreAsync(dbPath, 'write');
      return opened;
    },
    async reader() {
      opened ??= await openStoreAsync(dbPath, 'read');
      return opened;
    },
    close() {
      // Closing checkpoints the log into the store; when that cannot be done now (a full
      // disk), what was committed stays in the log, safe, for the next command.
      try {
        opened?.close();
      } catch {
        // nothing to tell: the command's outcome stands
      }
      opened = undefined;
    },
  };
}
