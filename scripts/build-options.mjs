// The build of the CLI (dist/), shared by scripts/build.mjs and the test that checks what a
// command loads (test/cli/bundle.test.ts): Vite's server-side build (Rollup), one entry.
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/**
 * One entry, dist/study.cjs (src/cli/main.ts: the program, every command's definition and
 * what they all use: core, store, rendering), and chunks loaded when a command imports
 * them: each command's action, and what only some commands need (YAML, zod, markdown-it,
 * the prompts). Rollup leaves out of a dynamically imported chunk what the importer has
 * already loaded, so `study today` reads the entry and the small chunk of its action.
 * Dependencies are bundled but better-sqlite3 (a native addon) and Node's built-ins.
 *
 * CommonJS, not ES modules: `bin/study` (CommonJS too, by bin/package.json) requires the
 * entry, and a command's chunk is a require() when its action runs. Node's ES module
 * loader costs every start 5-8 ms that the CommonJS loader does not (measured: the same
 * bundle in both formats, `study today`, alternating; docs/performance.md). The sources
 * stay ES modules; only the build's output changes.
 */
export function cliBuildConfig(outDir, define = {}) {
  return {
    configFile: false,
    logLevel: 'error',
    root,
    define,
    build: {
      ssr: join(root, 'src/cli/main.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: 'esbuild',
      reportCompressedSize: false,
      rollupOptions: {
        external: ['better-sqlite3', /^node:(?!child_process$)/],
        output: {
          format: 'cjs',
          entryFileNames: 'study.cjs',
          chunkFileNames: '[name]-[hash].cjs',
          experimentalMinChunkSize: 8000,
        },
      },
    },
    plugins: [lazyChildProcess()],
    ssr: { noExternal: true, target: 'node' },
  };
}

/**
 * commander requires child_process when it is loaded, for executable subcommands (study has
 * none): that, and the net module it loads, cost 4 ms of every start. Here commander gets
 * an object that loads child_process on first use, which is never.
 */
function lazyChildProcess() {
  const id = '\0study:lazy-child-process';
  return {
    name: 'study:lazy-child-process',
    enforce: 'pre',
    resolveId(source, importer) {
      if ((source === 'node:child_process' || source === 'child_process') && importer?.includes('/node_modules/commander/')) return id;
      return null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return "let m; export default new Proxy({}, { get: (_, k) => (m ??= process.getBuiltinModule('node:child_process'))[k] });";
    },
  };
}
