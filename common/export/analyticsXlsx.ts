/**
 * The analytics workbook as a sequence of operations — start a table, append rows — so the same
 * sequence can be written by ExcelJS in memory (web mode, in a worker) or sent in chunks over IPC to
 * main's streaming writer (Electron). Sheets: Report, Responses (split past Excel's row cap),
 * Distribution, Coverage, Overlap, Evolution.
 */
import type { LiveMetrics } from '../analytics/metrics';
import type { AnalyticsReport, PreparedAnalytics } from './analyticsReport';
import { responseColumns, responseRows } from './analyticsRows';
import { journeySheetOps } from './analyticsJourneySheets';
import { excelMaxRows, type SheetColumn, type XlsxCell } from './analyticsSheets';
import { ZipTableWriter } from './analyticsXlsxZip';

/** One step of writing the workbook. */
export type WorkbookOp = { op: 'table'; name: string; columns: SheetColumn[] } | { op: 'rows'; rows: XlsxCell[][] };

/** Sheet names in order (Responses may be followed by `Responses (2)`, …). */
export const analyticsSheets = ['Report', 'Responses', 'Distribution', 'Coverage', 'Overlap', 'Evolution'] as const;

/** Response rows per chunk: small enough for a quick IPC message, large enough to keep calls few. */
export const defaultChunkRows = 2000;

const col = (header: string, format?: SheetColumn['format'], width?: number): SheetColumn => ({ header, ...(format ? { format } : {}), ...(width ? { width } : {}) });

/**
 * The workbook's operations in order; `onRows` reports how many response rows have been produced,
 * for progress. A generator, so a caller pulls one chunk at a time and can stop anywhere.
 */
export function* analyticsWorkbookOps(p: PreparedAnalytics, chunkRows = defaultChunkRows): Generator<WorkbookOp, void, undefined> {
  const r = p.report;
  yield { op: 'table', name: 'Report', columns: [col('Field', undefined, 26), col('Value', undefined, 60)] };
  yield { op: 'rows', rows: reportRows(r) };
  yield { op: 'table', name: 'Responses', columns: responseColumns(p) };
  for (let start = 0; start < p.rows.length; start += chunkRows) yield { op: 'rows', rows: responseRows(p, start, chunkRows) };
  yield { op: 'table', name: 'Distribution', columns: [
    col('Persona', undefined, 24), col('Scored', 'integer'), col('Strong (≥ 70)', 'integer'), col('Moderate (50–69)', 'integer'), col('Weak (< 50)', 'integer'),
    col('Strong %', 'percent'), col('Moderate %', 'percent'), col('Weak %', 'percent'), col('Average match %', 'percent'), col('Best match %', 'percent'),
  ] };
  yield { op: 'rows', rows: r.personas.map((x) => {
    const d = x.distribution;
    const share = (n: number) => (x.scored > 0 ? (n * 100) / x.scored : null);
    return [x.name, x.scored, d.strong, d.moderate, d.weak, share(d.strong), share(d.moderate), share(d.weak), x.averagePercent, x.bestPercent];
  }) };
  yield { op: 'table', name: 'Coverage', columns: [
    col('Persona', undefined, 24), col('Responses in scope', 'integer'), col('Covered (≥ 50)', 'integer'), col('Coverage %', 'percent'), col('Best persona for', 'integer'),
    ...metricColumns,
    col('Target NPS'), col('Target CSAT %', 'percent'), col('Target trust %', 'percent'), col('Target CES'),
  ] };
  yield { op: 'rows', rows: [
    ...r.personas.map((x): XlsxCell[] => [x.name, x.coverage.total, x.coverage.covered, x.coverage.percent, x.bestCount, ...metricCells(x.live),
      x.targets.loyalty ?? null, x.targets.satisfaction ?? null, x.targets.trust ?? null, x.targets.ces ?? null]),
    ['No persona covers', r.rowsInRange, r.uncovered, r.uncoveredPercent, null, ...metricColumns.map(() => null), null, null, null, null],
  ] };
  yield { op: 'table', name: 'Overlap', columns: [col('Persona (responses ≥ 50 for both)', undefined, 30), ...r.personas.map((x) => col(x.name, 'integer'))] };
  yield { op: 'rows', rows: r.personas.map((x, a) => [x.name, ...r.personas.map((_, b) => r.overlap[a]?.[b] ?? 0)]) };
  yield { op: 'table', name: 'Evolution', columns: [
    col('Persona', undefined, 24), col('Day', undefined, 12), col('Responses', 'integer'), col('Average match %', 'percent'), col('Strong', 'integer'), col('Moderate', 'integer'),
    col('Weak', 'integer'), ...metricColumns,
  ] };
  yield { op: 'rows', rows: r.personas.flatMap((x) => x.evolution.map((d): XlsxCell[] => [
    x.name, d.day, d.responses, d.averagePercent, d.distribution.strong, d.distribution.moderate, d.distribution.weak, ...metricCells(d.live),
  ])) };
  yield* journeySheetOps(r.journeys ?? []);
}

// Live metrics with their unit in the header: shares (CSAT %, trust %: answers of 4–5 on the 1–5
// scale) beside the means they come from, so no column can be read against a target in another unit.
const metricColumns = [
  col('NPS'), col('CSAT %', 'percent'), col('Satisfaction mean'), col('Trust %', 'percent'), col('Trust mean'), col('CES (mean effort)'),
];

function metricCells(l: LiveMetrics): XlsxCell[] {
  return [l.nps, l.csat, l.satisfaction, l.trustPercent, l.trust, l.effort];
}

function reportRows(r: AnalyticsReport): XlsxCell[][] {
  return [
    ['Report', r.title],
    ['Datasets', r.datasets.join(', ') || '—'],
    ['From', r.range.from ?? 'first response'],
    ['To', r.range.to ?? 'last response'],
    ['Time zone', r.timeZone],
    ['Generated', new Date(r.generatedAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'],
    ['Responses in range', r.rowsInRange],
    ['Covered by a persona', r.covered],
    ['No persona covers', r.uncovered],
    ['Personas', r.personas.map((x) => x.name).join(', ')],
  ];
}

/** What applies workbook operations: ExcelJS's TableWriter (main) or the zip writer (web). */
export interface OpWriter { table(name: string, columns: SheetColumn[]): void; rows(rows: readonly XlsxCell[][]): void }

/** Applies one operation to a table writer. */
export function applyOp(writer: OpWriter, op: WorkbookOp): void {
  if (op.op === 'table') writer.table(op.name, op.columns);
  else writer.rows(op.rows);
}

/**
 * The whole workbook as bytes, for web mode (in a worker: ExcelJS's streaming writer needs Node's fs
 * and streams). Written by the streaming zip writer (analyticsXlsxZip.ts, which says why not
 * ExcelJS's in-memory workbook), so memory stays near the compressed file's size. `limit` is the
 * rows per sheet, injectable so tests can see a split.
 */
export async function buildAnalyticsXlsx(p: PreparedAnalytics, options: { limit?: number; onProgress?: (rowsDone: number) => void; signal?: AbortSignal } = {}): Promise<Uint8Array> {
  const writer = new ZipTableWriter(options.limit ?? excelMaxRows);
  let done = 0;
  for (const op of analyticsWorkbookOps(p)) {
    options.signal?.throwIfAborted();
    applyOp(writer, op);
    if (op.op === 'rows') options.onProgress?.((done += op.rows.length));
  }
  return writer.finish({ title: p.report.title, creator: 'CX Studio' });
}
