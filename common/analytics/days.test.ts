import fc from 'fast-check';
import { expect, test } from 'vitest';
import { dayName, dayNumber, dayOf, dayStart, indexDays, isTimeZone, parseDayName } from './days';

const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kathmandu'];

test('names days in the workspace zone', () => {
  const t = Date.UTC(2024, 2, 5, 23, 30);
  expect(dayOf(t, 'UTC')).toBe('2024-03-05');
  expect(dayOf(t, 'Asia/Kolkata')).toBe('2024-03-06');
  expect(dayOf(t, 'America/New_York')).toBe('2024-03-05');
  expect(dayOf(Date.UTC(2024, 2, 6, 3, 30), 'America/New_York')).toBe('2024-03-05');
});

test('day names round-trip and impossible days are refused', () => {
  expect(parseDayName('2024-02-29')).toBe(dayNumber(Date.UTC(2024, 1, 29), 'UTC'));
  for (const bad of ['2023-02-29', '2024-13-01', '2024-1-1', 'today', '']) expect(parseDayName(bad)).toBeNull();
  expect(dayName(parseDayName('1999-12-31')!)).toBe('1999-12-31');
  expect(isTimeZone('Europe/Paris')).toBe(true);
  expect(isTimeZone('Mars/Olympus')).toBe(false);
});

test('a day starts at the first instant whose local date is that day, even where DST skips midnight', () => {
  // Santiago moved clocks from 24:00 to 01:00 on 2022-09-11: that day starts at 01:00 local.
  const start = dayStart(parseDayName('2022-09-11')!, 'America/Santiago');
  expect(dayOf(start, 'America/Santiago')).toBe('2022-09-11');
  expect(dayOf(start - 1000, 'America/Santiago')).toBe('2022-09-10');
});

// A year from June to June holds both DST changes of both hemispheres.
test('indexing many instants agrees with naming each one', () => {
  fc.assert(fc.property(
    fc.constantFrom(...zones),
    fc.array(fc.oneof(fc.integer({ min: Date.UTC(2023, 5, 1), max: Date.UTC(2024, 5, 1) }), fc.constant(Number.NaN)), { maxLength: 40 }),
    (zone, instants) => {
      const idx = indexDays(Float64Array.from(instants), zone);
      instants.forEach((t, i) => {
        const d = idx.dayOfRow[i]!;
        if (Number.isNaN(t)) expect(d).toBe(-1);
        else expect(dayName(idx.firstDay + d)).toBe(dayOf(t, zone));
      });
    },
  ), { numRuns: 100 });
});
