/**
 * The import reads CSV slice by slice (issue 13, items 6 and 8): the result is the same as reading
 * the file in one piece, whatever the slices cut (rows, quoted newlines, CRLF, multi-byte
 * characters), no slice is larger than the sniff, chunks reach the sink as they fill and are
 * discarded when the file is refused, and the date order is decided over the whole file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DatasetChunkDoc } from '../analytics/format';
import { decodeDatasets, TableBuilder } from '../analytics/table';
import { bytesSource, type ByteSource } from './bytes';
import { maxRecordChars } from './csv';
import { importDataset, importInto, type ImportOptions, type ImportOutcome } from './importer';
import { sniffBytes } from './source';

const enc = new TextEncoder();
const base = { now: 1_700_000_000_000, datasetId: 'ds1', maxRows: 40 };

/** Files whose rows, quotes and characters the slices cut in every way. */
function generated(): [string, Uint8Array][] {
  const crlf = ['id,submitted,city,comment'];
  for (let i = 0; i < 300; i++) crlf.push(`r${i % 290},2024-03-0${1 + (i % 9)} 10:00,"Zürich ${i % 7}","two\r\nlines ""quoted"" ${'é€😀'.repeat(i % 9)}"`);
  const blank = ['id;nps;goals', '', 'a;9;"x;y"', '', '', 'b;n/a;z', 'c;12;', ''];
  const latin = new Uint8Array([...enc.encode('id,city\nr1,'), 0xe9, ...enc.encode('\nr2,Oslo\n')]);
  const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('id\tage\r\nr1\t34\r\nr2\t41\r\n').flatMap((c) => [c.charCodeAt(0), 0])]);
  const broken = ['id,nps,comment'];
  for (let i = 1; i <= 200; i++) broken.push(`r${i},${i % 11},${i === 150 ? '"never closed' : 'fine'}`);
  return [
    ['crlf.csv', enc.encode(crlf.join('\r\n'))], ['blank.csv', enc.encode(blank.join('\n'))], ['latin.csv', latin],
    ['utf16.tsv', utf16], ['broken.csv', enc.encode(broken.join('\n'))],
  ];
}

const fixtureDir = join(__dirname, 'fixtures');
const files: [string, Uint8Array][] = [
  ...readdirSync(fixtureDir).filter((n) => !n.endsWith('.xlsx')).map((n): [string, Uint8Array] => [n, new Uint8Array(readFileSync(join(fixtureDir, n)))]),
  ...generated(),
];

/** An outcome without what differs between two runs by design (the random wave id). */
function comparable(res: Awaited<ReturnType<typeof importDataset>>) {
  if (!res.ok) return res;
  const o: ImportOutcome = res.data;
  const waveId = o.header.waves.at(-1)!.id;
  const json = JSON.stringify(o).split(waveId).join('WAVE');
  return JSON.parse(json) as unknown;
}

describe('slice by slice equals one piece', () => {
  for (const [name, bytes] of files) {
    test(name, async () => {
      const whole = await importDataset(bytes, { ...base, fileName: name, sliceBytes: bytes.length + 1 });
      for (const sliceBytes of [1, 7, 64]) {
        const sliced = await importDataset(bytesSource(bytes), { ...base, fileName: name, sliceBytes });
        expect(comparable(sliced)).toEqual(comparable(whole));
      }
      if (name === 'broken.csv') expect(whole.ok ? 'imported' : whole.message).toMatch(/row 151: a quoted field is never closed/);
      else expect(whole.ok).toBe(true);
    });
  }
});

test('a large file is read in slices no larger than the sniff, and its chunks reach the sink as they fill', async () => {
  const lines = ['id,nps,comment'];
  for (let i = 0; lines.length < 150_000; i++) lines.push(`r${i},${i % 11},comment number ${i}, with a few more words to make it longer`);
  const bytes = enc.encode(lines.join('\n'));
  expect(bytes.length).toBeGreaterThan(2 * sniffBytes);
  let largestRead = 0;
  const source: ByteSource = { size: bytes.length, read: async (offset, length) => { largestRead = Math.max(largestRead, length); return bytes.subarray(offset, offset + length); } };
  const arrived: number[] = [];
  let progressAtFirstChunk = -1;
  let fraction = 0;
  const res = await importInto(source, { ...base, maxRows: 5000, fileName: 'big.csv', onProgress: (p) => { fraction = p.fraction; } }, {
    add: (c) => { if (arrived.length === 0) progressAtFirstChunk = fraction; arrived.push(c.chunkRows); },
    discard: () => { throw new Error('nothing to discard'); },
  });
  expect(res.ok && res.data.imported).toBe(149_999);
  expect(largestRead).toBeLessThanOrEqual(sniffBytes);
  expect(arrived.reduce((a, b) => a + b, 0)).toBe(149_999);
  // The first chunk arrived while less than a fifth of the file had been read.
  expect(progressAtFirstChunk).toBeLessThan(0.2);
});

test('a quote never closed deep in the file discards the chunks already handed over and names the row', async () => {
  const lines = ['id,nps,comment'];
  for (let i = 1; i <= 3000; i++) lines.push(`r${i},${i % 11},${i === 2900 ? '"oops' : 'fine'}`);
  const chunks: DatasetChunkDoc[] = [];
  let added = 0;
  const res = await importInto(enc.encode(lines.join('\n')), { ...base, maxRows: 100, fileName: 'late.csv', sliceBytes: 4096 }, {
    add: (c) => { added += 1; chunks.push(c); }, discard: () => { chunks.length = 0; },
  });
  expect(res.ok ? 'imported' : res.message).toMatch(/row 2901: a quoted field is never closed.*Nothing was imported/);
  expect(added).toBeGreaterThan(20);
  expect(chunks).toEqual([]);
});

test('a row running past the record limit is refused without re-reading the rest of the file for ever', async () => {
  const size = maxRecordChars + (4 << 20);
  const head = enc.encode('id,comment\nr1,fine\nr2,"');
  // A file of one unclosed quote: every byte after the header rows is "x".
  const source: ByteSource = {
    size,
    read: async (offset, length) => {
      const out = new Uint8Array(Math.min(length, size - offset)).fill(0x78);
      for (let i = offset; i < Math.min(head.length, offset + out.length); i++) out[i - offset] = head[i]!;
      return out;
    },
  };
  const res = await importDataset(source, { ...base, fileName: 'stray.csv' });
  expect(res.ok ? 'imported' : res.message).toMatch(/row 3: the row runs past 64 million characters/);
}, 120_000);

describe('date order over the whole file', () => {
  const mapping = { columns: [{ key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'submittedAt', type: 'date' as const, sources: ['submitted'] }] };
  const lines = ['id,submitted'];
  for (let i = 0; i < 80; i++) lines.push(`r${i},0${1 + (i % 9)}/03/2024`);
  lines.push('late,25/03/2024');
  const file = enc.encode(lines.join('\n'));
  const options: ImportOptions = { ...base, fileName: 'late.csv', mapping };

  test('a day above 12 after the sample decides day first for every row, read in slices too', async () => {
    for (const sliceBytes of [16, 1 << 20]) {
      const res = await importDataset(file, { ...options, sliceBytes });
      if (!res.ok) throw new Error(res.message);
      expect([res.data.dateOrder, res.data.unreadableCount, res.data.warnings]).toEqual(['dmy', 0, []]);
      const table = decodeDatasets([{ header: res.data.header, chunks: res.data.chunks }]);
      const dates = (table.columns.get('submittedAt') as { values: Float64Array }).values;
      expect([dates[0], dates[80]]).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 25)]);
    }
  });

  test('the other order chosen: the deciding row is named in a warning', async () => {
    const res = await importDataset(file, { ...options, dateOrder: 'mdy' });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.warnings.join(' ')).toMatch(/Row 82 is written day first, but dates were read month first as chosen/);
    expect(res.data.unreadable.map((u) => u.row)).toEqual([82]);
  });
});

test('the table built chunk by chunk equals the table decoded from all chunks', async () => {
  const [, bytes] = files.find(([n]) => n === 'crlf.csv')!;
  const res = await importDataset(bytes, { ...base, fileName: 'crlf.csv', maxRows: 7 });
  if (!res.ok) throw new Error(res.message);
  const builder = new TableBuilder([res.data.header], 1);
  for (const c of res.data.chunks) builder.add(c);
  expect(builder.finish()).toEqual(decodeDatasets([{ header: res.data.header, chunks: res.data.chunks }]));
});
