// Types of scripts/build-options.mjs, for the tests that import it.
import type { BuildOptions } from 'esbuild';

/** The builds of the CLI, in order: cli.mjs (split), today.mjs, study.mjs. */
export function cliBuildOptions(outdir: string, define?: Record<string, string>): (BuildOptions & { metafile: true })[];
