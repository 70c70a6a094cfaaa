// Whatever Markdown a learner has, `study import` either writes a roadmap that `study load`
// accepts or says it found nothing to import: never invalid YAML, never a crash.
// Each run searches from a new seed; a failure names it, and FUZZ_SEED=N replays that run.
import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importMarkdown, NothingToImportError } from '../../src/import/index.js';
import { roadmapToYaml } from '../../src/import/to-yaml.js';
import { parseRoadmapText } from '../../src/roadmap/file.js';

/** The seed of this run: FUZZ_SEED when given (to replay a failure), a new one otherwise. */
function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given === undefined || given === '') return (Math.random() * 2 ** 32) | 0;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer (the seed a failed run printed), not ${JSON.stringify(given)}`);
  return seed;
}
const SEED = fuzzSeed();

/** fc.assert from SEED; a failure says how to replay it, before fast-check's counterexample. */
function assertFromSeed<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { numRuns, seed: SEED });
  } catch (e) {
    throw new Error(`failed with seed ${SEED}; replay: FUZZ_SEED=${SEED} npx vitest run ${relative(process.cwd(), import.meta.filename)}\n${(e as Error).message}`, { cause: e });
  }
}

const words = fc.constantFrom(
  'Week 1', 'Weeks 2–3', 'Week 8 to 10', 'Week 6 - 7', 'After week 10', 'Week 0', 'Week 12-3', 'Month 2', 'Phase 1', 'Phase II (4–6 weeks)',
  'Stage 3 (~3 weeks)', 'Phase 4 (ongoing)', 'Topics:', '📘 Topics', '**Tasks**', 'Implementation tasks', 'Resources:', 'Success criteria',
  'Notes', 'Tips', 'Daily', 'Priority: High', 'Difficulty: Easy → Hard', 'Time Cost: Short (30–60 minutes)', 'Time: 2 weeks',
  'Duration: 10 days', 'Status: done', 'Focus:', 'Goal: ship', '[x]', '[ ]', '[X]', '✅', 'https://example.com/a', '[link](https://x.y/z)',
  '[rel](notes.md)', '[toc](#week-1)', '`code`', '**bold**', '_em_', 'বাংলা', '👩‍💻', '🇧🇩', '日本語', 'true', 'null', '- ', '#', ':', '|', '\t',
  '<br>', '<!-- c -->', '&amp;', '\\*', 'üìÖ', 'ðŸ§ ', '\u0001', '\u202e', ' ', '',
);
const text = fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 5 }).map((ws) => ws.join(' '));
const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), text).map(([i, b, t]) => `${' '.repeat(i * 2)}${b}${t}`),
  fc.tuple(fc.integer({ min: 0, max: 2 }), text).map(([i, t]) => `${'\t'.repeat(i)}- ${t}`),
  text,
  text.map((t) => `| Week | Topic | Status |\n|---|---|---|\n| ${t} | ${t} | ✅ |`),
  text.map((t) => `| Topic | Priority | Difficulty |\n|---|---|---|\n| ${t} | High | Easy |`),
  fc.constant('```\n- fenced\n```'),
  fc.constant('    indented code'),
  fc.constant('---'),
  fc.constant('==='),
  fc.constant('<div>\nhtml\n</div>'),
  fc.constant('> quoted line'),
  fc.constant(''),
);
const doc = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join('\n').replace(/\n/g, eol));

describe('any Markdown', () => {
  it('imports to YAML that the roadmap validator accepts, or to "nothing to import"', () => {
    assertFromSeed(
      fc.property(doc, (md) => {
        let yaml: string;
        let raw: unknown;
        try {
          const r = importMarkdown(md, { fileName: 'plan.md' });
          for (const w of r.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
          yaml = roadmapToYaml(r.roadmap, 'plan.md');
          raw = r.roadmap;
        } catch (e) {
          if (e instanceof NothingToImportError) return;
          throw e;
        }
        const parsed = parseRoadmapText(yaml, 'plan.yaml', 'plan');
        if ('problems' in parsed) throw new Error(`${parsed.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n')}\n--- markdown:\n${md}\n--- yaml:\n${yaml}`);
        // And it reads back to exactly the data the importer made.
        expect(parse(yaml)).toEqual(raw);
      }),
      400,
    );
  });
});
