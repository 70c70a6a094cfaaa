// Store version 5 (frozen): read models are the store's code's business, not triggers'.
// - The triggers and derived tables of versions 3 and 4 go: src/store/read-models.ts
//   creates its tables and writes them in the same transaction as the data they derive
//   from, and rebuilds them after every migration and restore.
// - Every schedule a plan has had is kept (issue 12: a week's report reads the same
//   forever): plan_versions holds each with the day it took effect. A store at version
//   4 kept only the current schedule, which becomes version 1. (A rowid table: a
//   schedule is a large row, which a WITHOUT ROWID table would carry in its index pages.)
// - One active completion per item (issue 13: two `study done` at once stored two):
//   duplicates that a race left behind are closed at the moment they were made, and a
//   unique index keeps it so.
export default `
  DROP TRIGGER IF EXISTS agenda_completions_insert;
  DROP TRIGGER IF EXISTS agenda_completions_update;
  DROP TRIGGER IF EXISTS agenda_completions_delete;
  DROP TRIGGER IF EXISTS agenda_plans_insert;
  DROP TRIGGER IF EXISTS agenda_plans_update;
  DROP TRIGGER IF EXISTS agenda_plans_delete;
  DROP TRIGGER IF EXISTS agenda_roadmaps_insert;
  DROP TRIGGER IF EXISTS agenda_roadmaps_update;
  DROP TRIGGER IF EXISTS agenda_roadmaps_delete;
  DROP TRIGGER IF EXISTS streak_walks_insert;
  DROP TRIGGER IF EXISTS streak_walks_update;
  DROP TRIGGER IF EXISTS streak_walks_delete;
  DROP TRIGGER IF EXISTS roadmap_habits_insert;
  DROP TRIGGER IF EXISTS roadmap_habits_update;
  DROP TRIGGER IF EXISTS roadmap_habits_delete;
  DROP TRIGGER IF EXISTS leaf_done_insert;
  DROP TRIGGER IF EXISTS leaf_done_delete;
  DROP TRIGGER IF EXISTS leaf_done_update;
  DROP TABLE IF EXISTS agenda_state;
  DROP TABLE IF EXISTS agenda_plans;
  DROP TABLE IF EXISTS agenda_entries;
  DROP TABLE IF EXISTS agenda_ids;
  DROP TABLE IF EXISTS streak_walks;
  DROP TABLE IF EXISTS roadmap_habits;
  DROP TABLE IF EXISTS item_keys;
  DROP TABLE IF EXISTS leaf_totals;
  DROP TABLE IF EXISTS leaf_done;

  CREATE TABLE plan_versions (
    roadmap_id     TEXT NOT NULL REFERENCES plans(roadmap_id),
    version        INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    effective_day  TEXT NOT NULL,
    at             TEXT NOT NULL,
    start_day      TEXT NOT NULL,
    hours_per_week REAL NOT NULL,
    pace           TEXT NOT NULL,
    schedule       TEXT NOT NULL,
    PRIMARY KEY (roadmap_id, version)
  ) STRICT;
  INSERT INTO plan_versions (roadmap_id, version, kind, effective_day, at, start_day, hours_per_week, pace, schedule)
    SELECT roadmap_id, 1, 'start', substr(started_at, 1, 10), started_at, start_day, hours_per_week, pace, schedule FROM plans;
  ALTER TABLE plans DROP COLUMN start_day;
  ALTER TABLE plans DROP COLUMN hours_per_week;
  ALTER TABLE plans DROP COLUMN pace;
  ALTER TABLE plans DROP COLUMN schedule;
  ALTER TABLE plans DROP COLUMN replanned_at;

  UPDATE completions SET undone_at = at
    WHERE undone_at IS NULL AND id NOT IN (SELECT min(id) FROM completions WHERE undone_at IS NULL GROUP BY item_id);
  DROP INDEX IF EXISTS completions_by_item;
  CREATE UNIQUE INDEX completions_active ON completions(item_id) WHERE undone_at IS NULL;
`;
