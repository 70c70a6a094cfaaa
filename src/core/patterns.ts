// Patterns of the roadmap file format that both the validator (src/roadmap-schema.ts,
// on zod) and the normaliser (core/normalize.ts) read. They live here, free of zod, so
// that the commands that only read the store (`study today`) never load zod.

export const EFFORT_RE = /^(short|medium|long|\d+(\.\d+)?(\s*-\s*\d+(\.\d+)?)?\s*(h|m|min))$/;
export const WEEKS_RE = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/;
export const DURATION_RE = /^\s*(?:ongoing|~?\s*(\d+(?:\.\d+)?)\s*(?:[-–]\s*(\d+(?:\.\d+)?)\s*)?(days?|weeks?|months?))\s*$/i;
export const EVERY_RE = /^(day|daily|([1-7])\s*(?:x\s*)?(?:per|\/)\s*week)$/;
