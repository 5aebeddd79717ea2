/**
 * Survey import, all or nothing: preview a file (shape, headers, sample, suggested mapping, types),
 * then import it into a new dataset or as a new wave of an existing one. Pure: bytes (or a source
 * read in slices) in, documents out; runs in a Web Worker or under Node. Rows are parsed a slice of
 * the file at a time and each chunk is handed to a sink as soon as it fills, so the file's text is
 * never whole in memory. `importDataset` collects the chunks (the app writes them, then the header);
 * the command line gives its own sink and keeps only the decoded table. A cancel or an error
 * discards the sink's chunks and returns an error value.
 */
import type { DatasetChunkDoc, DatasetColumn, DatasetHeaderDoc } from '../analytics/format';
import { err, ok, type Result } from '../result';
import { ChunkEncoder, type ChunkLimits } from './encode';
import { IdSet } from './idSet';
import { dateNotices, dateOrderOfFile, headerOf, importNoticeText, isBlank, quotingFailure, randomSuffix, targetOf, type ImportNotice } from './importParts';
import { resolveMapping, type ColumnMapping } from './mapping';
import { previewOf, type ImportPreview } from './preview';
import { isRejected, maxCellChars, rowReader, type DateOrderSeen, type RejectedRow, type UnreadableValue } from './rows';
import { openSource, type FileInput } from './source';
import type { DateOrder } from './values';

export type { ImportPreview } from './preview';

/** Import settings. */
export interface ImportOptions extends ChunkLimits {
  fileName: string;
  /** Default: the suggested mapping. */
  mapping?: ColumnMapping;
  /** Zone of timestamps the file writes without one; default UTC. */
  timeZone?: string;
  /** Default: guessed from the sample, or from the whole file when the sample's dates fit either order. */
  dateOrder?: DateOrder;
  /** Rejected rows and unreadable values: leave them out (default; the response of an unreadable value is kept) or stop the whole import. */
  onRejected?: 'skip' | 'stop';
  /**
   * Append as a new wave to this dataset; rows whose respondent id it already holds are skipped.
   * `respondentIds` can be the decoded table's `respondentId` column values as they are.
   */
  append?: { header: DatasetHeaderDoc; respondentIds: Iterable<string | null> };
  /**
   * The set the duplicate check fills: after `append`'s ids, each imported row's respondent id in row
   * order. A caller that needs the ids afterwards (the command line) passes its own and reads them back
   * with `idAt`, rather than keeping a string per row. A new set is made when not given.
   */
  ids?: IdSet;
  /** Told the file's row number (1-based, header rows counted) of each row put into the chunks, in order. */
  onRow?: (fileRow: number) => void;
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
  /** Bytes of CSV decoded and parsed at a time (tests make it tiny); default 1 MB. */
  sliceBytes?: number;
}

/** Where an import's chunks go as they are made. */
export interface ChunkSink {
  /** Called once before any chunk, with the columns the chunks hold (in order). */
  begin?(columns: readonly DatasetColumn[]): void;
  /** A finished chunk, in order; the import waits for a returned promise. */
  add(chunk: DatasetChunkDoc): void | Promise<void>;
  /** The import failed, was cancelled or refused the file: forget every chunk added. */
  discard(): void;
}

/** An import whose chunks went to a sink. */
export type ImportSummary = Omit<ImportOutcome, 'chunks'>;

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
  /** The same warnings as codes and parts, one per sentence of `warnings`, for the app to word in its language. */
  notices: ImportNotice[];
  /** Rows skipped because their respondent id was already in the dataset or earlier in the file. */
  duplicates: number;
  preview: Omit<ImportPreview, 'rows' | 'rejectedSample' | 'unreadableSample'>;
}

/**
 * A copy of a string kept past its slice of the file. The parser's cells are V8 "sliced strings" that
 * point into the whole decoded slice (1 MB of text or more), and text built from them (a reason that
 * quotes the cell) points at them in turn: keeping one 17-character respondent id per row kept
 * every slice of the file alive (350 MB of heap for a 128 MB file). A JSON round trip makes a flat
 * string of its own.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Reads a file's first rows and suggests how to import it. */
export async function previewImport(input: FileInput, fileName: string, timeZone = 'UTC'): Promise<Result<ImportPreview>> {
  const opened = await openSource(input, fileName);
  if (!opened.ok) return opened;
  return ok(previewOf(opened.data, timeZone));
}

/** Imports a file and returns its chunks. Errors: `cancelled`, `invalid-argument` (mapping), `invalid-document` (a rejected row with `stop`), `unsupported-type`. */
export async function importDataset(input: FileInput, options: ImportOptions): Promise<Result<ImportOutcome>> {
  const chunks: DatasetChunkDoc[] = [];
  const res = await importInto(input, options, { add: (c) => { chunks.push(c); }, discard: () => { chunks.length = 0; } });
  return res.ok ? ok({ ...res.data, chunks }) : res;
}

/** Imports a file, handing each chunk to `sink` as it fills; on an error the sink is told to discard them. */
export async function importInto(input: FileInput, options: ImportOptions, sink: ChunkSink): Promise<Result<ImportSummary>> {
  const res = await runImport(input, options, sink);
  if (!res.ok) sink.discard();
  return res;
}

async function runImport(input: FileInput, options: ImportOptions, sink: ChunkSink): Promise<Result<ImportSummary>> {
  const cancelled = () => err('cancelled', 'Import cancelled; nothing was saved.');
  if (options.signal?.aborted) return cancelled();
  const opened = await openSource(input, options.fileName, options.sliceBytes);
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
  sink.begin?.(storedColumns);
  const encoder = new ChunkEncoder(storedColumns, { datasetId, waveId, firstChunkIndex, now }, options);
  const order = storedColumns.map((c) => columns.findIndex((r) => r.key === c.key));
  const identity = order.length === columns.length && order.every((o, i) => o === i);
  const fixedOrder = options.dateOrder ?? shape.dateOrder;
  const dateOrder = fixedOrder ?? (await dateOrderOfFile(source, columns, shape.headerRows, options.signal)) ?? preview.dateOrder;
  const dateOrderSeen: DateOrderSeen = { dayFirstRow: 0, monthFirstRow: 0, either: 0 };
  const read = rowReader(columns, shape, { timeZone, dateOrder, dateOrderSeen });
  const idAt = columns.findIndex((c) => c.type === 'id');
  const seen = options.ids ?? new IdSet();
  for (const id of options.append?.respondentIds ?? []) if (id !== null) seen.add(id);
  let chunkCount = 0;
  const rejected: RejectedRow[] = [];
  const unreadable: UnreadableValue[] = [];
  const shortened: ImportNotice[] = [];
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
          if (rejected.length < maxListed) rejected.push({ ...res, reason: detached(res.reason), row: rowNumber });
          if (options.onRejected === 'stop') return stop(rowNumber, res.reason);
          continue;
        }
        const cells = res.cells;
        if (idAt >= 0) {
          const id = cells[idAt] as string;
          if (!seen.add(id)) { duplicates += 1; continue; }
          // A caller that keeps the chunks' ids (the command line's table) must not keep the slice
          // of the file each one points into.
          cells[idAt] = detached(id);
        }
        if (res.unreadable.length > 0) {
          const u = res.unreadable[0]!;
          if (options.onRejected === 'stop') return stop(rowNumber, `${u.column}: ${u.reason}`);
          unreadableCount += res.unreadable.length;
          for (const v of res.unreadable) if (unreadable.length < maxListed) unreadable.push({ ...v, value: detached(v.value), reason: detached(v.reason), row: rowNumber });
        }
        for (const cut of res.shortened) {
          shortenedCount += 1;
          if (shortened.length < 20) shortened.push({ code: 'shortened', row: rowNumber, column: cut.column, length: cut.length, kept: maxCellChars });
        }
        imported += 1;
        if (options.dryRun) continue;
        options.onRow?.(rowNumber);
        const chunk = encoder.add(identity ? cells : order.map((i) => (i >= 0 ? cells[i] ?? null : null)));
        if (chunk) { chunkCount += 1; await sink.add(chunk); }
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
  if (last) { chunkCount += 1; await sink.add(last); }
  const header = headerOf(options, datasetId, storedColumns, { waveId, now, imported, chunkCount: firstChunkIndex + chunkCount, shape: shape.shape });
  const { rows: _rows, rejectedSample: _sample, unreadableSample: _unreadable, ...previewInfo } = preview;
  const notices: ImportNotice[] = [...dateNotices(dateOrder, dateOrderSeen, fixedOrder !== undefined), ...shortened];
  if (shortenedCount > shortened.length) notices.push({ code: 'moreShortened', count: shortenedCount - shortened.length });
  const warnings = notices.map(importNoticeText);
  return ok({ header, imported, rejected, rejectedCount, unreadable, unreadableCount, dateOrder, warnings, notices, duplicates, preview: previewInfo });
}

