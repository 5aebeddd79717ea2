/**
 * Files that cannot be read whole, giant answers and binary files (issue 13, items 1, 7 and 8):
 * refused or capped with a message, never imported in part without a word.
 */
import { describe, expect, test } from 'vitest';
import { importDataset, type ImportOptions } from './importer';
import { maxCellChars } from './rows';
import { sniffBytes, sniffFile } from './source';

const enc = new TextEncoder();
const mapping = { columns: [
  { key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'nps', type: 'number' as const, sources: ['nps'] },
  { key: 'feedback', type: 'text' as const, sources: ['comment'] },
] };
const base: ImportOptions = { fileName: 'answers.csv', mapping, now: 1_700_000_000_000, datasetId: 'ds1' };

function thousandRows(edit: (i: number) => string = () => 'fine'): Uint8Array {
  const lines = ['id,nps,comment'];
  for (let i = 1; i <= 1000; i++) lines.push(`r${i},${i % 11},${edit(i)}`);
  return enc.encode(lines.join('\n'));
}

describe('quoting errors', () => {
  test('a stray quote on line 11 refuses the whole file, naming the row', async () => {
    const res = await importDataset(thousandRows((i) => (i === 10 ? '"oops' : 'fine')), base);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.code).toBe('invalid-document');
      expect(res.message).toMatch(/row 11: a quoted field is never closed/);
      expect(res.message).toMatch(/Nothing was imported/);
    }
  });

  test('a dry run refuses it the same way, and so does "stop"', async () => {
    for (const extra of [{ dryRun: true }, { onRejected: 'stop' as const }]) {
      const res = await importDataset(thousandRows((i) => (i === 500 ? '"says "hi" then"' : 'fine')), { ...base, ...extra });
      expect(res.ok ? 'ok' : res.message).toMatch(/cannot be read whole/);
    }
  });

  test('well-quoted fields with commas, doubled quotes and line breaks still import', async () => {
    const res = await importDataset(thousandRows((i) => `"says ""hi"", then\n${i}"`), base);
    if (!res.ok) throw new Error(res.message);
    expect(res.data.imported).toBe(1000);
  });
});

describe('giant answers', () => {
  test('a 20 MB answer is cut at Excel\'s cell limit with a warning, and its chunk stays small', async () => {
    const huge = 'x'.repeat(20 << 20);
    const res = await importDataset(thousandRows((i) => (i === 7 ? huge : 'fine')), base);
    if (!res.ok) throw new Error(res.message);
    expect(res.data.imported).toBe(1000);
    for (const c of res.data.chunks) expect(JSON.stringify(c).length).toBeLessThan(1_100_000);
    expect(res.data.warnings).toEqual([`Row 8, feedback: 20,971,520 characters, kept the first ${maxCellChars.toLocaleString('en')} (Excel's cell limit).`]);
  });

  test('a row whose answers together pass the row limit is rejected with its size', async () => {
    const wide = { columns: Array.from({ length: 20 }, (_, k) => ({ key: `c${k}`, type: 'text' as const, sources: [k + 1] })) };
    const header = ['id', ...Array.from({ length: 20 }, (_, k) => `c${k}`)].join(',');
    const big = ['r1', ...Array.from({ length: 20 }, () => 'y'.repeat(30_000))].join(',');
    const res = await importDataset(enc.encode(`${header}\n${big}\nr2${',z'.repeat(20)}\n`), { ...base, mapping: { columns: [{ key: 'respondentId', type: 'id', sources: ['id'] }, ...wide.columns] } });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.imported).toBe(1);
    expect(res.data.rejected).toEqual([{ row: 2, reason: 'the row holds 600,002 characters of answers; the most a row can hold is 512,000', problem: { code: 'rowTooLarge', chars: 600_002, max: 512_000 } }]);
  });
});

describe('binary sniff', () => {
  test('looks only at the first megabytes', () => {
    const text = new Uint8Array(sniffBytes + 1000).fill(0x61);
    text[sniffBytes + 10] = 0;
    expect(sniffFile(text, 'late-zero.csv')).toEqual({ ok: true, data: 'csv' });
    const video = new Uint8Array(1 << 20);
    video.set([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70]);
    expect(sniffFile(video, 'clip.csv')).toMatchObject({ ok: false, code: 'unsupported-type' });
    expect(sniffFile(enc.encode('PK\u0003\u0004…'), 'x.csv')).toEqual({ ok: true, data: 'xlsx' });
  });
});
