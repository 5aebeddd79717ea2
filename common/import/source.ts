/**
 * Opening a survey file: XLSX (a ZIP archive) or CSV text in any of the encodings of `text.ts`,
 * sampled for the preview and read in batches for the import. CSV is read slice by slice from a
 * {@link ByteSource}, so its whole text is never in memory; an XLSX workbook is read whole (Excel
 * caps a sheet at about a million rows).
 */
import { err, ok, type Result } from '../result';
import { bytesSource, isByteSource, isUtf8, pieceBytes, textPieces, type ByteSource } from './bytes';
import { csvBatches, guessNewline, sampleCsv, type RowBatch } from './csv';
import { decodeText, detectEncoding, looksLikeZip, type DecodedText } from './text';
import { xlsxRows } from './xlsx';

/** A file to open: its bytes, or a source that reads them in slices. */
export type FileInput = ArrayBuffer | Uint8Array | ByteSource;

/** An opened file. */
export interface Source {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding?: DecodedText['encoding'];
  delimiter?: string;
  /** Worksheet read (XLSX only). */
  sheet?: string;
  /** The first rows, header rows included. */
  sample: string[][];
  /** Size of the input, in the unit of `RowBatch.cursor` (bytes or rows). */
  size: number;
  /** All rows, header rows included, in batches (each call reads the file again from its start). */
  batches(): AsyncGenerator<RowBatch>;
}

/** Rows sampled for the preview and shape detection. */
export const sampleSize = 50;

/** Bytes enough to tell a binary file from text: a caller with a large file reads only these first. */
export const sniffBytes = 4 << 20;

/**
 * The largest workbook opened. A workbook is a ZIP of XML that ExcelJS reads whole, so it is held in
 * memory several times over (bytes, inflated XML, rows); CSV has no such limit because it is read in
 * slices. Excel itself caps a sheet at 1,048,576 rows, which rarely needs more than this.
 */
export const maxWorkbookBytes = 256 << 20;

/** The most text read for the sample: rows longer than this leave a shorter sample. */
const maxSampleBytes = 16 << 20;

/**
 * Tells from the first bytes of a file whether it is a workbook, text, or neither. Reads at most
 * {@link sniffBytes}, so a 2 GB video is refused without reading it. Text never holds a zero byte
 * (UTF-16 text, whose zero bytes pair with Latin letters, is told apart by `decodeText`).
 */
export function sniffFile(head: Uint8Array, fileName = ''): Result<'csv' | 'xlsx'> {
  if (looksLikeZip(head)) return ok('xlsx');
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) return err('unsupported-type', `${fileName} is not an .xlsx workbook (save it as .xlsx or .csv).`);
  const sample = head.subarray(0, sniffBytes);
  if (sample.includes(0) && !decodeText(sample.subarray(0, 4096)).encoding.startsWith('utf-16')) {
    return err('unsupported-type', `${fileName || 'The file'} looks binary, not CSV text.`);
  }
  return ok('csv');
}

/**
 * Opens a file; the file name only decides between CSV and XLSX when the bytes cannot. `sliceBytes`
 * is how much CSV is decoded and parsed at a time (tests make it tiny to cut rows and characters).
 */
export async function openSource(input: FileInput, fileName = '', sliceBytes = pieceBytes): Promise<Result<Source>> {
  const file = isByteSource(input) ? input : bytesSource(input instanceof Uint8Array ? input : new Uint8Array(input));
  const head = await file.read(0, Math.min(file.size, sniffBytes));
  const kind = sniffFile(head, fileName);
  if (!kind.ok) return kind;
  if (kind.data === 'xlsx') return openWorkbook(input, file, fileName);
  const detected = detectEncoding(head);
  const { bom } = detected;
  let { encoding } = detected;
  // UTF-8 is a guess until every byte has been seen: one invalid byte makes the file Windows-1252,
  // as decoding it whole would. Checked first, slice by slice, so the import reads one encoding.
  if (encoding === 'utf-8' && bom === 0 && !(await isUtf8(file, 0))) encoding = 'windows-1252';
  if (encoding === 'utf-8' && bom > 0 && !(await isUtf8(file, bom))) {
    return err('unsupported-type', `${fileName || 'The file'} starts with a UTF-8 mark but is not UTF-8 text; save it again as UTF-8.`);
  }
  const { rows, delimiter, newline } = await sampleOf(file, encoding, bom);
  if (rows.length === 0) return err('invalid-argument', `${fileName || 'The file'} is empty.`);
  return ok({
    format: 'csv', encoding, delimiter, sample: rows, size: file.size,
    batches: () => csvBatches(textPieces(file, encoding, bom, sliceBytes), delimiter, newline),
  });
}

/**
 * The first rows of a CSV file, its delimiter and line ending, from as little of its start as holds
 * them: the sample is complete when a row begins after its last row, or the whole file was read.
 */
async function sampleOf(file: ByteSource, encoding: DecodedText['encoding'], bom: number) {
  for (let bytes = sniffBytes; ; bytes *= 4) {
    const whole = bytes >= file.size;
    let text = '';
    for await (const piece of textPieces(file, encoding, bom, Math.min(bytes, file.size))) {
      text = piece.text;
      break;
    }
    const newline = guessNewline(text);
    const sample = sampleCsv(text, sampleSize, newline);
    if (whole || sample.cursor < text.length || bytes >= maxSampleBytes) {
      // A sample cut by the limit loses its last row, which may be cut too.
      const rows = whole || sample.cursor < text.length ? sample.rows : sample.rows.slice(0, -1);
      return { rows, delimiter: sample.delimiter, newline };
    }
  }
}

async function openWorkbook(input: FileInput, file: ByteSource, fileName: string): Promise<Result<Source>> {
  let loaded: { rows: string[][]; sheet: string };
  if (file.size > maxWorkbookBytes) {
    const mb = (n: number) => Math.ceil(n / 1024 / 1024);
    return err('too-large', `${fileName || 'The workbook'} is ${mb(file.size)} MB. Excel workbooks are read whole, up to ${mb(maxWorkbookBytes)} MB; save the sheet as CSV, which is read in slices at any size.`);
  }
  try {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input instanceof Uint8Array ? input : await file.read(0, file.size);
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    loaded = await xlsxRows(exact as ArrayBuffer);
  } catch (e) {
    return err('unsupported-type', `${fileName || 'The file'} could not be read as an Excel workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
  const { rows, sheet } = loaded;
  if (rows.length === 0) return err('invalid-argument', `${fileName || 'The workbook'} has no rows.`);
  return ok({
    format: 'xlsx', sheet, sample: rows.slice(0, sampleSize), size: rows.length,
    async *batches() {
      for (let i = 0; i < rows.length; i += 5000) yield { rows: rows.slice(i, i + 5000), cursor: Math.min(rows.length, i + 5000) };
    },
  });
}
