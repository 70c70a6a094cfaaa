// Builds dist/ (the bundled CLI that bin/study runs) and, with --schema, regenerates
// schema/roadmap.schema.json from the zod schema in src/roadmap-schema.ts.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
} else {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  await build({
    entryPoints: { study: join(root, 'src/main.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside the entry so that src/paths.ts finds ../roadmaps from any of them.
    chunkNames: '[name]-[hash]',
    external: ['better-sqlite3'],
    define: { STUDY_VERSION: JSON.stringify(pkg.version) },
    // Bundled CommonJS packages (commander) call require(); give ESM one.
    banner: { js: "import { createRequire as __studyCreateRequire } from 'node:module'; const require = __studyCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
}
