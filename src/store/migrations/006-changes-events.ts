// Store version 6 (frozen): every change is recorded (issue 12: `study undo`; issue 16:
// sync). `changes`: one row per command that wrote, in local order, with what `study
// undo` needs to take it back (`inverse`, JSON) and which undo took it back. `events`:
// what each change did, as the events study sync exchanges (device, hybrid logical clock
// timestamp, type, payload JSON). `meta`: this store's device id and clock. History
// before this version has no changes (nothing to undo) and no events (a first sync
// writes them from the tables). Completions gain the minutes spent and the event that
// made them; sessions and plan versions the event that made them.
export default `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  CREATE TABLE changes (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL,
    summary   TEXT NOT NULL,
    at        TEXT NOT NULL,
    inverse   TEXT,
    undone_by TEXT
  ) STRICT;
  CREATE TABLE events (
    id        TEXT PRIMARY KEY,
    change_id TEXT,
    device    TEXT NOT NULL,
    ts        TEXT NOT NULL,
    type      TEXT NOT NULL,
    payload   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_by_order ON events(ts, device, id);
  CREATE INDEX events_by_change ON events(change_id);
  ALTER TABLE completions ADD COLUMN minutes INTEGER;
  ALTER TABLE completions ADD COLUMN event_id TEXT;
  ALTER TABLE sessions ADD COLUMN event_id TEXT;
  ALTER TABLE plan_versions ADD COLUMN event_id TEXT;
`;
