// study sync init REMOTE: the sync repository beside the store, from REMOTE.
import { syncDirOf } from '../../cli/paths.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';
import { initSyncRepo } from '../../sync/git.js';
import { gitEnvOf } from './env.js';

export default async function init(run: Run, args: string[]): Promise<number> {
  const store = await run.store();
  const device = (await store.sync()).device();
  const dir = syncDirOf(run.dbPath);
  const r = await initSyncRepo(dir, args[0]!, { device, cwd: run.ctx.cwd, env: gitEnvOf(run) });
  if (run.json) {
    run.out(JSON.stringify({ device, dir: r.dir, remote: r.remote, branch: r.branch, created: r.created, remoteHadHistory: r.remoteHadHistory }));
    return 0;
  }
  if (!r.created) run.note(`sync is set up already with ${safe(r.remote)}; nothing changed`);
  else run.note(`sync set up with ${safe(r.remote)} (${r.remoteHadHistory ? 'other machines have synced to it' : 'empty'}); this machine is ${device}`);
  run.note(`the sync folder: ${safe(r.dir)}`);
  run.note('next: study sync');
  return 0;
}
