import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roadmapJsonSchema } from '../../scripts/schema.js';

describe('schema/roadmap.schema.json', () => {
  it('is what the validator\'s zod schema generates (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'roadmap.schema.json'), 'utf8')).toBe(roadmapJsonSchema());
  });

  it('describes the format editors check: required keys, kinds, item shapes', () => {
    const schema = JSON.parse(roadmapJsonSchema());
    expect(schema.required).toEqual(['title', 'kind', 'sections']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.kind.enum).toEqual(['weekly', 'phased', 'checklist', 'tracks']);
  });
});
