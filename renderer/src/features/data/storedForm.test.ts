import { describe, expect, test } from 'vitest';
import { datasetFromRecords } from '../../../../common/import/records';
import { parseChunk, parseHeader, storedChunk, storedHeader } from './storedForm';

describe('the stored form of dataset documents', () => {
  const { header, chunks } = datasetFromRecords([{ id: 'a', age: 3 }, { id: 'b', age: null }], [{ key: 'id', type: 'id' }, { key: 'age', type: 'number' }], { datasetId: 'ds1', waveId: 'w9', now: 5 });

  test('headers and chunks read back exactly as the engine wrote them', () => {
    expect(parseHeader(JSON.parse(JSON.stringify(storedHeader(header))))).toEqual({ ok: true, data: header });
    expect(parseChunk(JSON.parse(JSON.stringify(storedChunk(chunks[0]!))))).toEqual({ ok: true, data: chunks[0] });
  });

  test('the stored form only uses fields the datasets schema declares', () => {
    const declared = ['id', 'kind', 'datasetId', 'name', 'sourceFile', 'importedAt', 'rowCount', 'columns', 'chunkIndex', 'chunkRows', 'data', 'updatedAt'];
    for (const doc of [storedHeader(header), storedChunk(chunks[0]!)]) for (const key of Object.keys(doc)) expect(declared).toContain(key);
  });

  test('documents that are not readable datasets are refused, minimal deleted chunks included', () => {
    for (const doc of [null, 1, {}, { kind: 'header', datasetId: 'x' }, { id: 'x--0', kind: 'chunk', datasetId: 'x' }, { kind: 'chunk', datasetId: 'x', chunkIndex: 0, data: null }]) {
      expect(parseHeader(doc).ok && parseChunk(doc).ok).toBe(false);
    }
  });
});
