// A hybrid logical clock (Kulkarni et al., 2014): physical milliseconds plus a logical
// counter. It stays close to the wall clock (so "the latest" means what a user expects),
// never runs backwards on one device, and a device that has received an event stamps
// its next events after it, whatever its own wall clock says. Pure: the state is plain
// JSON the store keeps; the caller passes the wall clock in.
//
// A timestamp is a fixed-width string that sorts as it orders:
//   2026-11-23T08:30:00.000Z-00000
//   ^ physical time (UTC, ms) ^ counter (5 decimal digits)
// so the journal stays readable and string comparison is timestamp comparison.

/** The clock's state: the last timestamp it gave out or saw, as numbers. Plain JSON. */
export interface HlcState {
  /** Physical part, milliseconds since the epoch (UTC). */
  readonly ms: number;
  /** Logical part: events within the same millisecond (0 .. MAX_COUNTER). */
  readonly counter: number;
}

/** A clock's new state and the timestamp it stands for. */
export interface HlcTick {
  readonly state: HlcState;
  readonly ts: string;
}

/** The clock of a device that has seen nothing. */
export const INITIAL_CLOCK: HlcState = { ms: 0, counter: 0 };

/** The highest counter; one more carries into the millisecond. */
export const MAX_COUNTER = 99_999;

/** The latest physical time a timestamp can carry (9999-12-31T23:59:59.999Z). */
export const MAX_MS = 253_402_300_799_999;

/** Characters in a timestamp. */
export const TS_LENGTH = 30;

const TS_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-(\d{5})$/;

/** The timestamp of a clock state. Throws a RangeError on a state no clock can reach. */
export function formatTs(state: HlcState): string {
  const { ms, counter } = state;
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_MS) throw new RangeError(`clock time out of range: ${ms}`);
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError(`clock counter out of range: ${counter}`);
  return `${new Date(ms).toISOString()}-${String(counter).padStart(5, '0')}`;
}

/** A timestamp's parts, or null when `ts` is not a timestamp this clock writes. */
export function parseTs(ts: string): HlcState | null {
  const m = TS_RE.exec(ts);
  if (!m) return null;
  const ms = Date.parse(m[1]!);
  // Date.parse accepts 2026-02-30; a timestamp must be the canonical text of its time.
  if (Number.isNaN(ms) || ms > MAX_MS || new Date(ms).toISOString() !== m[1]) return null;
  return { ms, counter: Number(m[2]) };
}

/** True when `ts` is a well-formed timestamp. */
export function isTs(ts: string): boolean {
  return parseTs(ts) !== null;
}

/** Orders timestamps: negative, zero or positive, as a sort comparator. */
export function compareTs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A clock state, read back from what the store kept; INITIAL_CLOCK when it is not one. */
export function clockFrom(json: unknown): HlcState {
  if (typeof json !== 'object' || json === null) return INITIAL_CLOCK;
  const { ms, counter } = json as Record<string, unknown>;
  if (typeof ms !== 'number' || typeof counter !== 'number') return INITIAL_CLOCK;
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_MS || !Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) return INITIAL_CLOCK;
  return { ms, counter };
}

function wall(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) return 0;
  return Math.min(Math.floor(nowMs), MAX_MS);
}

/** One step past (ms, counter): the counter, or the millisecond when the counter is full. */
function bump(ms: number, counter: number): HlcState {
  if (counter < MAX_COUNTER) return { ms, counter: counter + 1 };
  if (ms >= MAX_MS) throw new RangeError('clock exhausted');
  return { ms: ms + 1, counter: 0 };
}

function tickOf(state: HlcState): HlcTick {
  return { state, ts: formatTs(state) };
}

/**
 * A timestamp for a local event at wall-clock time `nowMs`: later than every timestamp
 * this clock has given out or received, and equal to the wall clock when that is ahead.
 */
export function tick(clock: HlcState, nowMs: number): HlcTick {
  const pt = wall(nowMs);
  if (pt > clock.ms) return tickOf({ ms: pt, counter: 0 });
  return tickOf(bump(clock.ms, clock.counter));
}

/**
 * The clock after it has seen a remote event stamped `remoteTs` at wall-clock time
 * `nowMs`: the returned timestamp is after both the clock's last and `remoteTs`, so
 * every later local event is ordered after what this device has received. A `remoteTs`
 * that is not a timestamp leaves the clock as a local tick would.
 */
export function receive(clock: HlcState, remoteTs: string, nowMs: number): HlcTick {
  const remote = parseTs(remoteTs) ?? INITIAL_CLOCK;
  const pt = wall(nowMs);
  const ms = Math.max(clock.ms, remote.ms, pt);
  if (ms === clock.ms && ms === remote.ms) return tickOf(bump(ms, Math.max(clock.counter, remote.counter)));
  if (ms === clock.ms) return tickOf(bump(ms, clock.counter));
  if (ms === remote.ms) return tickOf(bump(ms, remote.counter));
  return tickOf({ ms, counter: 0 });
}

/** Milliseconds since the epoch of a timestamp's physical part (NaN when it is not one). */
export function tsMs(ts: string): number {
  return parseTs(ts)?.ms ?? Number.NaN;
}
