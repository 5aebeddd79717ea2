/**
 * Opening a survey file: XLSX (a ZIP archive) or CSV text in any of the encodings of `text.ts`,
 * sampled for the preview and read in batches for the import.
 */
import { err, ok, type Result } from '../result';
import { csvBatches, sampleCsv, type RowBatch } from './csv';
import { decodeText, looksLikeZip, type DecodedText } from './text';
import { xlsxRows } from './xlsx';

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
  /** Size of the input, in the unit of `RowBatch.cursor` (characters or rows). */
  size: number;
  /** All rows, header rows included, in batches. */
  batches(): AsyncGenerator<RowBatch>;
}

/** Rows sampled for the preview and shape detection. */
export const sampleSize = 50;

/** Bytes enough to tell a binary file from text: a caller with a large file reads only these first. */
export const sniffBytes = 4 << 20;

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

/** Opens file bytes; the file name only decides between CSV and XLSX when the bytes cannot. */
export async function openSource(input: ArrayBuffer | Uint8Array, fileName = ''): Promise<Result<Source>> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const kind = sniffFile(bytes, fileName);
  if (!kind.ok) return kind;
  if (kind.data === 'xlsx') {
    let loaded: { rows: string[][]; sheet: string };
    try {
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
  const { text, encoding } = decodeText(bytes);
  const { rows, delimiter } = sampleCsv(text, sampleSize);
  if (rows.length === 0) return err('invalid-argument', `${fileName || 'The file'} is empty.`);
  return ok({ format: 'csv', encoding, delimiter, sample: rows, size: text.length, batches: () => csvBatches(text, delimiter) });
}
