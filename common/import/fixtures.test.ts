import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeDatasets } from '../analytics/table';
import { cellValue } from '../analytics/table';
import { importDataset, previewImport, type ImportOutcome } from './importer';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));

async function imported(name: string, options: Partial<Parameters<typeof importDataset>[1]> = {}): Promise<ImportOutcome> {
  const res = await importDataset(fixture(name), { fileName: name, now: 1_700_000_000_000, datasetId: 'ds1', ...options });
  if (!res.ok) throw new Error(res.message);
  return res.data;
}

function column(outcome: ImportOutcome, key: string) {
  const table = decodeDatasets([{ header: outcome.header, chunks: outcome.chunks }]);
  return Array.from({ length: table.rowCount }, (_, r) => cellValue(table.columns.get(key), r));
}

describe('SurveyMonkey export (two header rows, one column per option)', () => {
  test('is recognised and its option columns become one goals attribute', async () => {
    const preview = await previewImport(fixture('surveymonkey.csv'), 'surveymonkey.csv');
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.shape.shape).toBe('surveymonkey');
    expect(preview.data.encoding).toBe('utf-8');
    expect(preview.data.shape.headers).toContain('What are your main goals? — Reduce errors');
    const goals = preview.data.suggested.columns.find((c) => c.key === 'goals');
    expect(goals?.sources).toHaveLength(3);
    expect(preview.data.suggested.columns.map((c) => c.key)).toEqual(['respondentId', 'submittedAt', 'age', 'location', 'goals', 'nps', 'satisfaction', 'feedback']);
  });

  test('imports with age bands as midpoints, keeps the response whose age says "unknown" and skips the repeated respondent', async () => {
    const out = await imported('surveymonkey.csv');
    expect(out.imported).toBe(4);
    expect(out.duplicates).toBe(1);
    expect(out.rejected).toEqual([]);
    expect(column(out, 'age')).toEqual([29.5, 39.5, 65, null]);
    expect(column(out, 'goals')).toEqual([['Save time', 'Learn new skills'], ['Reduce errors'], ['Save time', 'Reduce errors'], null]);
    expect(column(out, 'feedback')[1]).toBe('Too slow,\nsometimes crashes');
    // "End Date" is the first submitted-at header; month-first, read in the given zone.
    expect(column(out, 'submittedAt')[0]).toBe(Date.UTC(2023, 10, 2, 10, 15, 40));
  });
});

describe('Qualtrics export (three header rows with ImportId JSON)', () => {
  for (const file of ['qualtrics.csv', 'qualtrics.xlsx']) {
    test(`${file}: uses the question text, reads dates in the zone the export names, splits comma-joined choices`, async () => {
      const out = await imported(file);
      expect(out.preview.shape.shape).toBe('qualtrics');
      expect(out.imported).toBe(3);
      expect(column(out, 'respondentId')).toEqual(['R_1a2b3c4d5e6f7g8', 'R_2b3c4d5e6f7g8h9', 'R_3c4d5e6f7g8h9i0']);
      // 23:20 in Denver (UTC−7 in March before DST) is 06:20 UTC the next day.
      expect(column(out, 'submittedAt')[0]).toBe(Date.UTC(2024, 2, 5, 6, 20, 0));
      expect(column(out, 'goals')[0]).toEqual(['Save time', 'Learn new skills']);
      expect(column(out, 'frustrations')).toEqual([['Complexity'], ['System downtime'], null]);
      expect(column(out, 'nps')).toEqual([9, 3, 10]);
      expect(column(out, 'location')).toEqual(['Denver', 'Boulder', 'Denver']);
    });
  }
});

test('Google Forms: timestamps with GMT offsets, comma-joined checkboxes, NPS outside 0–10 left out but the response kept', async () => {
  const out = await imported('google-forms.csv');
  expect(out.preview.shape.shape).toBe('google-forms');
  expect(column(out, 'submittedAt')).toEqual([Date.UTC(2024, 2, 5, 9, 12, 33), Date.UTC(2024, 2, 5, 22, 45, 0), Date.UTC(2024, 2, 6, 6, 3, 10)]);
  expect(column(out, 'frustrations')[1]).toEqual(['System downtime', 'Complexity']);
  expect(column(out, 'channel')).toEqual(['Email', 'Phone', 'Chat']);
  expect(column(out, 'feedback')[1]).toBe('Support "never" answers,\nplease fix');
  expect(out.rejected).toEqual([]);
  expect(column(out, 'nps')).toEqual([10, 4, null]);
  expect(out.unreadable).toEqual([{ row: 4, column: 'nps', value: '12', reason: '12 is outside 0–10', problem: { code: 'outOfRange', value: 12, min: 0, max: 10 } }]);
});

test('Typeform: option columns are combined by an overriding mapping', async () => {
  const preview = await previewImport(fixture('typeform.csv'), 'typeform.csv');
  if (!preview.ok) throw new Error(preview.message);
  expect(preview.data.shape.shape).toBe('typeform');
  const mapping = { columns: [...preview.data.suggested.columns, { key: 'goals', type: 'multi' as const, sources: ['Save time', 'Reduce errors', 'Learn new skills'] }] };
  const out = await imported('typeform.csv', { mapping });
  expect(column(out, 'respondentId')).toEqual(['k1x9', 'k2y8']);
  expect(column(out, 'goals')).toEqual([['Save time', 'Learn new skills'], ['Reduce errors']]);
  expect(column(out, 'submittedAt')[1]).toBe(Date.UTC(2024, 1, 2, 0, 1, 40));
  expect(column(out, 'effort')).toEqual([2, 5]);
});

test('plain semicolon CSV with decimal commas and a custom mapping', async () => {
  const mapping = { columns: [
    { key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'submittedAt', type: 'date' as const, sources: ['submitted'] },
    { key: 'age', type: 'number' as const, sources: ['age'] }, { key: 'goals', type: 'multi' as const, sources: ['goals'] },
    { key: 'satisfaction', type: 'number' as const, sources: ['satisfaction'] }, { key: 'region', type: 'category' as const, sources: [3] },
  ] };
  const out = await imported('plain-semicolon.csv', { mapping });
  expect(out.preview.delimiter).toBe(';');
  expect(column(out, 'satisfaction')).toEqual([4.5, 3, 2]);
  expect(column(out, 'region')).toEqual(['Madrid', 'Madrid', 'Sevilla']);
  expect(column(out, 'goals')).toEqual([['save time', 'learn new skills'], ['reduce errors'], null]);
  expect(column(out, 'age')).toEqual([28, null, 39]);
  expect(out.unreadable.map((u) => [u.row, u.column, u.value])).toEqual([[3, 'age', 'abc']]);
});

test('UTF-16 LE tab-separated text is decoded and split on tabs', async () => {
  const out = await imported('plain-utf16.tsv');
  expect(out.preview.encoding).toBe('utf-16le');
  expect(out.preview.delimiter).toBe('\t');
  expect(column(out, 'location')).toEqual(['Zürich', 'Genève']);
  expect(column(out, 'nps')).toEqual([10, 8]);
});

test('XLSX: skips an empty sheet and reads dates, formulas, rich text and hyperlinks', async () => {
  const out = await imported('plain.xlsx');
  expect(out.preview.format).toBe('xlsx');
  expect(column(out, 'submittedAt')[0]).toBe(Date.UTC(2024, 4, 1, 9, 30));
  expect(column(out, 'nps')).toEqual([9, 6, 10]);
  expect(column(out, 'feedback')).toEqual(['Very good', null, 'ok']);
  expect(column(out, 'location')).toEqual(['Oslo', 'Bergen', 'Oslo']);
  expect(column(out, 'goals')[0]).toEqual(['save time', 'learn new skills']);
});
