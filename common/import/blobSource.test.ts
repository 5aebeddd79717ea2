/**
 * The app hands the picked File (a Blob) to the import worker, which reads it in slices (issue 13,
 * item 8): the outcome equals reading the same bytes from memory, for every export shape the tools
 * write, no slice is larger than the sniff, and a workbook too large to read whole is refused from
 * its first bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { blobSource, type ByteSource } from './bytes';
import { importDataset, previewImport } from './importer';
import { maxWorkbookBytes, sniffBytes } from './source';

const base = { now: 1_700_000_000_000, datasetId: 'ds1', maxRows: 40 };
const fixtureDir = join(__dirname, 'fixtures');

/** A Blob that records the largest slice taken from it. */
function watched(bytes: Uint8Array<ArrayBuffer>) {
  const blob = new Blob([bytes]);
  const seen = { largest: 0 };
  const proxy = { size: blob.size, slice: (start: number, end: number) => { seen.largest = Math.max(seen.largest, end - start); return blob.slice(start, end); } };
  return { blob: proxy as unknown as Blob, seen };
}

/** An outcome without the random wave id. */
function comparable(res: Awaited<ReturnType<typeof importDataset>>): unknown {
  if (!res.ok) return res;
  const waveId = res.data.header.waves.at(-1)!.id;
  return JSON.parse(JSON.stringify(res.data).split(waveId).join('WAVE'));
}

describe('a picked File imports slice by slice exactly as its bytes do', () => {
  // Qualtrics (metadata columns, three header rows, "," in multi-selects), SurveyMonkey (two header
  // rows, answer labels), Google Forms (GMT timestamps, ";" separators), Typeform, UTF-16 and ";".
  for (const name of readdirSync(fixtureDir)) {
    test(name, async () => {
      const bytes = new Uint8Array(readFileSync(join(fixtureDir, name)));
      const whole = await importDataset(bytes, { ...base, fileName: name });
      expect(whole.ok).toBe(true);
      for (const sliceBytes of [5, 333]) {
        const { blob } = watched(bytes);
        const sliced = await importDataset(blobSource(blob), { ...base, fileName: name, sliceBytes });
        expect(comparable(sliced)).toEqual(comparable(whole));
      }
      const preview = await previewImport(blobSource(new Blob([bytes])), name);
      const fromBytes = await previewImport(bytes, name);
      expect(preview).toEqual(fromBytes);
    });
  }

  test('a file several slices long is never read in pieces larger than the sniff', async () => {
    const lines = ['ResponseId,StartDate,Q1,Q2_1,Q3'];
    for (let i = 0; lines.length < 120_000; i++) lines.push(`R_${i},2024-03-0${1 + (i % 9)} 10:00:00,${i % 11},"Save time,Learn",comment ${i} with some words`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(sniffBytes);
    const { blob, seen } = watched(bytes);
    const res = await importDataset(blobSource(blob), { ...base, maxRows: 5000, fileName: 'big.csv' });
    expect(res.ok && res.data.imported).toBe(119_999);
    expect(seen.largest).toBeLessThanOrEqual(sniffBytes);
  });
});

test('a workbook too large to read whole is refused from its first bytes, whatever its name', async () => {
  const size = maxWorkbookBytes + 1024 * 1024;
  let read = 0;
  // A ZIP signature, then nothing: only the head may be read.
  const source: ByteSource = {
    size,
    read: async (offset, length) => {
      read += length;
      const out = new Uint8Array(length);
      if (offset === 0) out.set([0x50, 0x4b, 0x03, 0x04]);
      return out;
    },
  };
  for (const name of ['big.xlsx', 'renamed.csv']) {
    const res = await previewImport(source, name);
    expect(res.ok ? 'opened' : `${res.code}: ${res.message}`).toMatch(new RegExp(`too-large: ${name.replace('.', '\\.')} is 257 MB\\. Excel workbooks are read whole, up to 256 MB; save the sheet as CSV`));
  }
  expect(read).toBeLessThanOrEqual(2 * sniffBytes);
});
