// Store version 1 (frozen: a new, empty store is brought here by exactly this SQL):
// roadmaps with their items, completions, settings.
export default `
  CREATE TABLE roadmaps (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    model       TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    loaded_at   TEXT NOT NULL
  ) STRICT;
  CREATE TABLE items (
    id           TEXT PRIMARY KEY,
    roadmap_id   TEXT NOT NULL REFERENCES roadmaps(id),
    section_id   TEXT NOT NULL,
    parent_id    TEXT,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    is_leaf      INTEGER NOT NULL,
    done_in_file INTEGER NOT NULL,
    attrs        TEXT NOT NULL,
    archived_at  TEXT
  ) STRICT;
  CREATE INDEX items_by_roadmap ON items(roadmap_id, archived_at);
  CREATE TABLE completions (
    id        INTEGER PRIMARY KEY,
    item_id   TEXT NOT NULL REFERENCES items(id),
    day       TEXT NOT NULL,
    at        TEXT NOT NULL,
    undone_at TEXT
  ) STRICT;
  CREATE INDEX completions_by_item ON completions(item_id) WHERE undone_at IS NULL;
  CREATE INDEX completions_by_day ON completions(day);
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `;
