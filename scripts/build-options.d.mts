// Types of scripts/build-options.mjs, for the tests that import it.
import type { InlineConfig } from 'vite';

/** The build of the CLI: one entry, dist/study.cjs, with the chunks it loads. */
export function cliBuildConfig(outDir: string, define?: Record<string, string>): InlineConfig;
