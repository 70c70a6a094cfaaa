// study leet log / list / stats, driven in-process with a temp store and STUDY_NOW.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

// Prompts: each test queues the answers (an Error is thrown instead, as on Ctrl-C); a
// prompt with nothing queued fails the test.
const answers: unknown[] = [];
const asked: string[] = [];
vi.mock('@inquirer/prompts', () => {
  const answer = async (config: { message: string; validate?: (v: string) => true | string }): Promise<unknown> => {
    asked.push(config.message);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${config.message}`);
    const a = answers.shift();
    if (a instanceof Error) throw a;
    if (config.validate && typeof a === 'string') {
      const ok = config.validate(a);
      if (ok !== true) throw new Error(`answer ${JSON.stringify(a)} refused: ${ok}`);
    }
    return a;
  };
  return { input: vi.fn(answer), select: vi.fn(answer) };
});

beforeEach(() => {
  answers.length = 0;
  asked.length = 0;
});

// Dhaka: UTC+6, no daylight saving. 2026-11-23 is a Monday.
const NOW = '2026-11-23T09:30+06:00';

interface SessionJson {
  id: number;
  date: string;
  at: string;
  problem: string | null;
  number: number | null;
  slug: string | null;
  title: string | null;
  difficulty: string | null;
  minutes: number | null;
  result: string | null;
  tags: string[];
  note: string | null;
}

function store(): string {
  return join(tempDir(), 'study.db');
}

describe('study leet log without a terminal', () => {
  it('logs a slug with options; on stderr what was logged, its rating and next review; the session as listed', async () => {
    const db = store();
    expect(await cli(['leet', 'log', 'two-sum', '--difficulty', 'easy', '--minutes', '20'], { db, now: NOW })).toEqual({
      code: 0,
      out: '',
      // 20 minutes is past easy's 15: hard, back in 2 days
      err: 'study: logged 1. Two Sum (easy, 20 min) for 2026-11-23\nstudy: rated hard · next review Wed 25 Nov (in 2 days) · streak 1 day\n',
    });
    expect(await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).toEqual([
      {
        id: 1,
        date: '2026-11-23',
        at: '2026-11-23T09:30:00+06:00',
        problem: 'two-sum',
        number: 1,
        slug: 'two-sum',
        title: 'Two Sum',
        difficulty: 'easy',
        minutes: 20,
        result: 'solved',
        tags: [],
        note: null,
        rating: 'hard',
      },
    ]);
  });

  it('only PROBLEM is needed: the difficulty from the catalogue, no minutes, solved (good), no tags, no note', async () => {
    const db = store();
    const r = await cli(['leet', 'log', 'Two', 'Sum'], { db, now: NOW });
    expect(r).toEqual({ code: 0, out: '', err: 'study: logged 1. Two Sum (easy) for 2026-11-23\nstudy: rated good · next review Thu 26 Nov (in 3 days) · streak 1 day\n' });
    expect(await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).toMatchObject([
      { problem: 'Two Sum', number: 1, slug: 'two-sum', title: 'Two Sum', difficulty: 'easy', minutes: null, result: 'solved', tags: [], note: null, rating: 'good' },
    ]);
  });

  it('a number, a title with its number, tags and a note; a later bare number is completed from history', async () => {
    const db = store();
    await cli(['leet', 'log', '1. Two Sum', '--difficulty', 'easy', '--tags', 'Array, Hash Table', '--note', 'one pass'], { db, now: '2026-11-22T20:00+06:00' });
    const r = await cli(['leet', 'log', '1', '--minutes', '5', '--result', 'reviewed'], { db, now: NOW });
    // 5 minutes is under half of easy's 15: easy
    expect(r.err).toBe('study: logged 1. Two Sum (easy, 5 min, reviewed) for 2026-11-23\nstudy: rated easy · next review Sat 5 Dec (in 12 days) · streak 2 days\n');
    const rows = await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW });
    expect(rows.map((s) => [s.problem, s.number, s.slug, s.title, s.difficulty, s.result, s.tags, s.note])).toEqual([
      ['1. Two Sum', 1, 'two-sum', 'Two Sum', 'easy', 'solved', ['array', 'hash-table'], 'one pass'],
      ['1', 1, 'two-sum', 'Two Sum', 'easy', 'reviewed', [], null],
    ]);
  });

  it('the same problem twice on the same day is two sessions', async () => {
    const db = store();
    await cli(['leet', 'log', 'two-sum', '--minutes', '20'], { db, now: '2026-11-23T08:00+06:00' });
    const second = await cli(['leet', 'log', 'two-sum', '--minutes', '15'], { db, now: NOW });
    expect(second.code).toBe(0);
    const rows = await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW });
    expect(rows.map((s) => [s.id, s.date, s.at, s.minutes])).toEqual([
      [1, '2026-11-23', '2026-11-23T08:00:00+06:00', 20],
      [2, '2026-11-23', '2026-11-23T09:30:00+06:00', 15],
    ]);
    expect(await cliJson(['leet', 'stats'], { db, now: NOW })).toMatchObject({ sessions: 2, problems: 1, days: 1, minutes: 35 });
  });

  it('a missing PROBLEM is a usage error that lists what would have been asked', async () => {
    const r = await cli(['leet', 'log', '--minutes', '20'], { db: store(), now: NOW });
    expect(r).toEqual({
      code: 2,
      out: '',
      err:
        'study: leet log: missing PROBLEM; not a terminal, so nothing was asked (would have asked: PROBLEM (a number, slug, title or URL), ' +
        '--difficulty (unless the catalogue has the problem), --result, --tags, --note); e.g. study leet log two-sum --minutes 20\n',
    });
  });
});

describe('study leet log: dates and study days', () => {
  it('--date back-dates: the study day is D, the timestamp D at the current time and offset', async () => {
    const db = store();
    const r = await cli(['leet', 'log', 'lru-cache', '--date', '2026-11-20'], { db, now: NOW });
    expect(r.err).toBe('study: logged 146. LRU Cache (medium) for 2026-11-20\nstudy: rated good · next review Mon 23 Nov (today) · streak 0 days\n');
    expect(await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).toMatchObject([{ date: '2026-11-20', at: '2026-11-20T09:30:00+06:00' }]);
  });

  it('a session at 01:30 belongs to the day before (day-start 04:00)', async () => {
    const db = store();
    const r = await cli(['leet', 'log', 'two-sum'], { db, now: '2026-11-24T01:30+06:00' });
    expect(r.err.split('\n')[0]).toBe('study: logged 1. Two Sum (easy) for 2026-11-23');
    // back-dated at 01:30, the timestamp stays inside the study day it is for
    await cli(['leet', 'log', 'three-sum', '--date', '2026-11-22'], { db, now: '2026-11-24T01:30+06:00' });
    expect((await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).map((s) => [s.date, s.at])).toEqual([
      ['2026-11-22', '2026-11-23T01:30:00+06:00'],
      ['2026-11-23', '2026-11-24T01:30:00+06:00'],
    ]);
  });

  it('a later day-start moves the boundary: with 02:00, 01:30 is still yesterday, 03:00 is today', async () => {
    const db = store();
    await cli(['config', 'set', 'day-start', '02:00'], { db, now: NOW });
    expect((await cli(['leet', 'log', 'a-b'], { db, now: '2026-11-24T01:30+06:00' })).err).toContain(' for 2026-11-23\n');
    expect((await cli(['leet', 'log', 'a-b'], { db, now: '2026-11-24T03:00+06:00' })).err).toContain(' for 2026-11-24\n');
  });
});

describe('study leet log: bad input is exit 2 naming the option', () => {
  it.each([
    [['--difficulty', 'insane'], 'study: --difficulty: expected easy, medium or hard, got "insane"\n'],
    [['--result', 'done'], 'study: --result: expected solved, attempted, reviewed or helped, got "done"\n'],
    [['--minutes', '0'], 'study: --minutes: expected whole minutes from 1 to 1440, got "0"\n'],
    [['--minutes', '-5'], 'study: --minutes: expected whole minutes from 1 to 1440, got "-5"\n'],
    [['--minutes', '1.5'], 'study: --minutes: expected whole minutes from 1 to 1440, got "1.5"\n'],
    [['--minutes', 'abc'], 'study: --minutes: expected whole minutes from 1 to 1440, got "abc"\n'],
    [['--minutes', '2000'], 'study: --minutes: expected whole minutes from 1 to 1440, got "2000"\n'],
    [['--date', '2026-11-24'], 'study: --date: 2026-11-24 is in the future (today is 2026-11-23)\n'],
    [['--date', '2026-02-30'], 'study: --date: expected a date YYYY-MM-DD that exists, got "2026-02-30"\n'],
    [['--date', '23/11/2026'], 'study: --date: expected a day: today, yesterday, a weekday (mon), -N (days ago) or YYYY-MM-DD; got "23/11/2026"\n'],
    [['--date', 'someday'], 'study: --date: expected a day: today, yesterday, a weekday (mon), -N (days ago) or YYYY-MM-DD; got "someday"\n'],
  ])('%j', async (options, err) => {
    const db = store();
    expect(await cli(['leet', 'log', 'two-sum', ...options], { db, now: NOW })).toEqual({ code: 2, out: '', err });
    // nothing was written
    expect(await cliJson(['leet', 'list'], { db, now: NOW })).toEqual([]);
  });

  it('untrusted text is neutralised in messages', async () => {
    const r = await cli(['leet', 'log', 'x', '--difficulty', '\u001b[31mhard\u0007'], { db: store(), now: NOW });
    expect(r).toEqual({ code: 2, out: '', err: 'study: --difficulty: expected easy, medium or hard, got "hard␇"\n' });
  });

  it('a bare `study leet` or an unknown action is a usage error', async () => {
    const bare = await cli(['leet'], { db: store(), now: NOW });
    expect(bare.code).toBe(2);
    expect(bare.out).toBe('');
    // the usage, with the actions it takes
    expect(bare.err).toMatch(/^Usage: study leet \[options\] \[command\]/);
    for (const action of ['log', 'list', 'stats']) expect(bare.err).toMatch(new RegExp(`^  ${action} `, 'm'));
    expect(await cli(['leet', 'lgo'], { db: store(), now: NOW })).toEqual({ code: 2, out: '', err: "study: unknown command 'lgo'\n(Did you mean log?)\n" });
  });
});

describe('study leet log on a terminal', () => {
  it('asks for everything missing, in order', async () => {
    const db = store();
    answers.push('146. LRU Cache', '45', 'attempted', 'design, hash table', 'use an OrderedDict');
    const r = await cli(['leet', 'log'], { db, now: NOW, tty: true });
    expect(r).toEqual({
      code: 0,
      out: '',
      err: 'study: logged 146. LRU Cache (medium, 45 min, attempted) for 2026-11-23\nstudy: rated again · next review Tue 24 Nov (tomorrow) · streak 1 day\n',
    });
    // the catalogue has it: no difficulty is asked
    expect(asked).toEqual([
      'Problem (number, slug, title or URL):',
      'Minutes (Enter to skip):',
      'Result:',
      'Tags, comma-separated (Enter to skip):',
      'Note (Enter to skip):',
    ]);
    expect(await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).toMatchObject([
      {
        problem: '146. LRU Cache',
        number: 146,
        slug: 'lru-cache',
        title: 'LRU Cache',
        difficulty: 'medium',
        minutes: 45,
        result: 'attempted',
        tags: ['design', 'hash-table'],
        note: 'use an OrderedDict',
      },
    ]);
  });

  it('asks only for what was not given; Enter skips minutes, tags and note', async () => {
    const db = store();
    answers.push('', 'solved', '', '');
    const r = await cli(['leet', 'log', 'two-sum', '--difficulty', 'easy'], { db, now: NOW, tty: true });
    expect(r.code).toBe(0);
    expect(asked).toEqual(['Minutes (Enter to skip):', 'Result:', 'Tags, comma-separated (Enter to skip):', 'Note (Enter to skip):']);
    expect(await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).toMatchObject([
      { difficulty: 'easy', minutes: null, result: 'solved', tags: [], note: null },
    ]);
  });

  it('asks nothing when everything is given, or with --yes', async () => {
    const db = store();
    const all = ['--difficulty', 'easy', '--minutes', '20', '--result', 'solved', '--tags', 'array', '--note', 'ok'];
    expect((await cli(['leet', 'log', 'two-sum', ...all], { db, now: NOW, tty: true })).code).toBe(0);
    expect((await cli(['leet', 'log', 'two-sum', '--yes'], { db, now: NOW, tty: true })).code).toBe(0);
    expect(asked).toEqual([]);
    expect((await cliJson<SessionJson[]>(['leet', 'list'], { db, now: NOW })).map((s) => s.difficulty)).toEqual(['easy', 'easy']);
  });

  it('Ctrl-C in a prompt exits 130 and writes nothing', async () => {
    const db = store();
    const exit = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    answers.push('two-sum', exit);
    const r = await cli(['leet', 'log'], { db, now: NOW, tty: true });
    expect(r).toEqual({ code: 130, out: '', err: 'study: cancelled\n' });
    expect(await cliJson(['leet', 'list'], { db, now: NOW })).toEqual([]);
  });
});

async function fill(db: string): Promise<void> {
  const log = async (now: string, ...args: string[]): Promise<void> => {
    const r = await cli(['leet', 'log', ...args], { db, now });
    if (r.code !== 0) throw new Error(r.err);
  };
  await log('2026-11-16T21:00+06:00', '1. Two Sum', '--difficulty', 'easy', '--minutes', '20', '--tags', 'array,hash-table');
  await log('2026-11-17T22:00+06:00', 'lru-cache', '--difficulty', 'medium', '--minutes', '60', '--result', 'attempted', '--tags', 'design');
  await log('2026-11-19T02:10+06:00', 'lru-cache', '--minutes', '40', '--tags', 'design,hash-table'); // study day 11-18
  await log('2026-11-22T10:00+06:00', 'two-sum', '--minutes', '5', '--result', 'reviewed');
  await log('2026-11-23T09:00+06:00', 'Median of Two Sorted Arrays', '--difficulty', 'hard', '--minutes', '55');
  await log('2026-11-23T09:30+06:00', '1', '--minutes', '10', '--note', 'from memory');
}

describe('study leet list and stats', () => {
  it('list: text table of study days, --since and --problem filters', async () => {
    const db = store();
    await fill(db);
    const r = await cli(['leet', 'list'], { db, now: NOW });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'date        time   problem                         level   min  result',
        '2026-11-16  21:00  1. Two Sum                      easy     20  solved',
        '                   #array #hash-table',
        '2026-11-17  22:00  146. LRU Cache                  medium   60  attempted',
        '                   #design',
        '2026-11-18  02:10  146. LRU Cache                  medium   40  solved',
        '                   #design #hash-table',
        '2026-11-22  10:00  1. Two Sum                      easy      5  reviewed',
        '2026-11-23  09:00  4. Median of Two Sorted Arrays  hard     55  solved',
        '2026-11-23  09:30  1. Two Sum                      easy     10  solved',
        '                   from memory',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe('study: 6 sessions\n');
    // as in the README
    expect(await cli(['leet', 'list', '--since', '2026-11-18'], { db, now: NOW })).toEqual({
      code: 0,
      out: [
        'date        time   problem                         level   min  result',
        '2026-11-18  02:10  146. LRU Cache                  medium   40  solved',
        '                   #design #hash-table',
        '2026-11-22  10:00  1. Two Sum                      easy      5  reviewed',
        '2026-11-23  09:00  4. Median of Two Sorted Arrays  hard     55  solved',
        '2026-11-23  09:30  1. Two Sum                      easy     10  solved',
        '                   from memory',
        '',
      ].join('\n'),
      err: 'study: 4 sessions\n',
    });
    const since = await cliJson<SessionJson[]>(['leet', 'list', '--since', '2026-11-22'], { db, now: NOW });
    expect(since.map((s) => s.id)).toEqual([4, 5, 6]);
    const twoSum = await cliJson<SessionJson[]>(['leet', 'list', '--problem', 'Two Sum'], { db, now: NOW });
    expect(twoSum.map((s) => s.id)).toEqual([1, 4, 6]);
    expect((await cli(['leet', 'list', '--since', '2026-12-01'], { db, now: NOW })).err).toBe(
      'study: --since: 2026-12-01 is in the future (today is 2026-11-23)\n',
    );
  });

  it('stats --json: the stable fields and the extra ones, exact', async () => {
    const db = store();
    await fill(db);
    expect(await cliJson(['leet', 'stats'], { db, now: NOW })).toEqual({
      sessions: 6,
      problems: 3,
      days: 5,
      byDifficulty: { easy: 3, medium: 2, hard: 1, unknown: 0 },
      problemsByDifficulty: { easy: 1, medium: 1, hard: 1, unknown: 0 },
      byResult: { solved: 4, attempted: 1, reviewed: 1, unknown: 0 },
      byTag: [
        { tag: 'design', sessions: 2 },
        { tag: 'hash-table', sessions: 2 },
        { tag: 'array', sessions: 1 },
      ],
      minutes: 190,
      timedSessions: 6,
      minutesPerWeek: [
        { week: '2026-W47', sessions: 4, minutes: 125 },
        { week: '2026-W48', sessions: 2, minutes: 65 },
      ],
      solvedMoreThanOnce: [{ key: 'two-sum', label: '1. Two Sum', solved: 2, sessions: 3 }],
      firstDay: '2026-11-16',
      lastDay: '2026-11-23',
    });
  });

  it('stats: text', async () => {
    const db = store();
    await fill(db);
    const r = await cli(['leet', 'stats'], { db, now: NOW });
    expect(r).toEqual({
      code: 0,
      err: '',
      out: [
        'sessions    6 on 5 days, 2026-11-16 to 2026-11-23',
        'problems    3 distinct: easy 1 · medium 1 · hard 1',
        'difficulty  easy 3 · medium 2 · hard 1',
        'result      solved 4 · attempted 1 · reviewed 1',
        'minutes     190',
        'tags        design 2 · hash-table 2 · array 1',
        '',
        'by week:',
        '  2026-W47  4 sessions  125 min',
        '  2026-W48  2 sessions   65 min',
        '',
        'solved more than once:',
        '  1. Two Sum  2 times',
        '',
      ].join('\n'),
    });
  });

  it('an empty store: a hint, and empty JSON', async () => {
    const db = store();
    expect(await cli(['leet', 'stats'], { db, now: NOW })).toEqual({
      code: 0,
      out: '',
      err: 'study: no LeetCode sessions yet; log one: study leet log two-sum --minutes 20\n',
    });
    expect(await cliJson(['leet', 'stats'], { db, now: NOW })).toMatchObject({ sessions: 0, problems: 0, byDifficulty: { easy: 0, medium: 0, hard: 0 }, minutes: 0 });
  });
});
