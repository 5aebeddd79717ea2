import { idField, shortText, timeField } from './shared';

/**
 * Survey datasets, stored columnar: one header document per dataset and chunk documents of a few
 * thousand rows each (dictionary-encoded categories, numbers as arrays), never a document per
 * response. The shapes of `columns`, `waves` and `data` are defined and documented in
 * common/analytics/format.ts (`DatasetHeaderDoc`, `DatasetChunkDoc`). Only id, kind and datasetId are
 * required so a deleted chunk can be emptied first and respondents' answers do not linger in its
 * tombstone. Chunks stay under ~1 MB (common/import/encode.ts cuts them by rows and by size).
 */
export const datasetsSchema = {
  title: 'datasets',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    kind: { type: 'string', enum: ['header', 'chunk'], maxLength: 10 },
    /** The dataset's id (≤ 48 characters, so chunk ids `<datasetId>--<index>` fit the key). */
    datasetId: idField,
    /** Header: display name, source file and import date of the latest wave, row count. */
    name: shortText(200),
    sourceFile: shortText(500),
    importedAt: timeField,
    rowCount: { type: 'integer', minimum: 0, maximum: 1e9 },
    /** Header: stored columns `{ key, type, label, sources }` (`DatasetColumn`). */
    columns: { type: 'array', maxItems: 2000, items: { type: 'object' } },
    /** Header: number of chunk documents; chunk indexes run from 0 to chunkCount − 1. */
    chunkCount: { type: 'integer', minimum: 0, maximum: 1e7 },
    /** Header: export shape detected at import (surveymonkey, qualtrics, google-forms, typeform, plain). */
    shape: shortText(40),
    /** Header: the imports (waves) that make up the dataset `{ id, sourceFile, importedAt, rows }`. */
    waves: { type: 'array', maxItems: 10000, items: { type: 'object' } },
    /** Chunk: position of this chunk in the dataset. */
    chunkIndex: { type: 'integer', minimum: 0, maximum: 1e7 },
    /** Chunk: number of rows it holds. */
    chunkRows: { type: 'integer', minimum: 0, maximum: 1e6 },
    /** Chunk: the wave that wrote it (snapshots of untouched days keep their ids when a wave is added). */
    waveId: idField,
    /** Chunk: `{ format, columns }`, encoded columns keyed by column key (`ChunkData`). */
    data: { type: 'object' },
    updatedAt: timeField,
  },
  required: ['id', 'kind', 'datasetId'],
  indexes: ['datasetId'],
} as const;
