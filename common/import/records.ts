/**
 * Datasets from records already in memory (tests, generated data, small pastes): the same encoder
 * and decoder as a file import, without parsing.
 */
import type { DatasetChunkDoc, DatasetColumn, DatasetHeaderDoc } from '../analytics/format';
import { decodeDatasets, type Table } from '../analytics/table';
import { ChunkEncoder, type Cell, type ChunkLimits } from './encode';

/** Encodes records into a header and chunk documents. */
export function datasetFromRecords(
  records: readonly Record<string, Cell | undefined>[],
  columns: readonly Pick<DatasetColumn, 'key' | 'type'>[],
  options: { datasetId?: string; waveId?: string; now?: number; name?: string } & ChunkLimits = {},
): { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] } {
  const datasetId = options.datasetId ?? 'ds';
  const waveId = options.waveId ?? 'w1';
  const now = options.now ?? 0;
  const cols: DatasetColumn[] = columns.map((c) => ({ key: c.key, type: c.type, label: c.key, sources: [c.key] }));
  const encoder = new ChunkEncoder(cols, { datasetId, waveId, firstChunkIndex: 0, now }, options);
  const chunks: DatasetChunkDoc[] = [];
  for (const record of records) {
    const chunk = encoder.add(cols.map((c) => (Object.prototype.hasOwnProperty.call(record, c.key) ? record[c.key] ?? null : null)));
    if (chunk) chunks.push(chunk);
  }
  const last = encoder.flush();
  if (last) chunks.push(last);
  const header: DatasetHeaderDoc = {
    id: datasetId, kind: 'header', datasetId, name: options.name ?? datasetId, sourceFile: '', importedAt: now,
    rowCount: records.length, columns: cols, chunkCount: chunks.length, shape: 'records',
    waves: [{ id: waveId, sourceFile: '', importedAt: now, rows: records.length }], updatedAt: now,
  };
  return { header, chunks };
}

/** Encodes and decodes records into a {@link Table} in one step. */
export function tableFromRecords(
  records: readonly Record<string, Cell | undefined>[], columns: readonly Pick<DatasetColumn, 'key' | 'type'>[], limits: ChunkLimits = {},
): Table {
  return decodeDatasets([datasetFromRecords(records, columns, limits)]);
}
