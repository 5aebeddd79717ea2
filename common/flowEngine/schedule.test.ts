import { expect, test } from 'vitest';
import type { ScheduleConfig } from './schedule';
import { lastSlot, lateGraceMs, nextSlot, slotsBetween } from './schedule';

const hour = 3_600_000;
const daily = (time: string, timeZone: string, weekdays?: number[]): ScheduleConfig =>
  ({ type: 'schedule', every: { amount: 1, unit: 'days' }, time, timeZone, ...(weekdays ? { weekdays } : {}) });

test('daily at 09:00 keeps the wall-clock time in its zone across the DST change', () => {
  const c = daily('09:00', 'Europe/Berlin');
  // 2026-03-28 is the last day of CET (UTC+1); 03-29 is CEST (UTC+2).
  const first = nextSlot(c, Date.UTC(2026, 2, 28, 0, 0));
  expect(new Date(first).toISOString()).toBe('2026-03-28T08:00:00.000Z');
  expect(new Date(nextSlot(c, first)).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  expect(lastSlot(c, Date.UTC(2026, 2, 29, 6, 59))).toBe(first);
  expect(lastSlot(c, Date.UTC(2026, 2, 29, 7, 0))).toBe(Date.UTC(2026, 2, 29, 7, 0));
});

test('weekly: only the chosen weekdays; a time zone the runtime does not know falls back to UTC', () => {
  const mondays = daily('18:30', 'America/New_York', [1]);
  const slots = slotsBetween(mondays, Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1), 100);
  expect(slots.map((t) => new Date(t).toISOString())).toEqual([
    '2026-01-05T23:30:00.000Z', '2026-01-12T23:30:00.000Z', '2026-01-19T23:30:00.000Z', '2026-01-26T23:30:00.000Z',
  ]);
  expect(slots.every((t) => nextSlot(mondays, t) - t === 7 * 24 * hour)).toBe(true);
  const nowhere = daily('09:00', 'Mars/Olympus');
  expect(new Date(nextSlot(nowhere, Date.UTC(2026, 0, 1))).toISOString()).toBe('2026-01-01T09:00:00.000Z');
});

test('slots are strictly after, last slot at or before, and the cap on listing holds', () => {
  const c = daily('00:00', 'UTC', [0, 1, 2, 3, 4, 5, 6]);
  const midnight = Date.UTC(2026, 5, 1);
  expect(nextSlot(c, midnight)).toBe(midnight + 24 * hour);
  expect(nextSlot(c, midnight - 1)).toBe(midnight);
  expect(lastSlot(c, midnight)).toBe(midnight);
  expect(slotsBetween(c, midnight, midnight + 10 * 24 * hour, 3)).toHaveLength(3);
  expect(slotsBetween(c, midnight, midnight + 24 * hour, 10)).toEqual([midnight]);
});

test('period form: every N from startAt; nothing before startAt', () => {
  const c: ScheduleConfig = { type: 'schedule', every: { amount: 2, unit: 'hours' }, startAt: 1000 };
  expect(nextSlot(c, 0)).toBe(1000);
  expect(nextSlot(c, 1000)).toBe(1000 + 2 * hour);
  expect(lastSlot(c, 999)).toBeNull();
  expect(lastSlot(c, 1000 + 5 * hour)).toBe(1000 + 4 * hour);
});

test('a missed slot may be late by half the gap to the next one, at most 6 hours', () => {
  expect(lateGraceMs(daily('09:00', 'UTC'), Date.UTC(2026, 0, 1, 9))).toBe(6 * hour);
  expect(lateGraceMs({ type: 'schedule', every: { amount: 1, unit: 'hours' } }, 0)).toBe(hour / 2);
});
