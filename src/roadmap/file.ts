// Roadmap files: bytes on disk -> a validated roadmap model, or every problem found,
// each with file:line:column. Loaded only by the commands that read YAML.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { LineCounter, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Roadmap } from '../core/model.js';
import { normalize, type Path } from '../core/normalize.js';
import { slugify } from '../core/slug.js';
import { StudyError } from '../cli/errors.js';
import { habit, item, roadmap as roadmapSchema, section } from './schema.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_ALIAS_COUNT = 100;
export const MAX_DEPTH = 32;
/** Problems reported per file before the rest are summarised. */
const MAX_PROBLEMS = 20;

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** One or more problems in roadmap files; its message has one `file:line:col: ...` line each. */
export class RoadmapFileError extends StudyError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'), 1);
    this.name = 'RoadmapFileError';
    this.problems = problems;
  }
}

export interface RoadmapSource {
  readonly roadmap: Roadmap;
  /** The path as shown to the user. */
  readonly file: string;
  readonly absPath: string;
  readonly text: string;
  readonly hash: string;
}

/** The name a user recognises: relative to the working folder when inside it. */
export function displayName(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/') ? rel : absPath;
}

const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

/** The YAML files named by PATHs: files as given, folders' *.yaml / *.yml (sorted, not recursive). */
export function collectRoadmapFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const problems: Problem[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      problems.push({ file: p, line: 0, col: 0, message: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) {
      const names = readdirSync(abs).filter(isYamlName).sort();
      if (names.length === 0) problems.push({ file: p, line: 0, col: 0, message: 'no roadmap files (*.yaml, *.yml) in this folder' });
      out.push(...names.map((n) => join(abs, n)));
    } else {
      out.push(abs);
    }
  }
  if (problems.length) {
    throw new StudyError(problems.map((pr) => `${pr.file}: ${pr.message}`).join('\n'), 1);
  }
  return [...new Set(out)];
}

/** Reads and validates every file; throws one RoadmapFileError listing the problems of all of them. */
export function readRoadmapFiles(absPaths: readonly string[], cwd: string): RoadmapSource[] {
  const sources: RoadmapSource[] = [];
  const problems: Problem[] = [];
  for (const abs of absPaths) {
    const file = displayName(abs, cwd);
    const result = readRoadmapFile(abs, file);
    if ('problems' in result) problems.push(...result.problems);
    else sources.push(result);
  }
  const seen = new Map<string, string>();
  for (const s of sources) {
    const other = seen.get(s.roadmap.id);
    if (other !== undefined) {
      problems.push({ file: s.file, line: 1, col: 1, message: `roadmap id "${s.roadmap.id}" is also the id of ${other}; give one of them another id:` });
    } else {
      seen.set(s.roadmap.id, s.file);
    }
  }
  if (problems.length) throw new RoadmapFileError(problems);
  return sources;
}

export function readRoadmapFile(absPath: string, file: string): RoadmapSource | { problems: Problem[] } {
  const at = (line: number, col: number, message: string) => ({ problems: [{ file, line, col, message }] });
  let size: number;
  try {
    const st = statSync(absPath);
    if (!st.isFile()) return at(0, 0, 'not a file');
    size = st.size;
  } catch {
    return at(0, 0, 'no such file');
  }
  if (size > MAX_FILE_BYTES) {
    return at(1, 1, `file is ${size.toLocaleString('en-US')} bytes, over the 1 MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes) limit for a roadmap`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (e) {
    return at(0, 0, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = bytes.subarray(0, bad).toString('utf8');
    const lines = before.split('\n');
    return at(lines.length, lines[lines.length - 1]!.length + 1, 'not valid UTF-8 text; save the file as UTF-8');
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const fallbackId = slugify(basename(absPath, extname(absPath)));
  const parsed = parseRoadmapText(text, file, fallbackId);
  if ('problems' in parsed) return parsed;
  return { roadmap: parsed.roadmap, file, absPath, text, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** A problem is one line: a line break quoted from the file (a key, a value) is shown as \n. */
const oneLine = (message: string): string => message.replace(/\r\n|\r|\n/g, '\\n');

/** YAML text -> roadmap model, or the problems with their positions. */
export function parseRoadmapText(text: string, file: string, fallbackId: string): { roadmap: Roadmap } | { problems: Problem[] } {
  const lc = new LineCounter();
  const problems: Problem[] = [];
  const add = (offset: number, message: string): void => {
    const { line, col } = lc.linePos(offset);
    problems.push({ file, line, col, message: oneLine(message) });
  };
  const done = (): { problems: Problem[] } => {
    problems.sort((a, b) => a.line - b.line || a.col - b.col);
    if (problems.length > MAX_PROBLEMS) {
      const rest = problems.length - MAX_PROBLEMS;
      const kept = problems.slice(0, MAX_PROBLEMS);
      kept.push({ file, line: kept[kept.length - 1]!.line, col: 1, message: `... and ${rest} more problems` });
      return { problems: kept };
    }
    return { problems };
  };

  // Tabs: YAML forbids them in indentation; say so plainly, once per line.
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const indent = /^[ \t]*/.exec(lineText)![0];
    const tab = indent.indexOf('\t');
    if (tab >= 0 && lineText.trim() !== '') problems.push({ file, line: i + 1, col: tab + 1, message: 'tab in indentation; indent with spaces' });
  });
  if (problems.length) return done();

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: false });
  } catch (e) {
    return { problems: [{ file, line: 1, col: 1, message: e instanceof RangeError ? `nested too deeply (at most ${MAX_DEPTH} levels)` : `cannot parse: ${oneLine((e as Error).message)}` }] };
  }
  for (const err of doc.errors) {
    const message = err.code === 'DUPLICATE_KEY' ? 'duplicate key; each key may appear once in a mapping' : err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    add(err.pos[0], message);
  }
  if (problems.length) return done();
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return { problems: [{ file, line: 1, col: 1, message: 'empty file; expected a roadmap mapping with title, kind and sections' }] };
  }
  if (!isMap(doc.contents)) {
    add(doc.contents.range?.[0] ?? 0, `expected a roadmap mapping with title, kind and sections, got ${describeNode(doc.contents)}`);
    return done();
  }

  // Nesting depth and aliases are bounded before anything is expanded.
  let firstAlias = -1;
  let tooDeep = -1;
  visit(doc, (_key, node, path) => {
    if (isCollection(node) && path.filter((p) => isCollection(p)).length >= MAX_DEPTH) {
      tooDeep = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
    if (firstAlias < 0 && isAlias(node)) firstAlias = node.range?.[0] ?? 0;
    return undefined;
  });
  if (tooDeep >= 0) {
    add(tooDeep, `nested too deeply (at most ${MAX_DEPTH} levels)`);
    return done();
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    add(firstAlias >= 0 ? firstAlias : 0, /alias/i.test((e as Error).message)
      ? `aliases expand too much (an alias bomb?); at most ${MAX_ALIAS_COUNT} expansions are allowed`
      : `cannot read: ${(e as Error).message}`);
    return done();
  }

  const result = roadmapSchema.safeParse(value);
  if (!result.success) {
    for (const issue of flatten(result.error.issues, value)) {
      if (issue.code === 'unrecognized_keys') {
        const keys = (issue as { keys: string[] }).keys;
        const container = nodeAt(doc, issue.path);
        for (const key of keys) {
          const pair = isMap(container.node) ? container.node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
          const offset = (pair?.key as Node | undefined)?.range?.[0] ?? container.node?.range?.[0] ?? 0;
          add(offset, `${labelPrefix(issue.path)}unknown key "${key}"; expected one of: ${expectedKeys(issue.path).join(', ')}`);
        }
        continue;
      }
      const valueHere = valueAt(value, issue.path);
      if (valueHere === undefined && issue.path.length > 0) {
        const parent = issue.path.slice(0, -1);
        add(nodeAt(doc, parent).node?.range?.[0] ?? 0, `${labelPrefix(parent)}missing key "${String(issue.path[issue.path.length - 1])}"`);
        continue;
      }
      const where = nodeAt(doc, issue.path);
      let message = issue.message;
      if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
        message += `, got ${describeValue(valueHere)}`;
      }
      add(where.node?.range?.[0] ?? 0, `${labelPrefix(issue.path)}${message}`);
    }
    return done();
  }

  const raw = result.data;
  const id = raw.id ?? fallbackId;
  if (id === '') {
    return { problems: [{ file, line: 1, col: 1, message: 'cannot make a roadmap id from the file name; add `id: my-roadmap`' }] };
  }
  const { roadmap, issues } = normalize(raw, id);
  for (const issue of issues) add(nodeAt(doc, issue.path).node?.range?.[0] ?? 0, `${labelPrefix(issue.path)}${issue.message}`);
  if (problems.length) return done();
  return { roadmap };
}

type Issue = z.core.$ZodIssue;
interface FlatIssue {
  code: string;
  path: (string | number)[];
  message: string;
  keys?: string[];
}

/**
 * zod issues with unions resolved: when exactly one branch of a union matched the value's
 * type (a mapping given where "title or mapping" is allowed), that branch's issues are
 * reported at their full paths instead of the union's summary.
 */
function flatten(issues: readonly Issue[], root: unknown, prefix: (string | number)[] = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length > 0) {
      const matched = (issue.errors as Issue[][]).filter((branch) => !branch.some((b) => b.code === 'invalid_type' && b.path.length === 0));
      if (matched.length === 1) {
        out.push(...flatten(matched[0]!, root, path));
        continue;
      }
    }
    out.push({ ...(issue as FlatIssue), path });
  }
  return out;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The YAML node at a path, or the deepest existing node on the way there. */
function nodeAt(doc: Document, path: Path): { node: Node | null } {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
    } else {
      break;
    }
  }
  return { node: (node as Node | null) ?? null };
}

/** `weeks: ` for [sections, 2, weeks]; `tasks[3]: ` for [sections, 0, tasks, 3]. */
function labelPrefix(path: Path): string {
  if (path.length === 0) return '';
  const last = path[path.length - 1]!;
  if (typeof last === 'string') return `${last}: `;
  const key = path.length >= 2 ? path[path.length - 2] : undefined;
  return typeof key === 'string' ? `${key}[${last}]: ` : `[${last}]: `;
}

function expectedKeys(path: Path): string[] {
  const shapeKeys = (s: { shape: object }): string[] => Object.keys(s.shape).filter((k) => k !== '$schema');
  if (path.length === 0) return shapeKeys(roadmapSchema);
  if (path.length === 2 && path[0] === 'sections') return shapeKeys(section);
  if (path.length === 2 && path[0] === 'habits') return shapeKeys(habit);
  const objectBranch = item.options[1];
  return shapeKeys(objectBranch);
}

function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 37)}..."` : `"${v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  return String(v);
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return describeValue(node.value);
  return 'something else';
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n + 0 && i + need > n - 1 + 1) return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
