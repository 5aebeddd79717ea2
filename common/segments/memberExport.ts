/**
 * A segment's members as a file: CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads
 * accents) or an Excel workbook with one "Members" sheet. Values that a spreadsheet would run as a
 * formula (starting with =, +, - or @) are prefixed with an apostrophe in CSV.
 */
import ExcelJS from 'exceljs';
import { err, ok, type Result } from '../result';
import { addTable, workbookBytes } from '../export/xlsxStyle';
import type { MemberTable } from './membership';
import { segmentLimits } from './segment';

function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of a member table (CRLF line ends). */
export function membersCsv(table: MemberTable): string {
  return [table.header, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Checks an export before any work: members and columns within limits. */
export function checkMemberExport(members: number, columns: number, format: 'csv' | 'xlsx'): Result<null> {
  if (members === 0) return err('invalid-argument', 'This segment has no members in the loaded data, so there is nothing to export.');
  if (columns > segmentLimits.exportColumns) return err('too-large', `Choose at most ${segmentLimits.exportColumns} columns (${columns} chosen).`);
  if (format === 'xlsx' && members > segmentLimits.xlsxRows) {
    return err('too-large', `${members.toLocaleString('en')} members do not fit in one Excel sheet (${segmentLimits.xlsxRows.toLocaleString('en')} at most): export CSV instead.`);
  }
  return ok(null);
}

/** The file bytes of a member table. */
export async function memberFile(table: MemberTable, format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(`\ufeff${membersCsv(table)}`);
  const wb = new ExcelJS.Workbook();
  addTable(wb, 'Members', table.header, table.rows);
  return workbookBytes(wb);
}
