// study import, driven in-process like a user would: files in a temp folder, a temp store.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, tempDir } from '../support/cli.js';

const PLAN = [
  '# Go Plan',
  '',
  '## Week 1: Basics',
  '### Topics',
  '- Syntax',
  '- [x] Tooling',
  '### Tasks',
  '- [ ] Write FizzBuzz',
  '',
  '## Week 2-3: Concurrency',
  '- [ ] Goroutines',
  '- [ ] Channels',
  '',
].join('\n');

function setup(text = PLAN, name = 'go-plan.md'): { dir: string; db: string; md: string } {
  const dir = tempDir();
  const md = join(dir, name);
  writeFileSync(md, text);
  return { dir, db: join(dir, 'study.db'), md };
}

describe('study import', () => {
  it('prints roadmap YAML that study validate accepts, and says what it imported on stderr', async () => {
    const { dir, db } = setup();
    const r = await cli(['import', 'go-plan.md'], { db, cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '# Imported by study from go-plan.md',
        '',
        'id: go-plan',
        'title: Go Plan',
        'kind: weekly',
        '',
        'sections:',
        '  - id: w01',
        '    title: Basics',
        '    weeks: 1',
        '    topics:',
        '      - Syntax',
        '      - title: Tooling',
        '        done: true',
        '    tasks:',
        '      - Write FizzBuzz',
        '',
        '  - id: w02-03',
        '    title: Concurrency',
        '    weeks: 2-3',
        '    items:',
        '      - Goroutines',
        '      - Channels',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe('study: imported go-plan (weekly, 2 sections, 5 items) from go-plan.md; save it with --out go-plan.yaml, or load it with --load\n');
    writeFileSync(join(dir, 'go-plan.yaml'), r.out);
    const v = await cli(['validate', 'go-plan.yaml'], { db, cwd: dir });
    expect(v).toMatchObject({ code: 0, out: 'ok  go-plan.yaml  go-plan (weekly, 2 sections, 5 items)\n' });
  });

  it('--out writes the file, and never over an existing one unless --force', async () => {
    const { dir, db } = setup();
    const first = await cli(['import', 'go-plan.md', '--out', 'plan.yaml'], { db, cwd: dir });
    expect(first).toEqual({ code: 0, out: '', err: 'study: wrote plan.yaml: go-plan (weekly, 2 sections, 5 items)\n' });
    writeFileSync(join(dir, 'plan.yaml'), '# my edits\n');
    const again = await cli(['import', 'go-plan.md', '--out', 'plan.yaml'], { db, cwd: dir });
    expect(again).toEqual({ code: 1, out: '', err: 'study: plan.yaml already exists; overwrite it with --force\n' });
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('# my edits\n');
    const forced = await cli(['import', 'go-plan.md', '--out', 'plan.yaml', '--force'], { db, cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('title: Go Plan');
    const missing = await cli(['import', 'go-plan.md', '--out', 'nope/plan.yaml'], { db, cwd: dir });
    expect(missing).toEqual({ code: 1, out: '', err: 'study: nope/plan.yaml: folder nope does not exist\n' });
  });

  it('--load writes <id>.yaml next to you and loads it; re-importing an edited plan keeps progress', async () => {
    const { dir, db, md } = setup();
    const r = await cli(['import', 'go-plan.md', '--load'], { db, cwd: dir });
    expect(r).toEqual({ code: 0, out: 'go-plan  5 items  5 added\n', err: 'study: wrote go-plan.yaml: go-plan (weekly, 2 sections, 5 items)\n' });
    expect(existsSync(join(dir, 'go-plan.yaml'))).toBe(true);
    expect(await cli(['done', 'Goroutines'], { db, cwd: dir, now: '2026-11-23T09:30' })).toMatchObject({ code: 0 });

    // The learner renames week 2-3 and adds a task to it, then imports again.
    writeFileSync(md, PLAN.replace('Week 2-3: Concurrency', 'Weeks 2–3: Concurrency in practice').replace('- [ ] Channels', '- [ ] Channels\n- [ ] Worker pools'));
    const refused = await cli(['import', 'go-plan.md', '--load'], { db, cwd: dir });
    expect(refused).toEqual({ code: 1, out: '', err: 'study: go-plan.yaml already exists; choose another file with --out PATH, or overwrite it with --force\n' });
    const again = await cli(['import', 'go-plan.md', '--load', '--force'], { db, cwd: dir });
    expect(again.out).toBe('go-plan  6 items  1 added, 5 unchanged\n');
    const shown = await cliJson<{ sections: { title: string; items: { title: string; done: boolean }[] }[] }>(['show', 'go-plan'], { db, cwd: dir });
    expect(shown.sections[1]).toMatchObject({
      title: 'Concurrency in practice',
      items: [
        { title: 'Goroutines', done: true },
        { title: 'Channels', done: false },
        { title: 'Worker pools', done: false },
      ],
    });
  });

  it('--json: file, id, kind, counts and warnings (and the YAML when it was not written to a file)', async () => {
    const { dir, db } = setup(PLAN.replace('# Go Plan\n', '# Go Plan\n\n    indented by mistake\n'));
    const r = await cliJson<Record<string, unknown>>(['import', 'go-plan.md'], { db, cwd: dir });
    expect(r).toMatchObject({
      file: 'go-plan.md',
      id: 'go-plan',
      kind: 'weekly',
      sections: 2,
      items: 5,
      warnings: [{ line: 3, message: 'indented text was read as a code block and skipped; remove the indentation to import it' }],
    });
    expect(r.yaml).toContain('title: Go Plan');
    const loaded = await cliJson<Record<string, unknown>>(['import', 'go-plan.md', '--load', '--id', 'go'], { db, cwd: dir });
    expect(loaded).toMatchObject({ id: 'go', out: 'go.yaml', loaded: { id: 'go', items: 5, added: 5, updated: 0, unchanged: 0, archived: 0 } });
  });

  it('prints warnings as file:line, and --strict turns them into a failure that writes nothing', async () => {
    const { dir, db } = setup('# P\n\n## Week 1\n- [docs](docs/intro.md)\n- Priority: whenever\n');
    const r = await cli(['import', 'go-plan.md', '--out', 'p.yaml'], { db, cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      [
        'study: go-plan.md:4: warning: link "docs" points to "docs/intro.md", which is not a web address; kept its text only',
        'study: go-plan.md:5: warning: Priority: cannot read "whenever" as critical, high, medium or low; kept as a note',
        'study: wrote p.yaml: go-plan (weekly, 1 section, 1 item)',
        '',
      ].join('\n'),
    );
    const strict = await cli(['import', 'go-plan.md', '--out', 'strict.yaml', '--strict'], { db, cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.err.split('\n').slice(-2)).toEqual(['study: go-plan.md: 2 warnings with --strict; nothing written', '']);
    expect(existsSync(join(dir, 'strict.yaml'))).toBe(false);
  });

  it('--kind and --id override what is inferred; bad values are usage errors (exit 2)', async () => {
    const { dir, db } = setup();
    const r = await cliJson<{ id: string; kind: string }>(['import', 'go-plan.md', '--kind', 'checklist', '--id', 'golang'], { db, cwd: dir });
    expect(r).toMatchObject({ id: 'golang', kind: 'checklist' });
    expect(await cli(['import', 'go-plan.md', '--kind', 'daily'], { db, cwd: dir })).toEqual({
      code: 2,
      out: '',
      err: 'study: --kind: expected weekly, phased, checklist or tracks, got "daily"\n',
    });
    expect(await cli(['import', 'go-plan.md', '--id', 'Go Plan'], { db, cwd: dir })).toMatchObject({ code: 2, err: expect.stringContaining('study: --id: expected lowercase letters') });
  });

  it('friendly one-line errors: a missing file, a folder, a huge file, a file with no plan in it', async () => {
    const { dir, db } = setup();
    expect(await cli(['import', 'nope.md'], { db, cwd: dir })).toEqual({ code: 1, out: '', err: 'study: nope.md: no such file\n' });
    mkdirSync(join(dir, 'notes'));
    expect(await cli(['import', 'notes'], { db, cwd: dir })).toEqual({ code: 1, out: '', err: 'study: notes: is a folder; give the Markdown file to import\n' });
    writeFileSync(join(dir, 'big.md'), '- x\n'.repeat(300_000));
    expect(await cli(['import', 'big.md'], { db, cwd: dir })).toEqual({
      code: 1,
      out: '',
      err: 'study: big.md: file is 1,200,000 bytes, over the 1 MiB (1,048,576 bytes) limit for a plan\n',
    });
    writeFileSync(join(dir, 'prose.md'), '# Thoughts\n\nNothing to do here.\n');
    expect(await cli(['import', 'prose.md'], { db, cwd: dir })).toEqual({
      code: 1,
      out: '',
      err: 'study: prose.md: found no sections, lists or tables to import; a plan needs headings (## Week 1), lists or a table\n',
    });
    expect(existsSync(db)).toBe(false);
  });

  it('a file that is not UTF-8 is read as Windows-1252, with a warning', async () => {
    const { dir, db } = setup();
    writeFileSync(join(dir, 'latin.md'), Buffer.from('# Caf\xe9 Plan\n\n## Week 1\n- Cr\xe8me br\xfbl\xe9e\n', 'latin1'));
    const r = await cli(['import', 'latin.md'], { db, cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('title: Café Plan');
    expect(r.out).toContain('- Crème brûlée');
    expect(r.err).toContain('study: latin.md:1: warning: not valid UTF-8; read as Windows-1252 (save the file as UTF-8 to be sure)\n');
  });

  it('says when it repaired mis-decoded characters', async () => {
    const { dir, db } = setup('# P\n\n## \uf8ffüìÖ Week 1\n- Easy ‚Üí Medium\n');
    const r = await cli(['import', 'go-plan.md'], { db, cwd: dir });
    expect(r.out).toContain('- Easy → Medium');
    expect(r.err).toContain('study: go-plan.md: repaired 2 characters that had been saved as UTF-8 read as Mac Roman or Windows-1252');
  });

  it('reads the plan from stdin with -', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'study'), 'import', '-'], {
      input: PLAN,
      encoding: 'utf8',
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db') },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Imported by study from stdin\n');
    expect(r.stdout).toContain('id: go-plan\n');
    expect(r.stderr).toBe('study: imported go-plan (weekly, 2 sections, 5 items) from stdin; save it with --out go-plan.yaml, or load it with --load\n');
  });
});

describe('study import notices', () => {
  it('say on stderr what was skipped or decided, with its line; --json lists them', async () => {
    const dir = tempDir();
    const db = join(dir, 'study.db');
    writeFileSync(join(dir, 'plan.md'), '# P\n\n## Contents\n- [Week 1](#week-1)\n- [Week 2](#week-2)\n\n## Week 1\n- ✅ Polls\n- Votes\n\n## Week 2\n- b\n');
    const r = await cli(['import', 'plan.md', '--out', 'p.yaml'], { db, cwd: dir });
    expect(r.err).toBe(
      [
        'study: plan.md: note: 1 item taken as done: 1 marked ✅ in lists with open items or in a file with checkboxes',
        'study: plan.md:4: note: table of contents skipped (2 links to headings of this page)',
        'study: wrote p.yaml: plan (weekly, 2 sections, 3 items)',
        '',
      ].join('\n'),
    );
    const j = await cliJson<{ notices: unknown[]; warnings: unknown[] }>(['import', 'plan.md'], { db, cwd: dir });
    expect(j.notices).toEqual([
      { line: 0, message: '1 item taken as done: 1 marked ✅ in lists with open items or in a file with checkboxes' },
      { line: 4, message: 'table of contents skipped (2 links to headings of this page)' },
    ]);
    expect(j.warnings).toEqual([]);
  });
});
