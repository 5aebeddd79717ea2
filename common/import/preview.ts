/**
 * What the import dialog shows before importing: the detected shape, the first rows, the inferred
 * types, a suggested mapping (answer labels of rating scales included) and the date order with
 * whether the sample really decides it.
 */
import type { ColumnType } from '../analytics/rules';
import { resolveMapping, suggestMapping, type ColumnMapping } from './mapping';
import { isRejected, rowReader, type RejectedRow, type UnreadableValue } from './rows';
import { suggestLabels } from './scales';
import { detectShape, type ShapeInfo } from './shapes';
import type { Source } from './source';
import { dateOrderGuess, inferType, isParseError, parseNumber, type DateOrder } from './values';

/** What the import dialog shows before importing. */
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  shape: ShapeInfo;
  /** Up to 20 data rows (after the header rows). */
  rows: string[][];
  /** Per source column, the type its sample suggests. */
  inferredTypes: ColumnType[];
  /** Mapping suggested from the headers (the user may change it). */
  suggested: ColumnMapping;
  /** The order day-month dates are read in unless the user chooses. */
  dateOrder: DateOrder;
  /** The sample has day-month dates but none with a part above 12: the order is a default, ask the user. */
  dateOrderAmbiguous: boolean;
  /** Sample rows the suggested mapping would reject. */
  rejectedSample: RejectedRow[];
  /** Sample values the suggested mapping could not read (their responses are kept). */
  unreadableSample: UnreadableValue[];
}

/** Answer labels for a number column from its sample cells, or null when they are plain numbers. */
export function labelsFor(cells: readonly string[]): Record<string, number> | null {
  return suggestLabels(cells, (t) => !isParseError(parseNumber(t)));
}

/** Builds the preview of an opened file. */
export function previewOf(source: Source, timeZone: string): ImportPreview {
  const shape = detectShape(source.sample);
  const rows = source.sample.slice(shape.headerRows);
  const inferredTypes = shape.headers.map((_, c) => inferType(rows.map((r) => r[c] ?? '')));
  const guess = shape.dateOrder ? { order: shape.dateOrder, ambiguous: false } : dateOrderGuess(dateCells(rows, shape.headers.length, inferredTypes));
  const suggested = suggestMapping(shape.headers, shape.ids);
  const resolved = resolveMapping(suggested, shape.headers, shape.ids).columns;
  for (const col of suggested.columns) {
    const at = resolved.find((r) => r.key === col.key)?.indexes[0];
    if (col.type !== 'number' || at === undefined) continue;
    const labels = labelsFor(rows.map((r) => r[at] ?? ''));
    if (labels) col.labels = labels;
  }
  const read = rowReader(resolveMapping(suggested, shape.headers, shape.ids).columns, shape, { timeZone, dateOrder: guess.order });
  const rejectedSample: RejectedRow[] = [];
  const unreadableSample: UnreadableValue[] = [];
  rows.forEach((r, i) => {
    const row = shape.headerRows + i + 1;
    const res = read(r, row);
    if (isRejected(res)) rejectedSample.push({ ...res, row });
    else for (const u of res.unreadable) unreadableSample.push({ ...u, row });
  });
  return {
    format: source.format, encoding: source.encoding, delimiter: source.delimiter, shape,
    rows: rows.slice(0, 20), inferredTypes, suggested, dateOrder: guess.order, dateOrderAmbiguous: guess.ambiguous,
    rejectedSample, unreadableSample,
  };
}

/** The cells of date-like columns (the order question is about them, not about "3/4" answers). */
function dateCells(rows: readonly string[][], width: number, types: readonly ColumnType[]): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    if (types[c] !== 'date') continue;
    for (const r of rows) out.push(r[c] ?? '');
  }
  return out;
}
