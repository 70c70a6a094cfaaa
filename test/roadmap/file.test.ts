import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoadmapText, readRoadmapFile, type Problem } from '../../src/roadmap/file.js';
import { allItems } from '../../src/core/normalize.js';
import { tempDir } from '../support/cli.js';

/** The problems of a file with this text, as `line:col: message` strings. */
function problemsOf(text: string | Buffer, name = 'x.yaml'): string[] {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, text);
  const r = readRoadmapFile(path, `roadmaps/${name}`);
  if (!('problems' in r)) return [];
  return r.problems.map((p: Problem) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
}

function roadmapOf(text: string, id = 'r') {
  const r = parseRoadmapText(text, 'r.yaml', id);
  if ('problems' in r) throw new Error(r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n'));
  return r.roadmap;
}

describe('roadmap files: bad input names file:line:column and what was expected', () => {
  it('a week range that ends before it starts', () => {
    expect(problemsOf('title: X\nkind: weekly\nsections:\n  - title: A\n    weeks: 4-2\n')).toEqual([
      'roadmaps/x.yaml:5:12: weeks: end 2 is before start 4',
    ]);
  });

  it('a wrong kind', () => {
    expect(problemsOf('title: X\nkind: weakly\nsections:\n  - title: A\n')).toEqual([
      'roadmaps/x.yaml:2:7: kind: expected one of weekly, phased, checklist, tracks, got "weakly"',
    ]);
  });

  it('a duplicate key', () => {
    expect(problemsOf('title: X\nkind: weekly\ntitle: Y\nsections:\n  - title: A\n')).toEqual([
      'roadmaps/x.yaml:3:1: duplicate key; each key may appear once in a mapping',
    ]);
  });

  it('tabs in indentation, one problem per line', () => {
    expect(problemsOf('title: X\nkind: weekly\nsections:\n\t- title: A\n\t  weeks: 1\n')).toEqual([
      'roadmaps/x.yaml:4:1: tab in indentation; indent with spaces',
      'roadmaps/x.yaml:5:1: tab in indentation; indent with spaces',
    ]);
  });

  it('unknown keys and bad values are all reported, in file order, at their own positions', () => {
    const text = [
      'title: X',
      'kind: weekly',
      'colour: red',
      'sections:',
      '  - title: A',
      '    tasks:',
      '      - title: t',
      '        efort: 3h',
      '      - 42',
      '      - title: u',
      '        effort: lots',
      '',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'roadmaps/x.yaml:3:1: unknown key "colour"; expected one of: id, title, kind, description, notes, sections, habits',
      'roadmaps/x.yaml:8:9: tasks[0]: unknown key "efort"; expected one of: id, title, done, effort, priority, difficulty, url, notes, items',
      'roadmaps/x.yaml:9:9: tasks[1]: expected an item: a title, or a mapping with title, got the number 42',
      'roadmaps/x.yaml:11:17: effort: expected short, medium, long, or hours/minutes like 3h, 90m, 30-60m',
    ]);
  });

  it('a missing required key points at the mapping that lacks it', () => {
    expect(problemsOf('kind: weekly\nsections:\n  - weeks: 1\n')).toEqual([
      'roadmaps/x.yaml:1:1: missing key "title"',
      'roadmaps/x.yaml:3:5: sections[0]: missing key "title"',
    ]);
  });

  it('an alias bomb is refused at its first alias, before it expands', () => {
    let s = 'title: X\nkind: weekly\nsections: [{title: A}]\nx0: &x0 [a, a, a, a, a, a, a, a, a]\n';
    for (let i = 1; i < 10; i++) s += `x${i}: &x${i} [${Array(9).fill(`*x${i - 1}`).join(', ')}]\n`;
    expect(problemsOf(s)).toEqual([
      'roadmaps/x.yaml:5:10: aliases expand too much (an alias bomb?); at most 100 expansions are allowed',
    ]);
  });

  it('deep nesting is refused', () => {
    const p = problemsOf(`title: X\nkind: weekly\nsections:\n  - title: A\n    tasks: ${'['.repeat(60)}${']'.repeat(60)}\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toBe('roadmaps/x.yaml:5:41: nested too deeply (at most 32 levels)');
  });

  it('a file over 1 MiB is refused before parsing, with its size and the limit', () => {
    const big = 'title: X\nkind: weekly\nsections: [{title: A}]\n#' + 'x'.repeat(1024 * 1024) + '\n';
    expect(problemsOf(big)).toEqual([
      'roadmaps/x.yaml:1:1: file is 1,048,623 bytes, over the 1 MiB (1,048,576 bytes) limit for a roadmap',
    ]);
  });

  it('bytes that are not UTF-8, at the line and column of the first bad byte', () => {
    expect(problemsOf(Buffer.from([...Buffer.from('title: ok\nkind: x'), 0xff, 0x0a]))).toEqual([
      'roadmaps/x.yaml:2:8: not valid UTF-8 text; save the file as UTF-8',
    ]);
  });

  it('an empty file, and a file that is not a mapping', () => {
    expect(problemsOf('')).toEqual(['roadmaps/x.yaml:1:1: empty file; expected a roadmap mapping with title, kind and sections']);
    expect(problemsOf('# only a comment\n')).toEqual([
      'roadmaps/x.yaml:1:1: empty file; expected a roadmap mapping with title, kind and sections',
    ]);
    expect(problemsOf('- a\n- b\n')).toEqual(['roadmaps/x.yaml:1:1: expected a roadmap mapping with title, kind and sections, got a list']);
  });

  it('no sections, and an explicit id used twice', () => {
    expect(problemsOf('title: X\nkind: weekly\nsections: []\n')).toEqual(['roadmaps/x.yaml:3:11: sections: expected at least one section']);
    expect(problemsOf('title: X\nkind: checklist\nsections:\n  - title: A\n    items:\n      - {title: a, id: x}\n      - {title: b, id: x}\n')).toEqual([
      'roadmaps/x.yaml:7:24: id: id "x" is used twice here; ids must be unique',
    ]);
  });

  it('a roadmap whose file name gives no id must say one', () => {
    expect(problemsOf('title: X\nkind: weekly\nsections: [{title: A}]\n', 'রোডম্যাপ.yaml')).toEqual([
      'roadmaps/রোডম্যাপ.yaml:1:1: cannot make a roadmap id from the file name; add `id: my-roadmap`',
    ]);
  });
});

describe('YAML that would run away or hide what is wrong (issue 13, item 10)', () => {
  it('a recursive alias (an alias inside the node it names) says so, at the alias', () => {
    expect(problemsOf('title: T\nkind: checklist\nsections: &s\n  - title: S\n    items: *s\n')).toEqual([
      'roadmaps/x.yaml:5:12: alias *s is inside the node it names (&s): it would repeat forever',
    ]);
    expect(problemsOf('title: T\nkind: checklist\nsections:\n  - &m {title: S, items: [*m]}\n')).toEqual([
      'roadmaps/x.yaml:4:27: alias *m is inside the node it names (&m): it would repeat forever',
    ]);
  });

  it('an alias with no anchor is undefined, not a bomb', () => {
    expect(problemsOf('title: T\nkind: checklist\nsections: *nope\n')).toEqual(['roadmaps/x.yaml:3:11: alias *nope has no anchor &nope before it']);
    // an anchor defined after its alias does not count (YAML reads in order)
    expect(problemsOf('title: T\nkind: checklist\nsections: [{title: S, items: [*a]}]\nnotes: &a [x]\n')).toEqual([
      'roadmaps/x.yaml:3:31: alias *a has no anchor &a before it',
    ]);
  });

  it('400 and 5,000 levels of nesting, in flow and block style: nested too deeply, at a position', () => {
    for (const depth of [400, 5000]) {
      const flow = problemsOf(`title: T\nkind: checklist\nsections:\n  - title: S\n    items: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
      expect(flow, `flow ${depth}`).toHaveLength(1);
      expect(flow[0]).toMatch(/^roadmaps\/x\.yaml:\d+:\d+: nested too deeply \(at most 32 levels\)$/);
    }
    let block = 'title: T\nkind: checklist\nsections:\n  - title: S\n    items:\n';
    for (let i = 0, ind = '      '; i < 420; i++, ind += '    ') block += `${ind}- title: x\n${ind}  items:\n`;
    const p = problemsOf(block);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^roadmaps\/x\.yaml:\d+:\d+: nested too deeply \(at most 32 levels\)$/);
  });

  it('every: 0 per week and 8 per week are refused (1 to 7)', () => {
    const habits = (every: string) => `title: T\nkind: checklist\nsections: [{title: S, items: [a]}]\nhabits:\n  - title: H\n    every: ${every}\n`;
    for (const every of ['0 per week', '8 per week', '9/week', '10 per week']) {
      expect(problemsOf(habits(every)), every).toEqual(['roadmaps/x.yaml:6:12: every: expected day or "N per week" (N from 1 to 7)']);
    }
    for (const every of ['1 per week', '7 per week', '3x per week', 'day']) expect(problemsOf(habits(every)), every).toEqual([]);
  });

  it('a file that is not a roadmap at all (/etc/shadow given by mistake) is said so, quoting none of it', () => {
    const secret = (user: string) => `${user}:$6$Zp8yQ2mQ$h8vVd1Sxk1sJr2O0Zr7n6u9W3m0PqL8yX5cT2bN4aE7fG1hK3jL5nM7pR9tV:20228:0:99999:7:::\n`;
    const p = problemsOf(['root', 'daemon', 'bin', 'sys', 'me', 'me'].map(secret).join(''));
    expect(p).toEqual(['roadmaps/x.yaml:1:1: not a roadmap: none of title, kind and sections is at the top level']);
    const scalar = problemsOf('$6$Zp8yQ2mQ$h8vVd1Sxk1sJr2O0Zr7n6u9W3m0PqL8yX5cT2bN4aE7fG1hK3jL5nM7pR9tV\n');
    expect(scalar).toEqual(['roadmaps/x.yaml:1:1: expected a roadmap mapping with title, kind and sections, got text']);
  });

  it('values and keys are quoted at most 40 columns, neutralised', () => {
    const long = 'k'.repeat(500);
    const p = problemsOf(`title: T\nkind: ${long}\nsections: [{title: S}]\n${'\u001b[31m' + long}: 1\n`);
    for (const line of p) expect(line.length, line).toBeLessThan(200);
    expect(p.join('\n')).not.toContain('\u001b');
    expect(p[0]).toContain(`got "${'k'.repeat(39)}…"`);
  });
});

describe('roadmap model', () => {
  it('ids: explicit, slugs of titles, -2 for repeats, kind-n for titles with no Latin letters, nested paths', () => {
    const r = roadmapOf(
      [
        'title: Plan',
        'kind: checklist',
        'sections:',
        '  - title: Déjà Vu & Co.',
        '    items:',
        '      - Docker',
        '      - Docker',
        '      - title: ডকার শেখা',
        '      - id: k8s',
        '        title: Kubernetes',
        '        items: [Pods, Services]',
        '  - title: Other',
        '    weeks: 2',
        '    topics: [Docker]',
      ].join('\n'),
      'plan',
    );
    expect([...allItems(r)].map(({ item }) => item.id)).toEqual([
      'plan/deja-vu-co/docker',
      'plan/deja-vu-co/docker-2',
      'plan/deja-vu-co/item-3',
      'plan/deja-vu-co/k8s',
      'plan/deja-vu-co/k8s/pods',
      'plan/deja-vu-co/k8s/services',
      'plan/other/docker',
    ]);
    expect(r.sections[1]!.weeks).toEqual([2, 2]);
  });

  it('keeps text as written (Bengali, emoji) and reads attributes', () => {
    const r = roadmapOf(
      [
        'id: bn',
        'title: "ব্যাকএন্ড 🚀 রোডম্যাপ"',
        'kind: phased',
        'sections:',
        '  - id: phase-1',
        '    title: Phase 1',
        '    duration: 2-4 weeks',
        '    description: যারা Django, Node.js দিয়ে CRUD বানাতে পারে',
        '    tasks:',
        '      - title: Build 👩‍💻 a thing',
        '        effort: 90m',
        '        priority: low-medium',
        '        done: true',
        '    resources:',
        '      - title: DDIA',
        '        url: https://dataintensive.net/',
        'habits:',
        '  - id: leetcode',
        '    title: LeetCode (1 problem/day)',
        '    every: day',
        '    minutes: 30-60',
      ].join('\n'),
    );
    expect(r.title).toBe('ব্যাকএন্ড 🚀 রোডম্যাপ');
    expect(r.sections[0]!.duration).toEqual({ kind: 'weeks', min: 2, max: 4, text: '2-4 weeks' });
    expect(r.sections[0]!.description).toBe('যারা Django, Node.js দিয়ে CRUD বানাতে পারে');
    const [task, resource] = r.sections[0]!.items;
    expect(task).toMatchObject({ id: 'bn/phase-1/build-a-thing', title: 'Build 👩‍💻 a thing', effortHours: 1.5, priority: 'low-medium', doneInFile: true, kind: 'task' });
    expect(resource).toMatchObject({ kind: 'resource', url: 'https://dataintensive.net/' });
    expect(r.habits).toEqual([
      { id: 'leetcode', title: 'LeetCode (1 problem/day)', every: 'day', perWeek: 7, minutes: '30-60', priority: null, difficulty: null, effort: null, notes: [] },
    ]);
  });

  it('durations in days, weeks and months become weeks; ongoing stays open-ended', () => {
    const r = roadmapOf(
      'title: P\nkind: phased\nsections:\n' +
        ['10 days', '~3 weeks', '2 months', 'ongoing', '1-2 months'].map((d, i) => `  - title: S${i}\n    duration: ${d}\n`).join(''),
    );
    expect(r.sections.map((s) => s.duration)).toEqual([
      { kind: 'weeks', min: 2, max: 2, text: '10 days' },
      { kind: 'weeks', min: 3, max: 3, text: '~3 weeks' },
      { kind: 'weeks', min: 8, max: 8, text: '2 months' },
      { kind: 'ongoing', text: 'ongoing' },
      { kind: 'weeks', min: 4, max: 8, text: '1-2 months' },
    ]);
  });
});
