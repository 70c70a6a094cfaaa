// The store's schema versions, in order: MIGRATIONS[n] takes a store from version n to
// n + 1 (PRAGMA user_version). Each is frozen once released; a change to the schema is a
// new one. Most are SQL; one that also moves data (007: the LeetCode catalogue, and the
// sessions merged under one spelling) is a function of the open connection, run in the
// same transaction. Read models are not here: src/store/read-models.ts rebuilds them
// after any migration (a change to a read model alone is a new, empty migration).
import type { Db } from '../db.js';
import v1 from './001-roadmaps-items-completions.js';
import v2 from './002-plans-sessions.js';
import v3 from './003-agenda-index.js';
import v4 from './004-item-index.js';
import v5 from './005-plan-versions.js';
import v6 from './006-changes-events.js';
import v7 from './007-leetcode.js';

/** SQL, or a function that runs in the migration's transaction. */
export type Migration = string | ((db: Db) => void);

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7];
export const SCHEMA_VERSION = MIGRATIONS.length;
