/**
 * A fast path for CSV text without a single quote character: such a file cannot hold quoted
 * fields, quoted delimiters or quoted newlines, so splitting lines and fields is exact and several
 * times faster than a general parser (event logs of millions of rows are usually written this way).
 * Files with quotes go through papaparse as usual.
 */
import type { TextPiece } from '../import/bytes';

/** The longest row the fast path carries from one slice to the next, in characters. */
export const maxPlainRowChars = 1 << 24;

/**
 * Rows of quote-free CSV decoded slice by slice (`textPieces`): the file's text is never held whole,
 * only a slice and the row it cut, so the import's memory is the file's bytes and the log it builds.
 */
export async function* plainCsvPieces(pieces: AsyncIterable<TextPiece>, delimiter: string): AsyncGenerator<{ rows: string[][]; cursor: number }> {
  let carry = '';
  for await (const piece of pieces) {
    const text = carry + piece.text;
    const cut = piece.last ? text.length : text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    if (carry.length > maxPlainRowChars) throw new Error(`a row is longer than ${maxPlainRowChars.toLocaleString('en')} characters`);
    yield { rows: splitRows(text, cut, delimiter), cursor: piece.cursor };
    // Let the event loop run between slices (progress, cancel), as the general parser does.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** The rows of `text` up to `end` (a line end or the end of the text). */
function splitRows(text: string, end: number, delimiter: string): string[][] {
  const rows: string[][] = [];
  let at = 0;
  while (at < end) {
    let stop = text.indexOf('\n', at);
    if (stop < 0 || stop > end) stop = end;
    const next = stop + 1;
    if (stop > at && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop > at) rows.push(text.slice(at, stop).split(delimiter));
    at = next;
  }
  return rows;
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch ms of an ISO 8601 timestamp with `Z` or an offset in the exact form ECMAScript defines
 * (`2024-03-05T10:00:00.123+01:00`), or null for anything else (read by the general date parser).
 */
export function fastIsoTime(text: string): number | null {
  if (!isoWithZone.test(text)) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t;
}
