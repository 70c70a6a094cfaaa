// How bin/study loads the program, dist/study.cjs: compiled with the V8 code cache the build
// made beside it (dist/study.cjs.cache, by scripts/code-cache.cjs), so that a start does not
// parse and compile the 200 KB entry again (7-10 ms of every run on Node 20, which has no
// compile cache of its own: module.enableCompileCache came in Node 22). The cache is used
// only when it was made from this very file (its size and modification time, written in the
// cache's first line) and only when V8 accepts it (the same V8 and flags); otherwise the
// entry is compiled as require() would. Either way the program is the same; only its start
// is slower. docs/performance.md says more.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const ENTRY = path.join(__dirname, '..', 'dist', 'study.cjs');
const CACHE = `${ENTRY}.cache`;

/** The first line of a cache: the entry it was made from. */
const stampOf = (stat) => `study.cjs ${stat.size} ${Math.trunc(stat.mtimeMs)}\n`;

/** The cache made from the entry as it is now, or undefined. */
function readCache(stat) {
  let data;
  try {
    data = fs.readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const end = data.indexOf(10);
  return end > 0 && data.toString('latin1', 0, end + 1) === stampOf(stat) ? data.subarray(end + 1) : undefined;
}

/**
 * Loads dist/study.cjs as require() would (one module in require.cache, which the chunks'
 * require('./study.cjs') finds), with the code cache unless `useCache` is false. Throws
 * ENOENT when the program is not built.
 */
function loadEntry(useCache = true) {
  const file = fs.realpathSync(ENTRY);
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = useCache ? readCache(fs.statSync(file)) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const entry = new Module(file, module);
  entry.filename = file;
  require.cache[file] = entry;
  script.runInThisContext().call(entry.exports, entry.exports, Module.createRequire(file), entry, file, path.dirname(file));
  entry.loaded = true;
  return { program: entry.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the code cache of a loaded entry (the functions it has run so far included). */
function writeCache(script) {
  fs.writeFileSync(CACHE, Buffer.concat([Buffer.from(stampOf(fs.statSync(fs.realpathSync(ENTRY))), 'latin1'), script.createCachedData()]));
  return CACHE;
}

module.exports = { loadEntry, writeCache };
