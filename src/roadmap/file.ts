// Roadmap files: bytes on disk -> a validated roadmap model, or every problem found,
// each with file:line:column. Loaded only by the commands that read YAML.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { LineCounter, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Roadmap } from '../core/model.js';
import { normalize, type Path } from '../core/normalize.js';
import { slugify } from '../core/slug.js';
import { StudyError } from '../cli/errors.js';
import { readBounded } from '../cli/files.js';
import { excerpt } from '../render/text.js';
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
    // line 0: about the file as a whole (not there, not a file), not a place in it
    super(problems.map((p) => (p.line === 0 ? `${p.file}: ${p.message}` : `${p.file}:${p.line}:${p.col}: ${p.message}`)).join('\n'), 1);
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
      for (const n of names) out.push(join(abs, n));
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
    if ('problems' in result) for (const p of result.problems) problems.push(p);
    else sources.push(result);
  }
  const seen = new Map<string, string>();
  for (const s of sources) {
    const other = seen.get(s.roadmap.id);
    if (other !== undefined) {
      problems.push({ file: s.file, line: 1, col: 1, message: `roadmap id "${excerpt(s.roadmap.id, 40)}" is also the id of ${other}; give one of them another id:` });
    } else {
      seen.set(s.roadmap.id, s.file);
    }
  }
  if (problems.length) throw new RoadmapFileError(problems);
  return sources;
}

export function readRoadmapFile(absPath: string, file: string): RoadmapSource | { problems: Problem[] } {
  const at = (line: number, col: number, message: string) => ({ problems: [{ file, line, col, message }] });
  // Only a regular file, and at most 1 MiB of it: /dev/zero, a pipe or a FIFO never ends.
  const read = readBounded(absPath, MAX_FILE_BYTES, 'a roadmap');
  if ('problem' in read) return /^file is /.test(read.problem) ? at(1, 1, read.problem) : at(0, 0, read.problem);
  const bytes = read.bytes;
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

  const notARoadmap = (node: Node): { problems: Problem[] } => {
    add(node.range?.[0] ?? 0, 'not a roadmap: none of title, kind and sections is at the top level');
    return done();
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
  // The parser reports running out of stack (thousands of levels) as an error at a
  // position, and what it could not read after it as more: the first says it all.
  const overflow = doc.errors.find((err) => /call stack/i.test(err.message));
  if (overflow) {
    add(overflow.pos[0], `nested too deeply (at most ${MAX_DEPTH} levels)`);
    return done();
  }
  if (doc.errors.length > 0 && isMap(doc.contents) && !looksLikeRoadmap(doc.contents)) return notARoadmap(doc.contents);
  for (const err of doc.errors) {
    const message = err.code === 'DUPLICATE_KEY' ? 'duplicate key; each key may appear once in a mapping' : err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    add(err.pos[0], message);
  }
  if (problems.length) return done();
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return { problems: [{ file, line: 1, col: 1, message: 'empty file; expected a roadmap mapping with title, kind and sections' }] };
  }
  // A file that is not a roadmap at all (a file given by mistake) is said so once, quoting
  // nothing of it: a line of such a file may be a secret.
  if (!isMap(doc.contents)) {
    add(doc.contents.range?.[0] ?? 0, `expected a roadmap mapping with title, kind and sections, got ${isScalar(doc.contents) ? typeName(doc.contents.value) : describeNode(doc.contents)}`);
    return done();
  }
  if (!looksLikeRoadmap(doc.contents)) return notARoadmap(doc.contents);

  // Nesting depth and aliases are bounded before anything is expanded. An alias names the
  // last node before it with that anchor (the YAML rule): one with none is undefined, and
  // one inside the node it names would expand forever.
  let firstAlias = -1;
  let tooDeep = -1;
  const anchors = new Map<string, Node>();
  const aliasProblems: { offset: number; message: string }[] = [];
  visit(doc, (_key, node, path) => {
    if (isCollection(node) && path.filter((p) => isCollection(p)).length >= MAX_DEPTH) {
      tooDeep = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
    if (isAlias(node)) {
      if (firstAlias < 0) firstAlias = node.range?.[0] ?? 0;
      const source = anchors.get(node.source);
      const name = excerpt(node.source, 24);
      if (source === undefined) {
        aliasProblems.push({ offset: node.range?.[0] ?? 0, message: `alias *${name} has no anchor &${name} before it` });
      } else if (path.includes(source as never)) {
        aliasProblems.push({ offset: node.range?.[0] ?? 0, message: `alias *${name} is inside the node it names (&${name}): it would repeat forever` });
      }
    } else if ((isCollection(node) || isScalar(node)) && node.anchor) {
      anchors.set(node.anchor, node);
    }
    return undefined;
  });
  if (tooDeep >= 0) {
    add(tooDeep, `nested too deeply (at most ${MAX_DEPTH} levels)`);
    return done();
  }
  if (aliasProblems.length > 0) {
    for (const p of aliasProblems) add(p.offset, p.message);
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
          add(offset, `${labelPrefix(issue.path)}unknown key "${excerpt(key, 40)}"; expected one of: ${expectedKeys(issue.path).join(', ')}`);
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

/** A mapping with at least one of a roadmap's keys at its top. */
function looksLikeRoadmap(map: { items: readonly { key: unknown }[] }): boolean {
  return map.items.some((p) => isScalar(p.key) && ['title', 'kind', 'sections'].includes(String(p.key.value)));
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
  if (typeof v === 'string') return `"${excerpt(v, 40)}"`;
  if (typeof v === 'number') return `the number ${v}`;
  return String(v);
}

function typeName(v: unknown): string {
  return v === null ? 'nothing (null)' : typeof v === 'string' ? 'text' : typeof v === 'number' ? 'a number' : String(typeof v);
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
