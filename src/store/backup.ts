// Everything a user entered, table by table (`study export`), and a restore of it into the
// store in one transaction (`study import-backup`), after which the read models are rebuilt.
import { StudyError } from '../cli/errors.js';
import { BACKUP_TABLES, type BackupTables } from '../core/backup.js';
import { write, type Db } from './db.js';
import { recordChange } from './changes.js';
import { mergeSpellings } from './leet-catalogue.js';
import { rebuildReadModels } from './read-models.js';

const ORDER: Record<(typeof BACKUP_TABLES)[number], string> = {
  settings: 'key',
  roadmaps: 'id',
  items: 'roadmap_id, position, id',
  completions: 'id',
  plans: 'roadmap_id',
  plan_versions: 'roadmap_id, version',
  sessions: 'id',
  leet_lists: 'list',
};

export function backupOf(db: Db) {
  return {
    /** Every row of the user's tables, in a stable order. */
    tables(): BackupTables {
      const out: Record<string, unknown[]> = {};
      for (const t of BACKUP_TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${ORDER[t]}`).all();
      return out as unknown as BackupTables;
    },

    /** How many rows each user table holds. */
    rowCounts(): Record<(typeof BACKUP_TABLES)[number], number> {
      return Object.fromEntries(BACKUP_TABLES.map((t) => [t, db.prepare<[], number>(`SELECT count(*) FROM ${t}`).pluck().get()!])) as Record<
        (typeof BACKUP_TABLES)[number],
        number
      >;
    },

    /**
     * Replaces every user table with `tables`, in one transaction: on any error (a foreign
     * key, a duplicate id) nothing changes. LeetCode sessions of an older backup are
     * merged under one spelling and rated, as migration 007 does; the read models are
     * rebuilt from the result (the FSRS engine must be loaded when it has LeetCode sessions).
     */
    restore(tables: BackupTables, at: string): void {
      write(db, () => {
        // The change log describes rows that are gone: a restored store starts a new one.
        db.exec('DELETE FROM events; DELETE FROM changes;');
        // What study sync recorded is about the events just dropped: the next sync starts over (store/sync.ts).
        db.exec("DELETE FROM meta WHERE key LIKE 'sync.%'");
        for (const t of [...BACKUP_TABLES].reverse()) db.prepare(`DELETE FROM ${t}`).run();
        for (const t of BACKUP_TABLES) {
          const rows = tables[t] as unknown as Record<string, unknown>[];
          if (rows.length === 0) continue;
          const cols = Object.keys(rows[0]!);
          const insert = db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`);
          for (const row of rows) insert.run(row);
        }
        const bad = db.pragma('foreign_key_check') as unknown[];
        if (bad.length > 0) throw new StudyError(`the backup refers to ${bad.length} ${bad.length === 1 ? 'row that is' : 'rows that are'} not in it; nothing was restored`);
        mergeSpellings(db);
        rebuildReadModels(db);
        recordChange(db, 'restore', 'restored a backup', at, null);
      });
    },
  };
}

export type Backup = ReturnType<typeof backupOf>;
