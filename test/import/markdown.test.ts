// The Markdown importer, construct by construct, on small fixtures in
// test/fixtures/import/. Each import goes through the real pipeline (Markdown -> YAML ->
// the roadmap validator) and is compared as an outline: sections with their weeks or
// durations, items with their group, done mark, attributes and link.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMarkdown, NothingToImportError } from '../../src/import/index.js';
import { FIXTURES, importFixture, importText, outline } from './import-helpers.js';

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

describe('headings: sections at any level, ATX or setext, the first H1 as the title', () => {
  it('setext headings (=== and ---) are a title and sections', () => {
    expect(outline(importFixture('setext.md').roadmap)).toBe(
      [
        '# Networking Basics [checklist]',
        '## Layers',
        '  item: OSI model',
        '  item: TCP vs UDP',
        '## Tools',
        '  resource ✓: tcpdump',
        '  resource: Wireshark',
      ].join('\n'),
    );
  });

  it('messy heading levels: a deep week heading, a shallower one, labels at any level, a later H1', () => {
    const r = importFixture('messy.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# Messy Plan [weekly]',
        '## Deep heading for a section {weeks 1-1}',
        '  topic: Arrays',
        '## Shallower heading {weeks 2-2}',
        '  topic: Hash maps',
        '  topic: Sets',
        '  task: Build a LRU cache',
        '  task: Two-sum',
        '## Extras',
        '  resource: "Designing Data-Intensive Applications"',
      ].join('\n'),
    );
    expect(r.roadmap.description).toBe('Intro paragraph.');
    expect(r.roadmap.sections[2]!.notes).toEqual(['Keep a log.']);
  });

  it('a document that opens with a repository name over the plan name takes the plan name as title', () => {
    const r = importText('# my-notes\nmy notes for the holy roadmap\n\n# Backend Roadmap ✅\n\n## Docker\n- [x] Dockerfiles\n');
    expect(r.roadmap.title).toBe('Backend Roadmap');
    expect(r.roadmap.description).toBe('my-notes\n\nmy notes for the holy roadmap');
  });

  it('level-1 headings used as sections: the first is the title, the others are sections', () => {
    const r = importText('# Plan\n\n# Backend\n## Django\n- models\n\n# Frontend\n- React\n');
    expect(outline(r.roadmap)).toBe(['# Plan [checklist]', '## Backend', '  item: Django', '    item: models', '## Frontend', '  item: React'].join('\n'));
  });

  it('no title heading: the file name, with a warning', () => {
    const r = importText('## Week 1\n- a\n', { fileName: 'go_plan-2024.md' });
    expect(r.roadmap.title).toBe('Go plan 2024');
    expect(r.warnings).toEqual(['1: no title (a "# Title" heading) found; used "Go plan 2024": edit title: in the YAML']);
  });

  it('YAML front matter is not part of the plan; its title is used when there is no heading', () => {
    const r = importText('---\ntitle: "Obsidian Plan"\ntags: [study]\n---\n\n## Week 1\n- [docs](x.md)\n');
    expect(r.roadmap.title).toBe('Obsidian Plan');
    expect(r.roadmap.sections.map((s) => s.title)).toEqual(['Week 1']);
    expect(r.warnings).toEqual(['7: link "docs" points to "x.md", which is not a web address; kept its text only']);
  });

  it('a note above every section, even in a block quote, describes the plan', () => {
    const r = importText('# P\n\n> **Note:** this plan assumes 10 hours a week.\n\n## Stage 1 – Basics (2–3 weeks)\n**Goals**\n- Latency numbers\n');
    expect(r.roadmap.description).toBe('Note: this plan assumes 10 hours a week.');
    expect(outline(r.roadmap)).toBe(['# P [phased]', '## Stage 1 – Basics {duration 2-3 weeks}', '  topic: Latency numbers'].join('\n'));
  });

  it('an HTML <h1> opening a README is its title', () => {
    expect(importText('<h1 align="center">DevOps &amp; SRE</h1>\n\n## Week 1\n- Linux\n').roadmap.title).toBe('DevOps & SRE');
  });
});

describe('weeks', () => {
  it('"Week 3", "Weeks 2–3", "Week 4 to 5", "Week 6 - 7", bold and plain lines; "After week 10" is not a week', () => {
    expect(outline(importFixture('weeks.md').roadmap)).toBe(
      [
        '# Go in Twelve Weeks [weekly]',
        '## Syntax and tooling {weeks 1-1}',
        '  item: Install Go and set up `gopls`',
        '  item: Tour of Go',
        '## Types and interfaces {weeks 2-3}',
        '  item: Structs, methods, embedding',
        '## Concurrency {weeks 4-5}',
        '  item: Goroutines and channels',
        '## Weeks 6-7 {weeks 6-7}',
        '  item: Build a CLI with cobra',
        '## Testing {weeks 8-8}',
        '  item: Table-driven tests',
        '## Web services {weeks 9-10}',
        '  item: net/http',
        '  item: A JSON API',
        '## After week 10: keep going',
        '  item: Read "Concurrency in Go"',
        '## Review {weeks 11-11}',
        '  item: Re-read the notes',
        '## Capstone {weeks 12-12}',
        '  item: Ship something',
      ].join('\n'),
    );
  });

  it('week sections get ids from their weeks, so renaming a week keeps its progress', () => {
    const before = importText('# P\n## Week 1-2: Basics\n- Loops\n## Week 3\n- Maps\n').roadmap;
    const after = importText('# P\n## Weeks 1–2: The basics, properly\n- Loops\n- Functions\n## Week 3: Collections\n- Maps\n').roadmap;
    const ids = (r: typeof before): string[] => r.sections.flatMap((s) => s.items.map((i) => i.id.split('/').slice(1).join('/')));
    expect(ids(before)).toEqual(['w01-02/loops', 'w03/maps']);
    expect(ids(after)).toEqual(['w01-02/loops', 'w01-02/functions', 'w03/maps']);
  });

  it('a table whose first column is Week: one section per row, cells split at <br> and semicolons, ✅ rows done', () => {
    const r = importFixture('week-table.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# Rust Schedule [weekly]',
        '## Ownership & borrowing {weeks 1-1}',
        '  task ✓: Read ch. 4',
        '  task ✓: Do rustlings move_semantics',
        '  resource ✓: The Book <https://doc.rust-lang.org/book/>',
        '## Traits, generics {weeks 2-3}',
        '  task: Write a generic stack',
        '  task: implement Display',
        '  resource: doc.rust-lang.org/rust-by-example/ <https://doc.rust-lang.org/rust-by-example/>',
        '## Async {weeks 4-5}',
        '  task: Build a tiny HTTP server',
        '  resource: Tokio tutorial <https://tokio.rs/tokio/tutorial>',
        '## Contribute upstream',
        '  task: Pick a good first issue',
      ].join('\n'),
    );
    expect(r.warnings).toEqual(['8: "After week 10" is not a week number; the row was imported as a section without weeks']);
  });

  it('"Month 1" over "Week 1" and "Week 2" only groups them; a reversed range is read forwards with a warning', () => {
    const r = importText('# P\n## Month 1\n### Week 1\n- a\n### Week 2\n- b\n## Month 2: Go\n- c\n## Week 10-9\n- d\n');
    expect(outline(r.roadmap)).toBe(
      ['# P [weekly]', '## Week 1 {weeks 1-1}', '  item: a', '## Week 2 {weeks 2-2}', '  item: b', '## Month 2: Go {weeks 5-8}', '  item: c', '## Weeks 9-10 {weeks 9-10}', '  item: d'].join('\n'),
    );
    expect(r.warnings).toEqual(['9: weeks 10-9 end before they start; read as 9-10']);
  });

  it('weeks as the items of a list: "- **Week 3:** Compose" with the week\'s items under it', () => {
    const r = importText('# P\n## Schedule\n- **Week 1:** Kotlin\n  - Koans\n- Week 2 - Compose\n  - Topics:\n    - State\n  - [ ] Build a screen\n');
    expect(outline(r.roadmap)).toBe(['# P [weekly]', '## Kotlin {weeks 1-1}', '  item: Koans', '## Compose {weeks 2-2}', '  topic: State', '  item: Build a screen'].join('\n'));
  });

  it('sub-headings of a week are items of that week, with their prose as notes', () => {
    const r = importText('# P\n## Week 1\n### Monday\nGo slowly.\n- Chapter 1\n### Tuesday\n- Kata\n');
    expect(outline(r.roadmap)).toBe(['# P [weekly]', '## Week 1 {weeks 1-1}', '  item: Monday (Go slowly.)', '    item: Chapter 1', '  item: Tuesday', '    item: Kata'].join('\n'));
  });

  it('a prose line starting with "Week 3" is not a week', () => {
    const r = importText('# P\n## Week 1\nWeek 3 will be harder than this one.\n- a\n');
    expect(r.roadmap.sections).toHaveLength(1);
    expect(r.roadmap.sections[0]!.description).toBe('Week 3 will be harder than this one.');
  });
});

describe('phases and durations', () => {
  it('"(4–6 weeks)", "Duration: 10 days", "~3 weeks", months, weeks in parentheses, ongoing; an unreadable one warns', () => {
    const r = importFixture('phases.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# Data Engineering Path [phased]',
        '## Phase 1: SQL foundations {duration 4-6 weeks}',
        '  item: Joins, window functions',
        '## Phase 2 - Python for data {duration 10 days}',
        '  item: pandas basics',
        '## Phase 3: Pipelines {duration ~3 weeks}',
        '  item: Airflow DAGs',
        '## Phase 4: Warehousing {duration 2 months}',
        '  item: dbt models',
        '## Phase 5: Streaming {weeks 20-24}',
        '  item: Kafka basics',
        '## Phase 6: Keep learning {duration ongoing}',
        '  item: Read one paper a month',
        '## Phase 7: Interviews',
        '  item: Mock interviews',
      ].join('\n'),
    );
    const weeks = r.roadmap.sections.map((s) => (s.duration?.kind === 'weeks' ? [s.duration.min, s.duration.max] : s.duration?.kind ?? null));
    expect(weeks).toEqual([[4, 6], [2, 2], [3, 3], [8, 8], null, 'ongoing', null]);
    expect(r.roadmap.sections[6]!.notes).toEqual(['Duration: a while']);
    expect(r.warnings).toEqual(['24: Duration: cannot read "a while" as a duration like 3 weeks, 2-4 weeks, 10 days, 2 months, or ongoing; kept as a note']);
  });

  it('"Phase 1 Resources" and "Phase 1 Success Criteria" elsewhere in the file add to Phase 1; a timeline with one entry per phase gives the weeks', () => {
    const md = [
      '# P',
      '## Phase 1: Basics',
      '**Duration**: 2 weeks',
      '- Syntax',
      '## Phase 2: More (3 weeks)',
      '- Types',
      '## Timeline',
      '### Week 1-2: Warm-up',
      '- Read the book',
      '### Week 3-5: Build',
      '- Ship it',
      '## Links',
      '### Phase 2 Resources',
      '- [Docs](https://example.com/docs)',
      '### Phase 1 Success Criteria',
      '- [ ] Can write a loop',
    ].join('\n');
    expect(outline(importText(md).roadmap)).toBe(
      [
        '# P [phased]',
        '## Phase 1: Basics {weeks 1-2, duration 2 weeks}',
        '  milestone: Warm-up',
        '    milestone: Read the book',
        '  item: Syntax',
        '  criterion: Can write a loop',
        '## Phase 2: More {weeks 3-5, duration 3 weeks}',
        '  milestone: Build',
        '    milestone: Ship it',
        '  item: Types',
        '  resource: Docs <https://example.com/docs>',
      ].join('\n'),
    );
  });
});

describe('labelled groups', () => {
  it('"Topics", "Tasks", "Implementation tasks", "Resources", "Success criteria": with emoji, bold, colon, as headings or lines', () => {
    const r = importFixture('labels.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# Backend Sprint [weekly]',
        '## HTTP {weeks 1-1}',
        '  topic: Status codes',
        '  topic: Caching headers',
        '  task: Write a tiny server',
        '  task ✓: Read RFC 9110 sections 1-3',
        '  task ✓: Add ETag support',
        '  resource: MDN HTTP <https://developer.mozilla.org/en-US/docs/Web/HTTP>',
        '  resource: httpwg.org/specs/rfc9110.html <https://httpwg.org/specs/rfc9110.html>',
        '  resource: Guides: one, two',
        '    resource: one <https://example.com/one>',
        '    resource: two <https://example.com/two>',
        '  resource: Local notes',
        '  criterion: Server passes the conformance checks',
      ].join('\n'),
    );
    expect(r.roadmap.sections[0]!.notes).toEqual(['Take it slow.']);
    expect(r.warnings).toEqual(['19: link "Local notes" points to "notes/http.md", which is not a web address; kept its text only']);
  });

  it('a plan written as indented plain text (no Markdown at all) is read as an outline', () => {
    expect(outline(importFixture('outline.md').roadmap)).toBe(
      [
        '# Self-Taught Plan [weekly]',
        '## Foundations {weeks 1-2}',
        '  topic: Variables, loops',
        '  topic: Functions',
        '    topic: Closures',
        '  task: Write FizzBuzz',
        '  resource: developer.mozilla.org/en-US/docs/Learn <https://developer.mozilla.org/en-US/docs/Learn>',
        '## Projects {weeks 3-3}',
        '  task: Build a to-do app',
        '## Later (someday)',
        '  item: Rust',
        '  item: Zig',
      ].join('\n'),
    );
  });

  it('"Notes" and "Tips" sections of the whole plan become the roadmap\'s notes, not checkable items', () => {
    const r = importText('# P\n## Week 1\n- a\n## 💡 Tips for Success\n1. **Start small**: one thing at a time\n2. Sleep\n## 📌 Notes\n- Be kind to yourself\n');
    expect(r.roadmap.sections.map((s) => s.title)).toEqual(['Week 1']);
    expect(r.roadmap.notes).toEqual(['Start small: one thing at a time', 'Sleep', 'Be kind to yourself']);
  });
});

describe('checklists: done per item, nested at any depth and indent width', () => {
  it('2-space indents, [x] and [X], a checked parent over open children, *, + and - bullets', () => {
    expect(outline(importFixture('deep-2.md').roadmap)).toBe(
      [
        '# Checklist Two [checklist]',
        '## Linux',
        '  item ✓: Shell',
        '    item ✓: Pipes',
        '    item: Job control',
        '      item: fg/bg',
        '        item ✓: nohup',
        '          item: disown',
        '  item: Networking',
        '    item ✓: ip addr',
        '  item: Star bullets',
        '    item ✓: plus bullets',
      ].join('\n'),
    );
  });

  it('4-space indents and numbered lists', () => {
    expect(outline(importFixture('deep-4.md').roadmap)).toBe(
      [
        '# Checklist Four [checklist]',
        '## Databases',
        '  item: Postgres',
        '    item ✓: Install',
        '    item: Tune',
        '      item ✓: shared_buffers',
        '        item: work_mem',
        '          item ✓: per-node memory',
        '  item ✓: SQLite',
        '    item: WAL mode',
      ].join('\n'),
    );
  });

  it('tabs in indentation', () => {
    expect(outline(importFixture('tabs.md').roadmap)).toBe(
      ['# Tabbed Plan [weekly]', '## Week 1 {weeks 1-1}', '  item: Parent', '    item ✓: Child with a tab', '      item: Grandchild with two tabs', '    item: Second child'].join('\n'),
    );
  });

  it('✅ before an item marks it done, and is not part of its title', () => {
    expect(outline(importText('# P\n## Features\n- ✅ Polls\n- ✔️ Votes\n- Results\n').roadmap)).toBe(
      ['# P [checklist]', '## Features', '  item ✓: Polls', '  item ✓: Votes', '  item: Results'].join('\n'),
    );
  });

  it('lists nested deeper than 12 levels are attached at level 12, with a warning', () => {
    const md = '# P\n## S\n' + Array.from({ length: 15 }, (_, i) => `${'  '.repeat(i)}- L${i + 1}`).join('\n') + '\n';
    const r = importText(md);
    let depth = 0;
    for (let it = r.roadmap.sections[0]!.items[0]; it; it = it.children[0]) depth++;
    expect(depth).toBe(13);
    expect(r.warnings).toEqual(['15: list nested deeper than 12 levels; the deeper items were attached to the item above']);
  });
});

describe('limits', () => {
  it('lists nested past what the Markdown reader follows are reported, not lost quietly', () => {
    const md = '# P\n## S\n' + Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- L${i + 1}`).join('\n') + '\n';
    expect(importText(md).warnings).toEqual([
      '15: list nested deeper than 12 levels; the deeper items were attached to the item above',
      '52: lists nested too deeply to read from here on; the rest of this list (and what follows it) was not imported',
    ]);
  });
});

describe('tags: priority, difficulty, time cost', () => {
  it('in their common spellings, as item and section attributes; a daily section also declares habits', () => {
    const r = importFixture('tracks.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# Skill Tracks [tracks]',
        '## Daily practice',
        '  item: LeetCode (1 problem/day) {priority high, difficulty medium, effort short}',
        '  item: Flashcards (3x/week) {effort 20m}',
        '## Backend',
        '  item: PostgreSQL {priority high, difficulty easy-medium, effort 2-3h} (Focus: indexes, EXPLAIN)',
        '  item: Kafka {priority high, difficulty hard, effort 90m}',
        '  item: Kubernetes {difficulty hard, effort 10h} (Priority: Sometime maybe | Scope:)',
        '    item: Pods',
        '    item: Services',
        '## Frontend {priority low, difficulty easy}',
        '  item: React basics',
        '  item: CSS grid',
      ].join('\n'),
    );
    expect(r.roadmap.habits.map((h) => ({ id: h.id, title: h.title, every: h.every, perWeek: h.perWeek, minutes: h.minutes }))).toEqual([
      { id: 'leetcode', title: 'LeetCode (1 problem/day)', every: 'day', perWeek: 7, minutes: '30-60' },
      { id: 'flashcards', title: 'Flashcards (3x/week)', every: '3 per week', perWeek: 3, minutes: '20' },
    ]);
    expect(r.warnings).toEqual(['27: Priority: cannot read "Sometime maybe" as critical, high, medium or low; kept as a note']);
  });

  it('a bold line under a heading, before its tags, completes the heading', () => {
    const r = importText('# P\n## Output\n### Capstone\n**A URL shortener**\n- Priority: Critical\n- Time Cost: Long\n');
    expect(outline(r.roadmap)).toBe(['# P [tracks]', '## Output', '  item: Capstone: A URL shortener {priority critical, effort long}'].join('\n'));
  });
});

describe('text: encodings, line endings and scripts', () => {
  it('a UTF-8 BOM and CRLF line endings change nothing, line numbers included', () => {
    const crlf = fixture('crlf-bom.md');
    const lf = crlf.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const made = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    expect(outline(importText(crlf).roadmap)).toBe(outline(importText(lf).roadmap));
    expect(outline(importText(made).roadmap)).toBe(
      ['# Windows Plan [weekly]', '## Basics {weeks 1-1}', '  item ✓: Install tools', '  item: Hello world', '    item: Nested on CRLF', '## More {weeks 2-2}', '  item: Read the docs'].join('\n'),
    );
    expect(importText(made + '- [x](notes.md)\r\n').warnings).toEqual(['11: link "x" points to "notes.md", which is not a web address; kept its text only']);
  });

  it('Bengali, Devanagari, Japanese, emoji with ZWJ sequences and flags are kept exactly', () => {
    const r = importFixture('scripts.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# বাংলায় ব্যাকএন্ড শেখা 🇧🇩 [weekly]',
        '## ডেটাবেস {weeks 1-1}',
        '  item: PostgreSQL ইনস্টল করো',
        '  item ✓: ইনডেক্স কী বুঝো',
        '  item: 👩‍💻 pair programming with 👨‍👩‍👧 family time',
        '  item: 日本語のドキュメントを読む',
        '  item: हिंदी में नोट्स लिखो',
        '  item: Ship it 🚀🇺🇸🏳️‍🌈',
        '## সারাংশ {weeks 2-2}',
        '  item: সব কিছু আবার দেখো',
        '  item: সব কিছু আবার দেখো',
      ].join('\n'),
    );
  });

  it('titles with no Latin letters get ids from their words, so reordering keeps their progress', () => {
    const a = importText('# P\n## Week 1\n- ইনডেক্স কী বুঝো\n- ডেটাবেস\n').roadmap.sections[0]!.items;
    const b = importText('# P\n## Week 1\n- ডেটাবেস\n- নতুন\n- ইনডেক্স কী বুঝো\n').roadmap.sections[0]!.items;
    const idOf = (items: typeof a, title: string): string => items.find((i) => i.title === title)!.id;
    expect(idOf(b, 'ইনডেক্স কী বুঝো')).toBe(idOf(a, 'ইনডেক্স কী বুঝো'));
    expect(idOf(b, 'ডেটাবেস')).toBe(idOf(a, 'ডেটাবেস'));
    expect(idOf(a, 'ডেটাবেস')).toMatch(/^p\/w01\/item-[0-9a-f]{6}$/);
  });

  it('UTF-8 misread as Mac Roman (üìÖ for 📅) or Windows-1252 (ðŸ§  for 🧠) is repaired; real accents are not touched', () => {
    const r = importFixture('mojibake.md');
    expect(outline(r.roadmap)).toBe(
      [
        '# Mojibake Plan [weekly]',
        '## Basics {weeks 1-1} {difficulty easy-medium}',
        '  item: Read “The Go Programming Language” 🚀',
        '## Café {weeks 2-2} {priority high}',
        '  item: Naïve Bayes is fine as it is',
        '## Untouched {weeks 3-3}',
        '  item: café, naïve, Ä, façade',
      ].join('\n'),
    );
    expect(r.repaired).toBe(11);
  });
});

describe('what is not part of a plan', () => {
  it('fenced code, HTML comments and blocks are ignored; indented code warns; bare URLs are resources', () => {
    const r = importFixture('ignored.md');
    expect(outline(r.roadmap)).toBe(
      ['# Plan With Noise [weekly]', '## Setup {weeks 1-1}', '  item: Install Go', '  resource: go.dev/tour/ <https://go.dev/tour/>', '## Next {weeks 2-2}', '  item: Real item'].join('\n'),
    );
    expect(r.roadmap.sections[0]!.description).toBe('Check https://go.dev/doc/install first.');
    expect(r.warnings).toEqual(['20: indented text was read as a code block and skipped; remove the indentation to import it']);
  });

  it('a table of contents (links to headings of the page) is skipped quietly', () => {
    const r = importText('# P\n## Contents\n- [Week 1](#week-1)\n- [Week 2](#week-2)\n## Week 1\n- a\n## Week 2\n- b\n');
    expect(r.roadmap.sections.map((s) => s.title)).toEqual(['Week 1', 'Week 2']);
    expect(r.warnings).toEqual([]);
  });

  it('a document with nothing to import is an error, not an empty roadmap', () => {
    expect(() => importMarkdown('# Thoughts\n\nJust prose, no plan.\n')).toThrow(NothingToImportError);
    expect(() => importMarkdown('')).toThrow(/found no sections, lists or tables/);
  });
});

describe('kind', () => {
  it('is inferred: weeks -> weekly, phases -> phased, mostly checkboxes -> checklist, tags -> tracks', () => {
    expect(importText('# P\n## Week 1\n- a\n').roadmap.kind).toBe('weekly');
    expect(importText('# P\n## Phase 1\n- a\n').roadmap.kind).toBe('phased');
    expect(importText('# P\n## Go\n- [ ] a\n- [x] b\n- c\n').roadmap.kind).toBe('checklist');
    expect(importText('# P\n## Go\n### Basics\n- Priority: High\n').roadmap.kind).toBe('tracks');
    expect(importText('# P\n## Go\n- a\n').roadmap.kind).toBe('checklist');
  });

  it('--kind wins over the inference', () => {
    const r = importText('# P\n## Week 1\n- a\n', { kind: 'checklist' });
    expect(r.roadmap.kind).toBe('checklist');
    expect(r.roadmap.sections[0]!.weeks).toEqual([1, 1]);
  });
});
