/**
 * Survey import (issue 6): the public API for the import dialog and worker, and the command line.
 * Pure: bytes in, documents out, no storage. Flow:
 * 1. `previewImport(bytes, fileName, timeZone)` → shape, headers, sample rows, inferred types,
 *    suggested mapping, sample rejections.
 * 2. The user edits the `ColumnMapping` (`attributes` lists the known attribute keys and types).
 * 3. Optionally `importDataset(bytes, { …, dryRun: true })` to list every rejected row and
 *    unreadable value first (an unreadable value is stored as missing; its response is kept).
 * 4. `importDataset(bytes, { fileName, mapping, timeZone, signal, onProgress, append? })` → header +
 *    chunks; write the chunks, then the header. An error or cancel returns `{ ok: false }` and no docs.
 */
export { previewImport, importDataset } from './importer';
export type { ImportOptions, ImportOutcome, ImportPreview, ImportProgress } from './importer';
export { attributes, attributeBounds, suggestMapping, resolveMapping, isMetadataColumn } from './mapping';
export type { AttributeKey, ColumnMapping, MappedColumn, ResolvedColumn } from './mapping';
export type { RejectedRow, UnreadableValue } from './rows';
export { maxCellChars, maxRowChars } from './rows';
export { labelsFor } from './preview';
export { suggestLabels, labelProblem } from './scales';
export { sniffFile, sniffBytes } from './source';
export { detectShape } from './shapes';
export type { ExportShape, ShapeInfo } from './shapes';
export { parseNumber, parseDate, splitMulti, inferType, guessDateOrder, dateOrderGuess, isParseError, asciiDigits } from './values';
export type { DateOrder, DateOrderGuess, Parsed } from './values';
export { decodeText } from './text';
export { ChunkEncoder } from './encode';
export type { Cell, ChunkLimits } from './encode';
export { datasetFromRecords, tableFromRecords } from './records';
