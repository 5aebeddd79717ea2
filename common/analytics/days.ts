/**
 * Calendar days in a workspace's IANA time zone, from Intl.DateTimeFormat only (no date library).
 * Days are numbered like the epoch (day 0 is 1970-01-01) and named `YYYY-MM-DD`. Assigning a
 * million timestamps to days calls Intl a few times per day in the range, not per row: the first
 * instant of each local day is found once, then rows are placed by comparison.
 */

const msPerDay = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of local time from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? 1970;
  const asUtc = Date.UTC(year, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  // Date.UTC maps years 0–99 to 1900–1999; set the year again to keep far-past instants right.
  const fixed = year < 100 ? new Date(asUtc).setUTCFullYear(year) : asUtc;
  return fixed - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The local day number (days since 1970-01-01 in that zone) of an instant. */
export function dayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / msPerDay);
}

/** `YYYY-MM-DD` of a day number. */
export function dayName(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` string, or `null` when it is not a real date. */
export function parseDayName(name: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(name);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayName(ms / msPerDay) === name ? ms / msPerDay : null;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function dayOf(ms: number, timeZone: string): string {
  return dayName(dayNumber(ms, timeZone));
}

/**
 * The epoch ms of a local wall-clock time in a zone. A time skipped by a DST jump resolves to the
 * same wall time plus the jump (02:30 on a spring-forward night becomes 03:30), like most calendars.
 */
export function localToEpoch(y: number, month: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const wall = Date.UTC(y, month - 1, d, h, mi, s);
  const first = wall - zoneOffsetMs(wall, timeZone);
  const offset = zoneOffsetMs(first, timeZone);
  const second = wall - offset;
  if (zoneOffsetMs(second, timeZone) === offset) return second;
  // Neither offset is consistent: the wall time falls in a DST gap; take the later reading.
  return Math.max(first, second);
}

/** The first instant (ms) of a local day. */
export function dayStart(day: number, timeZone: string): number {
  const wall = day * msPerDay;
  let t = localToEpoch(1970, 1, 1 + day, 0, 0, 0, timeZone);
  // Where midnight does not exist (DST at 00:00) the day starts later: step to the first instant
  // whose local day is `day` by bisecting within a few hours.
  if (dayNumber(t, timeZone) !== day || dayNumber(t - 1, timeZone) === day) {
    let lo = wall - 15 * 3_600_000;
    let hi = wall + 15 * 3_600_000;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (dayNumber(mid, timeZone) >= day) hi = mid;
      else lo = mid;
    }
    t = hi;
  }
  return t;
}

/** Places many instants into local days with a few Intl calls per day of their range. */
export interface DayIndex {
  /** Day number of the first day covered. */
  firstDay: number;
  /** Number of days covered. */
  dayCount: number;
  /** For each row, its day minus `firstDay`, or -1 when its instant is missing. */
  dayOfRow: Int32Array;
}

/** Assigns every instant (NaN = missing) to its local day in `timeZone`. */
export function indexDays(instants: Float64Array, timeZone: string): DayIndex {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < instants.length; i++) {
    const v = instants[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const dayOfRow = new Int32Array(instants.length).fill(-1);
  if (min > max) return { firstDay: 0, dayCount: 0, dayOfRow };
  const firstDay = dayNumber(min, timeZone);
  const dayCount = dayNumber(max, timeZone) - firstDay + 1;
  const starts = new Float64Array(dayCount + 1);
  for (let d = 0; d <= dayCount; d++) starts[d] = dayStart(firstDay + d, timeZone);
  const base = starts[0]!;
  for (let i = 0; i < instants.length; i++) {
    const v = instants[i]!;
    if (Number.isNaN(v)) continue;
    // Local days last 23–25 h, so the estimate is off by at most a day or two; walk to the right one.
    let k = Math.min(dayCount - 1, Math.max(0, Math.floor((v - base) / msPerDay)));
    while (k > 0 && starts[k]! > v) k--;
    while (k + 1 < dayCount && starts[k + 1]! <= v) k++;
    dayOfRow[i] = k;
  }
  return { firstDay, dayCount, dayOfRow };
}
