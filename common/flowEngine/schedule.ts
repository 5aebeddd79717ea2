import { dayName, dayNumber, isTimeZone, localToEpoch } from '../analytics/days';
import type { FlowNode } from '../journey/flowModel';
import { durationMs } from './program';

/**
 * When a schedule trigger fires ("slots"). Two forms, one rule each:
 * - calendar: at `time` (HH:MM) in `timeZone` on the chosen weekdays (every day when none), so
 *   "daily at 09:00" and "Mondays at 09:00" keep their wall-clock time across DST changes;
 * - period: every `every` from `startAt` (for minutes and hours, where wall time does not matter).
 * The engine and the simulator both ask this module, so a slot is the same instant in both.
 */

/** A schedule trigger's config. */
export type ScheduleConfig = Extract<Extract<FlowNode, { kind: 'trigger' }>['config'], { type: 'schedule' }>;

/** The zone a calendar schedule runs in: its own if the runtime knows it, else UTC. */
export function scheduleZone(c: ScheduleConfig): string {
  return c.timeZone && isTimeZone(c.timeZone) ? c.timeZone : 'UTC';
}

// 1970-01-01 was a Thursday (4).
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

function calendarSlot(c: ScheduleConfig, day: number): number | null {
  const days = c.weekdays?.length ? c.weekdays : null;
  if (days && !days.includes(weekdayOf(day))) return null;
  const [y, m, d] = dayName(day).split('-').map(Number) as [number, number, number];
  const [hh, mm] = c.time!.split(':').map(Number) as [number, number];
  return localToEpoch(y, m, d, hh, mm, 0, scheduleZone(c));
}

/** The first slot strictly after `after` (epoch ms). */
export function nextSlot(c: ScheduleConfig, after: number): number {
  if (c.time === undefined) {
    const start = c.startAt ?? 0;
    if (after < start) return start;
    const every = durationMs(c.every);
    return start + (Math.floor((after - start) / every) + 1) * every;
  }
  const today = dayNumber(after, scheduleZone(c));
  // A weekday set is never empty of all 7 days, so a slot comes within 8 days.
  for (let day = today; day <= today + 8; day++) {
    const t = calendarSlot(c, day);
    if (t !== null && t > after) return t;
  }
  /* c8 ignore next */
  throw new Error('no schedule slot within 8 days');
}

/** The latest slot at or before `at`, or null when none is (before `startAt`). */
export function lastSlot(c: ScheduleConfig, at: number): number | null {
  if (c.time === undefined) {
    const start = c.startAt ?? 0;
    if (at < start) return null;
    const every = durationMs(c.every);
    return start + Math.floor((at - start) / every) * every;
  }
  const today = dayNumber(at, scheduleZone(c));
  for (let day = today; day >= today - 8; day--) {
    const t = calendarSlot(c, day);
    if (t !== null && t <= at) return t;
  }
  /* c8 ignore next */
  return null;
}

/** Every slot in `[from, to)`, at most `max` of them (the caller says what it does with more). */
export function slotsBetween(c: ScheduleConfig, from: number, to: number, max: number): number[] {
  const out: number[] = [];
  for (let t = nextSlot(c, from - 1); t < to && out.length < max; t = nextSlot(c, t)) out.push(t);
  return out;
}

/** A period that a missed slot may be late by and still fire: half the gap to the next slot, at most 6 hours. */
export function lateGraceMs(c: ScheduleConfig, slot: number): number {
  return Math.min(6 * 3_600_000, Math.floor((nextSlot(c, slot) - slot) / 2));
}
