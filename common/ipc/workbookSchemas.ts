/**
 * The streamed-workbook channels (`workbook:*`): the renderer sends a large workbook to main as
 * tables and chunks of rows; main writes them with ExcelJS's streaming writer into a temporary file
 * beside the target the user chose, and renames it on finish. Every input is bounded here so one
 * call can never make main hold more than a few megabytes.
 */
import * as v from 'valibot';
import { maxCellChars, maxSheetNameLength, type XlsxCell } from '../export/analyticsSheets';

/** Most rows in one `workbook:rows` call. */
export const maxChunkRows = 5000;
/** Most columns of a streamed table (Excel allows 16,384; no export of ours comes near 1,024). */
export const maxStreamColumns = 1024;
/** Most cells in one chunk: 5,000 rows of 100 columns. */
export const maxChunkCells = 500_000;
/** Most characters of text in one chunk (about 32 MB of UTF-16). */
export const maxChunkChars = 16 * 1024 * 1024;
/** Most workbooks main writes at once; more is a renderer bug or abuse. */
export const maxOpenWorkbooks = 4;
/** Most tables in one workbook (a split table counts once). */
export const maxWorkbookTables = 64;

/** Answer of `workbook:begin`: cancelled in the dialog, or a stream to write into. */
export type WorkbookBegun = { started: false } | { started: true; streamId: string; fileName: string };

const streamId = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'Unknown workbook stream.'));

// Excel refuses these characters in a sheet name, and a name that starts or ends with an apostrophe.
const sheetName = v.pipe(
  v.string(),
  v.minLength(1, 'A sheet name is required.'),
  v.maxLength(maxSheetNameLength, `A sheet name is at most ${maxSheetNameLength} characters.`),
  v.check((s) => ![...s].some((ch) => '[]:*?/\\'.includes(ch) || ch.charCodeAt(0) < 32) && !s.startsWith("'") && !s.endsWith("'"),
    'A sheet name may not contain [ ] : * ? / \\ or control characters.'),
);

const column = v.strictObject({
  header: v.pipe(v.string(), v.maxLength(255, 'A column header is at most 255 characters.')),
  format: v.optional(v.picklist(['date', 'percent', 'integer'])),
  width: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(100))),
});

/**
 * Whether a chunk is rows of plain cells within the bounds. One hand-written pass rather than a
 * schema per cell: a 100k-row export sends millions of cells, and per-cell schema objects would cost
 * more than writing them.
 */
export function checkRows(rows: unknown): string | null {
  if (!Array.isArray(rows)) return 'Rows must be a list.';
  if (rows.length > maxChunkRows) return `At most ${maxChunkRows} rows per call.`;
  let cells = 0, chars = 0;
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row)) return 'Each row must be a list of cells.';
    if (row.length > maxStreamColumns) return `A row has more than ${maxStreamColumns} cells.`;
    cells += row.length;
    if (cells > maxChunkCells) return `At most ${maxChunkCells} cells per call.`;
    for (const cell of row as unknown[]) {
      if (cell === null || typeof cell === 'boolean') continue;
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) return 'A cell holds a number that is not finite.';
      } else if (typeof cell === 'string') {
        if (cell.length > maxCellChars) return `A cell holds more than ${maxCellChars} characters (Excel's limit).`;
        chars += cell.length;
        if (chars > maxChunkChars) return 'The rows hold too much text for one call.';
      } else return 'A cell must be text, a number, true/false or empty.';
    }
  }
  return null;
}

/** Argument schemas of the streamed-workbook channels after `workbook:begin`. */
export const workbookSchemas = {
  'workbook:table': v.strictObject({
    streamId,
    name: sheetName,
    columns: v.pipe(v.array(column), v.minLength(1, 'A table needs a column.'), v.maxLength(maxStreamColumns, `A table has at most ${maxStreamColumns} columns.`)),
  }),
  'workbook:rows': v.strictObject({
    streamId,
    rows: v.pipe(v.unknown(), v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = checkRows(dataset.value);
      if (problem) addIssue({ message: problem });
    }), v.transform((rows) => rows as XlsxCell[][])),
  }),
  'workbook:finish': v.strictObject({ streamId }),
  'workbook:abort': v.strictObject({ streamId }),
};
