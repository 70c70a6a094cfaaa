// What every module of the store shares: the connection type and statements prepared on
// first use. The store is the only part of study that imports better-sqlite3.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
export type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;

/**
 * Statements prepared on first use: a command uses a handful of the store's statements,
 * and preparing them all would cost every run milliseconds.
 */
export function lazy<T extends Record<string, () => unknown>>(defs: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made: Record<string, unknown> = {};
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(defs)) {
    Object.defineProperty(out, key, { get: () => (made[key] ??= defs[key]!()), enumerable: true });
  }
  return out;
}

/** Runs `fn` in one IMMEDIATE transaction (the write lock is taken first): all or nothing. */
export function write<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
