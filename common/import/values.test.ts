import { expect, test } from 'vitest';
import { guessDateOrder, inferType, isParseError, parseDate, parseNumber, splitMulti } from './values';

test('reads the numbers survey tools write', () => {
  const cases: [string, number | null][] = [
    ['9', 9], [' 4,5 ', 4.5], ['-3', -3], ['.5', 0.5], ['25-34', 29.5], ['18 – 24', 21], ['65+', 65],
    ['10 - Extremely likely', 10], ['0 - Not at all likely', 0], ['80%', 80], ['1,234.5', 1234.5], ['', null], ['   ', null],
  ];
  for (const [text, want] of cases) expect([text, parseNumber(text)]).toEqual([text, want]);
});

test('refuses text that is not a number', () => {
  for (const text of ['abc', '1e309x', 'NaN', 'Infinity', '9/10', '34-25', '--1', '1.2.3', '0x1F', '2024-03-05']) {
    expect([text, isParseError(parseNumber(text))]).toEqual([text, true]);
  }
});

test('reads dates in each export format and zone', () => {
  const cases: [string, string, 'mdy' | 'dmy', number][] = [
    ['2024-03-05T10:00:00Z', 'UTC', 'mdy', Date.UTC(2024, 2, 5, 10)],
    ['2024-03-05T10:00:00+02:00', 'UTC', 'mdy', Date.UTC(2024, 2, 5, 8)],
    ['2024-03-05 10:00:00', 'Europe/Paris', 'mdy', Date.UTC(2024, 2, 5, 9)],
    ['2024-07-05 10:00:00', 'Europe/Paris', 'mdy', Date.UTC(2024, 6, 5, 8)],
    ['2024-03-05', 'UTC', 'mdy', Date.UTC(2024, 2, 5)],
    ['03/05/2024 10:12:13 PM', 'UTC', 'mdy', Date.UTC(2024, 2, 5, 22, 12, 13)],
    ['03/05/2024 12:00:00 AM', 'UTC', 'mdy', Date.UTC(2024, 2, 5, 0)],
    ['05/03/2024 10:00', 'UTC', 'dmy', Date.UTC(2024, 2, 5, 10)],
    ['2024/03/05 10:12:33 AM GMT+1', 'UTC', 'mdy', Date.UTC(2024, 2, 5, 9, 12, 33)],
    ['5.3.2024', 'UTC', 'dmy', Date.UTC(2024, 2, 5)],
    // 02:30 does not exist in New York on 2024-03-10; it resolves past the jump.
    ['2024-03-10 02:30:00', 'America/New_York', 'mdy', Date.UTC(2024, 2, 10, 7, 30)],
  ];
  for (const [text, zone, order, want] of cases) expect([text, parseDate(text, zone, order)]).toEqual([text, want]);
});

test('refuses impossible dates', () => {
  for (const text of ['2024-02-30', '2023-02-29', '13/13/2024', '2024-03-05T25:00', 'yesterday', '03/05/2024 13:00 PM', '1700-01-01', '10/10/10/10']) {
    expect([text, isParseError(parseDate(text, 'UTC'))]).toEqual([text, true]);
  }
});

test('guesses day-first dates from a day above 12', () => {
  expect(guessDateOrder(['01/02/2024', '25/02/2024'])).toBe('dmy');
  expect(guessDateOrder(['01/02/2024', '02/25/2024'])).toBe('mdy');
});

test('splits multi-value cells and infers column types', () => {
  expect(splitMulti(' a; b ;;c ', null)).toEqual(['a', 'b', 'c']);
  expect(splitMulti('a, b', ', ')).toEqual(['a', 'b']);
  expect(inferType(['1', '2', '', '3,5'])).toBe('number');
  expect(inferType(['2024-01-01', '2024-01-02 10:00'])).toBe('date');
  expect(inferType(['a;b', 'c', 'a'])).toBe('multi');
  expect(inferType(['London', 'Leeds', 'London'])).toBe('category');
  expect(inferType(['x'.repeat(80)])).toBe('text');
  expect(inferType([])).toBe('text');
});
