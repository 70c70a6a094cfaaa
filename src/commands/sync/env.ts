import type { Run } from '../../cli/run.js';

/** The environment git runs with: the run's (PATH, HOME and git's own settings). */
export function gitEnvOf(run: Run): NodeJS.ProcessEnv {
  return { ...process.env, ...run.ctx.env };
}
