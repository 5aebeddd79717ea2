/**
 * Survey import (issue 6): the public API for the import dialog and worker, and the command line.
 * Pure: bytes in, documents out, no storage. Flow:
 * 1. `previewImport(bytes, fileName, timeZone)` → shape, headers, sample rows, inferred types,
 *    suggested mapping, sample rejections.
 * 2. The user edits the `ColumnMapping` (`attributes` lists the known attribute keys and types).
 * 3. Optionally `importDataset(bytes, { …, dryRun: true })` to list every rejected row first.
 * 4. `importDataset(bytes, { fileName, mapping, timeZone, signal, onProgress, append? })` → header +
 *    chunks; write the chunks, then the header. An error or cancel returns `{ ok: false }` and no docs.
 */
export { previewImport, importDataset } from './importer';
export type { ImportOptions, ImportOutcome, ImportPreview, ImportProgress } from './importer';
export { attributes, attributeBounds, suggestMapping, resolveMapping } from './mapping';
export type { AttributeKey, ColumnMapping, MappedColumn, ResolvedColumn } from './mapping';
export type { RejectedRow } from './rows';
export { detectShape } from './shapes';
export type { ExportShape, ShapeInfo } from './shapes';
export { parseNumber, parseDate, splitMulti, inferType, guessDateOrder, isParseError } from './values';
export type { DateOrder, Parsed } from './values';
export { decodeText } from './text';
export { ChunkEncoder } from './encode';
export type { Cell, ChunkLimits } from './encode';
export { datasetFromRecords, tableFromRecords } from './records';
