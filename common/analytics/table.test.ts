import { expect, test } from 'vitest';
import { datasetFromRecords } from '../import/records';
import { analyse } from './analyse';
import { cellValue, decodeDatasets } from './table';

const a = datasetFromRecords([{ age: 30, city: 'Leeds' }, { age: 50, city: 'Paris' }], [{ key: 'age', type: 'number' }, { key: 'city', type: 'category' }], { datasetId: 'a' });
const b = datasetFromRecords([{ age: 35, goals: ['x'] }], [{ key: 'age', type: 'number' }, { key: 'goals', type: 'multi' }], { datasetId: 'b', waveId: 'w9' });

test('datasets decode into one table; a column one dataset lacks reads as missing for its rows', () => {
  const table = decodeDatasets([a, b]);
  expect(table.rowCount).toBe(3);
  expect([0, 1, 2].map((r) => [cellValue(table.columns.get('age'), r), cellValue(table.columns.get('city'), r), cellValue(table.columns.get('goals'), r)])).toEqual([
    [30, 'Leeds', null], [50, 'Paris', null], [35, null, ['x']],
  ]);
  expect(Array.from(table.datasetOfRow)).toEqual([0, 0, 1]);
  expect(table.waveIds).toEqual(['w1', 'w9']);
});

test('a persona scores only the datasets it is fed by', () => {
  const table = decodeDatasets([a, b]);
  const rules = [{ id: 'r', column: 'age', kind: 'range' as const, min: 0 }];
  const result = analyse(table, [{ id: 'all', name: 'All', rules }, { id: 'onlyB', name: 'B', rules, datasetIds: ['b'] }]);
  expect(result.personas.map((p) => p.coverage)).toEqual([{ covered: 3, total: 3, percent: 100 }, { covered: 1, total: 1, percent: 100 }]);
  expect(result.overlap).toEqual([[3, 1], [1, 1]]);
});

test('refuses chunks of a newer format and columns typed differently across datasets', () => {
  const newer = { ...a, chunks: a.chunks.map((c) => ({ ...c, data: { ...c.data, format: 99 } })) };
  expect(() => decodeDatasets([newer])).toThrow(/format 99; update the app/);
  const clash = datasetFromRecords([{ age: 'old' }], [{ key: 'age', type: 'category' }], { datasetId: 'c' });
  expect(() => decodeDatasets([a, clash])).toThrow(/"age" is number in one dataset and category in another/);
});

test('hostile chunk contents read as missing instead of corrupting other rows', () => {
  const chunk = a.chunks[0]!;
  const broken = {
    ...a,
    chunks: [{
      ...chunk,
      data: {
        format: 1,
        columns: {
          age: { type: 'number' as const, values: [Number.NaN, 'x' as unknown as number], missing: [7, -1] },
          city: { type: 'category' as const, dict: ['Leeds'], codes: [5, -3] },
        },
      },
    }],
  };
  const table = decodeDatasets([broken]);
  expect([0, 1].map((r) => [cellValue(table.columns.get('age'), r), cellValue(table.columns.get('city'), r)])).toEqual([[null, null], [null, null]]);
});
