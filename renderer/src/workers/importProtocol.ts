/**
 * Messages between the Data screen and the import worker. The picked File goes in by reference (a
 * structured clone of a Blob shares its bytes, so nothing is copied) and the worker reads it in
 * slices. Chunk documents come back one by one as they fill; the screen writes each one and answers
 * `chunkSaved`, and the worker keeps at most a couple unanswered, so a file of any size crosses in
 * bounded memory.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { ImportOptions, ImportPreview, ImportProgress, ImportSummary } from '../../../common/import/importer';
import type { Result } from '../../../common/result';

/** Options the worker accepts: the importer's, minus what cannot cross a worker boundary. */
export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress' | 'append' | 'now'> & {
  /** Append as a new wave: the dataset header and the respondent ids it already holds. */
  append?: { header: DatasetHeaderDoc; respondentIds: string[] };
};

/** A request to the import worker; `id` pairs it with its answers. */
export type ImportRequest =
  | { type: 'preview'; id: number; file: Blob; fileName: string; timeZone: string }
  | { type: 'import'; id: number; file: Blob; options: WorkerImportOptions }
  /** Chunk `seq` of import `id` is saved (`ok`), or could not be saved (the worker stops the import). */
  | { type: 'chunkSaved'; id: number; seq: number; ok: boolean }
  | { type: 'cancel'; id: number };

/** An answer from the import worker. */
export type ImportResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'chunk'; id: number; seq: number; chunk: DatasetChunkDoc }
  | { type: 'preview'; id: number; result: Result<ImportPreview> }
  | { type: 'import'; id: number; result: Result<ImportSummary> };
