/**
 * CSV rows through papaparse (a well-kept parser: quoted fields, quoted newlines, delimiter
 * detection). Rows arrive in batches and the parser pauses between them, so an import yields to the
 * event loop, reports progress and notices a cancel, in a Web Worker as in Node.
 */
import Papa from 'papaparse';

/** Delimiters the exports we support use. */
export const csvDelimiters = [',', ';', '\t'];

/** A batch of parsed rows. */
export interface RowBatch {
  rows: string[][];
  /** Characters of the text consumed so far (for progress). */
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

/** The first rows of a CSV text and the delimiter found. */
export function sampleCsv(text: string, rows: number): { rows: string[][]; delimiter: string } {
  const res = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: csvDelimiters, preview: rows, skipEmptyLines: 'greedy' });
  return { rows: res.data, delimiter: res.meta.delimiter };
}

/**
 * Streams all rows of a CSV text in batches of about `chunkChars` characters. Leaving the loop early
 * (break, throw) aborts the parser.
 */
export async function* csvBatches(text: string, delimiter: string, chunkChars = 1 << 20): AsyncGenerator<RowBatch> {
  const queue: RowBatch[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  let failure: unknown = null;
  let parser: Papa.Parser | null = null;
  const notify = () => { const w = wake; wake = null; w?.(); };
  let rowsBefore = 0;
  Papa.parse<string[]>(text, {
    // Only truly empty lines here: papaparse's "greedy" joins every row to test it, which costs more
    // than the importer's own check for rows of empty cells.
    delimiter, chunkSize: chunkChars, skipEmptyLines: true,
    chunk(res: Papa.ParseResult<string[]>, p: Papa.Parser) {
      parser = p;
      p.pause();
      // Only quoting errors matter: without `header` papaparse reports no field-count errors.
      const problems = res.errors.filter((e) => e.type === 'Quotes')
        .map((e) => ({ row: rowsBefore + (e.row ?? 0) + 1, message: problemText(e.code) }));
      rowsBefore += res.data.length;
      queue.push(problems.length > 0 ? { rows: res.data, cursor: res.meta.cursor, problems } : { rows: res.data, cursor: res.meta.cursor });
      notify();
    },
    complete() { done = true; notify(); },
    error(e: unknown) { failure = e; done = true; notify(); },
  });
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        yield batch;
        // Resume only after the consumer took the batch, so at most one batch is in memory.
        const p = parser as Papa.Parser | null;
        if (!done && p) setTimeout(() => p.resume(), 0);
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  } finally {
    if (!done) (parser as Papa.Parser | null)?.abort();
  }
}
