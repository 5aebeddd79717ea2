/**
 * Survey import, all or nothing: preview a file (shape, headers, sample, suggested mapping, types),
 * then import it into a new dataset or as a new wave of an existing one. Pure: bytes in, documents
 * out; runs in a Web Worker or under Node. The caller writes the returned chunks and then the header;
 * a cancel or an error returns an error value and no documents.
 */
import { maxDatasetIdLength, type DatasetChunkDoc, type DatasetColumn, type DatasetHeaderDoc } from '../analytics/format';
import { err, ok, type Result } from '../result';
import { ChunkEncoder, type ChunkLimits } from './encode';
import { resolveMapping, type ColumnMapping, type ResolvedColumn } from './mapping';
import { previewOf, type ImportPreview } from './preview';
import { isRejected, maxCellChars, rowReader, type DateOrderSeen, type RejectedRow, type UnreadableValue } from './rows';
import { openSource } from './source';
import type { DateOrder } from './values';

export type { ImportPreview } from './preview';

/** Import settings. */
export interface ImportOptions extends ChunkLimits {
  fileName: string;
  /** Default: the suggested mapping. */
  mapping?: ColumnMapping;
  /** Zone of timestamps the file writes without one; default UTC. */
  timeZone?: string;
  /** Default: guessed from the sample. */
  dateOrder?: DateOrder;
  /** Rejected rows and unreadable values: leave them out (default; the response of an unreadable value is kept) or stop the whole import. */
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
  /** Most rejected rows and unreadable values listed in the outcome (all are counted); default 1000 each. */
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
  /** Values that could not be read: stored as missing, the responses kept. */
  unreadable: UnreadableValue[];
  unreadableCount: number;
  /** The day-month order dates were read in. */
  dateOrder: DateOrder;
  /** Sentences the user should read before saving (ambiguous dates, shortened answers). */
  warnings: string[];
  /** Rows skipped because their respondent id was already in the dataset or earlier in the file. */
  duplicates: number;
  preview: Omit<ImportPreview, 'rows' | 'rejectedSample' | 'unreadableSample'>;
}

/** Reads a file's first rows and suggests how to import it. */
export async function previewImport(bytes: ArrayBuffer | Uint8Array, fileName: string, timeZone = 'UTC'): Promise<Result<ImportPreview>> {
  const opened = await openSource(bytes, fileName);
  if (!opened.ok) return opened;
  return ok(previewOf(opened.data, timeZone));
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
  const dateOrder = options.dateOrder ?? preview.dateOrder;
  const dateOrderSeen: DateOrderSeen = { dayFirstRow: 0, monthFirstRow: 0, either: 0 };
  const read = rowReader(columns, shape, { timeZone, dateOrder, dateOrderSeen });
  const idAt = columns.findIndex((c) => c.type === 'id');
  const seen = new Set<string | null>(options.append?.respondentIds ?? []);
  const chunks: DatasetChunkDoc[] = [];
  const rejected: RejectedRow[] = [];
  const unreadable: UnreadableValue[] = [];
  const shortened: string[] = [];
  let rejectedCount = 0, unreadableCount = 0, shortenedCount = 0, duplicates = 0, imported = 0, rowNumber = 0;
  const maxListed = options.maxRejectedListed ?? 1000;
  const stop = (row: number, reason: string) => err('invalid-document', `Row ${row}: ${reason}. Nothing was imported.`);
  const batches = source.batches();
  try {
    for await (const batch of batches) {
      if (options.signal?.aborted) return cancelled();
      // A quoting error shifts every later row: refuse the whole file rather than import part of it.
      if (batch.problems) return quotingFailure(options.fileName, batch.problems);
      for (const raw of batch.rows) {
        rowNumber += 1;
        if (rowNumber <= shape.headerRows || isBlank(raw)) continue;
        const res = read(raw, rowNumber);
        if (isRejected(res)) {
          rejectedCount += 1;
          if (rejected.length < maxListed) rejected.push({ ...res, row: rowNumber });
          if (options.onRejected === 'stop') return stop(rowNumber, res.reason);
          continue;
        }
        const cells = res.cells;
        if (idAt >= 0) {
          const id = cells[idAt] as string;
          if (seen.has(id)) { duplicates += 1; continue; }
          seen.add(id);
        }
        if (res.unreadable.length > 0) {
          const u = res.unreadable[0]!;
          if (options.onRejected === 'stop') return stop(rowNumber, `${u.column}: ${u.reason}`);
          unreadableCount += res.unreadable.length;
          for (const v of res.unreadable) if (unreadable.length < maxListed) unreadable.push({ ...v, row: rowNumber });
        }
        for (const cut of res.shortened) {
          shortenedCount += 1;
          if (shortened.length < 20) shortened.push(`Row ${rowNumber}, ${cut.column}: ${cut.length.toLocaleString('en')} characters, kept the first ${maxCellChars.toLocaleString('en')} (Excel's cell limit).`);
        }
        imported += 1;
        if (options.dryRun) continue;
        const chunk = encoder.add(identity ? cells : order.map((i) => (i >= 0 ? cells[i] ?? null : null)));
        if (chunk) chunks.push(chunk);
      }
      options.onProgress?.({ rowsRead: rowNumber, fraction: source.size > 0 ? Math.min(1, batch.cursor / source.size) : 1 });
    }
  } catch (e) {
    return err('invalid-document', `${options.fileName} could not be parsed: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`);
  } finally {
    await batches.return(undefined);
  }
  if (options.signal?.aborted) return cancelled();
  const last = options.dryRun ? null : encoder.flush();
  if (last) chunks.push(last);
  const header = headerOf(options, datasetId, storedColumns, { waveId, now, imported, chunkCount: firstChunkIndex + chunks.length, shape: shape.shape });
  const { rows: _rows, rejectedSample: _sample, unreadableSample: _unreadable, ...previewInfo } = preview;
  const warnings = [...dateWarnings(dateOrder, dateOrderSeen, options.dateOrder !== undefined || shape.dateOrder !== undefined), ...shortened];
  if (shortenedCount > shortened.length) warnings.push(`${shortenedCount - shortened.length} more answers were shortened the same way.`);
  return ok({ header, chunks, imported, rejected, rejectedCount, unreadable, unreadableCount, dateOrder, warnings, duplicates, preview: previewInfo });
}

/** The error for a file whose quoting breaks, naming the rows. */
function quotingFailure(fileName: string, problems: readonly { row: number; message: string }[]) {
  const listed = problems.slice(0, 5).map((p) => `row ${p.row}: ${p.message}`).join('; ');
  return err('invalid-document', `${fileName} cannot be read whole (${listed}). Nothing was imported: fix the quotes in the file, or export it again.`);
}

/** What the dates of the whole file said about their order, as sentences. */
function dateWarnings(order: DateOrder, seen: DateOrderSeen, chosen: boolean): string[] {
  const name = (o: DateOrder) => (o === 'dmy' ? 'day first' : 'month first');
  if (seen.dayFirstRow > 0 && seen.monthFirstRow > 0) {
    return [`Dates disagree: row ${seen.dayFirstRow} is written day first and row ${seen.monthFirstRow} month first; they were read ${name(order)}, and dates that cannot be were listed as unreadable.`];
  }
  if (seen.dayFirstRow === 0 && seen.monthFirstRow === 0 && seen.either > 0 && !chosen) {
    return [`No date in the file has a day above 12, so "05/03/2024" could be 5 March or 3 May: dates were read ${name(order)}. Choose the date order if that is wrong.`];
  }
  return [];
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
