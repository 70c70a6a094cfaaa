// Makes dist/study.cjs.cache, the V8 code cache bin/entry.cjs loads the entry with (run by
// scripts/build.mjs after each build, in a process of its own, with the Node that builds):
// loads the entry, runs the daily commands once against a store in a temp folder (so that
// the functions they run are compiled and in the cache too), then writes the cache.
//   node scripts/code-cache.cjs BIN_DIR     (bin/, or dist-bench/cli/bin/)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Readable } = require('node:stream');

const { loadEntry, writeCache } = require(path.resolve(process.argv[2], 'entry.cjs'));
const { program, script } = loadEntry(false);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-code-cache-'));
const sink = { write: () => true, isTTY: false, columns: 80 };
const context = {
  stdout: sink,
  stderr: sink,
  stdin: Readable.from([]),
  env: { HOME: dir, STUDY_DB: path.join(dir, 'study.db'), STUDY_NOW: '2026-11-23T09:30', NO_COLOR: '1' },
  cwd: dir,
  clock: () => new Date('2026-11-23T09:30:00Z'),
};
// What every day runs; a command that fails here (a roadmap renamed, say) only leaves its
// functions out of the cache.
const runs = [['today'], ['start', 'system-architecture-12w'], ['today'], ['done', 'monolith-vs-microservices'], ['report'], ['streak'], ['roadmaps'], ['leet', 'due'], ['--version']];
(async () => {
  try {
    for (const argv of runs) await program.main(argv, context);
    console.log(`wrote ${path.relative(process.cwd(), writeCache(script))}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
