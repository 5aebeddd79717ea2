/**
 * CSV rows through papaparse (a well-kept parser: quoted fields, quoted newlines, delimiter
 * detection). Rows arrive in batches, one per decoded slice of the file, so an import yields to the
 * event loop, reports progress and notices a cancel, in a Web Worker as in Node, and never holds
 * the file's whole text.
 */
import Papa from 'papaparse';
import type { TextPiece } from './bytes';

/** Delimiters the exports we support use. */
export const csvDelimiters = [',', ';', '\t'];

/** A batch of parsed rows. */
export interface RowBatch {
  rows: string[][];
  /** Bytes (CSV) or rows (XLSX) of the input consumed so far (for progress). */
  cursor: number;
  /** Quoting errors in this batch: after one, the parser's rows no longer match the file's. */
  problems?: CsvProblem[];
}

/** A quoting error, on the 1-based record (row) of the file where the bad field starts. */
export interface CsvProblem {
  row: number;
  message: string;
}

/** The sentence for a papaparse error code. */
function problemText(code: string): string {
  if (code === 'MissingQuotes') return 'a quoted field is never closed, so every later line would be read into it';
  if (code === 'InvalidQuotes') return 'a quote inside a quoted field is not doubled ("")';
  return code;
}

/** The first rows of a CSV text and the delimiter found; `cursor` is where the last row read ends. */
export function sampleCsv(text: string, rows: number, newline?: Newline): { rows: string[][]; delimiter: string; cursor: number } {
  const res = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: csvDelimiters, preview: rows, skipEmptyLines: 'greedy', ...(newline ? { newline } : {}) });
  return { rows: res.data, delimiter: res.meta.delimiter, cursor: res.meta.cursor };
}

/** A line ending papaparse knows. */
export type Newline = '\r' | '\n' | '\r\n';

/** Longest record (row) of text: past it a quote is surely never closed, and reading on would only re-scan the rest of the file. */
export const maxRecordChars = 64 << 20;

/** The line ending papaparse would guess for a text (it looks at the first megabyte). */
export function guessNewline(head: string): Newline {
  const handle = new ParserHandle({});
  return handle.guessLineEndings(head.slice(0, 1 << 20), '"');
}

/** papaparse's parser of one file (it keeps the guessed line ending and delimiter between calls). */
interface CoreHandle {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
  guessLineEndings(input: string, quoteChar: string): Newline;
}
const ParserHandle = (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => CoreHandle }).ParserHandle;

/**
 * Parses text arriving in pieces (a file decoded slice by slice) into batches of rows, the way
 * papaparse's own chunked streamers do: each piece is parsed after the unfinished last row of the
 * previous one, whose text is carried over. The rows of a batch are complete; the consumer takes a
 * batch before the next piece is read, so one piece and its rows are in memory at a time.
 */
export async function* csvBatches(pieces: AsyncIterable<TextPiece>, delimiter: string, newline: Newline): AsyncGenerator<RowBatch> {
  // Empty lines are dropped here rather than by papaparse, so a quoting error's row can be counted
  // without them however the slices fall.
  const handle = new ParserHandle({ delimiter, newline });
  // Text not parsed into complete rows yet: the unfinished last row, then the pieces since.
  let carry = '';
  let base = 0;
  let rowsBefore = 0;
  // A row longer than a piece (a long answer, or a quote never closed) is parsed again only once the
  // text after its start has doubled, so the work stays linear in the file.
  let waitFor = 0;
  for await (const piece of pieces) {
    carry += piece.text;
    if (!piece.last && carry.length < waitFor) {
      yield { rows: [], cursor: piece.cursor };
      continue;
    }
    const res = handle.parse(carry, base, !piece.last);
    const rowStart = res.meta.cursor - base;
    if (!piece.last) {
      carry = carry.substring(rowStart);
      base = res.meta.cursor;
    }
    waitFor = rowStart === 0 ? Math.min(2 * carry.length, maxRecordChars + 1) : 0;
    // Only quoting errors matter (without `header` papaparse reports no field-count errors), and only
    // in complete rows: a slice that ends between a closing quote and its line break looks like a
    // stray quote, but that row is parsed again with the next slice.
    const problems: CsvProblem[] = [];
    for (const e of res.errors) {
      if (e.type !== 'Quotes' || (!piece.last && (e.index ?? 0) >= rowStart)) continue;
      problems.push({ row: rowsBefore + countRows(res.data, e.row ?? 0) + 1, message: problemText(e.code) });
    }
    const rows = res.data.filter((r) => !isEmptyLine(r));
    rowsBefore += rows.length;
    if (!piece.last && carry.length > maxRecordChars) {
      problems.push({ row: rowsBefore + 1, message: `the row runs past ${maxRecordChars >> 20} million characters, so a quoted field is surely never closed` });
    }
    yield problems.length > 0 ? { rows, cursor: piece.cursor, problems } : { rows, cursor: piece.cursor };
    if (problems.length > 0 || piece.last) return;
  }
}

/** An empty line, as papaparse reads it. */
function isEmptyLine(row: readonly string[]): boolean {
  return row.length === 1 && row[0] === '';
}

/** Rows before index `end` that are not empty lines. */
function countRows(rows: readonly string[][], end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < rows.length; i++) if (!isEmptyLine(rows[i]!)) n++;
  return n;
}
