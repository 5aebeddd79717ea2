/**
 * Survey import, all or nothing: preview a file (shape, headers, sample, suggested mapping, types),
 * then import it into a new dataset or as a new wave of an existing one. Pure: bytes in, documents
 * out; runs in a Web Worker or under Node. The caller writes the returned chunks and then the header;
 * a cancel or an error returns an error value and no documents.
 */
import { maxDatasetIdLength, type DatasetChunkDoc, type DatasetColumn, type DatasetHeaderDoc } from '../analytics/format';
import type { ColumnType } from '../analytics/rules';
import { err, ok, type Result } from '../result';
import { ChunkEncoder, type ChunkLimits } from './encode';
import { resolveMapping, suggestMapping, type ColumnMapping, type ResolvedColumn } from './mapping';
import { rowReader, type RejectedRow } from './rows';
import { detectShape, type ShapeInfo } from './shapes';
import { openSource, type Source } from './source';
import { guessDateOrder, inferType, type DateOrder } from './values';

/** What the import dialog shows before importing. */
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  shape: ShapeInfo;
  /** Up to 20 data rows (after the header rows). */
  rows: string[][];
  /** Per source column, the type its sample suggests. */
  inferredTypes: ColumnType[];
  /** Mapping suggested from the headers (the user may change it). */
  suggested: ColumnMapping;
  dateOrder: DateOrder;
  /** Sample rows the suggested mapping would reject. */
  rejectedSample: RejectedRow[];
}

/** Import settings. */
export interface ImportOptions extends ChunkLimits {
  fileName: string;
  /** Default: the suggested mapping. */
  mapping?: ColumnMapping;
  /** Zone of timestamps the file writes without one; default UTC. */
  timeZone?: string;
  /** Default: guessed from the sample. */
  dateOrder?: DateOrder;
  /** Rejected rows: leave them out (default) or stop the whole import. */
  onRejected?: 'skip' | 'stop';
  /**
   * Append as a new wave to this dataset; rows whose respondent id it already holds are skipped.
   * `respondentIds` can be the decoded table's `respondentId` column values as they are.
   */
  append?: { header: DatasetHeaderDoc; respondentIds: Iterable<string | null> };
  /** New dataset's id (URL-safe, ≤ 48 characters) and name; generated from the file otherwise. */
  datasetId?: string;
  name?: string;
  /** Clock, for tests. */
  now?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Parse and check every row but build no chunks (to show rejections before importing). */
  dryRun?: boolean;
  /** Most rejected rows listed in the outcome (all are counted); default 1000. */
  maxRejectedListed?: number;
}

/** Progress of an import. */
export interface ImportProgress {
  rowsRead: number;
  /** 0–1. */
  fraction: number;
}

/** A finished import. */
export interface ImportOutcome {
  /** The new or updated header: write it after all chunks. */
  header: DatasetHeaderDoc;
  /** New chunk documents (empty in a dry run). */
  chunks: DatasetChunkDoc[];
  imported: number;
  rejected: RejectedRow[];
  rejectedCount: number;
  /** Rows skipped because their respondent id was already in the dataset or earlier in the file. */
  duplicates: number;
  preview: Omit<ImportPreview, 'rows' | 'rejectedSample'>;
}

/** Reads a file's first rows and suggests how to import it. */
export async function previewImport(bytes: ArrayBuffer | Uint8Array, fileName: string, timeZone = 'UTC'): Promise<Result<ImportPreview>> {
  const opened = await openSource(bytes, fileName);
  if (!opened.ok) return opened;
  return ok(previewOf(opened.data, timeZone));
}

function previewOf(source: Source, timeZone: string): ImportPreview {
  const shape = detectShape(source.sample);
  const rows = source.sample.slice(shape.headerRows);
  const inferredTypes = shape.headers.map((_, c) => inferType(rows.map((r) => r[c] ?? '')));
  const dateOrder = guessDateOrder(rows.flat());
  const suggested = suggestMapping(shape.headers);
  const resolved = resolveMapping(suggested, shape.headers, shape.ids).columns;
  const read = rowReader(resolved, shape, { timeZone, dateOrder });
  const rejectedSample = rows.flatMap((r, i) => {
    const res = read(r);
    return Array.isArray(res) ? [] : [{ ...res, row: shape.headerRows + i + 1 }];
  });
  return {
    format: source.format, encoding: source.encoding, delimiter: source.delimiter, shape,
    rows: rows.slice(0, 20), inferredTypes, suggested, dateOrder, rejectedSample,
  };
}

/** Imports a file. Errors: `cancelled`, `invalid-argument` (mapping), `invalid-document` (a rejected row with `stop`), `unsupported-type`. */
export async function importDataset(bytes: ArrayBuffer | Uint8Array, options: ImportOptions): Promise<Result<ImportOutcome>> {
  const cancelled = () => err('cancelled', 'Import cancelled; nothing was saved.');
  if (options.signal?.aborted) return cancelled();
  const opened = await openSource(bytes, options.fileName);
  if (!opened.ok) return opened;
  const source = opened.data;
  const timeZone = options.timeZone ?? 'UTC';
  const preview = previewOf(source, timeZone);
  const { shape } = preview;
  const { columns, problems } = resolveMapping(options.mapping ?? preview.suggested, shape.headers, shape.ids);
  if (problems.length > 0) return err('invalid-argument', problems.join(' '));
  if (columns.length === 0) return err('invalid-argument', 'Map at least one column to import.');
  const now = options.now ?? Date.now();
  const target = targetOf(options, columns, now);
  if (!target.ok) return target;
  const { datasetId, storedColumns, firstChunkIndex } = target.data;
  const waveId = `w${now.toString(36)}${randomSuffix()}`;
  const encoder = new ChunkEncoder(storedColumns, { datasetId, waveId, firstChunkIndex, now }, options);
  const order = storedColumns.map((c) => columns.findIndex((r) => r.key === c.key));
  const identity = order.length === columns.length && order.every((o, i) => o === i);
  const read = rowReader(columns, shape, { timeZone, dateOrder: options.dateOrder ?? preview.dateOrder });
  const idAt = columns.findIndex((c) => c.type === 'id');
  const seen = new Set<string | null>(options.append?.respondentIds ?? []);
  const chunks: DatasetChunkDoc[] = [];
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0, duplicates = 0, imported = 0, rowNumber = 0;
  const maxListed = options.maxRejectedListed ?? 1000;
  const batches = source.batches();
  try {
    for await (const batch of batches) {
      if (options.signal?.aborted) return cancelled();
      for (const raw of batch.rows) {
        rowNumber += 1;
        if (rowNumber <= shape.headerRows || isBlank(raw)) continue;
        const cells = read(raw);
        if (!Array.isArray(cells)) {
          rejectedCount += 1;
          if (rejected.length < maxListed) rejected.push({ ...cells, row: rowNumber });
          if (options.onRejected === 'stop') return err('invalid-document', `Row ${rowNumber}: ${cells.reason}. Nothing was imported.`);
          continue;
        }
        if (idAt >= 0) {
          const id = cells[idAt] as string;
          if (seen.has(id)) { duplicates += 1; continue; }
          seen.add(id);
        }
        imported += 1;
        if (options.dryRun) continue;
        const chunk = encoder.add(identity ? cells : order.map((i) => (i >= 0 ? cells[i] ?? null : null)));
        if (chunk) chunks.push(chunk);
      }
      options.onProgress?.({ rowsRead: rowNumber, fraction: source.size > 0 ? Math.min(1, batch.cursor / source.size) : 1 });
    }
  } catch (e) {
    return err('invalid-document', `${options.fileName} could not be parsed: ${e instanceof Error ? e.message : String(e)}.`);
  } finally {
    await batches.return(undefined);
  }
  if (options.signal?.aborted) return cancelled();
  const last = options.dryRun ? null : encoder.flush();
  if (last) chunks.push(last);
  const header = headerOf(options, datasetId, storedColumns, { waveId, now, imported, chunkCount: firstChunkIndex + chunks.length, shape: shape.shape });
  const { rows: _rows, rejectedSample: _sample, ...previewInfo } = preview;
  return ok({ header, chunks, imported, rejected, rejectedCount, duplicates, preview: previewInfo });
}

function targetOf(options: ImportOptions, columns: ResolvedColumn[], now: number): Result<{ datasetId: string; storedColumns: DatasetColumn[]; firstChunkIndex: number }> {
  const fresh = columns.map((c): DatasetColumn => ({
    key: c.key, type: c.type, label: c.label, sources: c.indexes.map((i, k) => String(c.sources[k] ?? i)),
  }));
  const base = options.append?.header;
  if (!base) {
    const datasetId = options.datasetId ?? `ds-${now.toString(36)}${randomSuffix()}`;
    if (!/^[A-Za-z0-9_-]+$/.test(datasetId) || datasetId.length > maxDatasetIdLength) {
      return err('invalid-argument', `Dataset id must be letters, digits, "_" or "-", at most ${maxDatasetIdLength} characters.`);
    }
    return ok({ datasetId, storedColumns: fresh, firstChunkIndex: 0 });
  }
  const stored = [...base.columns];
  for (const c of fresh) {
    const existing = stored.find((s) => s.key === c.key);
    if (existing && existing.type !== c.type) {
      return err('invalid-argument', `"${c.key}" is ${existing.type} in ${base.name} but mapped as ${c.type} in this wave.`);
    }
    if (!existing) stored.push(c);
  }
  return ok({ datasetId: base.datasetId, storedColumns: stored, firstChunkIndex: base.chunkCount });
}

function headerOf(
  options: ImportOptions, datasetId: string, columns: DatasetColumn[],
  w: { waveId: string; now: number; imported: number; chunkCount: number; shape: string },
): DatasetHeaderDoc {
  const base = options.append?.header;
  const wave = { id: w.waveId, sourceFile: options.fileName, importedAt: w.now, rows: w.imported };
  return {
    id: datasetId, kind: 'header', datasetId,
    name: base?.name ?? options.name ?? options.fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, ''),
    sourceFile: options.fileName, importedAt: w.now, rowCount: (base?.rowCount ?? 0) + w.imported,
    columns, chunkCount: w.chunkCount, shape: base?.shape ?? w.shape, waves: [...(base?.waves ?? []), wave], updatedAt: w.now,
  };
}

/** A row of empty or blank cells (spreadsheets leave them between blocks); cheap for the usual row. */
function isBlank(row: readonly string[]): boolean {
  if (row.length > 1 && row[0] !== '') return false;
  return row.every((c) => c.trim() === '');
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
