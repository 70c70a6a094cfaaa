// The esbuild options of the CLI (dist/), shared by scripts/build.mjs and the test that
// guards what `study today` loads (test/perf.test.ts).
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/**
 * Start-up is the product (issue #7): keep Node built-ins that no run needs out of every
 * run. commander's child_process (used only for executable subcommands) loads on first
 * use, and chalk's colour detection (node:tty, which loads node:net) is replaced by "no
 * colour": study always passes the level to `new Chalk({ level })` (src/run.ts).
 */
const leanBuiltins = {
  name: 'lean-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: join(root, 'scripts/shims/child-process.cjs') } : undefined,
    );
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: join(root, 'scripts/shims/supports-color.mjs') } : undefined,
    );
  },
};

/**
 * string-width makes an Intl.Segmenter when it is imported, and the first one of a process
 * costs milliseconds (ICU data). src/text.ts measures plain text without it, so it is
 * evaluated on its first call instead: a stand-in module require()s it, which esbuild
 * bundles as a module initialised on first use, in the same chunk.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]src[\\/]text\.ts$/.test(args.importer) ? { path: 'string-width', namespace: 'lazy-string-width' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, () => ({
      contents: "let real; export default function stringWidth(text, options) { real ??= require('string-width').default; return real(text, options); }",
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/**
 * The bundles of one command (src/fast/) leave out what only some runs need, with stand-ins
 * (src/fast/needs-program.ts) that hand those runs to the whole program: the loader of the
 * bundled roadmaps (YAML, zod; a first run) and the picker (@inquirer/prompts).
 */
const withoutProgram = {
  name: 'without-program',
  setup(b) {
    const standIn = join(root, 'src/fast/needs-program.ts');
    b.onResolve({ filter: /^\.\/load\.js$/ }, (args) => (/[\\/]src[\\/]commands[\\/]shared\.ts$/.test(args.importer) ? { path: standIn } : undefined));
    b.onResolve({ filter: /^@inquirer\/prompts$/ }, () => ({ path: standIn }));
  },
};

const common = (outdir, define) => ({
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.mjs' },
  external: ['better-sqlite3'],
  define,
  // Bundled CommonJS packages (commander) call require() for Node built-ins; give ESM
  // one (process.getBuiltinModule: no node:module to load).
  banner: { js: 'const require = (id) => process.getBuiltinModule(id);' },
  plugins: [leanBuiltins, lazyStringWidth],
  legalComments: 'none',
  // Start-up time is the product (issue #7): less to parse on every run.
  minify: true,
  metafile: true,
  logLevel: 'warning',
});

/**
 * The CLI is six builds into one folder (`outdir`, dist/ for bin/study):
 * - cli.mjs: the whole program (src/main.ts), each command in a chunk of its own that
 *   program.ts imports when the command runs;
 * - today.mjs: `study` / `study today` (src/today-entry.ts) in one file: no chunks to
 *   find and link one after another, no command tree, no YAML (issue #7);
 * - study.mjs: what bin/study imports (src/entry.ts): sends each run to one of them;
 * - done.mjs, report.mjs, streak.mjs: those commands in one file each (src/fast/), without
 *   the command tree, the loader of roadmap files or the picker (withoutProgram).
 * better-sqlite3 (a native addon) stays outside. Chunks sit beside the entries, so that
 * src/paths.ts finds ../roadmaps from any of them.
 */
export function cliBuildOptions(outdir, define = {}) {
  // The order is that of the outputs test/perf.test.ts checks: cli, today, study, then done, report, streak.
  return [
    { ...common(outdir, define), entryPoints: { cli: join(root, 'src/main.ts') }, splitting: true, chunkNames: '[name]-[hash]' },
    { ...common(outdir, define), entryPoints: { today: join(root, 'src/today-entry.ts') } },
    { ...common(outdir, define), entryPoints: { study: join(root, 'src/entry.ts') } },
    ...['done', 'report', 'streak'].map((name) => {
      const options = common(outdir, define);
      return { ...options, entryPoints: { [name]: join(root, `src/fast/${name}.ts`) }, plugins: [...options.plugins, withoutProgram] };
    }),
  ];
}
