// What a line says by its words: a week, a phase, a label, one or more fields, a bold
// line, or text.
import type { Inline } from './inline.js';
import { BULLET_CHAR } from './inline.js';
import { LEADING_EMOJI, clean, headingWords } from './text.js';
import { matchField, matchLabel, matchPhase, matchWeek, type FieldKey, type LabelKey, type PhaseMatch, type WeekMatch } from './vocabulary.js';

export interface Field {
  readonly field: FieldKey;
  readonly key: string;
  readonly value: string;
}

/** All the fields of a line: "Priority: High | Difficulty: Hard | Effort: 90 min" has three. */
export function fieldsOf(cls: Extract<LineClass, { kind: 'field' }>): Field[] {
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

export type LineClass =
  | { kind: 'week'; match: WeekMatch; label: LabelKey | null }
  | { kind: 'phase'; match: PhaseMatch; label: LabelKey | null }
  | { kind: 'label'; label: LabelKey; value: string }
  | { kind: 'field'; field: FieldKey; key: string; value: string; more: readonly Field[] }
  | { kind: 'bold' }
  | { kind: 'text' };

/**
 * What a line (or heading, or list item) says by its words. Headings need no separator
 * after "Week 3"; lines do ("Week 3: Caching", not "Week 3 was hard"), unless bold.
 */
export function classify(inl: Inline, where: 'heading' | 'line' | 'item'): LineClass {
  // The stages ask about the same line more than once: read it once.
  let seen = cache.get(inl);
  if (!seen) cache.set(inl, (seen = {}));
  return (seen[where] ??= classifyNow(inl, where));
}

const cache = new WeakMap<Inline, { heading?: LineClass; line?: LineClass; item?: LineClass }>();

function classifyNow(inl: Inline, where: 'heading' | 'line' | 'item'): LineClass {
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
    // A heading that says "Goal: ship it" is a note too (when nothing is listed under it).
    if (field && (where !== 'heading' || (field === 'note' && value !== ''))) return { kind: 'field', field, key: headingWords(key), value, more: [] };
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

export function isTag(f: FieldKey): boolean {
  return f === 'priority' || f === 'difficulty' || f === 'effort';
}
