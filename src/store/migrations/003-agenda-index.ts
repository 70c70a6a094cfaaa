// Store version 3 (frozen: a store at version 2 is brought here by exactly this SQL).
// 3: the agenda index (issue #7): what `study today` shows of each started plan, as
// rows it can read by index instead of parsing roadmap models and schedules. Derived
// data: the store keeps it in step in the same transaction as every write it makes
// (loadRoadmaps, savePlan, complete, undo). Triggers count every change to the tables
// it is derived from (items change only with their roadmap's row, which is counted);
// when the count is ahead of the one the index was built at (a write that did not
// maintain it, or this migration), the next read rebuilds it. roadmap_habits (the
// habits each roadmap declares) is kept by triggers alone. streak_walks: a streak walked
// over a habit's history up to a day (core/streak.ts walkStreak), so that today walks
// only the days since; a session on or before that day deletes it (triggers).
export default `
  CREATE TABLE agenda_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL,
    built   INTEGER NOT NULL
  ) STRICT;
  INSERT INTO agenda_state (id, changes, built) VALUES (1, 1, 0);
  CREATE TABLE agenda_plans (
    roadmap_id  TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    start_day   TEXT NOT NULL,
    total_weeks INTEGER NOT NULL,
    max_span    INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE agenda_entries (
    roadmap_id TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    section    TEXT NOT NULL,
    first_week INTEGER NOT NULL,
    due_week   INTEGER NOT NULL,
    rank       INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    open       INTEGER NOT NULL,
    PRIMARY KEY (roadmap_id, item_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX agenda_entries_by_week ON agenda_entries(roadmap_id, first_week);
  CREATE INDEX agenda_entries_open ON agenda_entries(roadmap_id, open, due_week, rank, position);
  CREATE INDEX agenda_entries_upcoming ON agenda_entries(roadmap_id, open, first_week, rank, position);
  CREATE TABLE agenda_ids (
    reversed   TEXT NOT NULL,
    roadmap_id TEXT NOT NULL
  ) STRICT;
  CREATE INDEX agenda_ids_by_reversed ON agenda_ids(reversed);
  CREATE INDEX agenda_ids_by_roadmap ON agenda_ids(roadmap_id);

  CREATE TRIGGER agenda_completions_insert AFTER INSERT ON completions BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_completions_update AFTER UPDATE ON completions BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_completions_delete AFTER DELETE ON completions BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_plans_insert AFTER INSERT ON plans BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_plans_update AFTER UPDATE ON plans BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_plans_delete AFTER DELETE ON plans BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_roadmaps_insert AFTER INSERT ON roadmaps BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_roadmaps_update AFTER UPDATE ON roadmaps BEGIN UPDATE agenda_state SET changes = changes + 1; END;
  CREATE TRIGGER agenda_roadmaps_delete AFTER DELETE ON roadmaps BEGIN UPDATE agenda_state SET changes = changes + 1; END;

  CREATE TABLE streak_walks (
    habit_id TEXT NOT NULL,
    rules    TEXT NOT NULL,
    through  TEXT NOT NULL,
    longest  INTEGER NOT NULL,
    run      INTEGER NOT NULL,
    last     INTEGER,
    PRIMARY KEY (habit_id, rules)
  ) STRICT;
  CREATE TRIGGER streak_walks_insert AFTER INSERT ON sessions BEGIN
    DELETE FROM streak_walks WHERE habit_id = NEW.habit_id AND through >= NEW.day;
  END;
  CREATE TRIGGER streak_walks_update AFTER UPDATE ON sessions BEGIN
    DELETE FROM streak_walks WHERE (habit_id = OLD.habit_id AND through >= OLD.day) OR (habit_id = NEW.habit_id AND through >= NEW.day);
  END;
  CREATE TRIGGER streak_walks_delete AFTER DELETE ON sessions BEGIN
    DELETE FROM streak_walks WHERE habit_id = OLD.habit_id AND through >= OLD.day;
  END;
  CREATE INDEX roadmaps_by_source ON roadmaps(source_path, source_hash);
  CREATE TABLE roadmap_habits (
    roadmap_id TEXT PRIMARY KEY,
    habits     TEXT NOT NULL
  ) STRICT;
  INSERT INTO roadmap_habits (roadmap_id, habits) SELECT id, coalesce(json_extract(model, '$.habits'), '[]') FROM roadmaps;
  CREATE TRIGGER roadmap_habits_insert AFTER INSERT ON roadmaps BEGIN
    INSERT OR REPLACE INTO roadmap_habits (roadmap_id, habits) VALUES (NEW.id, coalesce(json_extract(NEW.model, '$.habits'), '[]'));
  END;
  CREATE TRIGGER roadmap_habits_update AFTER UPDATE OF id, model ON roadmaps BEGIN
    DELETE FROM roadmap_habits WHERE roadmap_id = OLD.id;
    INSERT OR REPLACE INTO roadmap_habits (roadmap_id, habits) VALUES (NEW.id, coalesce(json_extract(NEW.model, '$.habits'), '[]'));
  END;
  CREATE TRIGGER roadmap_habits_delete AFTER DELETE ON roadmaps BEGIN DELETE FROM roadmap_habits WHERE roadmap_id = OLD.id; END;
  `;
