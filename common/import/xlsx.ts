/**
 * Rows of the first non-empty worksheet of an XLSX file, via exceljs, as strings so CSV and XLSX
 * files go through the same shape detection and value parsing. Excel stores wall-clock times without
 * a zone (exceljs hands them over as UTC dates): they become ISO text without a zone, so the import
 * reads them in the workspace's zone (or the zone a Qualtrics header names), exactly as the same
 * timestamp written in a CSV export.
 */
import ExcelJS from 'exceljs';

/** Loads a workbook from bytes and returns its first non-empty sheet as rows of text. */
export async function xlsxRows(bytes: ArrayBuffer): Promise<{ rows: string[][]; sheet: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount === 0) continue;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => cellText(v));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      rows.push(cells);
    });
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    return { rows, sheet: sheet.name };
  }
  return { rows: [], sheet: '' };
}

/** The text of one exceljs cell value (rich text, formulas, hyperlinks, dates, errors). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().replace(/Z$/, '').replace(/\.000$/, '');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return '';
}
