import { expect, test } from 'vitest';
import { datasetFromRecords } from '../import/records';
import { analyse } from './analyse';
import { cellValue, decodeDatasets, TableBuilder } from './table';

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

test('a table built chunk by chunk past its capacity holds every row, each column exactly rowCount long', () => {
  const columns = [
    { key: 'respondentId', type: 'id' as const }, { key: 'age', type: 'number' as const },
    { key: 'city', type: 'category' as const }, { key: 'goals', type: 'multi' as const },
  ];
  const records = Array.from({ length: 1000 }, (_, i) => ({
    respondentId: `r${i}`, age: i % 7 === 0 ? null : i, city: ['Leeds', 'Paris', null][i % 3], goals: i % 5 === 0 ? [] : ['x', 'y', 'z'].slice(0, 1 + (i % 3)),
  }));
  const data = datasetFromRecords(records, columns, { datasetId: 'big', maxRows: 37 });
  const builder = new TableBuilder([data.header], 16);
  for (const chunk of data.chunks) builder.add(chunk);
  const table = builder.finish();
  expect(table.rowCount).toBe(1000);
  const lengths = [...table.columns.values()].map((c) => (c.type === 'multi' ? c.offsets.length : c.type === 'category' ? c.codes.length : c.values.length));
  expect([...lengths, table.datasetOfRow.length, table.waveOfRow.length]).toEqual([1000, 1000, 1000, 1001, 1000, 1000]);
  const goals = table.columns.get('goals');
  expect(goals?.type === 'multi' ? goals.codes.length : -1).toBe(records.reduce((n, r) => n + r.goals.length, 0));
  for (let r = 0; r < 1000; r++) {
    const want = records[r]!;
    const got = columns.map((c) => cellValue(table.columns.get(c.key), r));
    expect(got).toEqual([want.respondentId, want.age, want.city, want.goals.length > 0 ? want.goals : null]);
  }
});
