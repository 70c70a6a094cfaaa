// Untrusted text never reaches the terminal raw. A roadmap whose file name, titles, notes
// and habit carry ESC sequences, OSC 8 links, BEL, C1 controls (U+009B), DEL, NUL and bidi
// overrides is loaded, started and worked on, with a LeetCode session whose problem, tags
// and note are just as hostile; then every command that shows any of it runs, on its
// success and its error paths, and neither stdout nor stderr holds a control character
// (but the newline), DEL, a C1 control or a bidi control. --json output keeps the text
// (escaped as JSON), and Markdown output escapes what Markdown would interpret.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliResult } from '../support/cli.js';

const NOW = '2026-11-25T09:30';

// Everything that must not reach a terminal, as YAML double-quoted escapes (\e ESC, \a BEL,
// \x9b CSI, \u202e RLO, \u2066 LRI, \x7f DEL, \0 NUL), plus Markdown that would become a
// link, an image, HTML, emphasis, code or a table cell.
const H_YAML = String.raw`\e[31mred\e[0m \e]8;;https://evil.example/\aclick\e]8;;\a bell\a csi\x9b2J rlo\u202eevil\u202c lri\u2066x\u2069 del\x7f nul\0 bs\b cr\r tab\t \e[2J\e[H`;
const MD_YAML = String.raw`[link](https://evil.example) <img src=x onerror=alert(1)> <b>bold</b> *em* _u_ \x60code\x60 | cell ~~s~~ &amp; https://www.evil.example www.evil.com me@evil.com`;
const H_SHELL = '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007 bell\u0007 csi\u009b2J rlo\u202eevil\u202c lri\u2066x\u2069 del\u007f bs\b cr\r \u001b[2J';

const FILE_NAME = 'evil\u001b[31m\u009b\u202e.yaml';
const PLAN = `title: "Plan ${H_YAML} ${MD_YAML}"
kind: weekly
description: "${H_YAML}"
notes: ["${H_YAML}"]
sections:
  - id: one
    title: "Week one ${H_YAML} ${MD_YAML}"
    weeks: 1
    topics: ["Redis ${H_YAML} ${MD_YAML}", "Redis caching ${H_YAML}"]
    tasks:
      - title: "Task ${H_YAML}"
        notes: ["${H_YAML}"]
      - "Second task ${MD_YAML}"
  - id: two
    title: "Week two ${H_YAML}"
    weeks: 2
    tasks: ["Redis again ${H_YAML}"]
    criteria: ["${H_YAML}"]
habits:
  - id: review
    title: "Review ${H_YAML}"
    every: day
`;

// C0 but the newline, DEL, C1, and the bidi controls safe() neutralises.
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** `s` with every forbidden character written as \uXXXX (for messages and test names). */
function visible(s: string): string {
  return s.replace(new RegExp(FORBIDDEN.source, 'gu'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function expectClean(label: string, r: CliResult): void {
  for (const [name, text] of [
    ['stdout', r.out],
    ['stderr', r.err],
  ] as const) {
    const m = FORBIDDEN.exec(text);
    if (m) {
      const at = m.index;
      throw new Error(`${label}: ${name} has U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${at}: …${visible(text.slice(Math.max(0, at - 40), at + 40))}…`);
    }
  }
}

let dir: string;
let db: string;
const run = (args: string[], extra: { now?: string } = {}) => cli(args, { db, now: extra.now ?? NOW, cwd: dir, env: { NO_COLOR: '1' } });

const setup: [string, CliResult][] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'study-hostile-'));
  db = join(dir, 'study.db');
  writeFileSync(join(dir, FILE_NAME), PLAN);
  // A file with a hostile key and hostile values: the error path of validate and load.
  writeFileSync(
    join(dir, 'bad\u001b]8;;x\u0007.yaml'),
    `title: "${H_YAML}"\nkind: "weekly ${H_YAML}"\n"colour ${H_YAML}": red\nsections:\n  - title: "${H_YAML}"\n    weeks: "${H_YAML}"\n    "\\e[31mefort": 3\n`,
  );
  const steps: string[][] = [
    ['load', FILE_NAME],
    ['start', 'evil', '--on', '2026-11-23'],
    ['done', 'task red', '--date', '2026-11-24'],
    ['done', 'second task', '--date', '2026-11-24'],
    [
      'leet',
      'log',
      `Two Sum ${H_SHELL}`,
      '--difficulty',
      'easy',
      '--minutes',
      '20',
      '--tags',
      `array,\u001b[31mhash\u009b,\u202etable`,
      '--note',
      `one pass ${H_SHELL}`,
      '--date',
      '2026-11-24',
    ],
    ['leet', 'log', `\u001b]8;;https://evil.example\u0007${H_SHELL}`, '--difficulty', 'hard'],
  ];
  for (const args of steps) setup.push([args.join(' '), await run(args)]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile text in a roadmap, a session and arguments', () => {
  it('loads, starts and logs (the set-up itself prints nothing raw)', () => {
    for (const [label, r] of setup) {
      expect(r.code, `${label}: ${r.err}`).toBe(0);
      expectClean(label, r);
    }
  });

  const SUCCESS: string[][] = [
    ['show', 'evil'],
    ['today'],
    ['schedule'],
    ['schedule', 'evil', '--weeks', '3'],
    ['report'],
    ['report', '--format', 'markdown'],
    ['report', '--week', '2026-W49'],
    ['roadmaps'],
    ['leet', 'list'],
    ['leet', 'list', '--problem', 'two-sum'],
    ['leet', 'stats'],
    ['streak'],
    ['streak', '--habit', 'review'],
    ['validate', FILE_NAME],
    ['load', FILE_NAME],
    ['config'],
    ['report', '--format', 'html'],
    ['report', '--format', 'html', '--out', `week ${H_SHELL.replaceAll('/', '|')}.html`],
    ['export', '--format', 'ics', '--out', `plans ${H_SHELL.replaceAll('/', '|')}.ics`],
    ['completion', 'bash'],
  ];
  for (const args of SUCCESS) {
    it(`study ${visible(args.join(' '))}`, async () => {
      const r = await run(args);
      expect(r.code, r.err).toBe(0);
      expectClean(args.join(' '), r);
      expect(r.out + r.err).not.toContain('\u001b');
    });
  }

  // Shell completion: a tab between a candidate and its description is the protocol; a
  // title that holds controls is never a candidate (it could not be typed back), only a
  // description, neutralised.
  for (const args of [['task', ''], ['task', 'redis'], ['task', 'Redis'], ['roadmap', 'ev'], ['habit', '']]) {
    it(`study __complete ${args.join(' ')}`, async () => {
      const r = await run(['__complete', args[0]!, '--', args[1]!]);
      expect(r).toMatchObject({ code: 0, err: '' });
      const lines = r.out.split('\n').slice(0, -1);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const [value, description = '', ...rest] = line.split('\t');
        expect(rest).toEqual([]);
        expectClean(`__complete ${args.join(' ')}`, { code: 0, out: `${value}\n${description}`, err: '' });
      }
    });
  }

  // The same commands with --json: the text is there (a program reading it gets it back
  // exactly), but as JSON escapes, never as raw control characters.
  for (const args of [['show', 'evil'], ['today'], ['schedule'], ['report'], ['roadmaps'], ['leet', 'list'], ['leet', 'stats'], ['streak', '--habit', 'review']]) {
    it(`study --json ${args.join(' ')}`, async () => {
      const r = await run(['--json', ...args]);
      expect(r.code, r.err).toBe(0);
      expectClean(`--json ${args.join(' ')}`, r);
      JSON.parse(r.out);
    });
  }

  it('--json keeps the text itself: a program reading it gets back exactly what was written', async () => {
    const r = await run(['--json', 'leet', 'list']);
    const sessions = JSON.parse(r.out) as { note: string; tags: string[] }[];
    expect(sessions[0]!.note).toBe(`one pass ${H_SHELL}`.trim());
    expect(sessions[0]!.tags).toContain('\u202etable');
    const show = JSON.parse((await run(['--json', 'show', 'evil'])).out) as { title: string };
    expect(show.title).toContain('\u001b[31mred');
    expect(show.title).toContain('\u009b2J');
    expect(show.title).toContain('\u202eevil');
  });

  const FAILURE: [string[], number][] = [
    [['done', 'redis'], 1], // several items match: the candidates are listed
    [['done', `nothing like this ${H_SHELL}`], 1], // nothing matches: the closest are listed
    [['done', 'redis caching red', 'nothing at all'], 1],
    [['done', H_SHELL], 1],
    [['done', 'task', '--date', H_SHELL], 2],
    [['validate', 'bad\u001b]8;;x\u0007.yaml'], 1],
    [['validate', FILE_NAME, 'bad\u001b]8;;x\u0007.yaml'], 1],
    [['load', 'bad\u001b]8;;x\u0007.yaml'], 1],
    [['load', `missing ${H_SHELL}.yaml`], 1],
    [['validate', `missing ${H_SHELL}.yaml`], 1],
    [['show', H_SHELL], 1],
    [['start', H_SHELL], 1],
    [['schedule', H_SHELL], 1],
    [['streak', '--habit', H_SHELL], 1],
    [['report', '--week', H_SHELL], 2],
    [['report', '--date', H_SHELL], 2],
    [['report', '--format', H_SHELL], 2],
    [['leet', 'log', 'two-sum', '--difficulty', H_SHELL], 2],
    [['leet', 'log', 'two-sum', '--minutes', H_SHELL], 2],
    [['leet', 'log', 'two-sum', '--result', H_SHELL], 2],
    [['leet', 'log', 'two-sum', '--date', H_SHELL], 2],
    [['leet', 'list', '--since', H_SHELL], 2],
    [['leet', H_SHELL], 2],
    [['config', 'set', H_SHELL, 'x'], 2],
    [['config', 'set', 'day-start', H_SHELL], 2],
    [['config', H_SHELL], 2],
    [[H_SHELL], 2], // an unknown command
    [['today', `--${H_SHELL}`], 2], // an unknown option
    [['start', 'evil', '--hours', H_SHELL], 2],
    [['schedule', '--weeks', H_SHELL], 2],
    [['export', '--format', 'ics', '--plan', H_SHELL], 1],
    [['completion', H_SHELL], 2],
  ];
  for (const [args, code] of FAILURE) {
    it(`study ${visible(args.join(' '))} fails cleanly`, async () => {
      const r = await run(args);
      expect(r.code, r.err).toBe(code);
      expectClean(visible(args.join(' ')), r);
      expect(r.err).toMatch(/^study: /);
    });
  }

  it('an impossible STUDY_NOW', async () => {
    const r = await run(['today'], { now: H_SHELL });
    expect(r.code).toBe(2);
    expectClean('STUDY_NOW', r);
  });

  it('a store path that is hostile is shown neutralised', async () => {
    const r = await cli(['today'], { db: join(dir, `not-a-store ${H_SHELL}`, 'x'), now: NOW });
    expectClean('--db', r);
    const file = join(dir, `plan ${H_SHELL.replaceAll('/', '|')}.db`);
    writeFileSync(file, 'not sqlite at all, just text that is long enough');
    const r2 = await cli(['today'], { db: file, now: NOW });
    expect(r2.code).toBe(1);
    expectClean('--db not ours', r2);
  });

  it('the ambiguity listing shows the candidates, neutralised, with their ids', async () => {
    const r = await run(['done', 'redis']);
    expect(r.err).toMatch(/^study: "redis" matches 3 items; say which:\n/);
    // complete escape sequences are removed (their text stays), lone controls shown as pictures
    expect(r.err).toContain('  redis-caching-31mred-0m-8-https  Redis caching red click bell␇ csi rlo�evil� lri�x� del␡ nul␀ bs␈ cr␍');
    expect(r.err).toContain('(evil-31m)');
  });

  it('validate names the hostile key and file, neutralised, at file:line:col', async () => {
    const r = await run(['validate', 'bad\u001b]8;;x\u0007.yaml']);
    const lines = r.err.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    // the file name's OSC sequence is removed whole
    for (const line of lines) expect(line).toMatch(/^study: bad\.yaml:\d+:\d+: /);
    expect(r.err).toContain('unknown key "colour red click bell␇ csi rlo�evil�');
  });
});

describe('Markdown output', () => {
  it('escapes what Markdown would interpret: no link, image, HTML, emphasis, code or extra cell', async () => {
    const r = await run(['report', '--format', 'markdown', '--week', '2026-W48']);
    expect(r.code, r.err).toBe(0);
    expectClean('markdown', r);
    expect(r.out).toContain('- [x] Task red click');
    expect(r.out).toContain('- [x] Second task \\[link\\](https\\://evil.example) \\<img');
    expect(r.out).toContain('### Plan red click');
    // linkify: GitHub turns bare URLs and e-mail addresses into links too
    const html = new MarkdownIt({ html: true, linkify: true }).render(r.out);
    expect(html).not.toMatch(/<a |<img|<b>|<em>|<strong>|<code>|<s>|<del>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // every table row keeps its two (or seven) cells: a | in a title is not a cell border
    for (const table of html.split('<table>').slice(1)) {
      const rows = table.split('</table>')[0]!.split('<tr>').slice(1);
      const widths = new Set(rows.map((row) => (row.match(/<t[dh]/g) ?? []).length));
      expect(widths.size, table).toBe(1);
    }
  });
});
