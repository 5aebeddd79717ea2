/**
 * Messages between the Data screen and the import worker. Bytes are copied in (the screen keeps the
 * file for a second pass); chunk documents come back by structured clone.
 */
import type { DatasetHeaderDoc } from '../../../common/analytics/format';
import type { ImportOptions, ImportOutcome, ImportPreview, ImportProgress } from '../../../common/import/importer';
import type { Result } from '../../../common/result';

/** Options the worker accepts: the importer's, minus what cannot cross a worker boundary. */
export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress' | 'append' | 'now'> & {
  /** Append as a new wave: the dataset header and the respondent ids it already holds. */
  append?: { header: DatasetHeaderDoc; respondentIds: string[] };
};

/** A request to the import worker; `id` pairs it with its answers. */
export type ImportRequest =
  | { type: 'preview'; id: number; bytes: ArrayBuffer; fileName: string; timeZone: string }
  | { type: 'import'; id: number; bytes: ArrayBuffer; options: WorkerImportOptions }
  | { type: 'cancel'; id: number };

/** An answer from the import worker. */
export type ImportResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'preview'; id: number; result: Result<ImportPreview> }
  | { type: 'import'; id: number; result: Result<ImportOutcome> };
