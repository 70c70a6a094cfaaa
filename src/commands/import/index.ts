import type { CommandDef } from '../../cli/command.js';
import { KINDS } from '../../core/model.js';

export const importPlan: CommandDef = {
  name: 'import',
  summary: 'turn a Markdown study plan into roadmap YAML (stdout, --out PATH, or --load)',
  group: 'Roadmap files:',
  args: [{ name: 'file', required: true, description: 'a Markdown plan, or - for stdin', complete: 'file' }],
  options: [
    { flags: '--out <path>', description: 'write the YAML to PATH (never over an existing file unless --force)', complete: 'file' },
    { flags: '--id <id>', description: 'the roadmap id (default: the file name, slugified)' },
    { flags: '--kind <kind>', description: 'the kind of plan (default: inferred)', choices: KINDS },
    { flags: '--load', description: 'also load it (writes <id>.yaml here when --out is not given)' },
    { flags: '--strict', description: 'fail (exit 1, writing nothing) if there is any warning' },
    { flags: '--force', description: 'overwrite the --out file if it exists' },
  ],
  help: `
Headings become sections ("Week 1-2", "Phase 3 (4-6 weeks)"), "Topics:" / "Tasks:" /
"Resources:" lists become item groups, [x] marks done, "Priority: High" lines are
attributes. What cannot be placed is reported as a warning with its line. The kind is
inferred unless --kind says otherwise. The manual: docs/import.md.

Examples:
  $ study import my-plan.md                      print the YAML, to review it
  $ study import my-plan.md --out my-plan.yaml
  $ study import my-plan.md --load               write my-plan.yaml here and load it
  $ study import notes.md --id go-plan --kind checklist --strict --out go-plan.yaml
`,
  action: () => import('./run.js'),
};
