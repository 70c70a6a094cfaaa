// Peak memory and time of `study import` on large plans (issue 15, item 12). Not a test:
// the machine is noisy, so it runs whole processes several times and reports medians.
//
//   node test/import/measure-import.mjs [--runs N] [--before DIR] [--keep DIR]
//
// The plans are the import fixtures and the seed plans, concatenated and repeated until
// they reach 273 KB and 819 KB (cut at a line). Each run imports one plan with the built
// CLI (bin/study, dist/ as `npm run build` makes it) to a YAML file; peak RSS comes from
// the process itself (a preloaded module writes process.resourceUsage().maxRSS on exit).
// --before runs another checkout's built CLI as well (DIR/bin/study), alternating with
// this one run by run, so that both see the same machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', 7));
const before = opt('--before', undefined);
const keep = opt('--keep', undefined);

/** The fixtures and seeds, joined, repeated until `bytes` long, cut at a line break. */
export function bigPlan(bytes) {
  const dirs = [join(repo, 'test/fixtures/import'), join(repo, 'test/fixtures/seeds')];
  const parts = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.(md|txt)$/.test(f))
      .sort()
      .map((f) => readFileSync(join(d, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')),
  );
  const one = parts.join('\n\n');
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += one + '\n\n';
  const buf = Buffer.from(text).subarray(0, bytes);
  return buf.subarray(0, buf.lastIndexOf(0x0a) + 1).toString('utf8');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const dir = keep ?? mkdtempSync(join(tmpdir(), 'study-import-measure-'));
mkdirSync(dir, { recursive: true });
const rssFile = join(dir, 'rss');
const preload = join(dir, 'maxrss.mjs');
writeFileSync(preload, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.MEASURE_RSS, String(process.resourceUsage().maxRSS)));\n");

function run(root, md) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(process.execPath, ['--import', preload, join(root, 'bin/study'), 'import', md, '--out', join(dir, 'out.yaml'), '--force'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, STUDY_DB: join(dir, 'study.db'), MEASURE_RSS: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (p.status !== 0) throw new Error(`${root}: exit ${p.status}\n${p.stderr.split('\n').slice(-3).join('\n')}`);
  return { ms, mib: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const builds = [...(before ? [{ name: 'before', root: before }] : []), { name: before ? 'after' : 'this', root: repo }];
const rows = [];
for (const kb of [273, 819]) {
  const md = join(dir, `plan-${kb}k.md`);
  writeFileSync(md, bigPlan(kb * 1000));
  const got = builds.map(() => ({ ms: [], mib: [] }));
  for (let r = 0; r < RUNS; r++) {
    builds.forEach((b, i) => {
      const { ms, mib } = run(b.root, md);
      got[i].ms.push(ms);
      got[i].mib.push(mib);
    });
  }
  builds.forEach((b, i) => {
    rows.push({ plan: `${kb} KB`, build: b.name, runs: RUNS, 'median s': Number((median(got[i].ms) / 1000).toFixed(2)), 'median peak RSS MiB': Number(median(got[i].mib).toFixed(1)) });
  });
}
console.table(rows);
if (!keep) rmSync(dir, { recursive: true, force: true });
