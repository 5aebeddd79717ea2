/**
 * Importing an event log (CSV, XLSX or JSON Lines) into columnar chunks: recognise the export's
 * columns, read every row (a row without customer, event or a readable time is rejected with its
 * reason), drop duplicates by (customer, event, time) within the file and against the waves already
 * imported, and encode the rest in customer order. All or nothing: an error returns no documents, and
 * a CSV quoting error refuses the file with its row number.
 */
import { maxDatasetIdLength, type DatasetChunkDoc, type DatasetHeaderDoc } from '../analytics/format';
import type { ChunkLimits } from '../import/encode';
import type { RejectedRow } from '../import/rows';
import { openSource, sniffFile } from '../import/source';
import { decodeText, detectEncoding } from '../import/text';
import { bytesSource, textPieces } from '../import/bytes';
import { guessDateOrder, isParseError, parseDate, type DateOrder } from '../import/values';
import { err, ok, type Result } from '../result';
import { EventLogBuilder } from './eventLog';
import { epochFromNumber, recogniseEventColumns, type EventColumns } from './eventShapes';
import { eventColumns, eventShapePrefix, encodeEvents } from './eventStore';
import { jsonLinesRows, looksLikeJsonLines } from './jsonLines';
import { fastIsoTime, plainCsvPieces } from './plainCsv';
import { NotUtf8, readPlainCsvBytes } from './plainCsvBytes';
import { customerOrder } from './order';
import type { EventLog } from './types';

/** Most events one import reads. */
export const maxEventsPerImport = 20_000_000;
/** Longest customer id or event name kept. */
export const maxNameChars = 200;

/** Import settings. */
export interface EventImportOptions extends ChunkLimits {
  fileName: string;
  /** Zone of times written without one (default UTC); an export that fixes its zone (Amplitude: UTC) wins. */
  timeZone?: string;
  dateOrder?: DateOrder;
  /** Header names to use instead of the recognised ones. */
  columns?: { customer?: string; event?: string; time?: string };
  /** Append as a wave: the dataset's header and its decoded events (for de-duplication). */
  append?: { header: DatasetHeaderDoc; log: EventLog };
  datasetId?: string;
  name?: string;
  now?: number;
  signal?: AbortSignal;
  onProgress?: (p: { rowsRead: number; fraction: number }) => void;
  /** Rejected rows listed (all are counted); default 1000. */
  maxRejectedListed?: number;
}

/** A finished import: write the chunks, then the header. */
export interface EventImportOutcome {
  header: DatasetHeaderDoc;
  chunks: DatasetChunkDoc[];
  imported: number;
  /** Rows equal in (customer, event, time) to an earlier row or an imported wave. */
  duplicates: number;
  rejected: RejectedRow[];
  rejectedCount: number;
  columns: EventColumns;
  headers: string[];
  /** Property columns beyond the limit, not imported. */
  ignoredColumns: string[];
}

interface Rows {
  headers: string[]; headerRows: number; size: number;
  batches: () => AsyncGenerator<{ rows: string[][]; cursor: number; problems?: { row: number; message: string }[] }>;
  /** Quote-free UTF-8 CSV with a one-byte delimiter: read from the bytes (plainCsvBytes.ts). */
  plain?: { from: number; delimiter: number };
}

// The head of the file read to find its delimiter and header (and to guess its date order).
const headBytes = 1 << 20;

async function openRows(bytes: Uint8Array, fileName: string, fromBytes: boolean): Promise<Result<Rows>> {
  const head = decodeText(bytes.subarray(0, 4096)).text;
  if (looksLikeJsonLines(head, fileName)) {
    const parsed = jsonLinesRows(decodeText(bytes).text, maxEventsPerImport);
    if (!parsed.ok) return parsed;
    const { headers, rows } = parsed.data;
    return ok({ headers, headerRows: 0, size: rows.length, batches: async function* () { yield { rows, cursor: rows.length }; } });
  }
  const kind = sniffFile(bytes, fileName);
  if (!kind.ok) return kind;
  // A CSV without a quote byte (in UTF-8 and Windows-1252 no other character has one) takes the fast
  // path: from the bytes when UTF-8 (only the head is sniffed; every value read is checked as it is
  // decoded), else decoded slice by slice. The file's text is never held whole beside its bytes.
  if (kind.data === 'csv' && bytes.indexOf(0x22) < 0) {
    const cut = bytes.length <= headBytes ? bytes.length : bytes.lastIndexOf(10, headBytes) + 1;
    const opened = await openSource(fromBytes && cut > 0 ? bytes.subarray(0, cut) : bytes, fileName);
    if (!opened.ok) return opened;
    const { encoding = 'utf-8', delimiter = ',', sample } = opened.data;
    if (sample.length === 0) return err('invalid-argument', `${fileName || 'The file'} is empty.`);
    const { bom } = detectEncoding(bytes.subarray(0, 4096));
    const headers = sample[0]!.map((h) => h.replace(/^\uFEFF/, ''));
    if (fromBytes && cut > 0 && encoding === 'utf-8' && delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80) {
      return ok({ headers, headerRows: 1, size: bytes.length, batches: () => plainCsvPieces(textPieces(bytesSource(bytes.subarray(0, cut)), 'utf-8', bom), delimiter), plain: { from: bom, delimiter: delimiter.charCodeAt(0) } });
    }
    return ok({ headers, headerRows: 1, size: bytes.length, batches: () => plainCsvPieces(textPieces(bytesSource(bytes), encoding, bom), delimiter) });
  }
  const opened = await openSource(bytes, fileName);
  if (!opened.ok) return opened;
  const source = opened.data;
  return ok({ headers: (source.sample[0] ?? []).map((h) => h.replace(/^\uFEFF/, '')), headerRows: 1, size: source.size, batches: source.batches });
}

/** Imports an event log. Errors: `invalid-argument` (columns not found), `invalid-document`, `too-large`, `cancelled`, `unsupported-type`. */
export async function importEvents(input: ArrayBuffer | Uint8Array, options: EventImportOptions): Promise<Result<EventImportOutcome>> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  try {
    return await importFrom(bytes, options, true);
  } catch (e) {
    // A value that is not UTF-8: the file is read again as text, which decides its encoding as a whole.
    if (e instanceof NotUtf8) return importFrom(bytes, options, false);
    throw e;
  }
}

/** The import on the string path only (never from the bytes): tests compare the two paths with it. */
export function importEventsAsText(bytes: Uint8Array, options: EventImportOptions): Promise<Result<EventImportOutcome>> {
  return importFrom(bytes, options, false);
}

async function importFrom(bytes: Uint8Array, options: EventImportOptions, fromBytes: boolean): Promise<Result<EventImportOutcome>> {
  const cancelled = () => err('cancelled', 'Import cancelled; nothing was saved.');
  const opened = await openRows(bytes, options.fileName, fromBytes);
  if (!opened.ok) return opened;
  const { headers, size, plain } = opened.data;
  const columns = recogniseEventColumns(headers, options.columns);
  if (!columns) {
    return err('invalid-argument', `${options.fileName} does not look like an event log: no customer, event and time columns among ${headers.slice(0, 12).map((h) => `"${h}"`).join(', ')}. Name them with the column choices.`);
  }
  const ignoredColumns = headers.filter((h, i) => h.trim() !== '' && ![...columns.customer, columns.event, columns.time].includes(i) && !columns.properties.some((p) => p.index === i));
  const zone = columns.timeZone ?? options.timeZone ?? 'UTC';
  const maxListed = options.maxRejectedListed ?? 1000;
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const reject = (row: number, reason: string, column?: string) => {
    rejectedCount++;
    if (rejected.length < maxListed) rejected.push({ row, reason, ...(column ? { column } : {}) });
  };

  // Existing events first, so a row equal to an imported one is the duplicate, never the other way.
  const propNames = columns.properties.map((p) => p.name);
  const builder = new EventLogBuilder(propNames);
  const base = options.append?.log;
  if (base) {
    const at = propNames.map((n) => base.properties.find((p) => p.name === n) ?? null);
    for (let i = 0; i < base.length; i++) {
      builder.add(base.customers[base.customer[i]!]!, base.events[base.event[i]!]!, base.time[i]!, at.map((p) => (p && p.codes[i]! >= 0 ? p.dict[p.codes[i]!]! : null)));
    }
  }
  const existing = builder.length;
  let dateOrder = options.dateOrder;
  let rowNumber = 0;
  const props = new Array<string | null>(columns.properties.length);
  const tooLarge = () => err('too-large', `${options.fileName} has more than ${maxEventsPerImport.toLocaleString('en')} events; split it into waves.`);
  const batches = opened.data.batches();
  if (plain) {
    // The date order is guessed from the head's first rows, as the string path guesses it from its first slice's.
    try {
      const first = await batches.next();
      dateOrder ??= guessDateOrder(first.done ? [] : first.value.rows.slice(0, 200).map((r) => r[columns.time] ?? ''));
    } finally {
      await batches.return(undefined);
    }
    const done = await readPlainCsvBytes({
      bytes, from: plain.from, delimiter: plain.delimiter, columns, builder, maxChars: maxNameChars, maxEvents: maxEventsPerImport,
      reject, slowTime: (text) => readTime(text, columns, zone, dateOrder), ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (done === 'too-large') return tooLarge();
  } else try {
    for await (const batch of batches) {
      if (options.signal?.aborted) return cancelled();
      if (batch.problems && batch.problems.length > 0) {
        const p = batch.problems[0]!;
        return err('invalid-document', `${options.fileName}, row ${p.row}: ${p.message}. Nothing was imported; fix the file and import it again.`);
      }
      if (dateOrder === undefined) dateOrder = guessDateOrder(batch.rows.slice(0, 200).map((r) => r[columns.time] ?? ''));
      for (const row of batch.rows) {
        rowNumber++;
        if (rowNumber <= opened.data.headerRows) continue;
        if (row.length === 1 && row[0]!.trim() === '') continue;
        let who = '';
        for (const c of columns.customer) { who = (row[c] ?? '').trim(); if (who !== '') break; }
        const what = (row[columns.event] ?? '').trim();
        if (who === '') { reject(rowNumber, 'the customer id is empty', 'customer'); continue; }
        if (what === '') { reject(rowNumber, 'the event name is empty', 'event'); continue; }
        if (who.length > maxNameChars || what.length > maxNameChars) { reject(rowNumber, `a customer id or event name is longer than ${maxNameChars} characters`); continue; }
        const when = readTime(row[columns.time] ?? '', columns, zone, dateOrder);
        if (typeof when !== 'number') { reject(rowNumber, when.error, 'time'); continue; }
        if (builder.length - existing >= maxEventsPerImport) return tooLarge();
        for (let k = 0; k < props.length; k++) { const v = (row[columns.properties[k]!.index] ?? '').trim(); props[k] = v === '' ? null : v.slice(0, maxNameChars); }
        builder.add(who, what, when, props);
      }
      options.onProgress?.({ rowsRead: rowNumber, fraction: size > 0 ? Math.min(1, batch.cursor / size) : 1 });
    }
  } catch (e) {
    return err('invalid-document', `${options.fileName} could not be parsed: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`);
  } finally {
    await batches.return(undefined);
  }
  if (options.signal?.aborted) return cancelled();
  const log = builder.build();
  // Ties at one instant put existing rows (stage 0 here) before new ones (stage 1): a new copy is the duplicate.
  const origin = new Int16Array(log.length);
  origin.fill(1, existing);
  const { order, duplicate } = customerOrder(log, origin);
  // The kept rows in customer order, in a typed array (a plain array of 10M numbers costs twice as much).
  let duplicates = 0;
  for (let i = 0; i < order.length; i++) if (order[i]! >= existing && duplicate[i] === 1) duplicates++;
  const keep = new Int32Array(log.length - existing - duplicates);
  for (let i = 0, k = 0; i < order.length; i++) {
    const row = order[i]!;
    if (row >= existing && duplicate[i] !== 1) keep[k++] = row;
  }
  const now = options.now ?? Date.now();
  const datasetId = options.append?.header.datasetId ?? options.datasetId ?? `ev-${now.toString(36)}${randomSuffix()}`;
  if (!/^[A-Za-z0-9_-]+$/.test(datasetId) || datasetId.length > maxDatasetIdLength) return err('invalid-argument', `Dataset id must be letters, digits, "_" or "-", at most ${maxDatasetIdLength} characters.`);
  const stored = eventColumns(propNames, options.append?.header.columns);
  const waveId = `w${now.toString(36)}${randomSuffix()}`;
  const firstChunkIndex = options.append?.header.chunkCount ?? 0;
  const chunks = encodeEvents(log, keep, stored, { datasetId, waveId, firstChunkIndex, now }, options);
  const prior = options.append?.header;
  const header: DatasetHeaderDoc = {
    id: datasetId, kind: 'header', datasetId,
    name: prior?.name ?? options.name ?? options.fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, ''),
    sourceFile: options.fileName, importedAt: now, rowCount: (prior?.rowCount ?? 0) + keep.length,
    columns: stored, chunkCount: firstChunkIndex + chunks.length, shape: prior?.shape ?? `${eventShapePrefix}${columns.shape}`,
    waves: [...(prior?.waves ?? []), { id: waveId, sourceFile: options.fileName, importedAt: now, rows: keep.length }], updatedAt: now,
  };
  return ok({ header, chunks, imported: keep.length, duplicates, rejected, rejectedCount, columns, headers, ignoredColumns });
}

const numeric = /^-?\d+(\.\d+)?$/;

function readTime(text: string, columns: EventColumns, zone: string, order: DateOrder | undefined): number | { error: string } {
  const s = text.trim();
  if (s === '') return { error: 'the time is empty' };
  const iso = fastIsoTime(s);
  if (iso !== null) return iso;
  if (numeric.test(s)) {
    const t = epochFromNumber(Number(s), columns.timeUnit);
    return Number.isFinite(t) && t > Date.UTC(1990, 0, 1) && t < Date.UTC(2200, 0, 1) ? t : { error: `"${s.slice(0, 40)}" is not a time (as ${columns.timeUnit === 'us' ? 'microseconds' : 'a Unix time'})` };
  }
  const t = parseDate(s, zone, order ?? 'mdy');
  if (t === null) return { error: 'the time is empty' };
  if (isParseError(t)) return t;
  return t;
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
