/**
 * Adapter between the engine's dataset documents (common/analytics/format.ts) and what the
 * `datasets` collection schema accepts today. The schema (version 0, `additionalProperties: false`)
 * has no `chunkCount`, `shape` or `waves` on headers and no `waveId` on chunks, so those ride inside
 * the free-form `data` object until the schema gains them. Reads accept both places, so documents
 * written after that schema change read the same.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc, DatasetWave } from '../../../../common/analytics/format';
import { err, ok, type Result } from '../../../../common/result';
import type { WritableDoc } from '../../db/database';

interface HeaderExtras { chunkCount: number; shape: string; waves: DatasetWave[] }

/** A header as the collection stores it. */
export function storedHeader(header: DatasetHeaderDoc): WritableDoc {
  const { chunkCount, shape, waves, ...rest } = header;
  const extras: HeaderExtras = { chunkCount, shape, waves };
  return { ...rest, data: { header: extras } };
}

/** A chunk as the collection stores it. */
export function storedChunk(chunk: DatasetChunkDoc): WritableDoc {
  const { waveId, data, ...rest } = chunk;
  return { ...rest, data: { ...data, waveId } };
}

/** Reads a stored header; refuses anything that is not one. */
export function parseHeader(doc: unknown): Result<DatasetHeaderDoc> {
  const d = doc as Record<string, unknown> | null;
  if (!d || d.kind !== 'header' || typeof d.datasetId !== 'string' || !Array.isArray(d.columns)) {
    return err('invalid-document', 'Not a dataset header.');
  }
  const extras = ((d.data as { header?: Partial<HeaderExtras> } | undefined)?.header ?? {}) as Partial<HeaderExtras>;
  const chunkCount = typeof d.chunkCount === 'number' ? d.chunkCount : extras.chunkCount;
  if (typeof chunkCount !== 'number') return err('invalid-document', 'The dataset header has no chunk count.');
  return ok({
    id: String(d.id), kind: 'header', datasetId: d.datasetId, name: String(d.name ?? d.datasetId),
    sourceFile: String(d.sourceFile ?? ''), importedAt: Number(d.importedAt ?? 0), rowCount: Number(d.rowCount ?? 0),
    columns: d.columns as DatasetHeaderDoc['columns'], chunkCount,
    shape: String(d.shape ?? extras.shape ?? 'plain'),
    waves: (Array.isArray(d.waves) ? d.waves : extras.waves ?? []) as DatasetWave[],
    updatedAt: Number(d.updatedAt ?? 0),
  });
}

/** Reads a stored chunk; a minimal (deleted) chunk or a foreign document is refused. */
export function parseChunk(doc: unknown): Result<DatasetChunkDoc> {
  const d = doc as Record<string, unknown> | null;
  const data = d?.data as (DatasetChunkDoc['data'] & { waveId?: string }) | undefined;
  if (!d || d.kind !== 'chunk' || typeof d.datasetId !== 'string' || typeof d.chunkIndex !== 'number' || !data || typeof data.columns !== 'object') {
    return err('invalid-document', 'Not a dataset chunk.');
  }
  const { waveId: innerWave, ...chunkData } = data;
  return ok({
    id: String(d.id), kind: 'chunk', datasetId: d.datasetId, chunkIndex: d.chunkIndex, chunkRows: Number(d.chunkRows ?? 0),
    waveId: typeof d.waveId === 'string' ? d.waveId : innerWave ?? 'w0', data: chunkData, updatedAt: Number(d.updatedAt ?? 0),
  });
}
