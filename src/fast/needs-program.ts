// What the bundles of src/fast/ have instead of the parts of the program they leave out
// (scripts/build-options.mjs swaps these in): the bundled roadmaps of a first run (YAML,
// zod) and the picker of `study done` (@inquirer/prompts). Reaching one throws
// NeedsProgram before the command has written anything, and src/fast/entry.ts hands the
// same arguments to the whole program (dist/cli.mjs), which has them.

/** The command needs a part of the program this bundle does not hold. */
export class NeedsProgram extends Error {
  constructor(what: string) {
    super(`${what} is not in this bundle`);
    this.name = 'NeedsProgram';
  }
}

/** Stands in for src/commands/load.ts: an empty store gets the bundled roadmaps from the whole program. */
export function loadPaths(): never {
  throw new NeedsProgram('study load');
}

/** Stands in for @inquirer/prompts: the picker is in the whole program. */
export function select(): never {
  throw new NeedsProgram('the picker');
}
