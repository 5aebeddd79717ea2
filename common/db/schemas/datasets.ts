import { idField, shortText, timeField } from './shared';

/**
 * Survey datasets, stored columnar: one header document per dataset and chunk documents of a few
 * thousand rows each (dictionary-encoded categories, numbers as arrays), never a document per
 * response. Only id, kind and datasetId are required so a deleted chunk can be emptied first and
 * respondents' answers do not linger in its tombstone.
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
    datasetId: idField,
    /** Header: display name, source file, import date, row count, column mapping. */
    name: shortText(200),
    sourceFile: shortText(500),
    importedAt: timeField,
    rowCount: { type: 'integer', minimum: 0, maximum: 1e9 },
    /** Header: the columns with their mapped attribute and type (shaped by common/analytics). */
    columns: { type: 'array', maxItems: 2000, items: { type: 'object' } },
    /** Chunk: position of this chunk in the dataset. */
    chunkIndex: { type: 'integer', minimum: 0, maximum: 1e7 },
    /** Chunk: number of rows it holds. */
    chunkRows: { type: 'integer', minimum: 0, maximum: 1e6 },
    /** Chunk: encoded columns keyed by column id (shaped by common/analytics). */
    data: { type: 'object' },
    updatedAt: timeField,
  },
  required: ['id', 'kind', 'datasetId'],
  indexes: ['datasetId'],
} as const;
