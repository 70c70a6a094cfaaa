// study import FILE.md [--out PATH] [--id ID] [--kind K] [--load] [--strict] [--force]:
// a Markdown study plan as roadmap YAML, written to stdout or PATH, optionally loaded.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { KINDS, type Kind } from '../../core/model.js';
import { allItems, normalize } from '../../core/normalize.js';
import { StudyError, UsageError } from '../../cli/errors.js';
import { decodePlanBytes, importMarkdown, NothingToImportError, roadmapToYaml } from '../../import/index.js';
import { displayName, MAX_FILE_BYTES } from '../../roadmap/file.js';
import { roadmap as roadmapSchema } from '../../roadmap/schema.js';
import type { Run } from '../../cli/run.js';
import { safe } from '../../render/text.js';

interface ImportOpts {
  out?: string;
  id?: string;
  kind?: string;
  load?: boolean;
  strict?: boolean;
  force?: boolean;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export default async function importCommand(run: Run, args: string[], rawOpts: Record<string, unknown>): Promise<number> {
  const opts = rawOpts as ImportOpts;
  const file = args[0];
  if (file === undefined) throw new UsageError('missing FILE: the Markdown plan to import (study import my-plan.md)');
  if (opts.kind !== undefined && !(KINDS as readonly string[]).includes(opts.kind)) {
    throw new UsageError(`--kind: expected one of ${KINDS.join(', ')}, got "${safe(opts.kind)}"`);
  }
  if (opts.id !== undefined && !SLUG.test(opts.id)) {
    throw new UsageError(`--id: expected lowercase letters, digits and hyphens (like my-plan), got "${safe(opts.id)}"`);
  }
  const cwd = run.ctx.cwd;
  const shown = file === '-' ? 'stdin' : displayName(resolve(cwd, file), cwd);
  const { text, warnings: readWarnings } = file === '-' ? await readStdin(run) : readMarkdown(resolve(cwd, file), shown);

  let result;
  try {
    result = importMarkdown(text, {
      fileName: file === '-' ? '' : basename(file),
      ...(opts.id !== undefined ? { id: opts.id } : {}),
      ...(opts.kind !== undefined ? { kind: opts.kind as Kind } : {}),
    });
  } catch (e) {
    if (e instanceof NothingToImportError) throw new StudyError(`${shown}: ${e.message}`);
    throw e;
  }
  const roadmapId = result.roadmap.id!;
  const yaml = roadmapToYaml(result.roadmap, shown);
  // `study load` refuses a roadmap file over 1 MiB: say so now, and with --load write nothing.
  const yamlBytes = Buffer.byteLength(yaml);
  const tooBig = yamlBytes > MAX_FILE_BYTES ? `the roadmap YAML is ${yamlBytes.toLocaleString('en-US')} bytes, over the 1 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes) that study load accepts; split the plan into smaller files` : null;
  if (tooBig !== null && opts.load) throw new StudyError(`${shown}: ${tooBig}; nothing written`);
  const warnings = [...readWarnings, ...result.warnings, ...(tooBig !== null ? [{ line: 0, message: tooBig }] : [])];
  const at = (line: number): string => (line > 0 ? `${safe(shown)}:${line}` : safe(shown));
  if (!run.json) {
    for (const w of warnings) run.note(`${at(w.line)}: warning: ${safe(w.message)}`);
    for (const n of result.notices) run.note(`${at(n.line)}: note: ${safe(n.message)}`);
    if (result.repaired > 0) {
      run.note(`${safe(shown)}: repaired ${result.repaired} characters that had been saved as UTF-8 read as Mac Roman or Windows-1252 (like üìÖ for 📅)`);
    }
  }
  if (opts.strict && warnings.length > 0) {
    throw new StudyError(`${shown}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'} with --strict; nothing written`);
  }

  // The importer's output must be a valid roadmap: anything else is a bug here. It is
  // checked as data, with the same schema and rules as a roadmap file; that the YAML reads
  // back to the same data is the writer's own test (test/import/), and reading a large
  // plan's YAML back here doubled the time and memory of its import.
  const checked = roadmapSchema.safeParse(result.roadmap);
  const normalized = checked.success ? normalize(checked.data, roadmapId) : null;
  if (!normalized || normalized.issues.length > 0) {
    const why = checked.success ? normalized?.issues[0]?.message : checked.error.issues[0]?.message;
    throw new Error(`the roadmap imported from ${shown} does not validate (${why})`);
  }
  const model = normalized.roadmap;
  let itemCount = 0;
  for (const _ of allItems(model)) itemCount++;

  let outPath: string | null = null;
  if (opts.out !== undefined) outPath = resolve(cwd, opts.out);
  else if (opts.load) outPath = resolve(cwd, `${roadmapId}.yaml`);
  if (outPath !== null) writeOut(outPath, yaml, cwd, opts.force === true, opts.out === undefined);

  const summary = {
    file: shown,
    id: model.id,
    kind: model.kind,
    sections: model.sections.length,
    items: itemCount,
    warnings: warnings.map((w) => ({ line: w.line, message: w.message })),
    notices: result.notices.map((n) => ({ line: n.line, message: n.message })),
  };
  let loaded: { id: string; items: number; added: number; updated: number; unchanged: number; archived: number } | null = null;
  let loadLine: string | null = null;
  if (opts.load && outPath !== null) {
    const { loadPaths, describeLoad } = await import('../load/run.js');
    const [report] = await loadPaths(run, [outPath]);
    if (report) {
      loaded = { id: report.id, items: report.items, added: report.added, updated: report.updated, unchanged: report.unchanged, archived: report.archived };
      loadLine = `${report.id}  ${report.items} items  ${describeLoad(report)}`;
    }
  }

  if (run.json) {
    run.out(
      JSON.stringify({
        ...summary,
        repaired: result.repaired,
        ...(outPath !== null ? { out: displayName(outPath, cwd) } : { yaml }),
        ...(loaded ? { loaded } : {}),
      }),
    );
    return 0;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = `${model.kind}, ${plural(summary.sections, 'section')}, ${plural(itemCount, 'item')}`;
  if (outPath === null) {
    run.out(yaml);
    run.note(`imported ${model.id} (${counts}) from ${safe(shown)}; save it with --out ${model.id}.yaml, or load it with --load`);
  } else {
    run.note(`wrote ${safe(displayName(outPath, cwd))}: ${model.id} (${counts})`);
  }
  if (loadLine !== null) run.out(loadLine);
  if (loaded && loaded.archived > 0) run.note(`${loaded.archived} items no longer in the file were archived; their completions are kept`);
  return 0;
}

function readMarkdown(abs: string, shown: string): { text: string; warnings: { line: number; message: string }[] } {
  let size: number;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) throw new StudyError(`${shown}: is a folder; give the Markdown file to import`);
    size = st.size;
  } catch (e) {
    if (e instanceof StudyError) throw e;
    throw new StudyError(`${shown}: no such file`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new StudyError(`${shown}: file is ${size.toLocaleString('en-US')} bytes, over the 1 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes) limit for a plan`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new StudyError(`${shown}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return decodePlanBytes(bytes);
}

async function readStdin(run: Run): Promise<{ text: string; warnings: { line: number; message: string }[] }> {
  if (run.ctx.stdin.isTTY) throw new UsageError('reading the plan from stdin (-), but stdin is a terminal; pipe a file in: study import - < my-plan.md');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of run.ctx.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_FILE_BYTES) throw new StudyError(`stdin: more than the 1 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes) limit for a plan`);
    chunks.push(b);
  }
  return decodePlanBytes(Buffer.concat(chunks));
}

function writeOut(abs: string, yaml: string, cwd: string, force: boolean, defaulted: boolean): void {
  const shown = displayName(abs, cwd);
  if (existsSync(abs) && !force) {
    const how = defaulted ? `choose another file with --out PATH, or overwrite it with --force` : `overwrite it with --force`;
    throw new StudyError(`${shown} already exists; ${how}`);
  }
  if (!existsSync(dirname(abs))) throw new StudyError(`${shown}: folder ${displayName(dirname(abs), cwd)} does not exist`);
  try {
    writeFileSync(abs, yaml);
  } catch (e) {
    throw new StudyError(`${shown}: cannot write: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
