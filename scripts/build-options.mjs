// The build of the CLI (dist/), shared by scripts/build.mjs and the test that checks what a
// command loads (test/cli/bundle.test.ts): Vite's server-side build (Rollup), one entry.
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/**
 * One entry, dist/study.mjs (src/cli/main.ts: the program, every command's definition and
 * what they all use: core, store, rendering), and chunks loaded when a command imports
 * them: each command's action, and what only some commands need (YAML, zod, markdown-it,
 * the prompts). Rollup leaves out of a dynamically imported chunk what the importer has
 * already loaded, so `study today` reads the entry and the small chunk of its action.
 * Dependencies are bundled but better-sqlite3 (a native addon) and Node's built-ins.
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
      // commander requires child_process (for executable subcommands, which study has none
      // of) when it is loaded: left as a require() for the banner below to make lazy.
      commonjsOptions: { ignore: ['node:child_process', 'child_process'] },
      rollupOptions: {
        external: ['better-sqlite3', /^node:/],
        output: {
          format: 'es',
          entryFileNames: 'study.mjs',
          chunkFileNames: '[name]-[hash].mjs',
          experimentalMinChunkSize: 8000,
          // Node's built-ins for the CommonJS packages bundled here, each loaded on first use
          // (child_process and the net module it loads: 4 ms of every start).
          banner: 'const require = (id) => { let m; return new Proxy({}, { get: (_, k) => (m ??= process.getBuiltinModule(id))[k] }); };',
        },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}
