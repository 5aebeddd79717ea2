/**
 * Files in the shapes the survey tools really export (issue 13): nothing is lost or read wrong
 * without a word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { cellValue, decodeDatasets } from '../analytics/table';
import { importDataset, previewImport, type ImportOptions, type ImportOutcome } from './importer';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));
const enc = new TextEncoder();

async function imported(bytes: Uint8Array, options: Partial<ImportOptions> & { fileName: string }): Promise<ImportOutcome> {
  const res = await importDataset(bytes, { now: 1_700_000_000_000, datasetId: 'ds1', ...options });
  if (!res.ok) throw new Error(res.message);
  return res.data;
}

function column(outcome: ImportOutcome, key: string) {
  const table = decodeDatasets([{ header: outcome.header, chunks: outcome.chunks }]);
  return Array.from({ length: table.rowCount }, (_, r) => cellValue(table.columns.get(key), r));
}

async function preview(bytes: Uint8Array, fileName: string) {
  const res = await previewImport(bytes, fileName);
  if (!res.ok) throw new Error(res.message);
  return res.data;
}

describe('Qualtrics default export (17 metadata columns, ImportId row)', () => {
  test('metadata columns are never suggested for a rule column; the questions are', async () => {
    const p = await preview(fixture('qualtrics-default.csv'), 'qualtrics-default.csv');
    expect(p.shape.shape).toBe('qualtrics');
    const sources = Object.fromEntries(p.suggested.columns.map((c) => [c.key, c.sources]));
    expect(sources).toEqual({
      respondentId: ['Response ID'],
      submittedAt: ['End Date'],
      age: ['How old are you?'],
      location: ['Where do you live?'],
      goals: ['What are your goals? - Selected Choice', 'What are your goals? - Other - Text'],
      channel: ['How do you prefer we contact you?'],
      satisfaction: ['How satisfied are you with our service?'],
    });
  });

  test('a multi-select and its "- Other - Text" column feed goals, split on Qualtrics\' comma, the write-in whole', async () => {
    const out = await imported(fixture('qualtrics-default.csv'), { fileName: 'qualtrics-default.csv' });
    expect(column(out, 'goals')).toEqual([
      ['Save time', 'Learn new skills'], ['Reduce errors', 'Other', 'Spend less time on admin, honestly'], ['Save time'],
    ]);
    expect(column(out, 'location')).toEqual(['Denver', 'Boulder', 'Denver']);
    expect(column(out, 'channel')).toEqual(['Email', 'Phone', 'Chat']);
  });
});

describe('day-first dates', () => {
  const file = enc.encode('id,submitted,nps\nr1,05.03.2024,9\nr2,06/03/2024,7\nr3,01/02/2024,3\n');
  const mapping = { columns: [
    { key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'submittedAt', type: 'date' as const, sources: ['submitted'] },
    { key: 'nps', type: 'number' as const, sources: ['nps'] },
  ] };

  test('an ambiguous file is flagged in the preview and warned about when the user did not choose', async () => {
    const p = await preview(file, 'dates.csv');
    expect(p.dateOrderAmbiguous).toBe(true);
    const out = await imported(file, { fileName: 'dates.csv', mapping });
    expect(out.dateOrder).toBe('mdy');
    expect(out.warnings.join(' ')).toMatch(/No date in the file has a day above 12/);
  });

  test('the chosen day-first order reads 05.03.2024 as 5 March', async () => {
    const out = await imported(file, { fileName: 'dates.csv', mapping, dateOrder: 'dmy' });
    expect(column(out, 'submittedAt')).toEqual([Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6), Date.UTC(2024, 1, 1)]);
    expect(out.warnings).toEqual([]);
  });

  test('a day above 12 later in the file than the preview decides, and a contradicting date is reported', async () => {
    const lines = ['id,submitted'];
    for (let i = 0; i < 60; i++) lines.push(`r${i},0${1 + (i % 9)}/03/2024`);
    lines.push('late,25/03/2024', 'odd,03/25/2024');
    const out = await imported(enc.encode(lines.join('\n')), { fileName: 'late.csv', mapping: { columns: mapping.columns.slice(0, 2) }, dateOrder: 'dmy' });
    expect(out.warnings.join(' ')).toMatch(/row 62 is written day first and row 63 month first/);
    expect(out.unreadable.map((u) => [u.row, u.value])).toEqual([[63, '03/25/2024']]);
  });
});

test('Excel timestamps are read in the workspace zone, like the same CSV', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Responses');
  sheet.addRow(['id', 'submitted']);
  // Excel stores the wall-clock time 2024-03-04 23:20 (exceljs hands it over as that time in UTC).
  sheet.addRow(['r1', new Date(Date.UTC(2024, 2, 4, 23, 20))]);
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  const csv = enc.encode('id,submitted\nr1,2024-03-04 23:20:00\n');
  const mapping = { columns: [{ key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'submittedAt', type: 'date' as const, sources: ['submitted'] }] };
  const fromXlsx = await imported(xlsx, { fileName: 'a.xlsx', mapping, timeZone: 'America/Denver' });
  const fromCsv = await imported(csv, { fileName: 'a.csv', mapping, timeZone: 'America/Denver' });
  expect(column(fromXlsx, 'submittedAt')).toEqual([Date.UTC(2024, 2, 5, 6, 20)]);
  expect(column(fromCsv, 'submittedAt')).toEqual(column(fromXlsx, 'submittedAt'));
});

describe('unreadable values keep their response', () => {
  test('SurveyMonkey answer text maps to scale numbers with a mapping the preview shows', async () => {
    const p = await preview(fixture('surveymonkey-labels.csv'), 'surveymonkey-labels.csv');
    const satisfaction = p.suggested.columns.find((c) => c.key === 'satisfaction');
    expect(satisfaction?.labels).toEqual({ 'Very dissatisfied': 1, 'Somewhat dissatisfied': 2, 'Neither satisfied nor dissatisfied': 3, Satisfied: 4, 'Very satisfied': 5 });
    expect(p.suggested.columns.find((c) => c.key === 'effort')?.labels).toEqual({ 'Very difficult': 1, Difficult: 2, 'Neither easy nor difficult': 3, Easy: 4, 'Very easy': 5 });
    const out = await imported(fixture('surveymonkey-labels.csv'), { fileName: 'surveymonkey-labels.csv' });
    expect(out.rejectedCount).toBe(0);
    expect(out.unreadableCount).toBe(0);
    expect(column(out, 'satisfaction')).toEqual([5, 2, 3, 4]);
    expect(column(out, 'effort')).toEqual([5, 3, 2, 4]);
    expect(column(out, 'nps')).toEqual([10, 6, 8, 9]);
  });

  test('a label mapping the user changed is used, and a label it lacks is reported, not fatal', async () => {
    const p = await preview(fixture('surveymonkey-labels.csv'), 'surveymonkey-labels.csv');
    const mapping = { columns: p.suggested.columns.map((c) => (c.key === 'satisfaction' ? { ...c, labels: { 'Very satisfied': 10, Satisfied: 7.5, 'Somewhat dissatisfied': 2.5 } } : c)) };
    const out = await imported(fixture('surveymonkey-labels.csv'), { fileName: 'surveymonkey-labels.csv', mapping });
    expect(column(out, 'satisfaction')).toEqual([10, 2.5, null, 7.5]);
    expect(out.imported).toBe(4);
    expect(out.unreadable).toEqual([{ row: 5, column: 'satisfaction', value: 'Neither satisfied nor dissatisfied', reason: '"Neither satisfied nor dissatisfied" is neither a number nor one of the answer labels', problem: { code: 'notNumberOrLabel' } }]);
  });

  test('Google Forms "… PM GMT", "N/A", "34 years" and Arabic-Indic digits', async () => {
    const out = await imported(fixture('google-forms-gmt.csv'), { fileName: 'google-forms-gmt.csv' });
    expect(out.preview.shape.shape).toBe('google-forms');
    expect(out.imported).toBe(3);
    expect(column(out, 'submittedAt')).toEqual([Date.UTC(2024, 2, 5, 22, 12, 33), Date.UTC(2024, 2, 5, 11, 45), Date.UTC(2024, 2, 6, 7, 3, 10)]);
    expect(column(out, 'age')).toEqual([34, 29, 41]);
    expect(column(out, 'nps')).toEqual([9, 9, null]);
    expect(column(out, 'satisfaction')).toEqual([null, 4, 3]);
    expect(out.unreadableCount).toBe(0);
  });

  test('one unreadable value leaves that cell missing and the other answers in', async () => {
    const file = enc.encode('id,age,nps,city\nr1,thirty,9,Leeds\nr2,40,eleven,York\n');
    const mapping = { columns: [
      { key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'age', type: 'number' as const, sources: ['age'] },
      { key: 'nps', type: 'number' as const, sources: ['nps'] }, { key: 'location', type: 'category' as const, sources: ['city'] },
    ] };
    const out = await imported(file, { fileName: 'x.csv', mapping });
    expect(out.imported).toBe(2);
    expect(column(out, 'age')).toEqual([null, 40]);
    expect(column(out, 'nps')).toEqual([9, null]);
    expect(column(out, 'location')).toEqual(['Leeds', 'York']);
    expect(out.unreadable.map((u) => [u.row, u.column, u.value])).toEqual([[2, 'age', 'thirty'], [3, 'nps', 'eleven']]);
  });
});

test('SurveyMonkey dates are month first whatever they hold: no ambiguity warning', async () => {
  const p = await preview(fixture('surveymonkey-labels.csv'), 'surveymonkey-labels.csv');
  expect([p.dateOrder, p.dateOrderAmbiguous]).toEqual(['mdy', false]);
  const out = await imported(fixture('surveymonkey-labels.csv'), { fileName: 'surveymonkey-labels.csv' });
  expect(out.warnings).toEqual([]);
  expect(column(out, 'submittedAt')[0]).toBe(Date.UTC(2024, 2, 11, 10, 15, 40));
});
