// The floor `study` is measured against (issue #7): Node, better-sqlite3 opening the
// store named by $STUDY_DB, and one indexed query (today's sessions of a habit).
import Database from 'better-sqlite3';

const db = new Database(process.env.STUDY_DB, { fileMustExist: true });
const rows = db
  .prepare('SELECT day, count(*) AS n FROM sessions WHERE habit_id = ? AND day >= ? GROUP BY day')
  .all('leetcode', (process.env.STUDY_NOW ?? '2026-11-23').slice(0, 10));
process.stdout.write(`${JSON.stringify(rows)}\n`);
db.close();
