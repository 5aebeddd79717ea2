import { describe, expect, test } from 'vitest';
import { decodeDatasets, cellValue } from '../analytics/table';
import { importDataset, type ImportOptions } from './importer';

const enc = new TextEncoder();
function csvOf(rows: number, extra = ''): Uint8Array {
  const lines = ['id,submitted,age,goals,note'];
  for (let i = 0; i < rows; i++) lines.push(`r${i},2024-01-0${1 + (i % 9)}T10:00:00Z,${20 + (i % 50)},"a;b",${extra || `"long\nnote ${i}"`}`);
  return enc.encode(lines.join('\n'));
}
const mapping = { columns: [
  { key: 'respondentId', type: 'id' as const, sources: ['id'] }, { key: 'submittedAt', type: 'date' as const, sources: ['submitted'] },
  { key: 'age', type: 'number' as const, sources: ['age'] }, { key: 'goals', type: 'multi' as const, sources: ['goals'] },
  { key: 'feedback', type: 'text' as const, sources: ['note'] },
] };
const base: ImportOptions = { fileName: 'wave.csv', mapping, now: 1_700_000_000_000, datasetId: 'ds1' };

describe('importDataset', () => {
  test('a cancel during the import returns an error and no documents', async () => {
    const controller = new AbortController();
    let progressCalls = 0;
    const res = await importDataset(csvOf(30_000), {
      ...base, signal: controller.signal,
      onProgress: () => { progressCalls += 1; controller.abort(); },
    });
    expect(res).toEqual({ ok: false, code: 'cancelled', message: 'Import cancelled; nothing was saved.' });
    expect(progressCalls).toBe(1);
  });

  test('reports progress up to the whole file and splits rows into chunks within the limits', async () => {
    const fractions: number[] = [];
    const res = await importDataset(csvOf(12_000), { ...base, maxRows: 5000, onProgress: (p) => fractions.push(p.fraction) });
    if (!res.ok) throw new Error(res.message);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(res.data.chunks.map((c) => c.chunkRows)).toEqual([5000, 5000, 2000]);
    expect(res.data.chunks.map((c) => c.id)).toEqual(['ds1--0', 'ds1--1', 'ds1--2']);
    expect(res.data.header).toMatchObject({ rowCount: 12_000, chunkCount: 3, datasetId: 'ds1', kind: 'header' });
    for (const c of res.data.chunks) expect(JSON.stringify(c).length).toBeLessThan(1_000_000);
  });

  test('cuts chunks early when long text would make them larger than the byte limit', async () => {
    const res = await importDataset(csvOf(3000, 'x'.repeat(2000)), { ...base, maxBytes: 900_000 });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.chunks.length).toBeGreaterThan(5);
    for (const c of res.data.chunks) expect(JSON.stringify(c).length).toBeLessThan(1_000_000);
    expect(res.data.chunks.reduce((s, c) => s + c.chunkRows, 0)).toBe(3000);
  });

  test('with "stop", the first rejected row fails the whole import naming its row', async () => {
    const bytes = enc.encode('id,submitted,age,goals,note\nr1,2024-01-01,30,a,x\nr2,2024-01-01,thirty,a,x\n');
    const res = await importDataset(bytes, { ...base, onRejected: 'stop' });
    expect(res).toEqual({ ok: false, code: 'invalid-document', message: 'Row 3: age: "thirty" is not a number. Nothing was imported.' });
  });

  test('a dry run reports rejected rows and unreadable values without building chunks', async () => {
    const bytes = enc.encode('id,submitted,age,goals,note\nr1,2024-01-01,30,a,x\nr2,31/02/2024,3,a,x\n,2024-01-01,3,a,x\n');
    const res = await importDataset(bytes, { ...base, dryRun: true });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.chunks).toEqual([]);
    expect(res.data.rejected.map((r) => [r.row, r.column])).toEqual([[4, 'respondentId']]);
    expect(res.data.unreadable.map((r) => [r.row, r.column])).toEqual([[3, 'submittedAt']]);
    expect(res.data.imported).toBe(2);
  });

  test('a new wave appends after the existing chunks and skips respondents already imported', async () => {
    const first = await importDataset(enc.encode('id,submitted,age,goals,note\nr1,2024-01-01,30,a,x\nr2,2024-01-02,40,b,y\n'), base);
    if (!first.ok) throw new Error(first.message);
    const wave = enc.encode('id,submitted,age,goals,note\nr2,2024-01-02,40,b,y\nr3,2024-01-03,50,c,z\nr3,2024-01-03,50,c,z\n');
    const second = await importDataset(wave, { ...base, fileName: 'wave2.csv', now: base.now! + 1, append: { header: first.data.header, respondentIds: ['r1', 'r2'] } });
    if (!second.ok) throw new Error(second.message);
    expect(second.data).toMatchObject({ imported: 1, duplicates: 2 });
    expect(second.data.header).toMatchObject({ rowCount: 3, chunkCount: 2, sourceFile: 'wave2.csv' });
    expect(second.data.header.waves.map((w) => w.rows)).toEqual([2, 1]);
    expect(second.data.chunks[0]?.chunkIndex).toBe(1);
    const table = decodeDatasets([{ header: second.data.header, chunks: [...first.data.chunks, ...second.data.chunks] }]);
    expect(Array.from({ length: 3 }, (_, r) => cellValue(table.columns.get('respondentId'), r))).toEqual(['r1', 'r2', 'r3']);
    expect(table.waveIds).toHaveLength(2);
  });

  test('skips exactly the repeated respondent ids, not ids that only share a hash', async () => {
    // R_2pf8 and R_jrj6 have the same 32-bit hash in the duplicate check (idSet.test); ids are trimmed, and case counts.
    const ids = ['R_2pf8', 'R_jrj6', 'R_2pf8', ' R_2pf8 ', 'r_2pf8', 'R_jrj6', 'Ā', 'ā', 'Ā'];
    const file = enc.encode(['id,submitted,age,goals,note', ...ids.map((id, i) => `"${id}",2024-01-01,${20 + i},a,n${i}`)].join('\n'));
    const res = await importDataset(file, { ...base, maxRows: 2 });
    if (!res.ok) throw new Error(res.message);
    expect(res.data).toMatchObject({ imported: 5, duplicates: 4 });
    const table = decodeDatasets([{ header: res.data.header, chunks: res.data.chunks }]);
    const kept = Array.from({ length: table.rowCount }, (_, r) => [cellValue(table.columns.get('respondentId'), r), cellValue(table.columns.get('age'), r)]);
    expect(kept).toEqual([['R_2pf8', 20], ['R_jrj6', 21], ['r_2pf8', 24], ['Ā', 26], ['ā', 27]]);
  });

  test('refuses mappings that do not fit the file, with a sentence per problem', async () => {
    const bad = [
      [{ key: 'age', type: 'number', sources: ['Age?'] }, /no column "Age\?"/],
      [{ key: 'age', type: 'number', sources: [99] }, /no column "99"/],
      [{ key: 'age', type: 'number', sources: ['age', 'id'] }, /only a multi-value column/],
      [{ key: '__proto__', type: 'number', sources: ['age'] }, /key must be/],
      [{ key: 'a b', type: 'number', sources: ['age'] }, /key must be/],
      [{ key: 'age', type: 'float', sources: ['age'] }, /unknown type/],
      [{ key: 'age', type: 'number', sources: [] }, /at least one source/],
    ] as const;
    for (const [column, message] of bad) {
      const res = await importDataset(csvOf(2), { ...base, mapping: { columns: [column as never] } });
      expect(res.ok).toBe(false);
      if (!res.ok) expect([res.code, res.message]).toEqual(['invalid-argument', expect.stringMatching(message)]);
    }
  });

  test('refuses files that are not survey exports', async () => {
    const files: [Uint8Array, string, string][] = [
      [new Uint8Array(0), 'empty.csv', 'invalid-argument'],
      [enc.encode('\n\n  \n'), 'blank.csv', 'invalid-argument'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'broken.xlsx', 'unsupported-type'],
      [enc.encode('not a workbook'), 'fake.xlsx', 'unsupported-type'],
      [new Uint8Array([0x00, 0x01, 0x02, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'image.csv', 'unsupported-type'],
    ];
    for (const [bytes, fileName, code] of files) {
      const res = await importDataset(bytes, { ...base, fileName });
      expect(res.ok ? 'ok' : res.code).toBe(code);
    }
  });
});
