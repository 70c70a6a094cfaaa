// Store version 2 (frozen: a store at version 1 is brought here by exactly this SQL).
// 2: plans (a started roadmap and its schedule) and habit sessions.
export default `
  CREATE TABLE plans (
    roadmap_id     TEXT PRIMARY KEY REFERENCES roadmaps(id),
    start_day      TEXT NOT NULL,
    hours_per_week REAL NOT NULL,
    pace           TEXT NOT NULL,
    schedule       TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    replanned_at   TEXT
  ) STRICT;
  CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    habit_id   TEXT NOT NULL,
    at         TEXT NOT NULL,
    day        TEXT NOT NULL,
    problem    TEXT,
    number     INTEGER,
    slug       TEXT,
    title      TEXT,
    difficulty TEXT,
    minutes    INTEGER,
    result     TEXT,
    tags       TEXT NOT NULL DEFAULT '[]',
    note       TEXT
  ) STRICT;
  CREATE INDEX sessions_by_day ON sessions(habit_id, day);
  `;
