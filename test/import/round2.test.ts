// Markdown import, round 2 (issue 15): real plans keep their shape, and nothing vanishes
// without a word. Each defect has a fixture of its own in test/fixtures/import/r2-*.md
// with the YAML a reader of the source expects beside it (r2-*.yaml), plus the warnings
// and notices the import must print.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importFixture, importText, outline } from './import-helpers.js';

/** The fixture imported: its YAML must be the expected file, byte for byte. */
function expectFixture(name: string): ReturnType<typeof importFixture> {
  const r = importFixture(`${name}.md`);
  expect(r.yaml).toBe(readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8'));
  return r;
}

describe('1. front matter is only a block that reads as a YAML mapping', () => {
  it('a --- rule on the first line, Markdown, and another rule: all of it is plan', () => {
    const r = expectFixture('r2-rule-first-line');
    expect(r.roadmap.sections.map((s) => s.title)).toEqual(['Basics', 'More']);
    expect(r.warnings).toEqual(['1: no title (a "# Title" heading) found; used "R2 rule first line": edit title: in the YAML']);
  });

  it('a block that is YAML but not a mapping is Markdown too; a mapping is front matter', () => {
    const list = importText('---\n- not front matter\n---\n\n## Week 1\n- a\n');
    expect(outline(list.roadmap)).toBe(['# Imported plan [weekly]', '## Week 1 {weeks 1-1}', '  item: a'].join('\n'));
    expect(list.roadmap.notes).toEqual(['not front matter']);
    const fm = importText('---\ntitle: From Front Matter\ndate: 2026-01-02\n---\n## Week 1\n- a\n');
    expect(fm.roadmap.title).toBe('From Front Matter');
    expect(fm.roadmap.sections.map((s) => s.title)).toEqual(['Week 1']);
  });
});

describe('2. sections come from the heading level that carries the plan, whatever precedes it', () => {
  it('(a) a list of language links right under the title is the plan\'s notes, not a section swallowing the rest', () => {
    const r = expectFixture('r2-intro-list');
    expect(r.warnings).toEqual([]);
  });

  it('(b) an Overview with a "Time commitment" line does not turn the plan into one section', () => {
    expect(expectFixture('r2-overview').warnings).toEqual([]);
  });

  it('(b) a heading at the plan\'s level holding only tags is a section of its own, with one item to check', () => {
    const r = importText('# P\n## Django\n- Priority: High\n## Extras\n- Read a book\n');
    expect(outline(r.roadmap)).toBe(['# P [tracks]', '## Django {priority high}', '  item: Django {priority high}', '## Extras', '  item: Read a book'].join('\n'));
  });

  it('(c) a bold line before the title is a banner: the title is found, no false warning', () => {
    expect(expectFixture('r2-banner').warnings).toEqual([]);
  });

  it('a curriculum README: an HTML banner title, tables of contents, and the headings over course tables as sections', () => {
    const r = expectFixture('r2-curriculum');
    expect(r.roadmap.sections.map((s) => s.title)).toEqual(['Summary', 'Prerequisites', 'Introduction to Programming', 'Core programming']);
    expect(r.warnings).toEqual(['1: image skipped']);
    expect(r.notices).toEqual(['11: table of contents skipped (2 links to headings of this page)', '26: table of contents skipped (5 links to headings of this page)']);
  });
});

describe('3. a heading closes every group opened below its level', () => {
  it('"### Next steps" after "### Resources", "### Capstone Project:" after "### Goals:"', () => {
    expect(expectFixture('r2-heading-after-group').warnings).toEqual([]);
  });
});

describe('4. a phase above weeks is a section with its duration; the weeks are its entries', () => {
  it('a week table under a phase heading, and week headings under one', () => {
    expect(expectFixture('r2-phase-weeks').warnings).toEqual([]);
  });
});

describe('5. a table row is titled by the column that names the thing to do', () => {
  it('Courses | Duration | Effort | Prerequisites | Discussion: the course, never "none"; a weekly pace is a note', () => {
    expect(expectFixture('r2-course-table').warnings).toEqual([]);
  });

  it('a row with nothing in its title column is skipped with a warning that names the column', () => {
    const r = importText('# P\n## S\n| Problem | Notes |\n|---|---|\n| [A](https://x.example/a) | ok |\n| - | orphan note |\n');
    expect(r.warnings).toEqual(['6: table row with nothing in its "Problem" column skipped']);
  });
});

describe('6. links in the other cells of a table keep their address', () => {
  it('a NeetCode-style table: the solution links are resources named after their problem', () => {
    expect(expectFixture('r2-problem-table').warnings).toEqual([]);
  });
});

describe('7. prose stays prose', () => {
  it('a paragraph after a Topics list is a note; "**📌 Week 7-8 Topics:**" is weeks 7-8, titled by its weeks', () => {
    expect(expectFixture('r2-prose-after-list').warnings).toEqual([]);
  });
});

describe('8. decoration is not progress', () => {
  it('✅ used as bullets is not done (and says so); a Goal heading is a note; Month headings under Milestones are milestones', () => {
    const r = expectFixture('r2-decoration');
    expect(r.warnings).toEqual([]);
    expect(r.notices).toEqual(['13: 3 ✅ marks read as bullets, not as done: no list of this file has open items or checkboxes next to them']);
  });

  it('✅ next to open items, or in a file with checkboxes, is done, and the import says how many and why', () => {
    const mixed = importText('# P\n## Features\n- ✅ Polls\n- ✅ Votes\n- ⬜ Results\n');
    expect(outline(mixed.roadmap)).toBe(['# P [checklist]', '## Features', '  item ✓: Polls', '  item ✓: Votes', '  item: Results'].join('\n'));
    expect(mixed.notices).toEqual(['0: 2 items taken as done: 2 marked ✅ in lists with open items or in a file with checkboxes']);
    const withBoxes = importText('# P\n## Done so far\n- ✅ Polls\n- ✅ Votes\n## Next\n- [ ] Results\n- [x] Deploy\n');
    expect(withBoxes.roadmap.sections[0]!.items.map((i) => i.doneInFile)).toEqual([true, true]);
    expect(withBoxes.notices).toEqual(['0: 3 items taken as done: 1 checked [x], 2 marked ✅ in lists with open items or in a file with checkboxes']);
  });
});

describe('9. tables of contents', () => {
  it('a list of links into the document is skipped with a notice, its heading with it; its other entries are notes', () => {
    const r = expectFixture('r2-toc');
    expect(r.notices).toEqual(['7: table of contents skipped (5 links to headings of this page)', '21: table of contents skipped (2 links to headings of this page)']);
    expect(r.warnings).toEqual([]);
  });

  it('a "Table of Contents" section of sub-headings over link lists goes whole; plain entries inside it are notes', () => {
    const r = expectFixture('r2-toc-headings');
    expect(r.roadmap.sections.map((s) => s.title)).toEqual(['Why use it?', 'Data Structures']);
    expect(r.notices).toEqual(['17: table of contents skipped (2 links to headings of this page)', '22: table of contents skipped (4 links to headings of this page)']);
    expect(r.warnings).toEqual([]);
  });
});

describe('10. notes and daily sections', () => {
  it('"Learning Tips", "Final Tips", "FAQ", "📝 Notes" are notes; "Daily (15-30 minutes)" gives its minutes; a nested "### Daily" makes habits', () => {
    const r = expectFixture('r2-notes-sections');
    expect(r.warnings).toEqual([]);
    expect(r.roadmap.habits.map((h) => [h.id, h.every, h.minutes])).toEqual([
      ['leetcode', 'day', null],
      ['flashcards', 'day', '20'],
      ['review-notes', 'day', '15-30'],
      ['read-one-article', 'day', '15-30'],
    ]);
  });
});

describe('11. labels and tags as people write them', () => {
  it('semicolons, lower case and hyphens; a label glossed in English; a numeric Hours column', () => {
    expect(expectFixture('r2-labels-tags').warnings).toEqual([]);
  });
});
