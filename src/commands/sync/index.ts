import type { CommandDef } from '../../cli/command.js';

export interface SyncOptions {
  status?: boolean;
}

export const sync: CommandDef = {
  name: 'sync',
  summary: 'one history on several machines, through a git repository you own',
  group: 'Your data:',
  options: [{ flags: '--status', description: 'where sync stands: this device, the remote, the last sync, events to push and to apply' }],
  help: `
Each machine appends what you do to its own journal in a git repository (a private
GitHub or GitLab repository, or a bare repository on a USB stick); study sync
commits it, merges what the others pushed, pushes, and applies their changes. Set
it up once on each machine with study sync init REMOTE. It runs your own git with
your own keys; study stores no password. For one item, the later of done and undo
wins; settings, the later change; sessions are kept from every machine.

The sync folder is beside the store: ~/.local/share/study/study-sync for the
default store. docs/sync.md says more: set-up, conflicts, refused lines.

Examples:
  $ study sync init git@github.com:ana/study-sync.git
  $ study sync init /media/usb/study.git
  $ study sync
  $ study sync --status
`,
  action: () => import('./run.js'),
  subcommands: [
    {
      name: 'init',
      summary: 'set up sync with REMOTE: a git URL, or the path of a bare repository',
      args: [{ name: 'remote', required: true, description: 'a git URL, or the path of a bare repository (it may be empty)', complete: 'file' }],
      help: `
Clones REMOTE into the sync folder beside the store (or starts it, when REMOTE is
empty) and gives this machine its device id. Run it on each machine with the same
REMOTE, then study sync. Running it again with the same REMOTE changes nothing.

Examples:
  $ study sync init git@gitlab.com:ana/study-sync.git
  $ study sync init /media/usb/study.git     after: git init --bare /media/usb/study.git
`,
      action: () => import('./init.js'),
    },
  ],
};
