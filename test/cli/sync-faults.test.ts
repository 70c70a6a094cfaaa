// study sync when things go wrong: hostile or newer journals are refused with file:line and
// nothing of that sync is applied; without git, or without a remote that answers, one
// line, exit 1, the store and the journal untouched, and the next sync picks up.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTs } from '../../src/core/hlc.js';
import { cli } from '../support/cli.js';
import { exported, world, type Machine, type World } from '../support/sync.js';

const EVIL = 'evil-0bad0bad';
const NOV = Date.UTC(2026, 10, 23, 8, 0);

/** A line of a valid event of `device`. */
function line(type: string, payload: unknown, device = EVIL, ms = NOV): string {
  return JSON.stringify({ v: 1, id: randomBytes(16).toString('hex'), device, ts: formatTs({ ms, counter: 0 }), type, payload });
}

/** Pushes `lines` as the journal of another machine (`folder`), as a clone of the remote would. */
function pushJournal(w: World, lines: readonly string[], folder = EVIL): void {
  const dir = join(w.dir, `push-${randomBytes(3).toString('hex')}`);
  w.git(w.dir, 'clone', '--quiet', '--branch', 'main', w.remote, dir);
  mkdirSync(join(dir, 'journal', folder), { recursive: true });
  writeFileSync(join(dir, 'journal', folder, '2026-11.jsonl'), lines.map((l) => `${l}\n`).join(''));
  w.git(dir, 'add', '-A');
  w.git(dir, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '--quiet', '-m', 'evil');
  w.git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
}

const session = { habitId: 'reading', day: '2026-11-23', at: '2026-11-23T09:00:00+01:00', problem: null, number: null, slug: null, title: null, difficulty: null, minutes: 10, result: null, tags: [], note: null, rating: null };

/** A machine with a plan and a done item, synced once, and what it holds. */
async function started(w: World): Promise<{ a: Machine; before: unknown }> {
  const a = await w.machine('a');
  await a.run(['load']);
  await a.run(['start', 'system-architecture-12w']);
  await a.run(['done', 'monolith-vs-microservices'], '2026-11-23T09:30');
  await a.sync('2026-11-23T09:40');
  return { a, before: await exported(a) };
}

describe('study sync refuses journals it cannot trust', () => {
  it.each([
    ['a line that is not JSON', ['{"v":1,"id":'], /:2: not valid JSON \(/],
    ['a line of 100 KiB', [line('session.added', { ...session, note: 'x'.repeat(100 * 1024) })], /:2: a session\.added line is 101 KiB; the limit is 64 KiB$/],
    ['an event claiming another device', [line('session.added', session, 'laptop-12345678')], /:2: device "laptop-12345678" is not this journal's device "evil-0bad0bad"$/],
    ['an unknown type', [line('session.exploded', session)], /:2: unknown event type "session\.exploded"$/],
    ['a time far in the future', [line('session.added', session, EVIL, NOV + 30 * 86_400_000)], /:2: timestamp 2026-12-23T08:00:00\.000Z-00000 is more than a day ahead of this machine's clock/],
    ['a line of a newer study', [line('session.added', session).replace('"v":1', '"v":2')], /:2: written by a newer study \(journal format 2; this study reads up to 1\): upgrade study on this machine$/],
  ])('%s: file:line, exit 1, nothing applied', async (_what, lines, message) => {
    const w = world();
    const { a, before } = await started(w);
    // a good line first: it is not applied either
    pushJournal(w, [line('session.added', session), ...lines]);
    await a.run(['leet', 'log', '1'], '2026-11-23T09:50'); // done here meanwhile: still sent
    const r = await a.run(['sync'], '2026-11-23T10:00');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const [first, ...rest] = r.err.split('\n');
    expect(rest).toEqual(['']);
    expect(first).toMatch(/^study: journal\/evil-0bad0bad\/2026-11\.jsonl:\d+: /);
    expect(first!.replace(/; nothing from this sync was applied .*$/, '')).toMatch(message);
    expect(first).toMatch(/; nothing from this sync was applied \(docs\/sync\.md: a refused journal line\)$/);
    expect(first).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const after = (await exported(a)) as { sessions: unknown[] };
    expect(after.sessions).toHaveLength(1); // its own session only
    expect({ ...after, sessions: [] }).toEqual({ ...(before as object), sessions: [] });
    // what it did itself went to the remote all the same; another machine refuses the line too
    const device = (await a.json<{ device: string }>(['sync', '--status'])).device;
    expect(w.git(w.remote, 'show', `main:journal/${device}/2026-11.jsonl`)).toMatch(/"type":"session\.added","payload":\{"habitId":"leetcode"/);
    const b = await w.machine('b');
    expect((await b.run(['sync'])).err).toMatch(/^study: journal\/evil-0bad0bad\/2026-11\.jsonl:2: /);
  });

  it('a roadmap from another machine with escapes in its titles is loaded as text and shown harmless', async () => {
    const w = world();
    const a = await w.machine('a');
    await a.sync();
    const yaml = 'id: evil\ntitle: "\\e[31mRED\\e]8;;https://x.example\\a click \\u202e"\nkind: checklist\nsections:\n  - id: s\n    title: "\\e[2J wipe"\n    items:\n      - "\\e[5mblink"\n';
    const hash = createHash('sha256').update(yaml).digest('hex');
    pushJournal(w, [line('roadmap.loaded', { roadmapId: 'evil', file: 'evil.yaml', yaml, hash, at: '2026-11-23T08:00:00+01:00' })]);
    await a.sync('2026-11-23T10:00');
    const shown = [await a.run(['roadmaps']), await a.run(['show', 'evil']), await a.run(['start', 'evil']), await a.run(['today'])];
    for (const r of shown) {
      expect(r.code, r.err).toBe(0);
      expect(r.out + r.err).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    }
    expect(shown[0]!.out).toMatch(/evil/);
    // the copy beside the journal is the YAML as it came
    expect(readFileSync(join(w.dir, 'a', 'study-sync', 'roadmaps', 'evil.yaml'), 'utf8')).toBe(yaml);
  });
});

describe('one study sync at a time', () => {
  it('waits for another run that holds the sync folder; takes over from one that was killed', async () => {
    const w = world();
    const { a } = await started(w);
    const lock = join(w.dir, 'a', 'study-sync', '.git', 'study-sync.pid');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, String(other.pid));
      const r = await a.run(['sync'], '2026-11-23T10:00');
      expect(r).toEqual({ code: 1, out: '', err: `study: another study sync is running (process ${other.pid}); run study sync again when it has finished\n` });
    } finally {
      other.kill('SIGKILL');
    }
    await new Promise((done) => other.on('exit', done));
    expect((await a.run(['sync'], '2026-11-23T10:01')).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('study sync without git or a remote', () => {
  it('without git: one line, exit 1, nothing written; with git again it picks up', async () => {
    const w = world();
    const { a } = await started(w);
    await a.run(['done', 'clean-architecture-layers'], '2026-11-23T09:45');
    const folder = join(w.dir, 'a', 'study-sync');
    const was = readTree(folder);
    const store = readFileSync(a.db);
    const r = await cli(['sync'], { db: a.db, now: '2026-11-23T10:00', env: { ...w.env, PATH: join(w.dir, 'no-bin') } });
    expect(r).toEqual({ code: 1, out: '', err: 'study: git is not installed or not on PATH: study sync runs your own git; install git and run study sync again\n' });
    expect(readTree(folder)).toBe(was);
    expect(readFileSync(a.db).equals(store)).toBe(true);
    expect((await a.sync('2026-11-23T10:10')).out).toBe('Synced: sent 1 change; nothing new from other machines.\n');
  });

  it('a remote that does not answer: one line, exit 1, the store and the journal untouched; the next sync picks up', async () => {
    const w = world();
    const { a } = await started(w);
    await a.run(['done', 'clean-architecture-layers'], '2026-11-23T09:45');
    const status = await a.json<{ toPush: { events: number } }>(['sync', '--status']);
    expect(status.toPush.events).toBe(1);
    const folder = join(w.dir, 'a', 'study-sync');
    const snapshot = () => w.git(folder, 'log', '--format=%H', '-1') + readTree(join(folder, 'journal'));
    const was = snapshot();
    const store = readFileSync(a.db);
    renameSync(w.remote, `${w.remote}.away`); // the USB stick is not plugged in
    const r = await a.run(['sync'], '2026-11-23T10:00');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^study: fetching: cannot reach the remote \S+remote\.git \(.+\); check it with: git ls-remote \S+remote\.git\n$/);
    expect(snapshot()).toBe(was);
    expect(readFileSync(a.db).equals(store)).toBe(true);
    expect((await a.json<{ toPush: { events: number } }>(['sync', '--status'])).toPush.events).toBe(1);
    renameSync(`${w.remote}.away`, w.remote);
    expect((await a.sync('2026-11-23T10:10')).out).toBe('Synced: sent 1 change; nothing new from other machines.\n');
    const b = await w.machine('b');
    await b.sync('2026-11-23T10:20');
    expect(await exported(b)).toEqual(await exported(a));
  });
});

/** Every file under `dir` (but git's own), with its content. */
function readTree(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name === '.git') continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${p}:${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return out.join('\n');
}
