// Everything fits the terminal (issue 12, defect 9): $COLUMNS, else the terminal's width,
// else 80, measured with the project's width() (Bengali syllables as terminals draw them,
// a column per spacing character). Help included: every command's --help, the main help's
// examples and its lines about the store. Ids are never cut to fit: one too long for its
// row goes on a line of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/commands/index.js';
import { width } from '../../src/render/text.js';
import { cli, tempDir } from '../support/cli.js';

/** The lines of `text` wider than `columns`, with their widths. */
const tooWide = (text: string, columns: number): string[] =>
  text
    .split('\n')
    .filter((l) => width(l) > columns)
    .map((l) => `${width(l)}: ${l}`);

/** Every command's words: `today`, `leet log`, ... */
const commandPaths = (defs: readonly CommandDef[], parent: string[] = []): string[][] =>
  defs.filter((d) => !d.hidden).flatMap((d) => [[...parent, d.name], ...commandPaths(d.subcommands ?? [], [...parent, d.name])]);

const BENGALI = `id: bangla
title: ব্যাকএন্ড ডেভেলপমেন্ট শেখার পরিকল্পনা — একটি দীর্ঘ শিরোনাম যা টার্মিনালের প্রস্থ ছাড়িয়ে যায়
kind: weekly
description: এই পরিকল্পনাটি বাংলায় লেখা, যাতে প্রস্থ মাপার পরীক্ষা হয়; প্রতিটি লাইন আশি কলামের মধ্যে থাকা উচিত।
sections:
  - id: databases-and-distributed-systems-fundamentals
    title: ডেটাবেস ও ডিস্ট্রিবিউটেড সিস্টেমের মৌলিক ধারণা এবং আরও অনেক কিছু যা লম্বা
    weeks: 1-2
    description: সূচক, জয়েন, প্রতিলিপি এবং বিভাজন সম্পর্কে বিস্তারিত আলোচনা এখানে থাকবে, অনেক কথা।
    items:
      - title: ইনডেক্স কীভাবে কাজ করে তা বোঝা এবং বি-ট্রি কাঠামো বিশ্লেষণ করা
        id: understand-how-database-indexes-work-with-b-trees
        priority: high
        effort: 3h
        items:
          - title: বি-ট্রি এবং এলএসএম-ট্রি তুলনা করে একটি বিস্তারিত নোট লেখা
            id: compare-b-trees-and-lsm-trees-in-a-written-note
      - title: SQL joins আর কোয়েরি অপ্টিমাইজেশন
        url: https://example.com/a/very/long/url/that/goes/on/and/on/for/quite/a/while
  - title: ক্যাশিং
    weeks: 3
    topics: [রেডিস, মেমক্যাশড, "ক্যাশ ইনভ্যালিডেশন কৌশল: রাইট-থ্রু, রাইট-ব্যাক, রাইট-অ্যারাউন্ড এবং আরও"]
habits:
  - id: reading-bangla-articles-every-single-day
    title: প্রতিদিন একটি প্রযুক্তিগত প্রবন্ধ পড়া এবং তার সারাংশ লেখা
    every: day
    minutes: 30-60
`;

const NOW = '2026-11-10T09:00';

/** The bundled roadmaps and the Bengali one, two plans started, a little done and logged. */
async function store(): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 'bangla.yaml'), BENGALI);
  const db = join(dir, 'study.db');
  for (const args of [
    ['load'],
    ['load', 'bangla.yaml'],
    ['start', 'bangla', '--on', '2026-11-02'],
    ['start', 'backend-realtime-phases', '--on', '2026-10-01'],
    ['done', 'bangla/databases-and-distributed-systems-fundamentals/understand-how-database-indexes-work-with-b-trees/compare-b-trees-and-lsm-trees-in-a-written-note', '--minutes', '20'],
    ['log', 'reading-bangla-articles-every-single-day', '--minutes', '30'],
    ['leet', 'log', 'two-sum', '--minutes', '15', '--note', 'একটি নোট যা বেশ দীর্ঘ এবং বাংলায় লেখা হয়েছে পরীক্ষার জন্য'],
  ]) {
    const r = await cli(args, { db, now: NOW, cwd: dir });
    expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
  }
  return db;
}

const VIEWS = [
  ['today'],
  ['show', 'bangla'],
  ['show', 'bangla', '--week'],
  ['show', 'backend-realtime-phases'],
  ['show', 'backend-realtime-phases', '--overdue'],
  ['show', 'flash-poll-phases'],
  ['roadmaps'],
  ['schedule'],
  ['report'],
  ['report', '--week', '2026-W45'],
  ['streak'],
  ['streak', '--habit', 'reading-bangla-articles-every-single-day'],
  ['leet', 'list'],
  ['leet', 'stats'],
  ['config'],
];

describe('help fits the terminal', () => {
  it.each([80, 60, 40])('every --help at COLUMNS=%i, and the main help', async (columns) => {
    for (const words of [[], ...commandPaths(COMMANDS)]) {
      const r = await cli([...words, '--help'], { env: { COLUMNS: String(columns) } });
      expect(r.code, words.join(' ')).toBe(0);
      expect(tooWide(r.out, columns), `study ${words.join(' ')} --help`).toEqual([]);
    }
  });

  it('80 columns when nothing says otherwise', async () => {
    const r = await cli(['--help'], { env: { COLUMNS: undefined } });
    expect(tooWide(r.out, 80)).toEqual([]);
    expect(r.out).toContain('  $ study done monolith        mark what you finished (an id, or words of it)\n');
  });

  it('paragraphs are filled to the width, not broken where the source breaks them', async () => {
    const r = await cli(['log', '--help']);
    expect(r.out).toContain('Habits are declared in roadmap files (habits:) or by a "Daily" section of an\nimported plan; each has a streak');
    const narrow = await cli(['log', '--help'], { env: { COLUMNS: '50' } });
    // No line of one word left over where the text was broken for 80 columns.
    const prose = narrow.out.slice(narrow.out.indexOf('Habits are')).split('\n\n')[0]!.split('\n');
    expect(prose.slice(0, -1).every((l) => width(l) > 35), prose.join('\n')).toBe(true);
  });

  it('an example too long for the width: what it does goes under it', async () => {
    const r = await cli(['--help'], { env: { COLUMNS: '50' } });
    expect(r.out).toContain('  $ study done monolith\n      mark what you finished (an id, or words of\n      it)\n');
  });

  it('the terminal’s width when $COLUMNS is not set', async () => {
    const r = await cli(['done', '--help'], { tty: true, columns: 60, env: { COLUMNS: undefined } });
    expect(tooWide(r.out, 60)).toEqual([]);
    expect(r.out.split('\n').some((l) => width(l) > 50)).toBe(true);
  });

  it('every command’s --help has an example', async () => {
    for (const words of commandPaths(COMMANDS)) {
      if (COMMANDS.find((c) => c.name === words[0])?.subcommands && words.length === 1) continue;
      const r = await cli([...words, '--help']);
      expect(r.out, `study ${words.join(' ')} --help`).toMatch(/\nExamples:\n {2}\$ study /);
    }
  });
});

describe('what commands print fits the terminal, Bengali included', () => {
  it.each([80, 60])('at COLUMNS=%i', async (columns) => {
    const db = await store();
    for (const args of VIEWS) {
      const r = await cli(args, { db, now: NOW, env: { COLUMNS: String(columns) } });
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
      // At 60 a few ids are longer than a line can hold beside anything: they stand alone, whole.
      const wide = tooWide(r.out, columns).filter((l) => !/^\d+: +[a-z0-9/-]+$/.test(l));
      expect(wide, `study ${args.join(' ')}`).toEqual([]);
    }
  });

  it('show: every id is printed whole, on its row or under it', async () => {
    const db = await store();
    for (const roadmap of ['flash-poll-phases', 'bangla']) {
      const text = (await cli(['show', roadmap], { db, now: NOW })).out;
      expect(tooWide(text, 80), roadmap).toEqual([]);
      // The typeable ids `show` prints: each one's last segment at least, never with an ellipsis.
      const ids = text.split('\n').flatMap((l) => (/\s([a-z0-9][a-z0-9/-]*[a-z0-9])$/.exec(l) ?? []).slice(1));
      expect(ids.length, roadmap).toBeGreaterThan(5);
      // An id cut short would follow two spaces and end in an ellipsis.
      expect(text).not.toMatch(/ {2}[a-z0-9][a-z0-9/-]*…$/m);
    }
    const text = (await cli(['show', 'flash-poll-phases'], { db, now: NOW })).out;
    expect(text).toMatch(/\n {4}○ Create RESTful API endpoints[^\n]*\n +authentication-api-enhancement\/create-restful-api-endpoints\n/);
  });

  it('Bengali is measured a column per spacing character, as terminals draw it', () => {
    // বাং is ব, া and ং: three cells in a terminal, one grapheme.
    expect(width('বাং')).toBe(3);
  });
});
