import type { CommandDef } from '../../cli/command.js';

/** What the completion scripts ask for (src/cli/completion: DynamicKind). */
export const COMPLETE_KINDS = ['roadmap', 'plan', 'task', 'problem', 'setting', 'habit'] as const;

export const complete: CommandDef = {
  name: '__complete',
  summary: 'candidates for shell completion, one a line (used by the scripts of study completion)',
  hidden: true,
  args: [
    { name: 'kind', required: true, description: COMPLETE_KINDS.join(', ') },
    { name: 'prefix...', description: 'what was typed so far' },
  ],
  action: () => import('./run.js'),
};
