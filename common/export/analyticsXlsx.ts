/**
 * The analytics workbook as a sequence of operations — start a table, append rows — so the same
 * sequence can be written by ExcelJS in memory (web mode, in a worker) or sent in chunks over IPC to
 * main's streaming writer (Electron). Sheets: Report, Responses (split past Excel's row cap),
 * Distribution, Coverage, Overlap, Evolution, named and labelled in the export's language.
 */
import type { LiveMetrics } from '../analytics/metrics';
import type { AnalyticsReport, PreparedAnalytics } from './analyticsReport';
import { responseColumns, responseRows } from './analyticsRows';
import { journeySheetOps } from './analyticsJourneySheets';
import { excelMaxRows, type SheetColumn, type XlsxCell } from './analyticsSheets';
import { ZipTableWriter } from './analyticsXlsxZip';
import { englishText, type ExportText } from '../i18n/exportText';

/** One step of writing the workbook. */
export type WorkbookOp = { op: 'table'; name: string; columns: SheetColumn[] } | { op: 'rows'; rows: XlsxCell[][] };

/** Sheet names in order, in `text`'s language (Responses may be followed by `Responses (2)`, …). */
export function analyticsSheetNames(text: ExportText = englishText): string[] {
  return (['report', 'responses', 'distribution', 'coverage', 'overlap', 'evolution'] as const).map((k) => text.t(`report.analytics.sheet.${k}`));
}

/** The English sheet names, in order. */
export const analyticsSheets = analyticsSheetNames();

/** Response rows per chunk: small enough for a quick IPC message, large enough to keep calls few. */
export const defaultChunkRows = 2000;

const col = (header: string, format?: SheetColumn['format'], width?: number): SheetColumn => ({ header, ...(format ? { format } : {}), ...(width ? { width } : {}) });

/**
 * The workbook's operations in order, labelled in `text`'s language. A generator, so a caller pulls
 * one chunk at a time and can stop anywhere.
 */
export function* analyticsWorkbookOps(p: PreparedAnalytics, chunkRows = defaultChunkRows, text: ExportText = englishText): Generator<WorkbookOp, void, undefined> {
  const r = p.report;
  const { t } = text;
  const [report, responses, distribution, coverage, overlap, evolution] = analyticsSheetNames(text) as [string, string, string, string, string, string];
  const persona = col(t('report.col.persona'), undefined, 24);
  yield { op: 'table', name: report, columns: [col(t('report.col.field'), undefined, 26), col(t('report.col.value'), undefined, 60)] };
  yield { op: 'rows', rows: reportRows(r, text) };
  yield { op: 'table', name: responses, columns: responseColumns(p, text) };
  for (let start = 0; start < p.rows.length; start += chunkRows) yield { op: 'rows', rows: responseRows(p, start, chunkRows, text) };
  yield { op: 'table', name: distribution, columns: [
    persona, col(t('report.analytics.col.scored'), 'integer'), col(t('report.analytics.strong'), 'integer'), col(t('report.analytics.moderate'), 'integer'), col(t('report.analytics.weak'), 'integer'),
    col(t('report.analytics.col.strongShare'), 'percent'), col(t('report.analytics.col.moderateShare'), 'percent'), col(t('report.analytics.col.weakShare'), 'percent'),
    col(t('report.analytics.col.averageMatch'), 'percent'), col(t('report.analytics.col.bestMatch'), 'percent'),
  ] };
  yield { op: 'rows', rows: r.personas.map((x) => {
    const d = x.distribution;
    const share = (n: number) => (x.scored > 0 ? (n * 100) / x.scored : null);
    return [x.name, x.scored, d.strong, d.moderate, d.weak, share(d.strong), share(d.moderate), share(d.weak), x.averagePercent, x.bestPercent];
  }) };
  const metrics = metricColumns(text);
  yield { op: 'table', name: coverage, columns: [
    persona, col(t('report.analytics.col.inScope'), 'integer'), col(t('report.analytics.col.covered'), 'integer'), col(t('report.analytics.col.coverageShare'), 'percent'),
    col(t('report.analytics.col.bestPersonaFor'), 'integer'), ...metrics,
    col(t('report.col.targetNps')), col(t('report.col.targetCsat'), 'percent'), col(t('report.col.targetTrust'), 'percent'), col(t('report.col.targetCes')),
  ] };
  yield { op: 'rows', rows: [
    ...r.personas.map((x): XlsxCell[] => [x.name, x.coverage.total, x.coverage.covered, x.coverage.percent, x.bestCount, ...metricCells(x.live),
      x.targets.loyalty ?? null, x.targets.satisfaction ?? null, x.targets.trust ?? null, x.targets.ces ?? null]),
    [t('report.analytics.uncovered'), r.rowsInRange, r.uncovered, r.uncoveredPercent, null, ...metrics.map(() => null), null, null, null, null],
  ] };
  yield { op: 'table', name: overlap, columns: [col(t('report.analytics.col.overlap'), undefined, 30), ...r.personas.map((x) => col(x.name, 'integer'))] };
  yield { op: 'rows', rows: r.personas.map((x, a) => [x.name, ...r.personas.map((_, b) => r.overlap[a]?.[b] ?? 0)]) };
  yield { op: 'table', name: evolution, columns: [
    persona, col(t('report.col.day'), undefined, 12), col(t('report.col.responses'), 'integer'), col(t('report.analytics.col.averageMatch'), 'percent'),
    col(t('report.col.strong'), 'integer'), col(t('report.col.moderate'), 'integer'), col(t('report.col.weak'), 'integer'), ...metrics,
  ] };
  yield { op: 'rows', rows: r.personas.flatMap((x) => x.evolution.map((d): XlsxCell[] => [
    x.name, d.day, d.responses, d.averagePercent, d.distribution.strong, d.distribution.moderate, d.distribution.weak, ...metricCells(d.live),
  ])) };
  yield* journeySheetOps(r.journeys ?? [], text);
}

// Live metrics with their unit in the header: shares (CSAT %, trust %: answers of 4–5 on the 1–5
// scale) beside the means they come from, so no column can be read against a target in another unit.
function metricColumns(text: ExportText): SheetColumn[] {
  const { t } = text;
  return [
    col(t('report.col.nps')), col(t('report.col.csat'), 'percent'), col(t('report.col.satisfactionMean')), col(t('report.col.trustPercent'), 'percent'),
    col(t('report.col.trustMean')), col(t('report.analytics.col.cesMean')),
  ];
}

function metricCells(l: LiveMetrics): XlsxCell[] {
  return [l.nps, l.csat, l.satisfaction, l.trustPercent, l.trust, l.effort];
}

// Days stay `YYYY-MM-DD` text here, as typed in the app: an analyst sorts and filters on them.
function reportRows(r: AnalyticsReport, text: ExportText): XlsxCell[][] {
  const { t } = text;
  let generated: string;
  try {
    generated = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: r.timeZone }).format(r.generatedAt);
  } catch {
    generated = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(r.generatedAt);
  }
  return [
    [t('report.analytics.field.report'), r.title],
    [t('report.analytics.field.datasets'), r.datasets.join(', ') || '—'],
    [t('report.analytics.field.from'), r.range.from ?? t('report.analytics.range.first')],
    [t('report.analytics.field.to'), r.range.to ?? t('report.analytics.range.last')],
    [t('report.analytics.field.timeZone'), r.timeZone],
    [t('report.analytics.field.generated'), generated],
    [t('report.analytics.field.inRange'), r.rowsInRange],
    [t('report.analytics.covered'), r.covered],
    [t('report.analytics.uncovered'), r.uncovered],
    [t('report.analytics.personas'), r.personas.map((x) => x.name).join(', ')],
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
export async function buildAnalyticsXlsx(p: PreparedAnalytics, options: { limit?: number; onProgress?: (rowsDone: number) => void; signal?: AbortSignal; text?: ExportText } = {}): Promise<Uint8Array> {
  const writer = new ZipTableWriter(options.limit ?? excelMaxRows);
  let done = 0;
  for (const op of analyticsWorkbookOps(p, defaultChunkRows, options.text)) {
    options.signal?.throwIfAborted();
    applyOp(writer, op);
    if (op.op === 'rows') options.onProgress?.((done += op.rows.length));
  }
  return writer.finish({ title: p.report.title, creator: 'CX Studio' });
}
