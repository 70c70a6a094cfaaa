// Builds dist/ (the bundled CLI that bin/study runs, with the Vite build of
// scripts/build-options.mjs); with --schema, regenerates
// schema/roadmap.schema.json from the zod schema in src/roadmap/schema.ts; with --bench,
// builds the benchmark's store generator (bench/generate.ts) into dist-bench/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  cpSync(join(root, 'bin'), join(cli, 'bin'), { recursive: true });
  symlinkSync('../../roadmaps', join(cli, 'roadmaps'));
  symlinkSync('../../data', join(cli, 'data'));
  codeCache(join(cli, 'bin'));
} else {
  await viteBuild(cliBuildConfig(join(root, 'dist'), { STUDY_VERSION: JSON.stringify(pkg.version) }));
  codeCache(join(root, 'bin'));
}

/** The entry's V8 code cache (scripts/code-cache.cjs), made in a process of its own. */
function codeCache(binDir) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/code-cache.cjs'), binDir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the code cache was not made (scripts/code-cache.cjs exited ${r.status ?? r.signal})`);
}
