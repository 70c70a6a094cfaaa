// study sync [--status]: one sync with the other machines (src/sync/engine.ts), or where
// it stands.
import { timestampOf } from '../../cli/clock.js';
import { syncDirOf } from '../../cli/paths.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';
import { loadCardEngine } from '../../store/index.js';
import { runSync, statusOf } from '../../sync/engine.js';
import { gitEnvOf } from './env.js';
import type { SyncOptions } from './index.js';

/** A moment as the messages give it: '2026-11-04 09:00'. */
const when = (at: string | null): string => (at === null ? 'never' : at.slice(0, 16).replace('T', ' '));

export default async function sync(run: Run, _args: string[], opts: SyncOptions): Promise<number> {
  const dir = syncDirOf(run.dbPath);
  const env = gitEnvOf(run);
  if (opts.status) return status(run, dir, env);
  const store = await run.store();
  await loadCardEngine(); // applying LeetCode sessions schedules their cards
  const at = timestampOf(run.now);
  const r = await runSync(store, dir, { env, at, nowMs: Date.parse(at) });
  const devices = Object.keys(r.report.byDevice).sort();
  if (run.json) {
    run.out(
      JSON.stringify({
        device: r.device,
        branch: r.run.branch,
        backfilled: r.backfilled,
        written: r.written,
        committed: r.run.committed,
        pushed: r.run.pushed,
        retried: r.run.retried,
        applied: r.report.applied,
        byDevice: r.report.byDevice,
        changed: r.report.changed,
        repaired: r.run.repaired,
      }),
    );
    return 0;
  }
  for (const what of r.run.repaired) run.note(`repaired what an interrupted sync left: ${safe(what)}`);
  if (r.backfilled > 0) run.note(`your history before sync went to the journal: ${plural(r.backfilled, 'event')}`);
  const sent = r.written > 0 ? `sent ${plural(r.written, 'change')}` : 'nothing new to send';
  const got = r.report.applied > 0 ? `applied ${plural(r.report.applied, 'change')} from ${devices.map(safe).join(', ')}` : 'nothing new from other machines';
  run.out(`Synced: ${sent}; ${got}.`);
  return 0;
}

async function status(run: Run, dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const store = await run.reader();
  const s = await statusOf(store, dir, { env });
  if (run.json) {
    run.out(JSON.stringify({ device: s.device, dir: s.dir, remote: s.remote, branch: s.branch, lastSync: s.lastSync, toPush: s.toPush, toApply: s.toApply }));
    return 0;
  }
  const rows: [string, string][] = [
    ['device', s.device ?? 'none yet (made at the first change or sync)'],
    ['remote', s.remote === null ? 'not set up (study sync init REMOTE)' : `${safe(s.remote)} (${safe(s.branch ?? '')})`],
    ['folder', safe(s.dir)],
    ['last sync', when(s.lastSync)],
    ['to push', `${plural(s.toPush.events, 'change')}${s.toPush.commits ? `, ${plural(s.toPush.commits, 'commit')}` : ''}`],
    ['to apply', plural(s.toApply, 'change')],
  ];
  run.out(rows.map(([k, v]) => `${k.padEnd(10)}${v}`).join('\n'));
  return 0;
}
