// Builds dist/ (the bundled CLI that bin/study runs, with the Vite build of
// scripts/build-options.mjs); with --schema, regenerates
// schema/roadmap.schema.json from the zod schema in src/roadmap/schema.ts; with --bench,
// builds the benchmark's store generator (bench/generate.ts) into dist-bench/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as viteBuild } from 'vite';
import { cliBuildConfig } from './build-options.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (process.argv.includes('--schema')) {
  const dir = mkdtempSync(join(tmpdir(), 'study-schema-'));
  const out = join(dir, 'schema.mjs');
  await build({
    entryPoints: [join(root, 'scripts/schema.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'warning',
  });
  const { roadmapJsonSchema } = await import(pathToFileURL(out).href);
  writeFileSync(join(root, 'schema/roadmap.schema.json'), roadmapJsonSchema());
  rmSync(dir, { recursive: true, force: true });
  console.log('wrote schema/roadmap.schema.json');
} else if (process.argv.includes('--bench')) {
  rmSync(join(root, 'dist-bench'), { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'bench/generate.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: join(root, 'dist-bench/generate.mjs'),
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __studyCreateRequire } from 'node:module'; const require = __studyCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The CLI again, built as for dist/, into dist-bench/cli/ (with bin/study and the bundled
  // roadmaps and data beside it): the benchmark times this copy, which a rebuild of dist/ during
  // the run (tests, another shell) leaves alone.
  const cli = join(root, 'dist-bench/cli');
  await viteBuild(cliBuildConfig(join(cli, 'dist'), { STUDY_VERSION: JSON.stringify(pkg.version) }));
  mkdirSync(join(cli, 'bin'), { recursive: true });
  copyFileSync(join(root, 'bin/study'), join(cli, 'bin/study'));
  symlinkSync('../../roadmaps', join(cli, 'roadmaps'));
  symlinkSync('../../data', join(cli, 'data'));
} else {
  await viteBuild(cliBuildConfig(join(root, 'dist'), { STUDY_VERSION: JSON.stringify(pkg.version) }));
}
