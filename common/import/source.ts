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

/** Opens file bytes; the file name only decides between CSV and XLSX when the bytes cannot. */
export async function openSource(input: ArrayBuffer | Uint8Array, fileName = ''): Promise<Result<Source>> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (looksLikeZip(bytes)) {
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
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) return err('unsupported-type', `${fileName} is not an .xlsx workbook (save it as .xlsx or .csv).`);
  if (bytes.includes(0) && !decodeText(bytes.subarray(0, 4096)).encoding.startsWith('utf-16')) {
    return err('unsupported-type', `${fileName || 'The file'} looks binary, not CSV text.`);
  }
  const { text, encoding } = decodeText(bytes);
  const { rows, delimiter } = sampleCsv(text, sampleSize);
  if (rows.length === 0) return err('invalid-argument', `${fileName || 'The file'} is empty.`);
  return ok({ format: 'csv', encoding, delimiter, sample: rows, size: text.length, batches: () => csvBatches(text, delimiter) });
}
