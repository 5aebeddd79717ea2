import { describe, expect, test } from 'vitest';
import { previewImport } from '../../../../common/import/importer';
import { customKey, mappingOf, mappingProblems, retyped, suggestedRows, type MappingRow } from './mappingModel';

const csv = 'Respondent ID,Age,Goals — Save time,Goals — Learn,Favourite colour\nr1,30,x,,blue\n';

describe('the mapping table model', () => {
  test('rows follow the file and carry the suggested attributes; unknown columns are not imported', async () => {
    const preview = await previewImport(new TextEncoder().encode(csv), 'a.csv');
    if (!preview.ok) throw new Error(preview.message);
    const rows = suggestedRows(preview.data);
    expect(rows.map((r) => r.source)).toEqual(preview.data.shape.headers);
    expect(rows.find((r) => r.source === 'Age')).toMatchObject({ key: 'age', type: 'number' });
    expect(rows.find((r) => r.source === 'Favourite colour')?.key).toBe('');
  });

  test('several option columns gather into one multi-value attribute, in file order', () => {
    const rows: MappingRow[] = [
      { source: 'Goals — Save time', key: 'goals', type: 'multi' },
      { source: 'Age', key: 'age', type: 'number' },
      { source: 'Goals — Learn', key: 'goals', type: 'multi' },
      { source: 'Colour', key: '', type: 'category' },
    ];
    expect(mappingOf(rows).columns).toEqual([
      { key: 'goals', type: 'multi', sources: ['Goals — Save time', 'Goals — Learn'], label: 'Goals — Save time' },
      { key: 'age', type: 'number', sources: ['Age'], label: 'Age' },
    ]);
    expect(mappingProblems(rows)).toEqual([]);
  });

  test('mappings the importer would refuse are named before importing', () => {
    const cases: [MappingRow[], RegExp][] = [
      [[{ source: 'a', key: '', type: 'text' }], /at least one column/],
      [[{ source: 'a', key: 'age', type: 'number' }, { source: 'b', key: 'age', type: 'number' }], /only a multi-value attribute/],
      [[{ source: 'a', key: 'goals', type: 'multi' }, { source: 'b', key: 'goals', type: 'category' }], /different types/],
      [[{ source: 'a', key: 'respondentId', type: 'id' }, { source: 'b', key: 'q_b', type: 'id' }], /Only one column can be the respondent id/],
    ];
    for (const [rows, message] of cases) expect(mappingProblems(rows).join(' ')).toMatch(message);
  });

  test('custom keys are valid column keys whatever the header says', () => {
    for (const header of ['Favourite colour?', '¿Qué?', '', '__proto__', 'a'.repeat(300), 'Ünïcödé — x']) {
      expect(customKey(header)).toMatch(/^q_[a-z0-9_]{1,40}$/);
    }
  });

  test('a column mapped as a number gets the answer labels its sample holds, and loses them as another type', async () => {
    const file = 'id,How was it?\nr1,Very good\nr2,Poor\nr3,Excellent\n';
    const preview = await previewImport(new TextEncoder().encode(file), 'q.csv');
    if (!preview.ok) throw new Error(preview.message);
    const row: MappingRow = { source: 'How was it?', key: '', type: 'category' };
    const asNumber = retyped(row, { key: 'q_how', type: 'number' }, preview.data, 1);
    expect(asNumber.labels).toEqual({ Poor: 1, Fair: 2, Good: 3, 'Very good': 4, Excellent: 5 });
    expect(mappingOf([asNumber]).columns[0]?.labels).toEqual(asNumber.labels);
    expect(retyped(asNumber, { type: 'category' }, preview.data, 1).labels).toBeUndefined();
    expect(mappingProblems([{ ...asNumber, labels: { Poor: Number.NaN } }])).toEqual(['Give every answer label of "How was it?" a number.']);
  });
});
