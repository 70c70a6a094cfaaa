// The JSON Schema of roadmap files, generated from the zod schema that validates them.
import { z } from 'zod';
import { roadmap } from '../src/roadmap/schema.js';

export function roadmapJsonSchema(): string {
  const schema = z.toJSONSchema(roadmap, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, $id: 'https://study.invalid/schema/roadmap.schema.json', title: 'study roadmap' }, null, 2) + '\n';
}
