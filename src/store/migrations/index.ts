// The store's schema versions, in order: MIGRATIONS[n] takes a store from version n to
// n + 1 (PRAGMA user_version). Each file is frozen once released; a change to the schema
// is a new file. Read models are not here: src/store/read-models.ts rebuilds them after
// any migration (a change to a read model alone is a new, empty migration).
import v1 from './001-roadmaps-items-completions.js';
import v2 from './002-plans-sessions.js';
import v3 from './003-agenda-index.js';
import v4 from './004-item-index.js';
import v5 from './005-plan-versions.js';
import v6 from './006-changes-events.js';

export const MIGRATIONS: readonly string[] = [v1, v2, v3, v4, v5, v6];
export const SCHEMA_VERSION = MIGRATIONS.length;
