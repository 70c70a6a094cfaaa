// The words the importer knows: labels of item groups (Topics, Tasks, Resources...),
// attribute fields (Priority, Difficulty, Time...), week, month and phase headings,
// durations, and the values of priority, difficulty and effort. Pure string functions.
import { clean, stripEmoji } from './text.js';

export type GroupKey = 'topics' | 'tasks' | 'milestones' | 'items' | 'resources' | 'criteria';
/**
 * What a label switches to: an item group, notes, tips (tasks inside a section, notes for
 * the whole plan), or about (an overview: notes, and its prose the plan's description).
 */
export type LabelKey = GroupKey | 'notes' | 'tips' | 'about';

export const GROUP_ORDER: readonly GroupKey[] = ['topics', 'tasks', 'milestones', 'items', 'resources', 'criteria'];
export const GROUP_ITEM_KIND: Record<GroupKey, string> = {
  topics: 'topic',
  tasks: 'task',
  milestones: 'milestone',
  items: 'item',
  resources: 'resource',
  criteria: 'criterion',
};
/** Items nest at most this deep (the YAML reader allows 32 levels of collections). */
export const MAX_ITEM_DEPTH = 12;

const LABELS: ReadonlyArray<readonly [RegExp, LabelKey]> = [
  [/^(?:core |key |main |learning |study |important )?(?:topics?|concepts?|subjects?|theory|syllabus|objectives?|learning objectives?|learning goals?|goals|what to learn|focus areas?|skills?|learn)(?: to (?:learn|cover|study))?(?: covered)?$/, 'topics'],
  [/^(?:implementation |practical |hands[- ]on |weekly |coding |practice )?(?:tasks?|to[- ]?dos?|action items?|exercises?|practice|projects?|project ideas?|mini[- ]projects?|assignments?|deliverables?|labs?|homework|what to build|build|challenges?)$/, 'tasks'],
  [/^(?:learning |study |recommended |useful |additional |further |suggested |free )?(?:resources?|references?|reading|readings|materials?|links?|books?|courses?|videos?|tutorials?|docs|documentation|learn from|where to learn|tools(?: to use)?|people to follow|who to follow|follow)$/, 'resources'],
  [/^(?:success criteria|criteria|success metrics|acceptance criteria|definition of done|done when|you are done when|outcomes?|expected outcomes?|checkpoints?)$/, 'criteria'],
  [/^milestones?$/, 'milestones'],
  [/^(?:checklist|items)$/, 'items'],
  [/^(?:(?:final|learning|study|general|some|more|extra|bonus|quick|pro|useful|helpful|additional|important|key|top|practical) )*(?:tips|tips (?:and|&) tricks|tips (?:and|&) notes|advice)(?: for success)?$/, 'tips'],
  [/^(?:(?:final|additional|general|important|extra|side|closing|some|more) )*(?:notes?|remarks?|comments?|thoughts|remember|faqs?|frequently asked questions|q ?& ?a)$/, 'notes'],
  [/^(?:overview|introduction|intro|about(?: (?:this|the|me))?(?: (?:plan|roadmap|guide|repo|repository|course|curriculum))?|motivation|purpose|disclaimer|acknowledge?ments?|credits|license|contributing|contributors?|how to use(?: (?:this|the) (?:plan|roadmap|guide|repo|repository))?|who is this for|why this (?:plan|roadmap|guide))$/, 'about'],
];

export type FieldKey = 'priority' | 'difficulty' | 'effort' | 'duration' | 'weeks' | 'status' | 'note';
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

export interface WeekMatch {
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

export interface PhaseMatch {
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

/** The words of a key and, when it ends in one, of its parenthesised gloss: `**কাজ (Tasks)**` is also "tasks". */
function keyForms(text: string): string[] {
  const k = normKey(text);
  const gloss = /\(([^()]+)\)\s*[:：]?\s*$/.exec(stripEmoji(text).replace(/[*_`]/g, ''));
  return gloss ? [k, normKey(gloss[1]!)] : [k];
}

export function matchLabel(text: string): LabelKey | null {
  for (const k of keyForms(text)) {
    if (k === '') continue;
    for (const [re, key] of LABELS) if (re.test(k)) return key;
  }
  return null;
}

export function matchField(key: string): FieldKey | null {
  for (const k of keyForms(key)) for (const [re, f] of FIELDS) if (re.test(k)) return f;
  return null;
}

/** A key as compared: lowercase words, no emoji, no bold, no trailing colon or parenthetical; `time-cost` is `time cost`. */
export function normKey(s: string): string {
  return stripEmoji(s)
    .replace(/(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/gu, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s*\([^)]*\)\s*(?=[:：]?\s*$)/, '')
    .replace(/[:：]\s*$/, '')
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cell or value that says nothing: `-`, `—`, `none`, `n/a`, `TBD`. */
export const NOTHING = /^(?:[-–—_.…?]+|none|n\/?a|nil|null|tbd|tba)$/i;

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


export const DONE_WORDS = /^(?:\[[xX]\]|x|done|complete|completed|finished|yes|✅|✔️?|☑️?|✓)(?:\s|$)/iu;
export const HABIT_TITLE = /\b(?:daily|every ?day|each day|per day|habits?|routine)\b|\/\s*day\b/i;
/** A heading inside a section that holds daily practice ("### Daily", "### Daily habits"). */
export const DAILY_HEADING = /^(?:daily|every ?day|each day|habits?|(?:daily|morning|evening) (?:routine|practice|habits?))\b/i;
export const ONGOING_TITLE = /\b(?:ongoing|continuous|continuing|lifelong|forever)\b/i;

export function headingWordsOfMonth(m: WeekMatch): string {
  const [a, b] = m.weeks;
  const from = (a - 1) / 4 + 1;
  const to = b / 4;
  const label = from === to ? `Month ${from}` : `Months ${from}-${to}`;
  return m.rest ? `${label}: ${m.rest}` : label;
}


export type Column = 'week' | 'phase' | 'title' | 'priority' | 'difficulty' | 'effort' | 'duration' | 'status' | GroupKey | 'other';

export function columnOf(header: string): Column {
  const h = normKey(header);
  if (/^(?:weeks?|wk|week ?#|week no\.?|week number|when)$/.test(h)) return 'week';
  if (/^(?:phase|stage|phase ?#)$/.test(h)) return 'phase';
  if (/^(?:topic|subject|skill|module|title|name|item|theme|area|focus|goal|what|unit|chapter|lesson|step|problems?|questions?|exercise|course name|course title)$/.test(h)) return 'title';
  if (/^(?:status|done|complete|completed|progress|✓|✔)$/.test(h) || h === '') return h === '' ? 'other' : 'status';
  const field = matchField(h);
  if (field === 'priority' || field === 'difficulty' || field === 'effort' || field === 'duration') return field;
  const label = matchLabel(h);
  if (label && label !== 'notes' && label !== 'tips' && label !== 'about') return label;
  return 'other';
}

/** A cell's text as separate entries: at bullets and semicolons, and for topics at commas outside parentheses. */
export function splitCell(value: string, col: GroupKey): string[] {
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
