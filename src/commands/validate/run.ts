// study validate PATH...: the checks of `study load`, writing nothing.
import { allItems } from '../../core/normalize.js';
import { collectRoadmapFiles, readRoadmapFiles } from '../../roadmap/file.js';
import type { Run } from '../../cli/run.js';
import { plural, safe } from '../../render/text.js';

export default async function validate(run: Run, args: string[]): Promise<number> {
  const files = collectRoadmapFiles(args, run.ctx.cwd);
  const sources = readRoadmapFiles(files, run.ctx.cwd);
  const rows = sources.map((s) => ({
    file: s.file,
    id: s.roadmap.id,
    kind: s.roadmap.kind,
    sections: s.roadmap.sections.length,
    items: [...allItems(s.roadmap)].length,
  }));
  if (run.json) {
    run.out(JSON.stringify({ files: rows }));
    return 0;
  }
  for (const r of rows) {
    run.out(`${run.chalk.green('ok')}  ${safe(r.file)}  ${r.id} (${r.kind}, ${plural(r.sections, 'section')}, ${plural(r.items, 'item')})`);
  }
  return 0;
}
