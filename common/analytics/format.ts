/**
 * The columnar format survey responses are stored in (`datasets` collection, ARCHITECTURE.md "Local
 * database"). A dataset is one header document and chunk documents of a few thousand rows each.
 * Every chunk is self-contained (its own category dictionaries) so waves can be appended and chunks
 * synced without rewriting older ones. This shape is persisted: change it only with a new
 * {@link chunkFormatVersion} and a migration.
 */
import type { ColumnType } from './rules';

/** Version of the encoding inside chunk `data`; readers refuse versions they do not know. */
export const chunkFormatVersion = 1;

/**
 * Numbers or dates (epoch ms) as a plain array of numbers; rows listed in `missing` (indexes within
 * the chunk) are missing or unparsable and hold 0 in `values`. Keeping nulls out of `values` lets
 * JavaScript store it unboxed, which matters for a million timestamps.
 */
export interface EncodedNumbers {
  type: 'number' | 'date';
  values: number[];
  /** Chunk-relative row indexes without a value, ascending; absent when none. */
  missing?: number[];
}

/** Single-value categories: `codes[i]` indexes `dict`, -1 is missing. */
export interface EncodedCategory {
  type: 'category';
  dict: string[];
  codes: number[];
}

/**
 * Multi-value cells (goals, frustrations): row i holds `codes[offsets[i]] … codes[offsets[i+1]-1]`
 * into `dict`; `offsets` has rows + 1 entries and an empty cell counts as missing.
 */
export interface EncodedMulti {
  type: 'multi';
  dict: string[];
  offsets: number[];
  codes: number[];
}

/** Respondent ids and free text, kept as strings; `null` is missing. */
export interface EncodedStrings {
  type: 'id' | 'text';
  values: (string | null)[];
}

/** One encoded column of a chunk. */
export type EncodedColumn = EncodedNumbers | EncodedCategory | EncodedMulti | EncodedStrings;

/** The `data` field of a chunk document. */
export interface ChunkData {
  /** Always {@link chunkFormatVersion} when written by this version. */
  format: number;
  /** Encoded columns keyed by column key (the mapped attribute, e.g. `age`). */
  columns: Record<string, EncodedColumn>;
}

/** A chunk document of the `datasets` collection. */
export interface DatasetChunkDoc {
  /** `<datasetId>--<chunkIndex>`. */
  id: string;
  kind: 'chunk';
  datasetId: string;
  /** Position within the dataset; rows are read in chunk order. */
  chunkIndex: number;
  /** Rows in this chunk. */
  chunkRows: number;
  /** The import (wave) that wrote this chunk, so snapshots of older days keep their inputs. */
  waveId: string;
  data: ChunkData;
  updatedAt: number;
}

/** How a stored column came to be: which source columns were read and how. */
export interface DatasetColumn {
  /** Key used in chunks and by rules: an attribute such as `age` or a custom key. */
  key: string;
  /** The stored type. */
  type: ColumnType;
  /** Human label, usually the question text. */
  label: string;
  /** Source headers (several for a multi-value attribute assembled from one column per option). */
  sources: string[];
}

/** One import into a dataset: the first file or a later wave. */
export interface DatasetWave {
  id: string;
  sourceFile: string;
  importedAt: number;
  /** Rows this wave added after de-duplication. */
  rows: number;
}

/** The header document of a dataset. */
export interface DatasetHeaderDoc {
  /** Same as `datasetId`. */
  id: string;
  kind: 'header';
  datasetId: string;
  name: string;
  /** The file of the latest wave. */
  sourceFile: string;
  /** When the latest wave was imported. */
  importedAt: number;
  rowCount: number;
  columns: DatasetColumn[];
  /** Number of chunk documents (chunk indexes run 0 … chunkCount-1). */
  chunkCount: number;
  /** The export shape detected at import (SurveyMonkey, Qualtrics, …). */
  shape: string;
  waves: DatasetWave[];
  updatedAt: number;
}

/** The id of a chunk document; stays URL-safe and within 64 characters for datasets ids ≤ 48. */
export function chunkId(datasetId: string, chunkIndex: number): string {
  return `${datasetId}--${chunkIndex}`;
}

/** Longest dataset id accepted, leaving room for the chunk suffix within the 64-character key. */
export const maxDatasetIdLength = 48;

/** Column keys that would collide with Object.prototype members when used as record keys. */
export const reservedColumnKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/** Pattern of a column key (same as a rule's `column`). */
export const columnKeyPattern = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Whether a string can be used as a column key. */
export function isColumnKey(key: string): boolean {
  return columnKeyPattern.test(key) && !reservedColumnKeys.has(key);
}
