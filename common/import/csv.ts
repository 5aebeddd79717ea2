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
  // Only truly empty lines here: papaparse's "greedy" joins every row to test it, which costs more
  // than the importer's own check for rows of empty cells.
  const handle = new ParserHandle({ delimiter, newline, skipEmptyLines: true });
  let partial = '';
  let base = 0;
  let rowsBefore = 0;
  for await (const piece of pieces) {
    const aggregate = partial + piece.text;
    const res = handle.parse(aggregate, base, !piece.last);
    if (!piece.last) {
      partial = aggregate.substring(res.meta.cursor - base);
      base = res.meta.cursor;
    }
    // Only quoting errors matter: without `header` papaparse reports no field-count errors.
    const problems: CsvProblem[] = res.errors.filter((e) => e.type === 'Quotes')
      .map((e) => ({ row: rowsBefore + (e.row ?? 0) + 1, message: problemText(e.code) }));
    rowsBefore += res.data.length;
    if (partial.length > maxRecordChars) {
      problems.push({ row: rowsBefore + 1, message: `the row runs past ${maxRecordChars >> 20} million characters, so a quoted field is surely never closed` });
    }
    yield problems.length > 0 ? { rows: res.data, cursor: piece.cursor, problems } : { rows: res.data, cursor: piece.cursor };
    if (problems.length > 0 || piece.last) return;
  }
}
