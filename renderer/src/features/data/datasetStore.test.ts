import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, test } from 'vitest';
import { datasetFromRecords } from '../../../../common/import/records';
import { createDatabase, type Workspace } from '../../db/database';
import { chunkWriter, deleteDataset, readChunks, readHeaders, respondentIds, writeImport } from './datasetStore';

let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const open = async () => (db = await createDatabase(getRxStorageMemory(), `t${Math.random().toString(36).slice(2)}`));
const records = Array.from({ length: 50 }, (_, i) => ({ respondentId: `r${i}`, age: 20 + i, city: i % 2 ? 'London' : 'Leeds' }));
const columns = [{ key: 'respondentId', type: 'id' }, { key: 'age', type: 'number' }, { key: 'city', type: 'category' }] as const;
const dataset = () => datasetFromRecords(records, columns, { datasetId: 'ds1', maxRows: 4, now: 1 });

/** Every stored document of the dataset, deleted ones included, as JSON text (what sync would carry). */
async function everything(w: Workspace): Promise<string> {
  const ids = ['ds1', ...Array.from({ length: 20 }, (_, i) => `ds1--${i}`)];
  return JSON.stringify(await w.datasets.storageInstance.findDocumentsById(ids, true));
}

describe('writing an import is all or nothing', () => {
  test('a finished import is readable, chunks in order, with its respondent ids', async () => {
    const w = await open();
    const progress: number[] = [];
    const res = await writeImport(w, dataset(), (done) => progress.push(done), () => false);
    expect(res.ok).toBe(true);
    const [header] = await readHeaders(w);
    expect(header).toMatchObject({ datasetId: 'ds1', rowCount: 50, chunkCount: 13 });
    expect((await readChunks(w, header!)).map((c) => c.chunkIndex)).toEqual([...Array(13).keys()]);
    expect(await respondentIds(w, header!)).toEqual(records.map((r) => r.respondentId));
    expect(progress.at(-1)).toBe(13);
  });

  test('a cancel at any point leaves no dataset and no answers, not even in tombstones', async () => {
    // Before any chunk, after the first batch, after the last chunk but before the header.
    for (const after of [-1, 0, 1]) {
      const w = await open();
      let batches = 0;
      const res = await writeImport(w, dataset(), () => { batches += 1; }, () => batches > after);
      expect(res).toMatchObject({ ok: false, code: 'cancelled' });
      expect(await readHeaders(w)).toEqual([]);
      expect(await everything(w)).not.toContain('London');
      // Chunks that were written are removed (tombstones), not left behind.
      expect((await everything(w)).includes('"_deleted":true')).toBe(after >= 0);
      await w.close();
      db = undefined;
    }
  });

  test('chunks past the header count (an unfinished wave) are never read', async () => {
    const w = await open();
    const first = dataset();
    await writeImport(w, first, () => undefined, () => false);
    const [header] = await readHeaders(w);
    const wave = datasetFromRecords([{ respondentId: 'x', age: 1, city: 'Paris' }], columns, { datasetId: 'ds1', now: 2 });
    await w.datasets.insert({ ...wave.chunks[0]!, id: 'ds1--13', chunkIndex: 13, data: { ...wave.chunks[0]!.data, waveId: 'w2' } });
    expect((await readChunks(w, header!)).length).toBe(13);
  });
});

describe('saving chunks as the import worker hands them over', () => {
  test('chunks saved one by one are invisible until the header is written, then read in order', async () => {
    const w = await open();
    const { header, chunks } = dataset();
    const writer = chunkWriter(w);
    const saved = await Promise.all(chunks.map((c) => writer.add(c)));
    expect(saved.every(Boolean)).toBe(true);
    expect(writer.written).toBe(13);
    expect(await readHeaders(w)).toEqual([]);
    expect(await writer.failure()).toBeNull();
    expect(await writer.finish(header)).toMatchObject({ ok: true });
    expect((await readChunks(w, header)).map((c) => c.chunkIndex)).toEqual([...Array(13).keys()]);
  });

  test('a discard (cancel, refused file, "stop") removes every chunk saved, emptied first', async () => {
    const w = await open();
    const { chunks } = dataset();
    const writer = chunkWriter(w);
    // Not awaited: the discard waits for the writes still queued.
    for (const c of chunks.slice(0, 7)) void writer.add(c);
    await writer.discard();
    expect(await readHeaders(w)).toEqual([]);
    expect(await w.datasets.count().exec()).toBe(0);
    expect(await everything(w)).not.toContain('London');
  });

  test('a chunk that cannot be saved refuses every later one, and finishing keeps nothing', async () => {
    const w = await open();
    const { header, chunks } = dataset();
    const writer = chunkWriter(w);
    expect(await writer.add(chunks[0]!)).toBe(true);
    // A chunk whose data does not pass the schema.
    expect(await writer.add({ ...chunks[1]!, chunkRows: -1 })).toBe(false);
    expect(await writer.add(chunks[2]!)).toBe(false);
    expect(await writer.failure()).toMatch(/could not be saved .*nothing was kept/);
    expect(await writer.finish(header)).toMatchObject({ ok: false, code: 'io-error' });
    expect(await readHeaders(w)).toEqual([]);
    expect(await w.datasets.count().exec()).toBe(0);
  });
});

describe('deleting a dataset', () => {
  test('removes the header and every chunk, emptied first so answers do not linger', async () => {
    const w = await open();
    await writeImport(w, dataset(), () => undefined, () => false);
    expect(await everything(w)).toContain('London');
    await deleteDataset(w, 'ds1');
    expect(await readHeaders(w)).toEqual([]);
    expect(await w.datasets.count().exec()).toBe(0);
    expect(await everything(w)).not.toContain('London');
  });
});
