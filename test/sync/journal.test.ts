import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendEvents, ensureLayout, journalFile, readJournals, writeRoadmapFile } from '../../src/sync/journal.js';
import { compareEvents } from '../../src/core/events.js';
import { serializeEvent } from '../../src/sync/schema.js';
import { ev, NOV, SAMPLES } from './samples.js';

const A = 'laptop-1a2b';
const B = 'desktop-9f9f';
const DEC = Date.UTC(2026, 11, 2, 10);
let repo: string;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'study-journal-'));
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const read = (files?: string[]) => readJournals(repo, { nowMs: DEC, ...(files ? { files } : {}) });
const fileOf = (device: string, month: string) => join(repo, 'journal', device, `${month}.jsonl`);

describe('journal files', () => {
  it('appends each event to its device and month, one JSON line each, and reads them back in total order', () => {
    const events = [ev('completion.done', A, NOV), ev('session.added', A, DEC), ev('setting.changed', B, NOV + 1)];
    expect(appendEvents(repo, events).sort()).toEqual(['journal/desktop-9f9f/2026-11.jsonl', 'journal/laptop-1a2b/2026-11.jsonl', 'journal/laptop-1a2b/2026-12.jsonl']);
    expect(readFileSync(fileOf(A, '2026-11'), 'utf8')).toBe(`${serializeEvent(events[0]!)}\n`);
    const r = read();
    expect(r).toEqual({ ok: true, events: [...events].sort(compareEvents), files: expect.any(Array) });
    expect(journalFile(A, events[1]!.ts)).toBe('journal/laptop-1a2b/2026-12.jsonl');
  });

  it('appends after what is there, and never twice the same event (a retry after a crash)', () => {
    const first = ev('completion.done', A, NOV);
    const second = ev('completion.undone', A, NOV + 10);
    appendEvents(repo, [first]);
    expect(appendEvents(repo, [first, second])).toEqual(['journal/laptop-1a2b/2026-11.jsonl']);
    expect(appendEvents(repo, [first, second])).toEqual([]);
    expect(readFileSync(fileOf(A, '2026-11'), 'utf8').split('\n')).toEqual([serializeEvent(first), serializeEvent(second), '']);
  });

  it('leaves no temporary file, removes one a killed run left, and completes a last line without newline', () => {
    const first = ev('completion.done', A, NOV);
    appendEvents(repo, [first]);
    const dir = join(repo, 'journal', A);
    writeFileSync(join(dir, '.study-tmp-deadbeef'), '{"half":');
    writeFileSync(fileOf(A, '2026-11'), serializeEvent(first)); // no newline at the end
    const second = ev('completion.done', A, NOV + 5);
    appendEvents(repo, [second]);
    expect(readdirSync(dir)).toEqual(['2026-11.jsonl']);
    expect(readFileSync(fileOf(A, '2026-11'), 'utf8')).toBe(`${serializeEvent(first)}\n${serializeEvent(second)}\n`);
    expect(read()).toMatchObject({ ok: true, events: [first, second] });
  });

  it('refuses a bad line with file:line and returns no event of that read', () => {
    appendEvents(repo, [ev('completion.done', A, NOV), ev('completion.done', B, NOV)]);
    appendFileSync(fileOf(B, '2026-11'), '{"v":1,"id":"nope"}\n');
    expect(read()).toEqual({
      ok: false,
      error: {
        file: 'journal/desktop-9f9f/2026-11.jsonl',
        line: 2,
        message: 'id: expected an event id: 32 lowercase hex digits (and 4 more problems)',
        text: 'journal/desktop-9f9f/2026-11.jsonl:2: id: expected an event id: 32 lowercase hex digits (and 4 more problems)',
      },
    });
  });

  it('refuses an event claiming another device, or filed in another month', () => {
    appendEvents(repo, [ev('completion.done', A, NOV)]);
    appendFileSync(fileOf(A, '2026-11'), `${serializeEvent(ev('completion.done', B, NOV))}\n`);
    expect(read()).toMatchObject({ ok: false, error: { text: 'journal/laptop-1a2b/2026-11.jsonl:2: device "desktop-9f9f" is not this journal\'s device "laptop-1a2b"' } });

    rmSync(join(repo, 'journal'), { recursive: true });
    mkdirSync(join(repo, 'journal', A), { recursive: true });
    writeFileSync(fileOf(A, '2026-10'), `${serializeEvent(ev('completion.done', A, NOV))}\n`);
    expect(read()).toMatchObject({ ok: false, error: { text: 'journal/laptop-1a2b/2026-10.jsonl:1: an event of 2026-11 in the file of 2026-10' } });
  });

  it('refuses one id with two contents, and reads an exact duplicate once', () => {
    const e = ev('completion.done', A, NOV);
    appendEvents(repo, [e]);
    appendFileSync(fileOf(A, '2026-11'), `${serializeEvent(e)}\n`);
    expect(read()).toMatchObject({ ok: true, events: [e] });
    const forged = { ...e, payload: { ...e.payload, day: '2026-11-22' } };
    appendFileSync(fileOf(A, '2026-11'), `${serializeEvent(forged)}\n`);
    expect(read()).toMatchObject({ ok: false, error: { text: `journal/laptop-1a2b/2026-11.jsonl:3: event ${e.id} is also at journal/laptop-1a2b/2026-11.jsonl:1 with other content` } });
  });

  it('refuses what is not a journal: a folder that is not a device, another file, a link, bytes that are not UTF-8', () => {
    mkdirSync(join(repo, 'journal', 'Not A Device'), { recursive: true });
    expect(read()).toMatchObject({ ok: false, error: { text: 'journal/Not A Device: not a device folder (expected lowercase letters, digits and hyphens)' } });
    rmSync(join(repo, 'journal'), { recursive: true });

    mkdirSync(join(repo, 'journal', A), { recursive: true });
    writeFileSync(join(repo, 'journal', A, 'notes.txt'), 'hi');
    expect(read()).toMatchObject({ ok: false, error: { text: 'journal/laptop-1a2b/notes.txt: not a journal file (expected YYYY-MM.jsonl)' } });
    rmSync(join(repo, 'journal', A, 'notes.txt'));

    symlinkSync('/etc/hostname', fileOf(A, '2026-11'));
    expect(read()).toMatchObject({ ok: false, error: { text: 'journal/laptop-1a2b/2026-11.jsonl: not a regular file' } });
    rmSync(fileOf(A, '2026-11'));

    writeFileSync(fileOf(A, '2026-11'), Buffer.concat([Buffer.from(`${serializeEvent(ev('completion.done', A, NOV))}\n`), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a])]));
    expect(read()).toMatchObject({ ok: false, error: { text: 'journal/laptop-1a2b/2026-11.jsonl:2: not valid UTF-8' } });
  });

  it('reads only the files it is given (what a merge changed), skipping deleted ones', () => {
    const a = ev('completion.done', A, NOV);
    const b = ev('completion.done', B, NOV);
    appendEvents(repo, [a, b]);
    appendFileSync(fileOf(A, '2026-11'), 'garbage\n');
    expect(read(['journal/desktop-9f9f/2026-11.jsonl', 'journal/desktop-9f9f/2026-12.jsonl', 'roadmaps/x.yaml', '.gitignore'])).toEqual({
      ok: true,
      events: [b],
      files: ['journal/desktop-9f9f/2026-11.jsonl'],
    });
    expect(read(['journal/laptop-1a2b/2026-11.jsonl'])).toMatchObject({ ok: false, error: { line: 2 } });
    expect(read(['journal/x/../../etc/passwd'])).toMatchObject({ ok: false, error: { line: null } });
  });

  it('refuses a line of a newer study with where it is and what to do', () => {
    mkdirSync(join(repo, 'journal', B), { recursive: true });
    writeFileSync(fileOf(B, '2026-11'), `${serializeEvent(ev('completion.done', B, NOV)).replace('"v":1', '"v":7')}\n`);
    expect(read()).toMatchObject({
      ok: false,
      error: { text: 'journal/desktop-9f9f/2026-11.jsonl:1: written by a newer study (journal format 7; this study reads up to 1): upgrade study on this machine' },
    });
  });

  it('reads an empty or missing journal as no events', () => {
    expect(read()).toEqual({ ok: true, events: [], files: [] });
    ensureLayout(repo);
    expect(read()).toEqual({ ok: true, events: [], files: [] });
  });
});

describe('repository layout', () => {
  it('writes roadmaps/ID.yaml and refuses an id that is not one', () => {
    expect(writeRoadmapFile(repo, 'sys-arch', SAMPLES['roadmap.loaded'].yaml)).toBe('roadmaps/sys-arch.yaml');
    expect(readFileSync(join(repo, 'roadmaps', 'sys-arch.yaml'), 'utf8')).toBe(SAMPLES['roadmap.loaded'].yaml);
    expect(() => writeRoadmapFile(repo, '../escape', 'x')).toThrow('not a roadmap id: "../escape"');
    expect(existsSync(join(repo, 'escape.yaml'))).toBe(false);
  });

  it('keeps temporary files out of git with a .gitignore, written once', () => {
    writeFileSync(join(repo, '.gitignore'), 'node_modules');
    ensureLayout(repo);
    ensureLayout(repo);
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe('node_modules\n.study-tmp-*\n');
    expect(existsSync(join(repo, 'journal'))).toBe(true);
    expect(existsSync(join(repo, 'roadmaps'))).toBe(true);
  });
});
