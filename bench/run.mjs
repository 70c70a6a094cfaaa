// npm run bench: how `study` starts against the floor of Node itself (issue #7).
//
//   node bench/run.mjs [--runs N] [--no-generate] [--only today,done,...] [--before DIR]
//
// 1. Generates the stores (dist-bench/generate.mjs, built from bench/generate.ts by
//    `node scripts/build.mjs --bench`): small (the bundled roadmaps, 1 plan), medium
//    (5,000 items), large (50,000 items in 10 roadmaps, 10 plans, 10 years of sessions),
//    busy, and leet (3,000 LeetCode problems reviewed over 3 years).
// 2. Times whole processes of the built CLI (bin/study and dist/ as scripts/build.mjs
//    builds them, in a copy under dist-bench/cli) against the floor program
//    (bench/floor.mjs: Node + better-sqlite3 opening the store and one indexed query), in
//    alternating pairs (floor, study, floor, study, ...), on the small and the large store
//    alternately, and reports medians, the median of the pairwise ratios, large/small,
//    and peak RSS (GNU time's %M, from separate runs so it does not slow the timed ones).
// 3. Times `study load` of the large store's 10 YAML files, cold and unchanged.
// 3b. Times `study sync` of the large store (50,000 items, 10 years of sessions) with a
//    bare repository in a temp folder: its first sync, a sync with nothing new, and a
//    second machine's first sync (everything applied).
// 4. Compares `study today` with Taskwarrior's `task next` on as many pending tasks, when
//    `task` is installed.
// Prints a table and writes it to bench/RESULTS.md. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// The CLI as scripts/build.mjs builds dist/, in a copy of its own (dist-bench/cli, built by
// `node scripts/build.mjs --bench`) that a rebuild of dist/ during the run cannot disturb.
const bin = join(root, 'dist-bench/cli/bin/study');
const floor = join(root, 'bench/floor.mjs');
const storesDir = join(root, 'bench/stores');
const generator = join(root, 'dist-bench/generate.mjs');

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', process.env.BENCH_RUNS ?? 30));
const RSS_RUNS = 3;
const only = opt('--only', undefined)?.split(',');

// The goals of issue #7.
const GOAL_RATIO = 1.25;
const GOAL_FLAT = 1.1;
const GOAL_RSS_MIB = 60;
const GOAL_LOAD_S = 3;
const GOAL_RELOAD_S = 1;
const GOAL_VS_TASK_50K = 5;
const GOAL_SYNC_S = 1;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const ok = (pass) => (pass ? 'yes' : '**no**');

// ---------------------------------------------------------------------------------------
// Stores

if (!existsSync(generator) || !existsSync(bin)) {
  console.error('bench: dist-bench/ is missing; run `npm run bench` (it builds it first)');
  process.exit(1);
}
if (!argv.includes('--no-generate') || !existsSync(join(storesDir, 'meta.json'))) {
  console.log('generating stores ...');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [generator, storesDir, root], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
  console.log(`generated in ${fmt((performance.now() - t0) / 1000)} s\n`);
}
const meta = JSON.parse(readFileSync(join(storesDir, 'meta.json'), 'utf8'));
const NOW = meta.now;

// ---------------------------------------------------------------------------------------
// Processes

const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
const maxrssPreload = join(root, 'bench/maxrss.mjs');

function envFor(store) {
  const env = { ...process.env, STUDY_DB: join(storesDir, `${store}.db`), STUDY_NOW: NOW, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.STUDY_DEBUG;
  return env;
}

// stderr goes to a file, as stdout goes to /dev/null: a pipe would make Node load its
// socket code (net) for study's stderr, which the floor never writes to, and at a terminal
// both would load it for stdout anyway.
const errFile = join(tmpdir(), `study-bench-stderr-${process.pid}`);

/** Wall milliseconds of one process (node ARGS), which must succeed. */
function timeNode(args, env) {
  const fd = openSync(errFile, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', fd] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${readFileSync(errFile, 'utf8')}`);
  return ms;
}

/** Peak RSS in MiB of one process (node ARGS): GNU time, else the process's own resourceUsage(). */
function rssNode(args, env) {
  const out = join(tmpdir(), `study-bench-rss-${process.pid}`);
  rmSync(out, { force: true });
  const fd = openSync(errFile, 'w');
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, ...args], { env, stdio: ['ignore', 'ignore', fd] })
    : spawnSync(process.execPath, ['--import', maxrssPreload, ...args], { env: { ...env, STUDY_BENCH_RSS: out }, stdio: ['ignore', 'ignore', fd] });
  closeSync(fd);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${readFileSync(errFile, 'utf8')}`);
  const kib = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  rmSync(out, { force: true });
  return kib / 1024;
}

// ---------------------------------------------------------------------------------------
// Commands: timed against the floor, small store and large store alternately (and, with
// --before DIR, an earlier build of study in DIR with stores its own generator made,
// timed in the same pairs, so that the figures before a change are from the same run).

const COMMANDS = [
  { name: 'today', args: () => ['today'], stores: ['small', 'large', 'busy'] },
  // Marks an open task of a later week done; undone (untimed) after every run.
  { name: 'done', args: (s) => ['done', meta[s].doneTasks[0]], reset: (s) => ['done', meta[s].doneTasks[0], '--undo'], stores: ['small', 'large'] },
  { name: 'report', args: () => ['report'], stores: ['small', 'large'] },
  { name: 'streak', args: () => ['streak'], stores: ['small', 'large'] },
  // LeetCode (issue 14): the leet store holds 3,000 problems reviewed over 3 years. A log
  // adds a session to a problem with years of reviews (a few more each run change nothing).
  { name: 'leet log', args: () => ['leet', 'log', '1', '--minutes', '20'], stores: ['small', 'leet'] },
  { name: 'leet due', args: () => ['leet', 'due'], stores: ['small', 'leet'] },
  { name: 'leet next', args: () => ['leet', 'next'], stores: ['small', 'leet'] },
  // What a Tab after `study done c` asks (shell completion, issue 17): the open tasks of
  // every started plan whose id tail, id or title begins with c.
  { name: '__complete task c', command: '__complete', args: () => ['__complete', 'task', '--', 'c'], stores: ['small', 'large'] },
];
const STORES = ['small', 'large'];

const beforeDir = opt('--before', undefined);
const before = beforeDir
  ? { bin: join(beforeDir, 'bin/study'), stores: join(beforeDir, 'bench/stores'), meta: JSON.parse(readFileSync(join(beforeDir, 'bench/stores/meta.json'), 'utf8')) }
  : null;
const beforeEnv = (store) => ({ ...envFor(store), STUDY_DB: join(before.stores, `${store}.db`) });

function exists(name) {
  const r = spawnSync(process.execPath, [bin, ...name.split(' '), '--help'], { env: envFor('small'), encoding: 'utf8' });
  return r.status === 0 && r.stdout.startsWith(`Usage: study ${name}`);
}

const results = [];
for (const cmd of COMMANDS) {
  if (only && !only.includes(cmd.command ?? cmd.name)) continue;
  if (!exists(cmd.command ?? cmd.name)) {
    results.push({ name: cmd.name, missing: true });
    console.log(`study ${cmd.name}: not in this build; skipped`);
    continue;
  }
  const stores = cmd.stores.filter((s) => meta[s]);
  // The earlier build may not have this command (or this store): it is then left out.
  let beforeHas = before !== null;
  const withBefore = (s) => beforeHas && before.meta[s] !== undefined;
  const t = Object.fromEntries(stores.map((s) => [s, { floor: [], cmd: [], pair: [], before: [], beforePair: [] }]));
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? stores : [...stores].reverse();
    for (const s of order) {
      const env = envFor(s);
      const f = timeNode([floor], env);
      const c = timeNode([bin, ...cmd.args(s)], env);
      if (cmd.reset) timeNode([bin, ...cmd.reset(s)], env);
      t[s].floor.push(f);
      t[s].cmd.push(c);
      t[s].pair.push(c / f);
      if (withBefore(s)) {
        const bm = { ...meta, [s]: before.meta[s] };
        const args = cmd.name === 'done' ? ['done', bm[s].doneTasks[0]] : cmd.args(s);
        let b;
        try {
          b = timeNode([before.bin, ...args], beforeEnv(s));
        } catch {
          beforeHas = false;
          continue;
        }
        if (cmd.reset) timeNode([before.bin, 'done', bm[s].doneTasks[0], '--undo'], beforeEnv(s));
        t[s].before.push(b);
        t[s].beforePair.push(b / f);
      }
    }
  }
  const rss = {};
  for (const s of stores) {
    const env = envFor(s);
    const peaks = [];
    for (let i = 0; i < RSS_RUNS; i++) {
      peaks.push(rssNode([bin, ...cmd.args(s)], env));
      if (cmd.reset) timeNode([bin, ...cmd.reset(s)], env);
    }
    rss[s] = { cmd: Math.max(...peaks), floor: Math.max(...Array.from({ length: RSS_RUNS }, () => rssNode([floor], env))) };
  }
  // the biggest store the command runs on against the small one
  const big = stores[stores.length - 1];
  const flat = t[big].cmd.map((c, i) => c / t.small.cmd[i]);
  const row = {
    name: cmd.name,
    stores: Object.fromEntries(
      stores.map((s) => [
        s,
        {
          floor: median(t[s].floor),
          cmd: median(t[s].cmd),
          ratio: median(t[s].pair),
          rss: rss[s].cmd,
          floorRss: rss[s].floor,
          before: t[s].before.length ? median(t[s].before) : null,
          beforeRatio: t[s].beforePair.length ? median(t[s].beforePair) : null,
        },
      ]),
    ),
    flat: median(flat),
    big,
  };
  row.goals = {
    ratio: stores.every((s) => row.stores[s].ratio <= GOAL_RATIO),
    flat: row.flat <= GOAL_FLAT,
    rss: stores.every((s) => row.stores[s].rss <= GOAL_RSS_MIB),
  };
  results.push(row);
  console.log(
    `study ${cmd.name}: ` +
      stores.map((s) => `${s} ${fmt(row.stores[s].cmd)} ms (${fmt(row.stores[s].ratio, 2)}x floor${row.stores[s].beforeRatio ? `; before ${fmt(row.stores[s].beforeRatio, 2)}x` : ''})`).join(', ') +
      `, ${big}/small ${fmt(row.flat, 2)}, RSS ${stores.map((s) => fmt(rss[s].cmd)).join(' / ')} MiB`,
  );
}

// ---------------------------------------------------------------------------------------
// study load: 50,000 items in 10 files, cold and unchanged.

let load = null;
if (!only || only.includes('load')) {
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-load-'));
  const yaml = join(storesDir, 'large-yaml');
  const cold = [];
  const again = [];
  let rssCold = 0;
  let rssAgain = 0;
  for (let i = 0; i < 3; i++) {
    const env = { ...envFor('small'), STUDY_DB: join(dir, `cold-${i}.db`) };
    cold.push(timeNode([bin, 'load', yaml], env) / 1000);
  }
  const env = { ...envFor('small'), STUDY_DB: join(dir, 'cold-0.db') };
  for (let i = 0; i < 5; i++) again.push(timeNode([bin, 'load', yaml], env) / 1000);
  rssCold = rssNode([bin, 'load', yaml], { ...envFor('small'), STUDY_DB: join(dir, 'rss.db') });
  rssAgain = rssNode([bin, 'load', yaml], env);
  rmSync(dir, { recursive: true, force: true });
  load = { cold: median(cold), again: median(again), rssCold, rssAgain };
  console.log(`study load: 50,000 items in 10 files ${fmt(load.cold, 2)} s, unchanged ${fmt(load.again, 2)} s`);
}

// ---------------------------------------------------------------------------------------
// study sync: the large store through a bare repository in a temp folder.

let sync = null;
if (!only || only.includes('sync')) {
  const git = spawnSync('git', ['--version'], { encoding: 'utf8' });
  if (git.error || git.status !== 0) {
    sync = { missing: true };
    console.log('git not installed: study sync was not timed');
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'study-bench-sync-'));
    const gitEnv = { HOME: dir, GIT_CONFIG_NOSYSTEM: '1' };
    spawnSync('git', ['init', '--quiet', '--bare', join(dir, 'remote.git')], { env: { ...process.env, ...gitEnv } });
    const envOf = (name) => ({ ...envFor('large'), ...gitEnv, STUDY_DB: join(dir, name, 'study.db') });
    const first = [];
    for (let i = 0; i < 3; i++) {
      // each into a remote of its own: the first sync of a store meets an empty remote
      const name = `first-${i}`;
      mkdirSync(join(dir, name));
      copyFileSync(join(storesDir, 'large.db'), join(dir, name, 'study.db'));
      if (i > 0) spawnSync('git', ['init', '--quiet', '--bare', join(dir, `remote-${i}.git`)], { env: { ...process.env, ...gitEnv } });
      timeNode([bin, 'sync', 'init', join(dir, i === 0 ? 'remote.git' : `remote-${i}.git`)], envOf(name));
      first.push(timeNode([bin, 'sync'], envOf(name)) / 1000);
    }
    const again = [];
    for (let i = 0; i < 5; i++) again.push(timeNode([bin, 'sync'], envOf('first-0')) / 1000);
    const rssAgain = rssNode([bin, 'sync'], envOf('first-0'));
    timeNode([bin, 'sync', 'init', join(dir, 'remote.git')], envOf('second'));
    const second = timeNode([bin, 'sync'], envOf('second')) / 1000;
    // git's own part of a sync with nothing new: the fetch, merge and push it runs
    const gitAlone = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      for (const args of [['fetch', '--quiet', 'origin'], ['status', '--porcelain'], ['merge', '--quiet', '--ff-only', 'origin/main'], ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']]) {
        spawnSync('git', args, { cwd: join(dir, 'first-0', 'study-sync'), env: { ...process.env, ...gitEnv }, stdio: 'ignore' });
      }
      gitAlone.push((performance.now() - t0) / 1000);
    }
    rmSync(dir, { recursive: true, force: true });
    sync = { first: median(first), again: median(again), rssAgain, second, git: median(gitAlone) };
    console.log(`study sync of the large store: first ${fmt(sync.first, 2)} s, nothing new ${fmt(sync.again, 2)} s (git alone ${fmt(sync.git, 2)} s), a second machine's first ${fmt(sync.second, 2)} s`);
  }
}

// ---------------------------------------------------------------------------------------
// Taskwarrior: `task next` on as many pending tasks as the store has items.

let task = null;
if (!only || only.includes('task')) {
  const probe = spawnSync('task', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    task = { missing: true };
    console.log('taskwarrior not installed: apt-get install taskwarrior');
  } else {
    task = { version: probe.stdout.trim(), sizes: [] };
    for (const [store, n, runs] of [
      ['medium', 5000, Math.min(RUNS, 15)],
      ['large', 50000, 5],
    ]) {
      const data = mkdtempSync(join(tmpdir(), 'study-bench-task-'));
      const rc = join(data, 'taskrc');
      writeFileSync(rc, `data.location=${data}\nconfirmation=off\nhooks=off\nnews.version=${task.version}\n`);
      const tasks = [];
      for (let i = 0; i < n; i++) {
        const day = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
        tasks.push({ description: `Task ${i + 1}: study item ${i + 1}`, status: 'pending', entry: `${day}T080000Z`, project: `bench${i % 10}` });
      }
      const file = join(data, 'tasks.json');
      writeFileSync(file, JSON.stringify(tasks));
      const taskEnv = { ...process.env, TASKRC: rc, TASKDATA: data };
      const imported = spawnSync('task', ['rc.verbose=nothing', 'import', file], { env: taskEnv, stdio: ['ignore', 'ignore', 'pipe'] });
      if (imported.status !== 0) throw new Error(`task import failed: ${imported.stderr}`);
      const tTask = [];
      const tStudy = [];
      const tNode = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync('task', ['next'], { env: taskEnv, stdio: ['ignore', 'ignore', 'ignore'] });
        tTask.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.status !== 0 && r.status !== 1) throw new Error(`task next exited ${r.status}`);
        tStudy.push(timeNode([bin, 'today'], envFor(store)));
        tNode.push(timeNode(['-e', '0'], envFor(store)));
      }
      let taskRss = Number.NaN;
      if (gnuTime) {
        const out = join(data, 'rss');
        spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, 'task', 'next'], { env: taskEnv, stdio: 'ignore' });
        taskRss = Number(readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024;
      }
      rmSync(data, { recursive: true, force: true });
      const row = { n, task: median(tTask), study: median(tStudy), node: median(tNode), taskRss };
      row.speedup = row.task / row.study;
      task.sizes.push(row);
      console.log(`task next at ${n}: ${fmt(row.task)} ms, study today ${fmt(row.study)} ms (${fmt(row.speedup, 2)}x), node -e 0 ${fmt(row.node)} ms`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// The table

const lines = [];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
lines.push('# study benchmark', '');
lines.push(
  `Node ${process.version}, ${availableParallelism()} cores (${cpu.trim()}), ${new Date().toISOString().slice(0, 10)}; ` +
    `${RUNS} alternating pairs per command and store; medians. Written by \`npm run bench\`.`,
);
lines.push('');
lines.push(
  `Stores: **small** = the bundled roadmaps only (${meta.small.items} items, 1 plan, ${meta.small.sessions} sessions); ` +
    `**large** = ${meta.large.items.toLocaleString('en-US')} items in ${meta.large.roadmaps} roadmaps, ${meta.large.plans} active plans, ` +
    `${meta.large.sessions.toLocaleString('en-US')} sessions over 10 years, ${meta.large.completions.toLocaleString('en-US')} completions; ` +
    (meta.busy ? `**busy** = ${meta.busy.plans} weekly plans with 100 items in every week (${meta.busy.items.toLocaleString('en-US')} items), all in week 5. ` : '') +
    (meta.leet ? `**leet** = 3,000 LeetCode problems reviewed over 3 years (${meta.leet.sessions.toLocaleString('en-US')} sessions, FSRS cards), NeetCode 150 started. ` : '') +
    (before ? `Before = the build in ${beforeDir}, on stores its own generator made, timed in the same pairs. ` : '') +
    'Floor = Node + better-sqlite3 opening the store and running one indexed query (bench/floor.mjs). ' +
    'Every process is timed whole (spawn to exit), stdout to /dev/null, stderr to a file, STUDY_NOW fixed. ' +
    `Ratio = median of study/floor over the pairs (goal <= ${GOAL_RATIO}); large/small (leet/small for \`leet\` commands) = median of the big store's study times over the small one's (goal <= ${GOAL_FLAT}); ` +
    `peak RSS = the highest of ${RSS_RUNS} runs (goal <= ${GOAL_RSS_MIB} MiB; ${gnuTime ? 'GNU time %M' : 'process.resourceUsage(), GNU time not installed'}).`,
);
lines.push('');
lines.push(
  `| command | store | floor ms | study ms | ratio | ${before ? 'before ms | before ratio | ' : ''}peak RSS MiB | goals met |`,
);
lines.push(`|---|---|---:|---:|---:|${before ? '---:|---:|' : ''}---:|---|`);
for (const r of results) {
  if (r.missing) {
    lines.push(`| \`study ${r.name}\` | | | | | ${before ? '| | ' : ''}| not in this build: skipped |`);
    continue;
  }
  for (const [s, x] of Object.entries(r.stores)) {
    const goals = s === 'small' ? `ratio ${ok(r.goals.ratio)}, flat ${ok(r.goals.flat)} (${r.big}/small ${fmt(r.flat, 2)}), RSS ${ok(r.goals.rss)}` : '';
    const beforeCells = before ? `${x.before === null ? '-' : fmt(x.before)} | ${x.beforeRatio === null ? '-' : fmt(x.beforeRatio, 2)} | ` : '';
    lines.push(`| \`study ${r.name}\` | ${s} | ${fmt(x.floor)} | ${fmt(x.cmd)} | ${fmt(x.ratio, 2)} | ${beforeCells}${fmt(x.rss)} | ${goals} |`);
  }
}
const floorRss = results.filter((r) => !r.missing).flatMap((r) => Object.values(r.stores).map((x) => x.floorRss));
if (floorRss.length) lines.push('', `Floor peak RSS: ${fmt(Math.max(...floorRss))} MiB.`);
if (load) {
  lines.push('');
  lines.push('| `study load` of 50,000 items in 10 files | seconds | goal | peak RSS MiB | met |');
  lines.push('|---|---:|---:|---:|---|');
  lines.push(`| into an empty store | ${fmt(load.cold, 2)} | < ${GOAL_LOAD_S} | ${fmt(load.rssCold)} | ${ok(load.cold < GOAL_LOAD_S)} |`);
  lines.push(`| again, unchanged | ${fmt(load.again, 2)} | < ${GOAL_RELOAD_S} | ${fmt(load.rssAgain)} | ${ok(load.again < GOAL_RELOAD_S)} |`);
}
if (sync) {
  lines.push('');
  if (sync.missing) {
    lines.push('`study sync`: git not installed, not timed.');
  } else {
    lines.push('| `study sync` of the large store (50,000 items, 10 years of sessions), bare repository in a temp folder | seconds | goal | peak RSS MiB | met |');
    lines.push('|---|---:|---:|---:|---|');
    lines.push(`| first sync (the whole history written to the journal) | ${fmt(sync.first, 2)} | | | |`);
    lines.push(`| nothing new (git's own fetch, merge and push alone: ${fmt(sync.git, 2)}) | ${fmt(sync.again, 2)} | < ${GOAL_SYNC_S} + git's | ${fmt(sync.rssAgain)} | ${ok(sync.again - sync.git < GOAL_SYNC_S)} |`);
    lines.push(`| a second machine's first sync (everything applied) | ${fmt(sync.second, 2)} | | | |`);
  }
}
if (task) {
  lines.push('');
  if (task.missing) {
    lines.push('Taskwarrior: taskwarrior not installed: apt-get install taskwarrior (the comparison with `task next` was skipped).');
  } else {
    lines.push(
      `Taskwarrior ${task.version}: \`task next\` on N pending tasks against \`study today\` on a store of N items (10 plans), ` +
        'alternating, medians; `node -e 0` (Node starting and doing nothing) alongside for scale.',
    );
    lines.push('');
    lines.push('| N | task next ms | task next peak RSS MiB | study today ms | node -e 0 ms | task / study | goal | met |');
    lines.push('|---:|---:|---:|---:|---:|---:|---|---|');
    for (const r of task.sizes) {
      const goal = r.n >= 50000 ? GOAL_VS_TASK_50K : 1;
      lines.push(
        `| ${r.n.toLocaleString('en-US')} | ${fmt(r.task)} | ${fmt(r.taskRss)} | ${fmt(r.study)} | ${fmt(r.node)} | ${fmt(r.speedup, 2)} | >= ${goal}x | ${ok(r.speedup >= goal)} |`,
      );
    }
  }
}
const table = lines.join('\n') + '\n';
writeFileSync(join(root, 'bench/RESULTS.md'), table);
rmSync(errFile, { force: true });
console.log(`\n${table}`);
console.log('wrote bench/RESULTS.md');
