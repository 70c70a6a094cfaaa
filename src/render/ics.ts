// The started plans as an iCalendar feed (`study export --format ics`): one all-day event
// per plan week (its sections as the summary, its items in the description) and one on
// each plan's planned finish. UIDs come from the plan id and the week number (or
// `finish`), never from dates, so importing the feed again, or after a replan that moved
// the weeks, updates the same events instead of adding copies. The text format (escaping,
// line folding, CRLF) is ical-generator's; the data is plain. Pure: data in, text out.
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { safe } from './text.js';

/** A study day, 'YYYY-MM-DD'. */
type Day = string;

export interface CalendarWeek {
  /** Plan week, 1-based: with the plan id, the event's identity. */
  readonly week: number;
  /** Its first and last day (inclusive). */
  readonly from: Day;
  readonly to: Day;
  /** Titles of the sections worked on that week, in file order. */
  readonly sections: readonly string[];
  /** Titles of the items due (or worked on) that week, in file order. */
  readonly items: readonly string[];
}

export interface CalendarPlan {
  /** The roadmap id. */
  readonly id: string;
  readonly title: string;
  readonly weeks: readonly CalendarWeek[];
  /** The last day of the plan's last week, or null without a schedule. */
  readonly plannedFinish: Day | null;
  /**
   * Raised by the caller on every replan of this plan (optional, default 0): the SEQUENCE
   * of its events, which some calendar apps want higher before they take a changed event.
   */
  readonly revision?: number;
}

export interface CalendarData {
  readonly plans: readonly CalendarPlan[];
  /** When the feed was made (DTSTAMP), an ISO date-time: the caller's clock. */
  readonly stamp: string;
}

/** The right-hand side of every UID: a name reserved never to be a real domain (RFC 2606). */
export const UID_DOMAIN = 'study.invalid';

/** A plan id as a UID part: anything outside [A-Za-z0-9._-] percent-encoded. */
function uidPart(id: string): string {
  return encodeURIComponent(id).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function weekUid(planId: string, week: number): string {
  return `${uidPart(planId)}.week-${week}@${UID_DOMAIN}`;
}

export function finishUid(planId: string): string {
  return `${uidPart(planId)}.finish@${UID_DOMAIN}`;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a day: ical-generator writes an all-day date from the UTC fields. */
function date(day: Day): Date {
  if (!DAY_RE.test(day)) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return d;
}

/** The day after (DTEND of an all-day event is exclusive). */
function after(day: Day): Date {
  const d = date(day);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Text from a file, without controls or bidi overrides (which iCalendar TEXT forbids or a calendar would show). */
const clean = (text: string): string => safe(text).trim();

export function planCalendar(data: CalendarData): string {
  const stamp = new Date(data.stamp);
  if (Number.isNaN(stamp.getTime())) throw new RangeError(`not a date-time: ${JSON.stringify(data.stamp)}`);
  const cal = ical({
    name: 'study plans',
    description: 'The weeks of your started study plans (study export --format ics)',
    prodId: { company: 'study', product: 'study-roadmap', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const plan of data.plans) {
    const title = clean(plan.title);
    const of = plan.weeks.length ? Math.max(...plan.weeks.map((w) => w.week)) : 0;
    const common = { stamp, sequence: plan.revision ?? 0, allDay: true, transparency: ICalEventTransparency.TRANSPARENT, categories: [{ name: clean(plan.id) }] };
    for (const w of plan.weeks) {
      const sections = w.sections.map(clean).filter(Boolean);
      const lines = [`${title}, week ${w.week} of ${of} (${w.from} to ${w.to})`];
      if (w.items.length) lines.push('', ...w.items.map((t) => `- ${clean(t)}`));
      cal.createEvent({
        ...common,
        id: weekUid(plan.id, w.week),
        start: date(w.from),
        end: after(w.to),
        summary: `Week ${w.week}: ${sections.length ? sections.join(' · ') : title}`,
        description: lines.join('\n'),
      });
    }
    if (plan.plannedFinish) {
      cal.createEvent({
        ...common,
        id: finishUid(plan.id),
        start: date(plan.plannedFinish),
        end: after(plan.plannedFinish),
        summary: `Planned finish: ${title}`,
        description: `The last day of week ${of} of ${title}.`,
      });
    }
  }
  return cal.toString();
}
