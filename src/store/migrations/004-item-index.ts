// Store version 4 (frozen: a store at version 3 is brought here by exactly this SQL).
// 4: the item index (issue #7): every item of every roadmap (not archived) with what
// `study done` matches a TASK against (its id's segments reversed and lowercased, so that
// an id suffix is a prefix an index finds; its title folded as core/match.ts fold does)
// and, for leaf items, what progress is counted from (marked done in the file, the first
// day of a completion that was not undone, the plan week it is due in; done_day: '' when
// marked in the file, else first_day), so that `done` and `report` count progress by
// index instead of parsing roadmap models. leaf_totals: each roadmap's leaf items, and
// how many are due in each plan week (JSON [[week, n]...]). leaf_done: how many leaf
// items of each roadmap are done now, by due week (scheduled 0: none), kept by triggers
// on item_keys. Derived data, kept with the agenda index (the same writes, the same
// change count: when it is behind, the next read rebuilds both); this migration leaves
// it behind.
export default `
  CREATE TABLE item_keys (
    id           TEXT PRIMARY KEY,
    roadmap_id   TEXT NOT NULL,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    reversed     TEXT NOT NULL,
    folded       TEXT NOT NULL,
    leaf         INTEGER NOT NULL,
    done_in_file INTEGER NOT NULL,
    first_day    TEXT,
    due_week     INTEGER,
    done_day     TEXT
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX item_keys_by_roadmap ON item_keys(roadmap_id, position);
  CREATE INDEX item_keys_by_reversed ON item_keys(reversed);
  CREATE INDEX item_keys_by_folded ON item_keys(folded);
  CREATE INDEX item_keys_progress ON item_keys(roadmap_id, done_day, due_week, first_day) WHERE leaf = 1;
  CREATE TABLE leaf_totals (
    roadmap_id TEXT PRIMARY KEY,
    total      INTEGER NOT NULL,
    due        TEXT NOT NULL
  ) STRICT;
  CREATE TABLE leaf_done (
    roadmap_id TEXT NOT NULL,
    scheduled  INTEGER NOT NULL,
    due        INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, scheduled, due)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER leaf_done_insert AFTER INSERT ON item_keys WHEN NEW.leaf = 1 AND NEW.done_day IS NOT NULL BEGIN
    INSERT INTO leaf_done (roadmap_id, scheduled, due, n) VALUES (NEW.roadmap_id, NEW.due_week IS NOT NULL, coalesce(NEW.due_week, 0), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER leaf_done_delete AFTER DELETE ON item_keys WHEN OLD.leaf = 1 AND OLD.done_day IS NOT NULL BEGIN
    UPDATE leaf_done SET n = n - 1 WHERE roadmap_id = OLD.roadmap_id AND scheduled = (OLD.due_week IS NOT NULL) AND due = coalesce(OLD.due_week, 0);
  END;
  CREATE TRIGGER leaf_done_update AFTER UPDATE OF roadmap_id, leaf, done_day, due_week ON item_keys BEGIN
    UPDATE leaf_done SET n = n - 1
      WHERE OLD.leaf = 1 AND OLD.done_day IS NOT NULL
        AND roadmap_id = OLD.roadmap_id AND scheduled = (OLD.due_week IS NOT NULL) AND due = coalesce(OLD.due_week, 0);
    INSERT INTO leaf_done (roadmap_id, scheduled, due, n)
      SELECT NEW.roadmap_id, NEW.due_week IS NOT NULL, coalesce(NEW.due_week, 0), 1 WHERE NEW.leaf = 1 AND NEW.done_day IS NOT NULL
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  UPDATE agenda_state SET changes = changes + 1;
  `;
