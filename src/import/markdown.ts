// A study plan written in Markdown -> a raw roadmap (the YAML shape of SPEC section 1),
// plus warnings for what could not be placed. Pure: text in, data out.
//
// The structure comes from markdown-it's tokens (CommonMark + GFM tables): headings of
// any level (ATX or setext), lists at any depth, tables, paragraphs. Words are read only
// to classify what the structure holds: "Week 3" or "Phase 2 (4–6 weeks)" starts a
// section, "Topics:" / "Resources" switch the item group, "Priority: High" is an
// attribute, `[x]` a done mark. A document with no Markdown structure at all (a plan
// pasted as indented plain text) is read as an outline by its indentation.
import MarkdownIt, { type Token } from 'markdown-it';
import { z } from 'zod';
import type { Kind } from '../core/model.js';
import { slugify } from '../core/slug.js';
import type { RawHabit, RawItem, RawRoadmap, RawSection } from '../roadmap/schema.js';
import { repairMojibake } from './mojibake.js';

export interface ImportWarning {
  /** 1-based line of the Markdown source. */
  readonly line: number;
  readonly message: string;
}

export interface ImportOptions {
  /** The roadmap id (default: the file name's slug, else the title's). */
  readonly id?: string;
  /** Overrides the inferred kind. */
  readonly kind?: Kind;
  /** The source file's name, for the default id and title. */
  readonly fileName?: string;
}

export interface ImportResult {
  readonly roadmap: RawRoadmap;
  readonly warnings: ImportWarning[];
  /** Characters repaired from UTF-8 misread as Mac Roman or Windows-1252. */
  readonly repaired: number;
}

/** The document holds nothing that could become a section. */
export class NothingToImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToImportError';
  }
}

type GroupKey = 'topics' | 'tasks' | 'milestones' | 'items' | 'resources' | 'criteria';
/** What a label switches to: an item group, notes, or tips (tasks inside a section, notes for the whole plan). */
type LabelKey = GroupKey | 'notes' | 'tips';

const GROUP_ORDER: readonly GroupKey[] = ['topics', 'tasks', 'milestones', 'items', 'resources', 'criteria'];
const GROUP_ITEM_KIND: Record<GroupKey, string> = {
  topics: 'topic',
  tasks: 'task',
  milestones: 'milestone',
  items: 'item',
  resources: 'resource',
  criteria: 'criterion',
};
/** Items nest at most this deep (the YAML reader allows 32 levels of collections). */
const MAX_ITEM_DEPTH = 12;

// ---------------------------------------------------------------------------------------
// Words: labels, attributes, weeks, phases, durations.

const LABELS: ReadonlyArray<readonly [RegExp, LabelKey]> = [
  [/^(?:core |key |main |learning |study |important )?(?:topics?|concepts?|subjects?|theory|syllabus|objectives?|learning objectives?|learning goals?|goals|what to learn|focus areas?|skills?|learn)(?: to (?:learn|cover|study))?(?: covered)?$/, 'topics'],
  [/^(?:implementation |practical |hands[- ]on |weekly |coding |practice )?(?:tasks?|to-?dos?|action items?|exercises?|practice|projects?|project ideas?|mini[- ]projects?|assignments?|deliverables?|labs?|homework|what to build|build|challenges?)$/, 'tasks'],
  [/^(?:learning |study |recommended |useful |additional |further |suggested |free )?(?:resources?|references?|reading|readings|materials?|links?|books?|courses?|videos?|tutorials?|docs|documentation|learn from|where to learn|tools(?: to use)?|people to follow|who to follow|follow)$/, 'resources'],
  [/^(?:success criteria|criteria|success metrics|acceptance criteria|definition of done|done when|you are done when|outcomes?|expected outcomes?|checkpoints?)$/, 'criteria'],
  [/^milestones?$/, 'milestones'],
  [/^(?:checklist|items)$/, 'items'],
  [/^(?:tips|tips for success|pro tips)$/, 'tips'],
  [/^(?:notes?|remember|remarks?|comments?)$/, 'notes'],
];

type FieldKey = 'priority' | 'difficulty' | 'effort' | 'duration' | 'weeks' | 'status' | 'note';
const FIELDS: ReadonlyArray<readonly [RegExp, FieldKey]> = [
  [/^(?:priority|prio|importance)$/, 'priority'],
  [/^(?:difficulty|difficulty level|level|complexity)$/, 'difficulty'],
  [/^(?:time cost|time|effort|estimated time|est\.? time|estimate|time estimate|time required|time needed|time commitment|hours|est\.?)$/, 'effort'],
  [/^(?:duration|timeline|timeframe|time frame|length)$/, 'duration'],
  [/^(?:weeks?|plan weeks?)$/, 'weeks'],
  [/^(?:status|state)$/, 'status'],
  [/^(?:focus|scope|goal|goals|objective|why|note|expectation|expectations|description|summary|purpose|context|outcome|remember|tip)$/, 'note'],
];

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUM = String.raw`(\d{1,3}|${NUMBER_WORDS.join('|')})`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|to|through|thru|and|&)\s*`;
const WEEK_RE = new RegExp(String.raw`^(weeks?|wk|months?)\s*#?\s*${NUM}(?:${RANGE_SEP}(?:(?:weeks?|months?)\s*)?${NUM})?(?=$|[\s:.,;)|/\-–—])(.*)$`, 'i');
const PHASE_RE = new RegExp(String.raw`^(phase|stage)\s*#?\s*(\d{1,3}|[ivx]{1,5}|${NUMBER_WORDS.join('|')})(?=$|[\s:.,;)|/\-–—])(.*)$`, 'i');
const DURATION_TEXT_RE = /^(?:about|approx\.?|approximately|around|roughly|~)?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*)?(days?|d|weeks?|wks?|w|months?|mos?|mths?)\.?$/i;
const ONGOING_RE = /^(?:ongoing|continuous|continuously|forever|indefinite|open[- ]ended|always)$/i;

function toNumber(s: string): number {
  const w = NUMBER_WORDS.indexOf(s.toLowerCase());
  if (w >= 0) return w;
  if (/^[ivx]+$/i.test(s)) return roman(s);
  return Number(s);
}

function roman(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  const chars = s.toLowerCase();
  for (let i = 0; i < chars.length; i++) {
    const cur = v[chars[i]!]!;
    const next = v[chars[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** `~3 weeks`, `4–6 weeks`, `10 days`, `2 months`, `ongoing` in the form the YAML accepts, or null. */
export function normalizeDuration(text: string): string | null {
  const s = clean(text).replace(/^[(\[]|[)\]]$/g, '').trim();
  if (ONGOING_RE.test(s)) return 'ongoing';
  const m = DURATION_TEXT_RE.exec(s);
  if (!m) return null;
  const unitRaw = m[3]!.toLowerCase();
  const unit = unitRaw.startsWith('d') ? 'days' : unitRaw.startsWith('m') ? 'months' : 'weeks';
  const approx = /^(?:about|approx|approximately|around|roughly|~)/i.test(s) ? '~' : '';
  const a = Number(m[1]);
  if (m[2] === undefined) return `${approx}${m[1]} ${a === 1 ? unit.replace(/s$/, '') : unit}`;
  if (Number(m[2]) < a) return null;
  return `${approx}${m[1]}-${m[2]} ${unit}`;
}

interface WeekMatch {
  readonly weeks: readonly [number, number];
  /** The text after the week prefix, separators removed. */
  readonly rest: string;
  /** The text after the number as written, separators included. */
  readonly rawRest: string;
  /** Month headings keep their words in the title: the weeks alone would lose them. */
  readonly months: boolean;
  readonly problem?: string;
}

/** "Week 3", "Weeks 1–2", "Week 8 to 10", "Week 6 - 7: Title", "Month 2" -> plan weeks. */
export function matchWeek(text: string): WeekMatch | null {
  const m = WEEK_RE.exec(text);
  if (!m) return null;
  const rest = m[4]!;
  if (/^\s*(?:\+|onwards?\b|and (?:beyond|after|later)\b|or (?:more|later)\b)/i.test(rest)) return null;
  const months = /^m/i.test(m[1]!);
  let from = toNumber(m[2]!);
  let to = m[3] === undefined ? from : toNumber(m[3]);
  let problem: string | undefined;
  if (from < 1 || to < 1) return null;
  if (to < from) {
    problem = `weeks ${from}-${to} end before they start; read as ${to}-${from}`;
    [from, to] = [to, from];
  }
  const weeks: [number, number] = months ? [(from - 1) * 4 + 1, to * 4] : [from, to];
  return { weeks, rest: stripSeparators(rest), rawRest: rest, months, ...(problem ? { problem } : {}) };
}

interface PhaseMatch {
  readonly n: number;
  /** The heading as its title, without the duration or weeks in parentheses. */
  readonly title: string;
  readonly rest: string;
  readonly rawRest: string;
  readonly duration: string | null;
  readonly weeks: readonly [number, number] | null;
}

/** "Phase 2: Scaling (4–6 weeks)", "Stage III — ~3 weeks", "Phase 1 (Weeks 1–4)". */
export function matchPhase(text: string): PhaseMatch | null {
  const m = PHASE_RE.exec(text);
  if (!m) return null;
  const n = toNumber(m[2]!);
  let title = text;
  let duration: string | null = null;
  let weeks: readonly [number, number] | null = null;
  // A parenthesised duration or weeks anywhere, or a trailing "- 3 weeks" / ": ongoing".
  title = title.replace(/\s*[(\[]([^()\[\]]*)[)\]]/g, (whole, inner: string) => {
    const d = normalizeDuration(inner);
    if (d && duration === null) {
      duration = d;
      return '';
    }
    const w = matchWeek(clean(inner));
    if (w && w.rest === '' && weeks === null) {
      weeks = w.weeks;
      return '';
    }
    return whole;
  });
  if (duration === null) {
    title = title.replace(/\s*(?:[-–—:|,]|\bfor\b)\s*((?:about |approx\.? |~)?[\d.]+(?:\s*(?:-|–|to)\s*[\d.]+)?\s*[a-z]+|ongoing)\s*$/i, (whole, d: string) => {
      const nd = normalizeDuration(d);
      if (nd === null) return whole;
      duration = nd;
      return '';
    });
  }
  title = clean(title).replace(/[\s:–—-]+$/, '');
  return { n, title, rest: stripSeparators(m[3]!), rawRest: m[3]!, duration, weeks };
}

function stripSeparators(s: string): string {
  let r = clean(s).replace(/^[\s:.,;|\-–—]+/, '').trim();
  const paren = /^\((.*)\)$/.exec(r);
  if (paren && !paren[1]!.includes('(')) r = paren[1]!.trim();
  return r;
}

function matchLabel(text: string): LabelKey | null {
  const k = normKey(text);
  if (k === '') return null;
  for (const [re, key] of LABELS) if (re.test(k)) return key;
  return null;
}

function matchField(key: string): FieldKey | null {
  const k = normKey(key);
  for (const [re, f] of FIELDS) if (re.test(k)) return f;
  return null;
}

/** A key as compared: lowercase words, no emoji, no bold, no trailing colon or parenthetical. */
function normKey(s: string): string {
  return stripEmoji(s)
    .replace(/[*_`]/g, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[:：]\s*$/, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LEVEL_SPLIT = /\s*(?:→|->|⇒|–|—|-|\bto\b|\/|~|\bor\b)\s*/;

function levelOf(value: string, table: Readonly<Record<string, string>>, emoji: Readonly<Record<string, string>>): string | null {
  const s = stripEmoji(value).replace(/[*_`]/g, '').replace(/\(.*?\)/g, ' ').toLowerCase().trim();
  const parts = s.split(LEVEL_SPLIT).map((p) => p.trim()).filter((p) => p !== '');
  const mapped = parts.map((p) => table[p] ?? table[p.split(/\s+/)[0]!] ?? null);
  if (mapped.length >= 1 && mapped.length <= 2 && mapped.every((x) => x !== null)) {
    return mapped.length === 2 && mapped[0] === mapped[1] ? mapped[0]! : mapped.join('-');
  }
  if (mapped.length > 0 && mapped[0] !== null && parts.length > 2) return mapped[0]!;
  for (const [e, v] of Object.entries(emoji)) if (value.includes(e)) return v;
  return null;
}

const PRIORITY_WORDS: Record<string, string> = {
  critical: 'critical', crit: 'critical', urgent: 'critical', highest: 'critical', 'must-have': 'critical', must: 'critical', p0: 'critical', top: 'critical', essential: 'critical',
  high: 'high', p1: 'high', important: 'high',
  medium: 'medium', med: 'medium', mid: 'medium', normal: 'medium', moderate: 'medium', p2: 'medium',
  low: 'low', p3: 'low', p4: 'low', optional: 'low', lowest: 'low', 'nice-to-have': 'low', nice: 'low',
};
const PRIORITY_EMOJI: Record<string, string> = { '🔴': 'high', '🟠': 'medium', '🟡': 'medium', '🟢': 'low', '⚪': 'low' };
const DIFFICULTY_WORDS: Record<string, string> = {
  easy: 'easy', beginner: 'easy', basic: 'easy', simple: 'easy', low: 'easy', trivial: 'easy',
  medium: 'medium', intermediate: 'medium', moderate: 'medium', mid: 'medium', med: 'medium', normal: 'medium',
  hard: 'hard', advanced: 'hard', difficult: 'hard', expert: 'hard', high: 'hard', challenging: 'hard',
};
const DIFFICULTY_EMOJI: Record<string, string> = { '🟢': 'easy', '🟡': 'medium', '🟠': 'medium', '🔴': 'hard' };

export function parsePriority(value: string): string | null {
  return levelOf(value, PRIORITY_WORDS, PRIORITY_EMOJI);
}

export function parseDifficulty(value: string): string | null {
  return levelOf(value, DIFFICULTY_WORDS, DIFFICULTY_EMOJI);
}

/** `Short (30–60 minutes)`, `2 hours`, `90 min`, `1-2h` -> an effort the YAML accepts, and minutes when said. */
export function parseEffort(value: string): { effort: string; minutes: string | null } | null {
  const s = stripEmoji(value).replace(/[*_`]/g, '').trim().toLowerCase();
  const amount = (t: string): { effort: string; minutes: string | null } | null => {
    const m = /^~?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*)?(h|hr|hrs|hours?|m|mins?|minutes?)\b/.exec(t.trim());
    if (!m) return null;
    if (m[2] !== undefined && Number(m[2]) < Number(m[1])) return null;
    const unit = m[3]!.startsWith('h') ? 'h' : 'm';
    const range = m[2] === undefined ? m[1]! : `${m[1]}-${m[2]}`;
    const minutes = unit === 'm' ? range : m[2] === undefined ? String(Math.round(Number(m[1]) * 60)) : `${Math.round(Number(m[1]) * 60)}-${Math.round(Number(m[2]) * 60)}`;
    return { effort: `${range}${unit}`, minutes };
  };
  const named = /^(short|medium|long)\b(.*)$/.exec(s);
  if (named) {
    const inner = /\(([^)]*)\)/.exec(named[2]!);
    return { effort: named[1]!, minutes: inner ? amount(inner[1]!)?.minutes ?? null : null };
  }
  return amount(s);
}

// ---------------------------------------------------------------------------------------
// Text.

const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)(?:\uFE0F|\u200D|\p{Emoji_Modifier}|\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3)*`;
const LEADING_EMOJI = new RegExp(String.raw`^(?:${EMOJI}|\uFE0F|\s)+`, 'u');
/** A done mark at the end of a heading ("Roadmap ✅") is a status, not words. */
const TRAILING_MARK = /(?:\s*(?:✅|✔️?|☑️?|✓))+\s*$/u;
const ALL_EMOJI = new RegExp(EMOJI, 'gu');

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function stripEmoji(s: string): string {
  return clean(s.replace(ALL_EMOJI, ' ').replace(/\uFE0F/g, ''));
}

/** A heading's words: decorative emoji before them, a done mark after them and a trailing colon removed. */
function headingWords(s: string): string {
  const t = clean(s).replace(LEADING_EMOJI, '').replace(TRAILING_MARK, '').replace(/\s*[:：]$/, '').trim();
  return t === '' ? clean(s) : t;
}

/** A stable short hash (FNV-1a) for ids of titles with no Latin letters or digits. */
function hash6(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}

interface Link {
  readonly text: string;
  readonly href: string;
}

interface Inline {
  readonly text: string;
  readonly links: readonly Link[];
  /** Every word of the line is bold (emoji and colons aside). */
  readonly allBold: boolean;
  readonly images: number;
}

function readInline(tokens: readonly Token[]): Inline {
  let text = '';
  let outside = '';
  let boldText = '';
  let bold = 0;
  let images = 0;
  const links: Link[] = [];
  const open: { start: number; href: string }[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        text += t.content;
        if (bold > 0) boldText += t.content;
        else outside += t.content;
        break;
      case 'code_inline':
        text += '`' + t.content + '`';
        if (bold > 0) boldText += t.content;
        else outside += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content)) text += ' ';
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'link_open':
        open.push({ start: text.length, href: String(t.attrGet('href') ?? '') });
        break;
      case 'link_close': {
        const o = open.pop();
        if (o) links.push({ text: clean(text.slice(o.start)), href: o.href });
        break;
      }
      case 'image':
        // A badge ([![build](svg)](link)) is decoration; an image of its own may be content.
        if (open.length === 0) images++;
        break;
      default:
        break;
    }
  }
  const rest = stripEmoji(outside).replace(/[:：\s]/g, '');
  return { text: clean(text), links, allBold: rest === '' && clean(boldText) !== '', images };
}

/** Inline tokens split into lines at soft and hard breaks. */
function splitLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'softbreak' || t.type === 'hardbreak') lines.push([]);
    else lines[lines.length - 1]!.push(t);
  }
  return lines;
}

const DONE_MARK = /^(?:✅|✔️?|☑️?|✓)\s*/u;
const OPEN_MARK = /^(?:⬜|☐|🔲|◻️?)\s*/u;
/** `[ ]`, `[x]`, `[X]`; also `[✓]`, and the open states some editors add (`[-]`, `[~]`, `[/]`, `[>]`). */
const CHECKBOX = /^\[([ xX✓✔~\-/>])\]\s*/;
const BULLET_CHAR = /^[•◦▪▫‣⁃➤►▸▶]\s*/u;

function readCheck(text: string): { text: string; done: boolean | null } {
  const cb = CHECKBOX.exec(text);
  if (cb) return { text: text.slice(cb[0].length).trim(), done: /[xX✓✔]/.test(cb[1]!) };
  const d = DONE_MARK.exec(text);
  if (d) return { text: text.slice(d[0].length).trim(), done: true };
  const o = OPEN_MARK.exec(text);
  if (o) return { text: text.slice(o[0].length).trim(), done: false };
  return { text, done: null };
}

// ---------------------------------------------------------------------------------------
// Events: the document as a flat sequence of headings, fields, prose, lists and tables.

interface ListItem {
  readonly inl: Inline;
  readonly line: number;
  readonly children: ListItem[];
  /** Paragraphs of the item after its first. */
  readonly paras: string[];
}

interface TableCell {
  readonly inl: Inline;
  /** The cell's parts, split at <br>. */
  readonly parts: string[];
}

interface Field {
  readonly field: FieldKey;
  readonly key: string;
  readonly value: string;
}

/** All the fields of a line: "Priority: High | Difficulty: Hard | Effort: 90 min" has three. */
function fieldsOf(cls: Extract<LineClass, { kind: 'field' }>): Field[] {
  return [{ field: cls.field, key: cls.key, value: cls.value }, ...cls.more];
}

/** A line of several `Key: value` fields, split at |, ·, •, ; or a comma before a key; null unless every part is a field. */
function splitFields(text: string): Field[] | null {
  for (const sep of [/\s*[|·•;]\s*/, /,\s*(?=[^,:]{1,30}:)/]) {
    const parts = text.split(sep).map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length < 2) continue;
    const fields: Field[] = [];
    for (const part of parts) {
      const kv = /^([^:：]{1,30}?)\s*[:：]\s*(.*)$/.exec(part);
      const field = kv ? matchField(kv[1]!) : null;
      if (!kv || !field) break;
      fields.push({ field, key: headingWords(kv[1]!), value: clean(kv[2]!) });
    }
    if (fields.length === parts.length) return fields;
  }
  return null;
}

type LineClass =
  | { kind: 'week'; match: WeekMatch; label: LabelKey | null }
  | { kind: 'phase'; match: PhaseMatch; label: LabelKey | null }
  | { kind: 'label'; label: LabelKey; value: string }
  | { kind: 'field'; field: FieldKey; key: string; value: string; more: readonly Field[] }
  | { kind: 'bold' }
  | { kind: 'text' };

type Ev =
  | { t: 'heading'; level: number; inl: Inline; line: number; pseudo: boolean; cls: LineClass }
  | { t: 'field'; line: number; inl: Inline; cls: Extract<LineClass, { kind: 'field' | 'label' }> }
  | { t: 'para'; lines: { text: string; line: number; inl: Inline }[] }
  | { t: 'list'; items: ListItem[]; line: number }
  | { t: 'table'; header: TableCell[]; rows: { cells: TableCell[]; line: number }[]; line: number };

/**
 * What a line (or heading, or list item) says by its words. Headings need no separator
 * after "Week 3"; lines do ("Week 3: Caching", not "Week 3 was hard"), unless bold.
 */
function classify(inl: Inline, where: 'heading' | 'line' | 'item'): LineClass {
  const text = clean(inl.text).replace(LEADING_EMOJI, '').replace(BULLET_CHAR, '');
  const loose = where === 'heading' || inl.allBold;
  // "Phase 1 Resources" (no separator, then a label) is more for Phase 1, not a new phase.
  const refLabel = (m: { rest: string; rawRest: string }): LabelKey | null => (/^\s+[^\s:.\-–—|(]/.test(m.rawRest) ? matchLabel(m.rest) : null);
  const separated = (rawRest: string): boolean => rawRest.trim() === '' || /^\s*[:.,;|)(\-–—]/.test(rawRest);
  const week = matchWeek(text);
  if (week && (loose || separated(week.rawRest))) return { kind: 'week', match: week, label: refLabel(week) };
  const phase = matchPhase(text);
  if (phase && (loose || separated(phase.rawRest))) return { kind: 'phase', match: phase, label: refLabel(phase) };
  const several = where === 'heading' ? null : splitFields(text);
  if (several) return { kind: 'field', ...several[0]!, more: several.slice(1) };
  const kv = /^([^:：]{1,40}?)\s*[:：]\s*(.*)$/.exec(text);
  if (kv && !/https?$/i.test(kv[1]!)) {
    const key = kv[1]!;
    const value = clean(kv[2]!);
    const field = matchField(key);
    if (field && where !== 'heading') return { kind: 'field', field, key: headingWords(key), value, more: [] };
    const label = matchLabel(key);
    if (label && (where !== 'item' || value === '')) return { kind: 'label', label, value };
  }
  if (where === 'heading' || inl.allBold) {
    const label = matchLabel(text);
    if (label) return { kind: 'label', label, value: '' };
  }
  if (where !== 'heading' && inl.allBold && !/[:：]\s*$/.test(text)) return { kind: 'bold' };
  return { kind: 'text' };
}

const md = new MarkdownIt({ html: true, linkify: true });

function readList(tokens: readonly Token[], start: number, warn: Warn): { items: ListItem[]; next: number } {
  const items: ListItem[] = [];
  let i = start + 1;
  const closeType = tokens[start]!.type.replace('_open', '_close');
  while (i < tokens.length && tokens[i]!.type !== closeType) {
    const tok = tokens[i]!;
    if (tok.type !== 'list_item_open') {
      i++;
      continue;
    }
    const item: ListItem = { inl: { text: '', links: [], allBold: false, images: 0 }, line: (tok.map?.[0] ?? 0) + 1, children: [], paras: [] };
    let first = true;
    let inl: Inline | null = null;
    i++;
    while (i < tokens.length && tokens[i]!.type !== 'list_item_close') {
      const t = tokens[i]!;
      if (t.type === 'paragraph_open' || t.type === 'heading_open') {
        const read = readInline(tokens[i + 1]!.children ?? []);
        if (first) inl = read;
        else if (read.text) item.paras.push(read.text);
        first = false;
        i += 3;
      } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
        const r = readList(tokens, i, warn);
        item.children.push(...r.items);
        first = false;
        i = r.next;
      } else if (t.type === 'code_block') {
        warn((t.map?.[0] ?? 0) + 1, 'indented text inside a list item was read as code and skipped; indent it like the item to import it');
        i++;
      } else if (t.nesting === 1) {
        i = skipBlock(tokens, i);
      } else {
        i++;
      }
    }
    items.push({ ...item, inl: inl ?? item.inl });
    i++;
  }
  return { items, next: i + 1 };
}

/** The index after the block opened at `start` (its matching close). */
function skipBlock(tokens: readonly Token[], start: number): number {
  let depth = 0;
  let i = start;
  do {
    depth += tokens[i]!.nesting;
    i++;
  } while (i < tokens.length && depth > 0);
  return i;
}

function readTable(tokens: readonly Token[], start: number): { ev: Extract<Ev, { t: 'table' }>; next: number } {
  const header: TableCell[] = [];
  const rows: { cells: TableCell[]; line: number }[] = [];
  let row: TableCell[] | null = null;
  let rowLine = 0;
  let inHead = false;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') {
      row = [];
      rowLine = (t.map?.[0] ?? 0) + 1;
    } else if (t.type === 'tr_close' && row) {
      if (inHead) header.push(...row);
      else rows.push({ cells: row, line: rowLine });
      row = null;
    } else if (t.type === 'inline' && row) {
      const children = t.children ?? [];
      const parts: Token[][] = [[]];
      for (const c of children) {
        if (c.type === 'html_inline' && /^<br\s*\/?>$/i.test(c.content)) parts.push([]);
        else parts[parts.length - 1]!.push(c);
      }
      row.push({ inl: readInline(children), parts: parts.map((p) => readInline(p).text).filter((p) => p !== '') });
    }
  }
  return { ev: { t: 'table', header, rows, line: (tokens[start]!.map?.[0] ?? 0) + 1 }, next: i + 1 };
}

type Warn = (line: number, message: string) => void;

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? _);
}

/** Events of a Markdown document. */
function markdownEvents(tokens: readonly Token[], warn: Warn): Ev[] {
  const evs: Ev[] = [];
  let lastLevel = 1;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const inl = readInline(tokens[i + 1]!.children ?? []);
        const level = Number(t.tag.slice(1));
        lastLevel = level;
        if (inl.text !== '') evs.push({ t: 'heading', level, inl, line: (t.map?.[0] ?? 0) + 1, pseudo: false, cls: classify(inl, 'heading') });
        i += 3;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        paragraphEvents(splitLines(inline.children ?? []), (t.map?.[0] ?? 0) + 1, lastLevel, evs, warn);
        i += 3;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const r = readList(tokens, i, warn);
        evs.push({ t: 'list', items: r.items, line: (t.map?.[0] ?? 0) + 1 });
        i = r.next;
        break;
      }
      case 'table_open': {
        const r = readTable(tokens, i);
        evs.push(r.ev);
        i = r.next;
        break;
      }
      case 'code_block':
        warn((t.map?.[0] ?? 0) + 1, 'indented text was read as a code block and skipped; remove the indentation to import it');
        i++;
        break;
      case 'html_block': {
        // <h1 align="center">Plan</h1>, as many READMEs open: a heading. Other HTML is skipped.
        const h = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>\s*$/i.exec(t.content);
        const words = h ? clean(h[2]!.replace(/<[^>]*>/g, ' ')) : '';
        if (h && words !== '') {
          const inl: Inline = { text: decodeEntities(words), links: [], allBold: false, images: 0 };
          lastLevel = Number(h[1]);
          evs.push({ t: 'heading', level: lastLevel, inl, line: (t.map?.[0] ?? 0) + 1, pseudo: false, cls: classify(inl, 'heading') });
        }
        i++;
        break;
      }
      default:
        // Fenced code, HTML blocks and comments, rules: not part of a plan. Block quotes
        // are transparent: their paragraphs and lists are read like any other.
        i++;
        break;
    }
  }
  return evs;
}

/** A paragraph's lines: week/phase/bold lines become headings, labels and fields become fields, the rest prose. */
function paragraphEvents(lines: Token[][], firstLine: number, lastLevel: number, evs: Ev[], warn: Warn): void {
  let prose: { text: string; line: number; inl: Inline }[] = [];
  let bullets: ListItem[] = [];
  const flush = (): void => {
    if (prose.length) evs.push({ t: 'para', lines: prose });
    if (bullets.length) evs.push({ t: 'list', items: bullets, line: bullets[0]!.line });
    prose = [];
    bullets = [];
  };
  let open: Extract<Ev, { t: 'field' }> | null = null;
  lines.forEach((toks, k) => {
    const inl = readInline(toks);
    const line = firstLine + k;
    if (inl.text === '') {
      if (inl.images > 0) warn(line, 'image skipped');
      return;
    }
    if (BULLET_CHAR.test(inl.text)) {
      if (prose.length) {
        evs.push({ t: 'para', lines: prose });
        prose = [];
      }
      bullets.push({ inl: { ...inl, text: inl.text.replace(BULLET_CHAR, '') }, line, children: [], paras: [] });
      return;
    }
    const cls = classify(inl, 'line');
    if (open && cls.kind === 'text') {
      // "**Expectation:**" then its words on the next line: one note.
      open.cls = { ...open.cls, value: clean(`${open.cls.value} ${inl.text}`) };
      return;
    }
    open = null;
    if (cls.kind === 'week' || cls.kind === 'phase' || cls.kind === 'bold' || (cls.kind === 'label' && cls.value === '')) {
      flush();
      evs.push({ t: 'heading', level: lastLevel + 1, inl, line, pseudo: true, cls });
    } else if (cls.kind === 'label' || cls.kind === 'field') {
      flush();
      const ev: Extract<Ev, { t: 'field' }> = { t: 'field', line, inl, cls };
      evs.push(ev);
      if (cls.kind === 'field' && cls.field === 'note' && cls.value === '') open = ev;
    } else {
      if (bullets.length) {
        evs.push({ t: 'list', items: bullets, line: bullets[0]!.line });
        bullets = [];
      }
      prose.push({ text: inl.text, line, inl });
    }
  });
  flush();
}

/**
 * A document without headings, lists or tables (a plan pasted as plain text) read as an
 * outline: the first line is the title, week/phase lines and lines with indented lines
 * under them are sections, "Topics:"-style lines are labels, the rest are items nested by
 * their indentation. Paragraphs and indented blocks are both just lines here.
 */
function outlineEvents(tokens: readonly Token[], srcLines: readonly string[]): Ev[] {
  interface OLine {
    readonly indent: number;
    readonly text: string;
    readonly line: number;
    readonly inl: Inline;
    readonly blockStart: boolean;
    readonly blockEnd: boolean;
  }
  const lines: OLine[] = [];
  for (const t of tokens) {
    if ((t.type !== 'paragraph_open' && t.type !== 'code_block') || !t.map || t.level !== 0) continue;
    const [from, to] = t.map;
    const block: OLine[] = [];
    for (let l = from; l < to; l++) {
      const raw = srcLines[l] ?? '';
      if (raw.trim() === '') continue;
      let indent = 0;
      for (const ch of /^[ \t]*/.exec(raw)![0]) indent = ch === '\t' ? indent + 4 - (indent % 4) : indent + 1;
      const text = raw.trim();
      const inl = readInline(md.parseInline(text, {})[0]?.children ?? []);
      block.push({ indent, text, line: l + 1, inl, blockStart: false, blockEnd: false });
    }
    block.forEach((b, k) => lines.push({ ...b, blockStart: k === 0, blockEnd: k === block.length - 1 }));
  }
  const evs: Ev[] = [];
  if (lines.length === 0) return evs;
  const base = Math.min(...lines.map((l) => l.indent));
  let list: { item: ListItem; indent: number }[] = [];
  let listEv: Extract<Ev, { t: 'list' }> | null = null;
  const endList = (): void => {
    list = [];
    listEv = null;
  };
  const addItem = (l: OLine): void => {
    const inl = { ...l.inl, text: l.inl.text.replace(BULLET_CHAR, '') };
    const item: ListItem = { inl, line: l.line, children: [], paras: [] };
    while (list.length && list[list.length - 1]!.indent >= l.indent) list.pop();
    if (list.length) list[list.length - 1]!.item.children.push(item);
    else {
      if (!listEv) {
        listEv = { t: 'list', items: [], line: l.line };
        evs.push(listEv);
      }
      listEv.items.push(item);
    }
    list.push({ item, indent: l.indent });
  };
  let sawSection = false;
  lines.forEach((l, k) => {
    const next = lines[k + 1];
    const cls = classify(l.inl, 'line');
    if (k === 0 && l.blockEnd && cls.kind === 'text' && l.indent === base) {
      evs.push({ t: 'heading', level: 1, inl: l.inl, line: l.line, pseudo: true, cls: { kind: 'text' } });
      return;
    }
    if (cls.kind === 'week' || cls.kind === 'phase') {
      endList();
      sawSection = true;
      evs.push({ t: 'heading', level: 2, inl: l.inl, line: l.line, pseudo: true, cls });
    } else if (cls.kind === 'label' && cls.value === '') {
      endList();
      evs.push({ t: 'heading', level: 3, inl: l.inl, line: l.line, pseudo: true, cls });
    } else if (cls.kind === 'label' || cls.kind === 'field') {
      endList();
      evs.push({ t: 'field', line: l.line, inl: l.inl, cls });
    } else if (l.indent === base && ((next !== undefined && next.indent > base) || /[:：]$/.test(l.text))) {
      endList();
      sawSection = true;
      evs.push({ t: 'heading', level: 2, inl: l.inl, line: l.line, pseudo: true, cls: { kind: 'text' } });
    } else if (!sawSection && l.indent === base) {
      endList();
      evs.push({ t: 'para', lines: [{ text: l.inl.text, line: l.line, inl: l.inl }] });
    } else {
      addItem(l);
    }
  });
  return evs;
}

// ---------------------------------------------------------------------------------------
// The builder: events -> sections and items.

interface BItem {
  title: string;
  line: number;
  done: boolean | null;
  url: string | null;
  priority: string | null;
  difficulty: string | null;
  effort: string | null;
  minutes: string | null;
  notes: string[];
  children: BItem[];
  /** The whole line was one web link (a bare URL, or [text](url)): a resource wherever it stands. */
  linkOnly: boolean;
}

interface BSection {
  title: string;
  line: number;
  kind: 'plain' | 'week' | 'phase' | 'label';
  weeks: readonly [number, number] | null;
  /** Weeks came from a week heading, row or item (not from a phase's own words). */
  weekSection: boolean;
  duration: string | null;
  phase: number | null;
  description: string[];
  notes: string[];
  priority: string | null;
  difficulty: string | null;
  effort: string | null;
  minutes: string | null;
  groups: Map<GroupKey, BItem[]>;
  defaultGroup: GroupKey;
  /** A "Notes" / "Tips" section of the whole plan: its content becomes the roadmap's notes. */
  notesSink: boolean;
  habit: boolean;
}

const newItem = (title: string, line: number): BItem => ({
  title,
  line,
  done: null,
  url: null,
  priority: null,
  difficulty: null,
  effort: null,
  minutes: null,
  notes: [],
  children: [],
  linkOnly: false,
});

const DONE_WORDS = /^(?:\[[xX]\]|x|done|complete|completed|finished|yes|✅|✔️?|☑️?|✓)(?:\s|$)/iu;
const HABIT_TITLE = /\b(?:daily|every ?day|each day|per day|habits?|routine)\b|\/\s*day\b/i;
const ONGOING_TITLE = /\b(?:ongoing|continuous|continuing|lifelong|forever)\b/i;
const isWebUrl = (href: string): boolean => /^https?:\/\//i.test(href) && z.url().safeParse(href).success;

class Builder {
  readonly sections: BSection[] = [];
  readonly warnings: ImportWarning[] = [];
  title: string | null = null;
  readonly description: string[] = [];
  readonly roadmapNotes: string[] = [];

  private cur: BSection | null = null;
  private curLevel = 0;
  private group: LabelKey | null = null;
  private itemStack: { item: BItem; level: number }[] = [];
  private pending: { section: BSection; level: number } | null = null;
  /** The words of the last heading that turned out to hold only other sections. */
  private container: string | null = null;
  private titleLevel = 0;

  warn: Warn = (line, message) => {
    this.warnings.push({ line, message });
  };

  run(evs: Ev[]): void {
    const titleAt = this.findTitle(evs);
    evs.forEach((ev, k) => {
      if (ev.t === 'heading') {
        if (k === titleAt) {
          this.title = headingWords(ev.inl.text);
          this.titleLevel = ev.level;
          this.curLevel = ev.level;
          return;
        }
        if (titleAt >= 0 && k < titleAt) {
          // A heading above the title (a repository name over the plan's name): description.
          this.description.push(headingWords(ev.inl.text));
          return;
        }
        this.heading(ev, evs, k);
      } else if (ev.t === 'field') this.field(ev);
      else if (ev.t === 'para') this.para(ev, evs[k + 1]);
      else if (ev.t === 'list') this.list(ev);
      else this.table(ev);
    });
    this.closePending();
  }

  /**
   * The title: the first level-1 heading, or when the document opens with several
   * level-1 headings holding only prose (a repository name, then the plan's name), the
   * last of them. -1 when there is none.
   */
  private findTitle(evs: Ev[]): number {
    const leading: number[] = [];
    for (let k = 0; k < evs.length; k++) {
      const ev = evs[k]!;
      if (ev.t === 'heading') {
        if (ev.level !== 1 || (ev.cls.kind !== 'text' && ev.cls.kind !== 'bold')) break;
        if (ev.pseudo && k !== 0) break;
        if (leading.length > 0 && this.hasContent(evs, k)) break;
        leading.push(k);
        if (this.hasContent(evs, k)) break;
      } else if (ev.t !== 'para') break;
    }
    if (leading.length === 0) return -1;
    // More level-1 headings further down: they are sections, and the first one is the title.
    const h1s = evs.filter((ev) => ev.t === 'heading' && ev.level === 1 && !ev.pseudo).length;
    return h1s > leading.length ? leading[0]! : leading[leading.length - 1]!;
  }

  /** Whether heading k has a list, table or field of its own before the next heading (prose does not count). */
  private hasContent(evs: Ev[], k: number): boolean {
    for (let j = k + 1; j < evs.length; j++) {
      const ev = evs[j]!;
      if (ev.t === 'heading') return false;
      if (ev.t === 'list' || ev.t === 'table' || ev.t === 'field') return true;
    }
    return false;
  }

  /** What heading k holds before the next heading: prose, and tag lines (which make it an item). */
  private direct(evs: Ev[], k: number): { prose: boolean; tags: boolean } {
    let prose = false;
    let tags = false;
    for (let j = k + 1; j < evs.length; j++) {
      const ev = evs[j]!;
      if (ev.t === 'heading' && !(ev.pseudo && ev.cls.kind === 'bold' && j === k + 1)) break;
      if (ev.t === 'para') prose = true;
      if (ev.t === 'field' && ev.cls.kind === 'field' && isTag(ev.cls.field)) tags = true;
      if (ev.t === 'list' && ev.items.some((it) => { const c = classify(it.inl, 'item'); return c.kind === 'field' && isTag(c.field); })) tags = true;
    }
    return { prose, tags };
  }

  private newSection(title: string, line: number, kind: BSection['kind']): BSection {
    return {
      title,
      line,
      kind,
      weeks: null,
      weekSection: false,
      duration: null,
      phase: null,
      description: [],
      notes: [],
      priority: null,
      difficulty: null,
      effort: null,
      minutes: null,
      groups: new Map(),
      defaultGroup: 'items',
      notesSink: false,
      habit: false,
    };
  }

  /** Makes `s` the current section at heading level `level`. */
  private enter(s: BSection, level: number): void {
    this.closePending();
    this.sections.push(s);
    this.cur = s;
    this.curLevel = level;
    this.group = null;
    this.itemStack = [];
  }

  /** A heading with nothing under it yet: it becomes a section when content arrives. */
  private setPending(s: BSection, level: number): void {
    this.closePending();
    this.pending = { section: s, level };
    this.cur = null;
    this.curLevel = level;
    this.group = null;
    this.itemStack = [];
  }

  /** A pending heading followed by one at its level or above, or by the end: it has nothing under it. */
  private closePending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (p.section.kind === 'week' || p.section.kind === 'phase') {
      this.sections.push(p.section);
      return;
    }
    if (!p.section.notesSink) this.warn(p.section.line, `heading "${p.section.title}" has nothing under it; skipped`);
  }

  /** The section that receives content now (materialising a pending heading, or an implicit one). */
  private section(line: number): BSection {
    if (this.pending) {
      const { section, level } = this.pending;
      this.pending = null;
      this.sections.push(section);
      this.cur = section;
      this.curLevel = level;
      return section;
    }
    if (!this.cur) {
      const s = this.newSection(this.container ?? this.title ?? 'Plan', line, 'plain');
      this.sections.push(s);
      this.cur = s;
      this.curLevel = this.titleLevel;
    }
    return this.cur;
  }

  private groupList(s: BSection, key?: GroupKey): BItem[] {
    const g = key ?? (this.group && this.group !== 'notes' && this.group !== 'tips' ? this.group : this.group === 'tips' ? 'tasks' : s.defaultGroup);
    let list = s.groups.get(g);
    if (!list) {
      list = [];
      s.groups.set(g, list);
    }
    return list;
  }

  private get notesMode(): boolean {
    return this.group === 'notes' || (this.cur?.notesSink ?? this.pending?.section.notesSink ?? false);
  }

  private addNote(text: string, line: number): void {
    const s = this.section(line);
    if (s.notesSink) this.roadmapNotes.push(text);
    else s.notes.push(text);
  }

  private heading(ev: Extract<Ev, { t: 'heading' }>, evs: Ev[], k: number): void {
    const L = ev.level;
    const words = headingWords(ev.inl.text);
    // A pending heading followed by one at its level or above got no content.
    if (this.pending && L <= this.pending.level) this.closePending();
    while (this.itemStack.length && this.itemStack[this.itemStack.length - 1]!.level >= L) this.itemStack.pop();
    const cls = ev.cls;

    if ((cls.kind === 'week' || cls.kind === 'phase') && cls.label) {
      // "Phase 1 Resources", "Week 3 tasks": more for a section that exists.
      const matches = (s: BSection): boolean =>
        cls.kind === 'phase' ? s.phase === cls.match.n : s.weekSection && s.weeks?.[0] === cls.match.weeks[0] && s.weeks[1] === cls.match.weeks[1];
      if (this.pending && matches(this.pending.section)) this.section(ev.line);
      const target = this.sections.find(matches);
      this.discardPending();
      if (target) {
        this.cur = target;
        this.curLevel = L;
        this.itemStack = [];
      } else {
        const s = cls.kind === 'phase' ? this.phaseSection(`Phase ${cls.match.n}`, cls.match, ev.line) : this.weekSection(cls.match, ev.line);
        this.enter(s, L);
      }
      this.group = cls.label;
      return;
    }
    // A week or phase is a section even when empty, unless weeks or phases follow
    // under it ("Month 1" over "Week 1", "Week 2"): then it only groups them.
    if (cls.kind === 'week') {
      this.discardPending();
      this.setPending(this.weekSection(cls.match, ev.line), L);
      return;
    }
    if (cls.kind === 'phase') {
      this.discardPending();
      this.setPending(this.phaseSection(cls.match.title, cls.match, ev.line), L);
      return;
    }
    if (cls.kind === 'label') {
      const top = this.itemStack[this.itemStack.length - 1];
      if (top && L > top.level) return; // "Resources" under an item heading: more of the item.
      const owner = this.cur ? this.curLevel : this.pending ? this.pending.level : null;
      if (owner !== null && L > owner && !(this.cur?.notesSink || this.pending?.section.notesSink)) {
        this.section(ev.line);
        this.group = cls.label;
        return;
      }
      const s = this.newSection(words, ev.line, 'label');
      if (cls.label === 'notes' || cls.label === 'tips') s.notesSink = true;
      else s.defaultGroup = cls.label;
      this.setPending(s, L);
      return;
    }
    // A plain heading: an item of the section above it, or a section of its own.
    const { prose, tags } = this.direct(evs, k);
    const top = this.itemStack[this.itemStack.length - 1];
    if (this.notesMode && (this.cur || this.pending) && L > this.curLevel) {
      this.addNote(words, ev.line);
      return;
    }
    if (top && L > top.level) {
      const item = newItem(words, ev.line);
      top.item.children.push(item);
      this.itemStack.push({ item, level: L });
      return;
    }
    // Under a pending heading, a sub-heading is an item when the pending one is a week or
    // phase, or when the sub-heading holds a list or tags; one with prose of its own
    // ("### Project Overview" and a paragraph, under "## Based on ...") is a section.
    const pendingKind = this.pending?.section.kind;
    const underPending = this.pending !== null && L > this.pending.level && (tags || !prose || pendingKind === 'week' || pendingKind === 'phase');
    if ((this.cur && L > this.curLevel) || underPending || (tags && !this.cur && !this.pending)) {
      const s = this.section(ev.line);
      if (tags && this.curLevel >= L) this.curLevel = L - 1;
      const item = newItem(words, ev.line);
      this.groupList(s).push(item);
      this.itemStack = [{ item, level: L }];
      return;
    }
    if (this.pending && L > this.pending.level) this.discardPending();
    if (/^(?:weeks?|wk)\s*#?\s*0+\b/i.test(words)) this.warn(ev.line, `"${words}": plan weeks start at 1; imported as a section without weeks`);
    const s = this.newSection(words, ev.line, 'plain');
    s.habit = HABIT_TITLE.test(words);
    this.setPending(s, L);
  }

  /** The pending heading held only other sections: remember its words, write nothing. */
  private discardPending(): void {
    if (!this.pending) return;
    const s = this.pending.section;
    this.pending = null;
    if (s.kind === 'week' || s.kind === 'phase') return;
    this.container = s.title;
    if (this.sections.length === 0 && !s.notesSink) this.description.push(s.title);
  }

  private weekSection(m: WeekMatch, line: number): BSection {
    const [a, b] = m.weeks;
    const fallback = m.months ? '' : a === b ? `Week ${a}` : `Weeks ${a}-${b}`;
    const s = this.newSection(m.months ? headingWordsOfMonth(m) : m.rest || fallback, line, 'week');
    s.weeks = m.weeks;
    s.weekSection = true;
    if (m.problem) this.warn(line, m.problem);
    return s;
  }

  private phaseSection(title: string, m: PhaseMatch, line: number): BSection {
    const s = this.newSection(title, line, 'phase');
    s.phase = m.n;
    s.duration = m.duration;
    s.weeks = m.weeks;
    return s;
  }

  private field(ev: Extract<Ev, { t: 'field' }>): void {
    const cls = ev.cls;
    if (!this.cur && !this.pending && this.sections.length === 0 && this.itemStack.length === 0) {
      // "**Note:** ..." above every section: about the whole plan.
      const about = cls.kind === 'label' ? (cls.label === 'notes' || cls.label === 'tips' ? cls.value : null) : fieldsOf(cls).every((f) => f.field === 'note') ? ev.inl.text : null;
      if (about !== null) {
        if (about !== '') this.description.push(about);
        return;
      }
    }
    if (cls.kind === 'label') {
      const top = this.itemStack[this.itemStack.length - 1];
      if (cls.label === 'notes' || cls.label === 'tips') {
        if (top) top.item.notes.push(cls.value);
        else this.addNote(cls.value, ev.line);
        return;
      }
      if (top) {
        top.item.children.push(this.itemFromText(cls.value, ev.inl, ev.line));
        return;
      }
      const s = this.section(ev.line);
      this.group = cls.label;
      this.groupList(s).push(this.itemFromText(cls.value, ev.inl, ev.line));
      return;
    }
    const top = this.itemStack[this.itemStack.length - 1];
    for (const f of fieldsOf(cls)) {
      if (top) this.applyToItem(top.item, f.field, f.key, f.value, ev.line);
      else this.applyToSection(this.section(ev.line), f.field, f.key, f.value, ev.line);
    }
  }

  private applyToItem(item: BItem, field: FieldKey, key: string, value: string, line: number): void {
    switch (field) {
      case 'priority':
      case 'difficulty': {
        const v = field === 'priority' ? parsePriority(value) : parseDifficulty(value);
        if (v) item[field] = v;
        else this.unreadable(item.notes, key, value, line, field);
        return;
      }
      case 'effort':
      case 'duration': {
        const e = parseEffort(value);
        if (e) {
          item.effort = e.effort;
          item.minutes = e.minutes;
        } else if (field === 'duration' && normalizeDuration(value)) item.notes.push(`${key}: ${value}`);
        else this.unreadable(item.notes, key, value, line, 'effort');
        return;
      }
      case 'status':
        item.done = DONE_WORDS.test(value);
        return;
      default:
        item.notes.push(value === '' ? `${key}:` : `${key}: ${value}`);
    }
  }

  private applyToSection(s: BSection, field: FieldKey, key: string, value: string, line: number): void {
    switch (field) {
      case 'priority':
      case 'difficulty': {
        const v = field === 'priority' ? parsePriority(value) : parseDifficulty(value);
        if (v) s[field] = v;
        else this.unreadable(s.notes, key, value, line, field);
        return;
      }
      case 'effort':
      case 'duration': {
        const d = normalizeDuration(value);
        if (d && (field === 'duration' || !parseEffort(value))) {
          if (s.duration === null) s.duration = d;
          else s.notes.push(`${key}: ${value}`);
          return;
        }
        const e = parseEffort(value);
        if (e) {
          s.effort = e.effort;
          s.minutes = e.minutes;
          return;
        }
        this.unreadable(s.notes, key, value, line, field);
        return;
      }
      case 'weeks': {
        const w = matchWeek(`weeks ${value}`);
        if (w && w.rest === '') s.weeks = w.weeks;
        else this.unreadable(s.notes, key, value, line, 'weeks');
        return;
      }
      default: {
        const text = value === '' ? `${key}:` : `${key}: ${value}`;
        if (s.notesSink) this.roadmapNotes.push(text);
        else if (this.sectionHasItems(s) || value === '') s.notes.push(text);
        else s.description.push(text);
      }
    }
  }

  private unreadable(notes: string[], key: string, value: string, line: number, what: string): void {
    const expected: Record<string, string> = {
      priority: 'critical, high, medium or low',
      difficulty: 'easy, medium or hard',
      effort: 'short, medium, long, or hours/minutes like 2h or 30-60 min',
      duration: 'a duration like 3 weeks, 2-4 weeks, 10 days, 2 months, or ongoing',
      weeks: 'a week or a range like 1-2',
    };
    notes.push(`${key}: ${value}`);
    this.warn(line, `${key}: cannot read "${value}" as ${expected[what] ?? what}; kept as a note`);
  }

  private sectionHasItems(s: BSection): boolean {
    for (const list of s.groups.values()) if (list.length) return true;
    return false;
  }

  private para(ev: Extract<Ev, { t: 'para' }>, next: Ev | undefined): void {
    const first = ev.lines[0]!;
    const joined = ev.lines.map((l) => l.text).join(' ');
    const top = this.itemStack[this.itemStack.length - 1];
    if (!this.cur && !this.pending && this.sections.length === 0 && !top) {
      this.description.push(ev.lines.map((l) => l.text).join('\n'));
      return;
    }
    if (this.notesMode) {
      this.addNote(joined, first.line);
      return;
    }
    if (top) {
      top.item.notes.push(joined);
      return;
    }
    const s = this.section(first.line);
    // "**Current Features:**" over a list: a caption (a note), not the section's description.
    const caption = ev.lines.length === 1 && /[:：]$/.test(first.text) && next?.t === 'list' && (first.inl.allBold || first.text.split(/\s+/).length <= 4);
    if (this.group && !caption) {
      for (const l of ev.lines) {
        if (/[:：]$/.test(l.text)) s.notes.push(l.text);
        else this.groupList(s).push(this.itemFromText(l.text, l.inl, l.line));
      }
      return;
    }
    const prose = ev.lines.filter((l) => {
      const item = this.itemFromText(l.text, l.inl, l.line);
      if (!item.linkOnly) return true;
      this.groupList(s, 'resources').push(item);
      return false;
    });
    if (prose.length === 0) return;
    if (caption || this.sectionHasItems(s)) s.notes.push(prose.map((l) => l.text).join(' '));
    else s.description.push(prose.map((l) => l.text).join('\n'));
  }

  private list(ev: Extract<Ev, { t: 'list' }>): void {
    // A table of contents (every item a link to a heading of this page) is navigation.
    if (ev.items.length > 0 && ev.items.every(isAnchorOnly)) {
      if (this.pending?.section.kind === 'plain') this.pending = null;
      return;
    }
    const top = this.itemStack[this.itemStack.length - 1];
    if (this.notesMode) {
      for (const it of ev.items) this.notesFrom(it, (n) => this.addNote(n, it.line));
      return;
    }
    if (top) {
      this.listInto(top.item, ev.items, 1);
      return;
    }
    // A list of weeks ("- **Week 1:** ...") makes sections, unless it is inside a week or phase already.
    const inside = (this.cur ?? this.pending?.section)?.kind;
    const weeks = inside !== 'week' && inside !== 'phase';
    for (const it of ev.items) this.sectionListItem(it, weeks);
  }

  private notesFrom(it: ListItem, add: (note: string) => void): void {
    if (it.inl.text) add(it.inl.text);
    for (const p of it.paras) add(p);
    for (const c of it.children) this.notesFrom(c, add);
  }

  /** A top-level list item in a section: a week/phase/label with its children, a field, or an item. */
  private sectionListItem(it: ListItem, weeks: boolean): void {
    const cls = classify(it.inl, 'item');
    if ((cls.kind === 'week' || cls.kind === 'phase') && !cls.label && weeks) {
      this.discardPending();
      const s = cls.kind === 'week' ? this.weekSection(cls.match, it.line) : this.phaseSection(cls.match.title, cls.match, it.line);
      const level = this.curLevel;
      this.enter(s, level);
      for (const p of it.paras) s.description.push(p);
      for (const c of it.children) this.sectionListItem(c, false);
      return;
    }
    if (cls.kind === 'label' && cls.value === '') {
      if (cls.label === 'notes' || cls.label === 'tips') {
        for (const c of it.children) this.notesFrom(c, (n) => this.addNote(n, c.line));
        return;
      }
      const s = this.section(it.line);
      const outer = this.group;
      this.group = cls.label;
      this.listIntoSection(s, it.children);
      this.group = outer;
      return;
    }
    if (cls.kind === 'field') {
      const s = this.section(it.line);
      for (const f of fieldsOf(cls)) this.applyToSection(s, f.field, f.key, f.value, it.line);
      if (it.children.length) this.listIntoSection(s, it.children);
      return;
    }
    const s = this.section(it.line);
    this.listIntoSection(s, [it]);
  }

  private listIntoSection(s: BSection, items: readonly ListItem[]): void {
    const list = this.groupList(s);
    for (const it of items) {
      for (const item of this.itemsFrom(it, 1)) {
        // A bare link in a list with no label over it is a resource.
        if (item.linkOnly && this.group === null) this.groupList(s, 'resources').push(item);
        else list.push(item);
      }
    }
  }

  /** The items a list item makes: usually one; its children when it has no words of its own. */
  private itemsFrom(it: ListItem, depth: number): BItem[] {
    const { text, done } = readCheck(it.inl.text);
    if (text === '') {
      if (done !== null && it.children.length === 0) return [];
      return it.children.flatMap((c) => this.itemsFrom(c, depth));
    }
    const item = this.itemFromText(text, it.inl, it.line);
    if (done !== null) item.done = done;
    item.notes.push(...it.paras);
    this.listInto(item, it.children, depth + 1);
    return [item];
  }

  /** Children of `owner` from a list: attributes and notes for fields, items for the rest. */
  private listInto(owner: BItem, items: readonly ListItem[], depth: number): void {
    for (const it of items) {
      const cls = classify(it.inl, 'item');
      if (cls.kind === 'field') {
        for (const f of fieldsOf(cls)) this.applyToItem(owner, f.field, f.key, f.value, it.line);
        this.listInto(owner, it.children, depth);
        continue;
      }
      if (cls.kind === 'label' && cls.value === '' && it.children.length) {
        this.listInto(owner, it.children, depth);
        continue;
      }
      const made = this.itemsFrom(it, depth);
      if (depth > MAX_ITEM_DEPTH) {
        // Once, at the first level too deep (the levels below are flattened with it).
        if (depth === MAX_ITEM_DEPTH + 1) this.warn(it.line, `list nested deeper than ${MAX_ITEM_DEPTH} levels; the deeper items were attached to the item above`);
        for (const m of made) owner.children.push(...flatten(m));
      } else owner.children.push(...made);
    }
  }

  /** An item from a line's text and its links: one link gives the item its url, several give it children. */
  private itemFromText(text: string, inl: Inline, line: number): BItem {
    const { text: title0, done } = readCheck(clean(text));
    const links = inl.links.filter((l) => title0.includes(l.text));
    let title = title0;
    const item = newItem(title, line);
    if (done !== null) item.done = done;
    const web = links.filter((l) => isWebUrl(l.href));
    for (const l of links) {
      if (!isWebUrl(l.href) && !(l.href.startsWith('#') && l.href.length > 1)) {
        this.warn(line, `link "${l.text}" points to "${l.href}", which is not a web address; kept its text only`);
      }
    }
    if (web.length === 1) {
      const l = web[0]!;
      item.url = l.href;
      item.linkOnly = title === l.text;
      if (title === l.text && l.text === l.href) title = prettyUrl(l.href);
    } else if (web.length > 1) {
      for (const l of web) {
        const child = newItem(l.text === l.href ? prettyUrl(l.href) : l.text, line);
        child.url = l.href;
        item.children.push(child);
      }
    }
    item.title = title;
    return item;
  }

  private table(ev: Extract<Ev, { t: 'table' }>): void {
    const cols = ev.header.map((h) => columnOf(h.inl.text));
    const weekCol = cols.indexOf('week');
    const phaseCol = cols.indexOf('phase');
    let titleCol = cols.indexOf('title');
    const sectionCol = weekCol >= 0 ? weekCol : phaseCol;
    if (titleCol < 0) titleCol = cols.findIndex((c, i) => i !== sectionCol && (c === 'other' || c === 'topics' || c === 'tasks'));
    const top = this.itemStack[this.itemStack.length - 1];
    for (const row of ev.rows) {
      const cell = (i: number): TableCell | undefined => (i >= 0 ? row.cells[i] : undefined);
      const titleText = cell(titleCol)?.inl.text ?? '';
      if (sectionCol >= 0) {
        const key = cell(sectionCol)?.inl.text ?? '';
        const s = this.rowSection(key, titleText, sectionCol === weekCol ? 'week' : 'phase', row.line);
        cols.forEach((c, i) => {
          if (i === sectionCol || i === titleCol) return;
          this.cellInto(s, c, ev.header[i]!.inl.text, row.cells[i], row.line, null);
        });
        // A row marked done in a Status column: the items of that row are done.
        const status = cols.indexOf('status');
        if (status >= 0 && DONE_WORDS.test(row.cells[status]?.inl.text ?? '')) {
          for (const list of s.groups.values()) for (const it of list) it.done = true;
        }
        continue;
      }
      if (titleText === '') {
        if (row.cells.some((c) => c.inl.text !== '')) this.warn(row.line, 'table row with an empty first column skipped');
        continue;
      }
      const item = this.itemFromText(titleText, cell(titleCol)!.inl, row.line);
      cols.forEach((c, i) => {
        if (i === titleCol) return;
        this.cellInto(null, c, ev.header[i]!.inl.text, row.cells[i], row.line, item);
      });
      if (top) top.item.children.push(item);
      else this.groupList(this.section(row.line)).push(item);
    }
  }

  private rowSection(key: string, title: string, kind: 'week' | 'phase', line: number): BSection {
    const words = kind === 'week' ? (/^\d/.test(key.trim()) ? `Week ${key}` : key) : /^\d/.test(key.trim()) ? `Phase ${key}` : key;
    const inl: Inline = { text: words, links: [], allBold: false, images: 0 };
    const cls = classify(inl, 'heading');
    this.discardPending();
    let s: BSection;
    if (cls.kind === 'week') {
      s = this.weekSection(cls.match, line);
      if (title) s.title = title;
    } else if (cls.kind === 'phase') {
      const t = title ? `${cls.match.title}: ${title}` : cls.match.title;
      s = this.phaseSection(t, cls.match, line);
    } else {
      if (key.trim() !== '') this.warn(line, `"${key}" is not a ${kind} number; the row was imported as a section without ${kind === 'week' ? 'weeks' : 'a phase number'}`);
      s = this.newSection(title || key || `Row at line ${line}`, line, 'plain');
      if (title && key.trim() !== '') s.description.push(key);
    }
    this.enter(s, this.curLevel);
    return s;
  }

  /** One table cell into a row's section or item, by its column. */
  private cellInto(s: BSection | null, col: Column, header: string, cell: TableCell | undefined, line: number, item: BItem | null): void {
    if (!cell || cell.inl.text === '') return;
    const key = headingWords(header);
    const value = cell.inl.text;
    if (col === 'priority' || col === 'difficulty' || col === 'effort' || col === 'duration' || col === 'status') {
      if (item) this.applyToItem(item, col, key, value, line);
      else if (s && col === 'status') {
        if (!DONE_WORDS.test(value)) s.notes.push(`${key}: ${value}`);
      }
      else if (s) this.applyToSection(s, col, key, value, line);
      return;
    }
    if (col === 'topics' || col === 'tasks' || col === 'resources' || col === 'criteria' || col === 'milestones') {
      const parts = cell.parts.length > 1 ? cell.parts : splitCell(value, col);
      const made = parts.map((p) => {
        const linksHere = cell.inl.links.filter((l) => p.includes(l.text));
        return this.itemFromText(p, { text: p, links: linksHere, allBold: false, images: 0 }, line);
      });
      if (item) item.children.push(...made);
      else if (s) {
        let list = s.groups.get(col);
        if (!list) s.groups.set(col, (list = []));
        list.push(...made);
      }
      return;
    }
    if (item) item.notes.push(`${key}: ${value}`);
    else if (s) s.notes.push(`${key}: ${value}`);
  }
}

function headingWordsOfMonth(m: WeekMatch): string {
  const [a, b] = m.weeks;
  const from = (a - 1) / 4 + 1;
  const to = b / 4;
  const label = from === to ? `Month ${from}` : `Months ${from}-${to}`;
  return m.rest ? `${label}: ${m.rest}` : label;
}

/** A list item that is only a link to a heading of the same page (a table of contents). */
function isAnchorOnly(it: ListItem): boolean {
  const l = it.inl.links[0];
  return it.inl.links.length === 1 && l !== undefined && /^#./.test(l.href) && l.text === it.inl.text && it.children.every(isAnchorOnly);
}

function isTag(f: FieldKey): boolean {
  return f === 'priority' || f === 'difficulty' || f === 'effort';
}

function flatten(item: BItem): BItem[] {
  const kids = item.children;
  return [{ ...item, children: [] }, ...kids.flatMap(flatten)];
}

/** `https://www.oreilly.com/library/view/x/` -> `oreilly.com/library/view/x/`. */
function prettyUrl(href: string): string {
  return href.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
}

type Column = 'week' | 'phase' | 'title' | 'priority' | 'difficulty' | 'effort' | 'duration' | 'status' | GroupKey | 'other';

function columnOf(header: string): Column {
  const h = normKey(header);
  if (/^(?:weeks?|wk|week ?#|week no\.?|week number|when)$/.test(h)) return 'week';
  if (/^(?:phase|stage|phase ?#)$/.test(h)) return 'phase';
  if (/^(?:topic|subject|skill|module|title|name|item|theme|area|focus|goal|what|unit|chapter|lesson|step)$/.test(h)) return 'title';
  if (/^(?:status|done|complete|completed|progress|✓|✔)$/.test(h) || h === '') return h === '' ? 'other' : 'status';
  const field = matchField(h);
  if (field === 'priority' || field === 'difficulty' || field === 'effort' || field === 'duration') return field;
  const label = matchLabel(h);
  if (label && label !== 'notes' && label !== 'tips') return label;
  return 'other';
}

/** A cell's text as separate entries: at bullets and semicolons, and for topics at commas outside parentheses. */
function splitCell(value: string, col: GroupKey): string[] {
  let parts = value.split(/\s*(?:;|•|·|\s\|\s)\s*/);
  if (parts.length === 1 && col === 'topics') {
    const out: string[] = [];
    let depth = 0;
    let cur = '';
    for (const ch of value) {
      if (ch === '(') depth++;
      if (ch === ')') depth = Math.max(0, depth - 1);
      if (ch === ',' && depth === 0) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    parts = out;
  }
  return parts.map(clean).filter((p) => p !== '');
}

// ---------------------------------------------------------------------------------------
// Finishing: kind, timeline, habits, ids, the raw roadmap.

function countItems(items: readonly BItem[], pred: (i: BItem) => boolean): number {
  return items.reduce((n, i) => n + (pred(i) ? 1 : 0) + countItems(i.children, pred), 0);
}

function allOf(s: BSection): BItem[] {
  return [...s.groups.values()].flat();
}

function inferKind(sections: readonly BSection[]): Kind {
  const weeks = sections.filter((s) => s.weekSection).length;
  const phases = sections.filter((s) => s.kind === 'phase').length;
  if (weeks > 0 && weeks > phases) return 'weekly';
  if (phases > 0) return 'phased';
  const items = sections.flatMap(allOf);
  const total = countItems(items, () => true);
  const checked = countItems(items, (i) => i.done !== null);
  const tagged = countItems(items, (i) => i.priority !== null || i.difficulty !== null || i.effort !== null) + sections.filter((s) => s.priority || s.difficulty || s.effort).length;
  if (total > 0 && checked * 2 >= total) return 'checklist';
  if (tagged > 0) return 'tracks';
  return 'checklist';
}

/**
 * A phased plan with a week-by-week timeline holding one entry per phase ("Week 1-2:
 * Foundation Review" ... for Phase 1 ...): each phase gets its entry's weeks, and the
 * entry's items become a milestone of the phase.
 */
function mergeTimeline(sections: BSection[]): BSection[] {
  const phases = sections.filter((s) => s.kind === 'phase' && s.weeks === null);
  const weeks = sections.filter((s) => s.weekSection);
  if (phases.length === 0 || phases.length !== weeks.length) return sections;
  for (let i = 1; i < weeks.length; i++) if (weeks[i]!.weeks![0] <= weeks[i - 1]!.weeks![1]) return sections;
  phases.forEach((p, i) => {
    const w = weeks[i]!;
    p.weeks = w.weeks;
    const milestone = newItem(w.title, w.line);
    milestone.children = allOf(w);
    milestone.notes = [...w.description, ...w.notes];
    let list = p.groups.get('milestones');
    if (!list) p.groups.set('milestones', (list = []));
    list.push(milestone);
  });
  return sections.filter((s) => !s.weekSection);
}

/** Which scope an explicit id is claimed in: a section's top-level items, or one parent's children. */
class IdScope {
  private readonly used = new Set<string>();
  claim(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** Items as the YAML writes them; an item left with no words (a bare `[ ]`) gives way to its children. */
function rawItems(items: readonly BItem[], kind: string, scope: IdScope): RawItem[] {
  return items.flatMap((item) => {
    const title = clean(item.title) || (item.url ? prettyUrl(item.url) : '');
    return title === '' ? rawItems(item.children, kind, scope) : [rawItem({ ...item, title }, kind, scope)];
  });
}

function rawItem(item: BItem, kind: string, scope: IdScope): RawItem {
  const title = item.title;
  const children = rawItems(item.children, kind, new IdScope());
  const id = slugify(title) === '' ? scope.claim(`${kind}-${hash6(title)}`) : undefined;
  const notes = item.notes.map(clean).filter((n) => n !== '');
  const simple = id === undefined && item.done !== true && !item.url && !item.priority && !item.difficulty && !item.effort && notes.length === 0 && children.length === 0;
  if (simple) return title;
  return {
    ...(id !== undefined ? { id } : {}),
    title,
    ...(item.done === true ? { done: true } : {}),
    ...(item.priority ? { priority: item.priority } : {}),
    ...(item.difficulty ? { difficulty: item.difficulty } : {}),
    ...(item.effort ? { effort: item.effort } : {}),
    ...(item.url ? { url: item.url } : {}),
    ...(notes.length === 1 ? { notes: notes[0]! } : notes.length > 1 ? { notes } : {}),
    ...(children.length ? { items: children } : {}),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function sectionId(s: BSection): string | undefined {
  if (s.kind === 'phase' && s.phase !== null) return `phase-${s.phase}`;
  if (s.weekSection && s.weeks) {
    const [a, b] = s.weeks;
    return a === b ? `w${pad(a)}` : `w${pad(a)}-${pad(b)}`;
  }
  return slugify(s.title) === '' ? `section-${hash6(s.title)}` : undefined;
}

function habitOf(title: string, from: BItem | BSection, notes: readonly string[]): RawHabit {
  const perWeek = /\b([1-7])\s*(?:x|times)?\s*(?:\/|per|a|each)\s*week\b/i.exec(title);
  const inTitle = /\b(\d+(?:\s*-\s*\d+)?)\s*(?:min|mins|minutes)\b/i.exec(title);
  const minutes = from.minutes ?? (inTitle ? inTitle[1]!.replace(/\s/g, '') : null);
  const id = slugify(title.replace(/\([^)]*\)/g, ' ')) || slugify(title) || `habit-${hash6(title)}`;
  return {
    id,
    title,
    every: perWeek ? `${perWeek[1]} per week` : 'day',
    ...(minutes ? { minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes } : {}),
    ...(from.priority ? { priority: from.priority } : {}),
    ...(from.difficulty ? { difficulty: from.difficulty } : {}),
    ...(from.effort ? { effort: from.effort } : {}),
    ...(notes.length ? { notes: [...notes] } : {}),
  };
}

/** Markdown text -> the raw roadmap and what could not be placed. */
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  const { text: repairedText, repaired } = repairMojibake(source.replace(/^\uFEFF/, ''));
  let text = repairedText.replace(/^\uFEFF/, '');
  // YAML front matter (Jekyll, Obsidian, Hugo): not part of the plan, but its title is one.
  // Its lines are blanked, not removed, so that line numbers stay those of the file.
  let frontTitle: string | null = null;
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/.exec(text);
  if (fm) {
    const t = /^title:[ \t]*(["']?)(.+?)\1[ \t]*$/m.exec(fm[1]!);
    frontTitle = t ? clean(t[2]!) : null;
    text = fm[0].replace(/[^\r\n]/g, '') + text.slice(fm[0].length);
  }
  const tokens = md.parse(text, {});
  const builder = new Builder();
  const structured = tokens.some((t) => t.type === 'heading_open' || t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'table_open');
  // markdown-it stops reading a block nested past its limit: say so rather than lose it quietly.
  const limit = (md.options.maxNesting ?? 100) - 2;
  const deepest = tokens.filter((t) => t.level >= limit && t.map).pop();
  if (deepest) builder.warn(deepest.map![0] + 1, 'lists nested too deeply to read from here on; the rest of this list (and what follows it) was not imported');
  const evs = structured ? markdownEvents(tokens, builder.warn) : outlineEvents(tokens, text.split(/\r\n|\r|\n/));
  mergeSubtitles(evs);
  builder.run(evs);

  let sections = builder.sections.filter((s) => !s.notesSink);
  const kind = options.kind ?? inferKind(sections);
  if (kind === 'phased') {
    sections = mergeTimeline(sections);
    for (const s of sections) if (s.kind !== 'phase' && s.duration === null && s.weeks === null && ONGOING_TITLE.test(s.title)) s.duration = 'ongoing';
  }
  if (sections.length === 0) {
    throw new NothingToImportError('found no sections, lists or tables to import; a plan needs headings (## Week 1), lists or a table');
  }

  let title = builder.title ?? frontTitle;
  if (title === null) {
    const stem = (options.fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    title = clean(stem.replace(/[-_]+/g, ' ')) || 'Imported plan';
    title = title.charAt(0).toUpperCase() + title.slice(1);
    builder.warnings.push({ line: 1, message: `no title (a "# Title" heading) found; used "${title}": edit title: in the YAML` });
  }

  const idScope = new IdScope();
  const habits: RawHabit[] = [];
  const rawSections: RawSection[] = sections.map((s) => {
    const explicit = sectionId(s);
    const id = explicit ? idScope.claim(explicit) : undefined;
    const scope = new IdScope();
    const raw: RawSection = { ...(id ? { id } : {}), title: s.title };
    if (s.weeks) raw.weeks = s.weeks[0] === s.weeks[1] ? s.weeks[0] : `${s.weeks[0]}-${s.weeks[1]}`;
    if (s.duration) raw.duration = s.duration;
    const description = s.description.map((d) => d.trim()).filter((d) => d !== '').join('\n');
    if (description) raw.description = description;
    const notes = s.notes.map(clean).filter((n) => n !== '');
    if (notes.length) raw.notes = notes.length === 1 ? notes[0]! : notes;
    if (s.priority) raw.priority = s.priority;
    if (s.difficulty) raw.difficulty = s.difficulty;
    if (s.effort) raw.effort = s.effort;
    for (const g of GROUP_ORDER) {
      const list = s.groups.get(g);
      const items = list ? rawItems(list, GROUP_ITEM_KIND[g], scope) : [];
      if (items.length) raw[g] = items;
    }
    if (s.habit) {
      const items = allOf(s);
      if (items.length) for (const it of items) habits.push(habitOf(it.title, it, it.notes));
      else habits.push(habitOf(s.title, s, s.notes));
    }
    return raw;
  });
  const habitScope = new IdScope();
  for (const h of habits) h.id = habitScope.claim(h.id!);

  const description = builder.description.map((d) => d.trim()).filter((d) => d !== '').join('\n\n');
  const notes = builder.roadmapNotes.map(clean).filter((n) => n !== '');
  const id = options.id ?? (slugify((options.fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) || slugify(title) || 'imported-plan');
  const roadmap: RawRoadmap = {
    id,
    title,
    kind,
    ...(description ? { description } : {}),
    ...(notes.length ? { notes } : {}),
    sections: rawSections,
    ...(habits.length ? { habits } : {}),
  };
  const warnings = [...builder.warnings].sort((a, b) => a.line - b.line);
  return { roadmap, warnings, repaired };
}

/**
 * "### Production-Grade Project" directly followed by a bold line and then the item's
 * tags: the bold line is the rest of the heading's title, not a heading of its own.
 */
function mergeSubtitles(evs: Ev[]): void {
  for (let k = 0; k + 2 < evs.length; k++) {
    const h = evs[k]!;
    const b = evs[k + 1]!;
    const after = evs[k + 2]!;
    if (h.t !== 'heading' || h.pseudo || h.cls.kind !== 'text') continue;
    if (b.t !== 'heading' || !b.pseudo || b.cls.kind !== 'bold') continue;
    const tagList = after.t === 'list' && after.items.length > 0 && after.items.every((it) => { const c = classify(it.inl, 'item'); return c.kind === 'field' && isTag(c.field); });
    const tagField = after.t === 'field' && after.cls.kind === 'field' && isTag(after.cls.field);
    if (!tagList && !tagField) continue;
    h.inl = { ...h.inl, text: `${h.inl.text}: ${b.inl.text}` };
    evs.splice(k + 1, 1);
  }
}

