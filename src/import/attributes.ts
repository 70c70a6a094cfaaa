// `Key: value` fields (Priority, Difficulty, Time, Duration, Weeks, Status, notes) applied
// to an item or a section; a value that cannot be read is kept as a note, with a warning.
import { sectionHasItems, type BItem, type BSection } from './plan.js';
import type { Warn } from './types.js';
import { DONE_WORDS, matchWeek, normalizeDuration, parseDifficulty, parseEffort, parsePriority, type FieldKey } from './vocabulary.js';

/** A time per week, day or month. */
const PACE = /(?:\/|\bper\b|\ba\b|\beach\b)\s*(?:week|wk|day|month)\b/i;

/** A bare number under a key that names its unit (`Hours: 6`, `Time (min): 45`) with that unit. */
function withUnit(key: string, value: string): string {
  if (!/^\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?$/.test(value.trim())) return value;
  if (/\b(?:hours?|hrs?|h)\b/i.test(key)) return `${value.trim()} h`;
  if (/\b(?:minutes?|mins?|m)\b/i.test(key)) return `${value.trim()} min`;
  return value;
}

/** Where warnings and the plan's own notes go. */
export interface Sink {
  readonly warn: Warn;
  readonly roadmapNotes: string[];
}

/** A `Key: value` field on an item: its priority, difficulty, effort or done mark, else a note. */
export function applyToItem(item: BItem, field: FieldKey, key: string, value: string, line: number, warn: Warn): void {
  switch (field) {
    case 'priority':
    case 'difficulty': {
      const v = field === 'priority' ? parsePriority(value) : parseDifficulty(value);
      if (v) item[field] = v;
      else unreadable(item.notes, key, value, line, field, warn);
      return;
    }
    case 'effort':
    case 'duration': {
      // "8-10 hours/week" is a pace, not what the item costs: a note.
      const e = PACE.test(value) ? null : parseEffort(withUnit(key, value));
      if (e) {
        item.effort = e.effort;
        item.minutes = e.minutes;
      } else if ((field === 'duration' && normalizeDuration(value)) || PACE.test(value)) item.notes.push(`${key}: ${value}`);
      else unreadable(item.notes, key, value, line, 'effort', warn);
      return;
    }
    case 'status':
      item.done = DONE_WORDS.test(value);
      item.doneBy = item.done ? 'status' : null;
      return;
    default:
      item.notes.push(value === '' ? `${key}:` : `${key}: ${value}`);
  }
}

/** A `Key: value` field on a section: its attributes, duration or weeks, else a note or description (roadmap notes for a notes section). */
export function applyToSection(s: BSection, field: FieldKey, key: string, value: string, line: number, sink: Sink): void {
  switch (field) {
    case 'priority':
    case 'difficulty': {
      const v = field === 'priority' ? parsePriority(value) : parseDifficulty(value);
      if (v) s[field] = v;
      else unreadable(s.notes, key, value, line, field, sink.warn);
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
      const e = parseEffort(withUnit(key, value));
      if (e) {
        s.effort = e.effort;
        s.minutes = e.minutes;
        return;
      }
      unreadable(s.notes, key, value, line, field, sink.warn);
      return;
    }
    case 'weeks': {
      const w = matchWeek(`weeks ${value}`);
      if (w && w.rest === '') s.weeks = w.weeks;
      else unreadable(s.notes, key, value, line, 'weeks', sink.warn);
      return;
    }
    default: {
      const text = value === '' ? `${key}:` : `${key}: ${value}`;
      if (s.notesSink) sink.roadmapNotes.push(text);
      else if (sectionHasItems(s) || value === '') s.notes.push(text);
      else s.description.push(text);
    }
  }
}

function unreadable(notes: string[], key: string, value: string, line: number, what: string, warn: Warn): void {
  const expected: Record<string, string> = {
    priority: 'critical, high, medium or low',
    difficulty: 'easy, medium or hard',
    effort: 'short, medium, long, or hours/minutes like 2h or 30-60 min',
    duration: 'a duration like 3 weeks, 2-4 weeks, 10 days, 2 months, or ongoing',
    weeks: 'a week or a range like 1-2',
  };
  notes.push(`${key}: ${value}`);
  warn(line, `${key}: cannot read "${value}" as ${expected[what] ?? what}; kept as a note`);
}
