import type ExcelJS from 'exceljs';

/**
 * Adds a sheet with a bold, frozen, filterable header row: the shape an analyst expects to sort and
 * filter without tidying first. Column widths follow the header and the first rows' contents.
 */
export function addTable(wb: ExcelJS.Workbook, name: string, headers: string[], rows: unknown[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E7FF' } };
  if (headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  headers.forEach((h, i) => {
    const sample = rows.slice(0, 200).map((r) => String(r[i] ?? '').length);
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, h.length + 2, ...sample));
  });
  return ws;
}

/** A date for a cell from epoch milliseconds; Excel shows and sorts it as a date. */
export function cellDate(ms: number | undefined): Date | null {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms) : null;
}

/** The workbook's bytes, in a form every runtime can hand to a save dialog or a download. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
