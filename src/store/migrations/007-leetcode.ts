// Store version 7 (frozen; issue 14): LeetCode.
// - leet_problems: the problem catalogue shipped in data/leetcode-problems.tsv (read
//   from the package here, once: study does not parse it at every start), with indexes
//   on number (the key), slug and title key, the three ways a problem is looked up.
// - sessions.rating: every LeetCode session is a review of its problem (again, hard,
//   good, easy); older sessions get the rating their result and minutes give.
// - Sessions that name one problem in different spellings ('20', 'valid-parentheses',
//   '20. Valid Parentheses') are merged: the same number, slug, title and difficulty
//   (src/core/leet/merge.ts). What was typed is kept.
// - leet_lists: a started list (NeetCode 150, Blind 75) with its first day and pace.
import { readFileSync } from 'node:fs';
import { bundledDataFile } from '../../cli/paths.js';
import { catalogueRows, parseCatalogue } from '../../core/leet/catalogue.js';
import type { Db } from '../db.js';
import { mergeSpellings } from '../leet-catalogue.js';

const SQL = `
  CREATE TABLE leet_problems (
    number      INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL,
    title       TEXT NOT NULL,
    title_key   TEXT NOT NULL,
    difficulty  TEXT NOT NULL,
    pattern     TEXT NOT NULL,
    neetcode150 INTEGER NOT NULL,
    blind75     INTEGER NOT NULL,
    premium     INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX leet_problems_by_slug ON leet_problems(slug);
  CREATE INDEX leet_problems_by_title_key ON leet_problems(title_key);

  ALTER TABLE sessions ADD COLUMN rating TEXT;

  CREATE TABLE leet_lists (
    list       TEXT PRIMARY KEY,
    start_day  TEXT NOT NULL,
    per_day    INTEGER NOT NULL,
    started_at TEXT NOT NULL
  ) STRICT;
`;

export const CATALOGUE_FILE = 'leetcode-problems.tsv';

export default function v7(db: Db): void {
  db.exec(SQL);
  const file = bundledDataFile(CATALOGUE_FILE);
  const insert = db.prepare(
    `INSERT INTO leet_problems (number, slug, title, title_key, difficulty, pattern, neetcode150, blind75, premium)
     VALUES (@number, @slug, @title, @titleKey, @difficulty, @pattern, @neetcode150, @blind75, @premium)`,
  );
  for (const row of catalogueRows(parseCatalogue(readFileSync(file, 'utf8'), file))) insert.run(row);
  mergeSpellings(db);
}
