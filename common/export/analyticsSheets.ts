/**
 * Writing large tables into a workbook, a sheet at a time, with the split at Excel's row cap. The
 * same writer drives ExcelJS's in-memory workbook (web mode, in a worker) and its streaming
 * `WorkbookWriter` (Electron main, under Node), so both split at the same row and style the same way.
 */
import type ExcelJS from 'exceljs';

/** Excel's rows per sheet, header row included. */
export const excelMaxRows = 1_048_576;
/** Excel's longest sheet name. */
export const maxSheetNameLength = 31;
/** Excel's longest text in one cell. */
export const maxCellChars = 32_767;

/** A cell as it crosses a process boundary: dates travel as epoch milliseconds in `date` columns. */
export type XlsxCell = string | number | boolean | null;

/** How a column is shown: a header, and for numbers a format. */
export interface SheetColumn {
  header: string;
  /** `date`: numbers are epoch ms shown as dates; `percent`: 0–100 with one decimal; `integer`. */
  format?: 'date' | 'percent' | 'integer';
  /** Width in characters; from the header otherwise. */
  width?: number;
}

/** The name of the `index`-th (0-based) sheet of a split table: `Responses`, `Responses (2)`, … */
export function splitSheetName(base: string, index: number): string {
  if (index === 0) return base.slice(0, maxSheetNameLength);
  const suffix = ` (${index + 1})`;
  return `${base.slice(0, maxSheetNameLength - suffix.length)}${suffix}`;
}

/** Where a run of rows goes: `count` rows into sheet `sheet` (0-based part of the split table). */
export interface RowPlacement { sheet: number; start: number; count: number }

/**
 * Places rows into sheets of at most `limit` rows each, counting the header row every sheet
 * repeats: with the real limit a sheet holds 1,048,575 data rows. Pure counting, so the boundary is
 * testable without writing a million rows.
 */
export class RowSplitter {
  private sheet = 0;
  private rowsInSheet = 1;

  constructor(private readonly limit = excelMaxRows) {
    if (limit < 2) throw new Error('A sheet must hold a header and at least one row.');
  }

  /** Splits the next `count` rows into runs, one per sheet they land in. */
  place(count: number): RowPlacement[] {
    const out: RowPlacement[] = [];
    let start = 0;
    while (start < count) {
      if (this.rowsInSheet === this.limit) {
        this.sheet += 1;
        this.rowsInSheet = 1;
      }
      const n = Math.min(count - start, this.limit - this.rowsInSheet);
      out.push({ sheet: this.sheet, start, count: n });
      this.rowsInSheet += n;
      start += n;
    }
    return out;
  }
}

/** The parts of ExcelJS's two workbook kinds this writer uses. */
type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

const numFmt: Record<NonNullable<SheetColumn['format']>, string> = { date: 'yyyy-mm-dd hh:mm', percent: '0.0', integer: '0' };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E7FF' } };

/**
 * Writes tables into a workbook: `table(name, columns)` starts one, `rows(...)` appends, splitting
 * into `name (2)`, … at `limit` rows with the header repeated. In streaming mode each row and sheet
 * is committed as it is written, so memory stays flat whatever the row count.
 */
export class TableWriter {
  private current: { base: string; columns: SheetColumn[]; splitter: RowSplitter; sheets: ExcelJS.Worksheet[]; dates: number[]; styles: Partial<ExcelJS.Style>[] } | null = null;
  private readonly names = new Set<string>();

  constructor(private readonly wb: AnyWorkbook, private readonly streaming: boolean, private readonly limit = excelMaxRows) {}

  /** Starts a table; the previous one is finished. Throws on a duplicate sheet name (a caller bug). */
  table(name: string, columns: SheetColumn[]): void {
    this.endTable();
    this.current = {
      base: name, columns, splitter: new RowSplitter(this.limit), sheets: [], dates: columns.flatMap((c, i) => (c.format === 'date' ? [i] : [])),
      styles: columns.map((c) => (c.format ? { numFmt: numFmt[c.format] } : {})),
    };
    this.openSheet(0);
  }

  /** Appends rows to the current table. */
  rows(rows: readonly XlsxCell[][]): void {
    const t = this.current;
    if (!t) throw new Error('No table is open.');
    for (const run of t.splitter.place(rows.length)) {
      const ws = t.sheets[run.sheet] ?? this.openSheet(run.sheet);
      for (let i = run.start; i < run.start + run.count; i++) {
        const values: unknown[] = rows[i]!;
        // Dates cross IPC as numbers; ExcelJS writes a Date as an Excel serial date.
        if (t.dates.length > 0) for (const c of t.dates) if (typeof values[c] === 'number') values[c] = new Date(values[c] as number);
        const row = ws.addRow(values);
        // One shared style object per column: ExcelJS caches a style's id by object identity, while
        // the fresh object it gives each cell costs a style lookup per cell (half the writing time).
        row.eachCell((cell, c) => { cell.style = t.styles[c - 1]!; });
        if (this.streaming) row.commit();
      }
    }
  }

  /** Sheet names written so far, in order. */
  get sheetNames(): string[] {
    return [...this.names];
  }

  /** Finishes the current table (streaming: commits its sheets). */
  endTable(): void {
    const t = this.current;
    this.current = null;
    if (t && this.streaming) for (const ws of t.sheets) commitSheet(ws);
  }

  private openSheet(index: number): ExcelJS.Worksheet {
    const t = this.current!;
    const name = splitSheetName(t.base, index);
    if (this.names.has(name)) throw new Error(`The workbook already has a sheet named "${name}".`);
    this.names.add(name);
    // A streamed sheet must be committed before the next one starts (ExcelJS writes sheets in order).
    const previous = t.sheets[index - 1];
    if (this.streaming && previous) commitSheet(previous);
    const ws = this.wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ width: c.width ?? Math.min(50, Math.max(10, c.header.length + 2)) }));
    const header = ws.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => { cell.fill = headerFill; });
    if (t.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
    if (this.streaming) header.commit();
    t.sheets[index] = ws;
    return ws;
  }
}

// A streamed sheet (ExcelJS's WorksheetWriter) has a synchronous, idempotent commit that the
// in-memory Worksheet type does not declare.
function commitSheet(ws: ExcelJS.Worksheet): void {
  (ws as unknown as { commit(): void }).commit();
}
