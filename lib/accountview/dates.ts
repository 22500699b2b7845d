/**
 * AccountView writes and reads datetimes without a zone, in the administration's wall-clock time (reference §5).
 * These helpers convert between that and instants with Intl only, correct across DST changes.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** `2024-03-31T02:30:00`, optionally with a fraction; no zone. */
export const ZONELESS_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms, asked of Intl directly (slow: one formatToParts). */
function measuredOffset(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

interface YearOffsets {
  initial: number;
  changes: { at: number; offset: number }[];
}

const years = new Map<string, YearOffsets>();

/**
 * A zone's offset changes in one UTC year, found once: sampled weekly, each change pinned to the minute by
 * bisection. Reading thousands of rows then costs no Intl call per value.
 */
function yearOffsets(timeZone: string, year: number): YearOffsets {
  const key = `${timeZone}|${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const result: YearOffsets = { initial: measuredOffset(start, timeZone), changes: [] };
  let prevAt = start;
  let prevOffset = result.initial;
  while (prevAt < end) {
    const at = Math.min(prevAt + WEEK, end);
    const offset = measuredOffset(at, timeZone);
    if (offset !== prevOffset) {
      let lo = prevAt;
      let hi = at;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
        if (measuredOffset(mid, timeZone) === prevOffset) lo = mid;
        else hi = mid;
      }
      result.changes.push({ at: hi, offset });
    }
    prevAt = at;
    prevOffset = offset;
  }
  years.set(key, result);
  return result;
}

function offsetAt(ms: number, timeZone: string): number {
  const { initial, changes } = yearOffsets(timeZone, new Date(ms).getUTCFullYear());
  let offset = initial;
  for (const change of changes) if (ms >= change.at) offset = change.offset;
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS` as the wall clock in `timeZone` shows it at `date`. */
export function toWallClock(date: Date, timeZone: string): string {
  const d = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * The instant a zone-less wall-clock time means in `timeZone`. Like Temporal's 'compatible': a time that occurs
 * twice (autumn) is the earlier one; a time that does not exist (spring) moves forward by the gap.
 * Returns undefined for text that is not such a datetime.
 */
export function fromWallClock(text: string, timeZone: string): Date | undefined {
  const m = ZONELESS_DATETIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;

  // Offsets a day either side bracket any transition; each gives one candidate instant.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  if (before === after) return new Date(asUtc - before);
  const wall = text.slice(0, 19);
  const candidates = [asUtc - before, asUtc - after]
    .filter((t) => toWallClock(new Date(t), timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}

/** VFP literal for filters: `{^YYYY-MM-DD HH:MM:SS}` (datetime) or `{^YYYY-MM-DD}` (date), reference §3.2. */
export function toFilterLiteral(value: Date | string, timeZone: string, type: 'D' | 'T'): string {
  const wall = typeof value === 'string' ? value : toWallClock(value, timeZone);
  return type === 'D' ? `{^${wall.slice(0, 10)}}` : `{^${wall.slice(0, 10)} ${wall.length > 10 ? wall.slice(11, 19) : '00:00:00'}}`;
}
