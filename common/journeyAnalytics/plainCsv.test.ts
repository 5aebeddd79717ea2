import { describe, expect, test } from 'vitest';
import { bytesSource, textPieces } from '../import/bytes';
import { importEvents } from './eventImport';
import { plainCsvPieces } from './plainCsv';

const encode = (s: string) => new TextEncoder().encode(s);

async function rowsOf(text: string, sliceBytes: number): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of plainCsvPieces(textPieces(bytesSource(encode(text)), 'utf-8', 0, sliceBytes), ',')) rows.push(...batch.rows);
  return rows;
}

describe('quote-free CSV read slice by slice', () => {
  const text = 'customer,event,time\r\nc1,ouvert_é,2024-03-01T09:00:00Z\r\n\r\nc2,日本語,2024-03-01T10:00:00Z\nc3,end,2024-03-02T10:00:00Z';
  const whole = [['customer', 'event', 'time'], ['c1', 'ouvert_é', '2024-03-01T09:00:00Z'], ['c2', '日本語', '2024-03-01T10:00:00Z'], ['c3', 'end', '2024-03-02T10:00:00Z']];

  test('rows, line ends and characters cut between slices read as in one piece', async () => {
    for (const slice of [1, 2, 3, 5, 7, 16, 1 << 20]) expect(await rowsOf(text, slice), `slice ${slice}`).toEqual(whole);
    expect(await rowsOf(`${text}\n`, 4)).toEqual(whole);
  });

  test('an import by the fast path gives the same chunks as the general parser', async () => {
    // One line ending throughout: the general parser takes the file's first one as its line ending.
    const lf = text.replace(/\r\n/g, '\n');
    const csv = encode(`${lf}\n`);
    const quoted = encode(`${lf.replace('c3,end', 'c3,"end"')}\n`);
    const fast = await importEvents(csv, { fileName: 'e.csv', now: 1, datasetId: 'x' });
    const general = await importEvents(quoted, { fileName: 'e.csv', now: 1, datasetId: 'x' });
    expect(fast.ok && general.ok).toBe(true);
    if (fast.ok && general.ok) {
      expect(fast.data.imported).toBe(3);
      expect(fast.data.chunks.map((c) => c.data)).toEqual(general.data.chunks.map((c) => c.data));
    }
  });

  test('a file that is not UTF-8 is read as Windows-1252, as when decoded whole', async () => {
    const latin = new Uint8Array([...encode('customer,event,time\nc1,caf'), 0xe9, ...encode(',2024-03-01T09:00:00Z\n')]);
    const res = await importEvents(latin, { fileName: 'e.csv', now: 1, datasetId: 'x' });
    expect(res.ok).toBe(true);
    if (res.ok) expect(JSON.stringify(res.data.chunks[0]!.data)).toContain('café');
  });
});
