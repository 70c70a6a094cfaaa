// The catalogue shipped in data/, parsed once per test file.
import { readFileSync } from 'node:fs';
import { parseCatalogue } from '../../../src/core/leet/catalogue.js';

export const CATALOGUE_TSV = readFileSync(new URL('../../../data/leetcode-problems.tsv', import.meta.url), 'utf8');
export const CATALOGUE = parseCatalogue(CATALOGUE_TSV);

export function problem(number: number) {
  const p = CATALOGUE.find((x) => x.number === number);
  if (!p) throw new Error(`no problem ${number} in the bundled catalogue`);
  return p;
}
