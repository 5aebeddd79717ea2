/**
 * The analysis report the command line writes: JSON for machines, the same content as an Excel
 * workbook for people (scores with one column per rule, distribution, coverage, overlap). The
 * workbook is streamed to its file row by row (ExcelJS's WorkbookWriter, as the desktop app's main
 * process writes large workbooks), so a million responses never sit in memory as sheet objects.
 */
import ExcelJS from 'exceljs';
import type { Analysis } from '../common/analytics/analyse';
import { explainRow, type Explanation } from '../common/analytics/explain';
import { percentOf } from '../common/analytics/fraction';
import { numeratorAt } from '../common/analytics/kernels';
import { analyticsWords } from '../common/export/analyticsText';
import { englishText, type ExportText } from '../common/i18n/exportText';
import { cellValue, type Table } from '../common/analytics/table';
import type { ImportOutcome, ImportSummary } from '../common/import/importer';
import type { LiveMetrics } from '../common/analytics/metrics';

/** The JSON report. */
export interface AnalysisReport {
  type: 'cx-studio.analysis-report';
  version: 1;
  generatedAt: number;
  source: {
    file: string; shape: string; rows: number; rejected: number; duplicates: number; rejectedRows: ImportOutcome['rejected'];
    /** Values that could not be read (stored as missing, their responses kept), the first 1,000 listed. */
    unreadable: number; unreadableValues: ImportOutcome['unreadable'];
    dateOrder: ImportOutcome['dateOrder']; warnings: string[];
  };
  personas: {
    id: string; name: string; scored: number; averageScore: number; bestScore: number | null;
    distribution: { strong: number; moderate: number; weak: number };
    coverage: { covered: number; total: number; percent: number };
    liveMetrics: LiveMetrics;
    /** The best-scoring responses; `row` is the response's row in the file, as in `responses`. */
    topMatches: Explanation[];
    problems: { ruleId: string; message: string }[];
  }[];
  overlap: { personaIds: string[]; matrix: number[][] };
  uncovered: { count: number; percent: number };
  /** Per response: its row in the file (1-based, header rows counted), id, best persona and the score (percent, 2 decimals) for each persona. */
  responses: { row: number; respondentId: string | null; bestPersona: string | null; scores: number[] }[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Where each row of the table came from: its respondent id (or null) and its row in the source file (1-based, header rows counted). */
export interface ReportRows {
  id(row: number): string | null;
  fileRow(row: number): number;
}

/** Respondent ids from the table's `respondentId` column. */
export function columnIds(table: Table): ReportRows['id'] {
  const ids = table.columns.get('respondentId');
  return (row) => {
    const id = cellValue(ids, row);
    return typeof id === 'string' ? id : null;
  };
}

/**
 * Builds the JSON report. `withResponses: false` leaves the per-response list empty (the workbook
 * writes those rows straight from the table instead). `rows` gives each response's id and file row:
 * the command line keeps the ids in its import's id set, not in the table, and a skipped duplicate
 * or rejected row means the file row is not the table row plus the header.
 */
export function buildReport(
  table: Table, analysis: Analysis, outcome: ImportSummary, metrics: LiveMetrics[], now: number, withResponses: boolean, rows: ReportRows,
): AnalysisReport {
  return {
    type: 'cx-studio.analysis-report', version: 1, generatedAt: now,
    source: { file: outcome.header.sourceFile, shape: outcome.header.shape, rows: table.rowCount, rejected: outcome.rejectedCount, duplicates: outcome.duplicates, rejectedRows: outcome.rejected,
      unreadable: outcome.unreadableCount, unreadableValues: outcome.unreadable, dateOrder: outcome.dateOrder, warnings: outcome.warnings },
    personas: analysis.personas.map((p, i) => ({
      id: p.personaId, name: p.name, scored: p.scored, averageScore: round2(p.averagePercent),
      bestScore: p.best ? round2(percentOf(p.best.numerator, p.best.denominator)) : null,
      distribution: p.distribution, coverage: { ...p.coverage, percent: round2(p.coverage.percent) },
      liveMetrics: metrics[i]!, topMatches: p.top.map((t) => ({ ...explainRow(table, p.scores, t.row), row: rows.fileRow(t.row), respondentId: rows.id(t.row) })), problems: p.problems,
    })),
    overlap: { personaIds: analysis.personas.map((p) => p.personaId), matrix: analysis.overlap },
    uncovered: { count: analysis.uncovered, percent: round2(analysis.uncoveredPercent) },
    responses: withResponses ? Array.from({ length: table.rowCount }, (_, row) => responseOf(analysis, rows, row)) : [],
  };
}

function responseOf(analysis: Analysis, rows: ReportRows, row: number): AnalysisReport['responses'][number] {
  const best = analysis.bestPersona[row]!;
  return {
    row: rows.fileRow(row), respondentId: rows.id(row),
    bestPersona: best >= 0 ? analysis.personas[best]!.personaId : null,
    scores: analysis.personas.map((p) => round2(percentOf(numeratorAt(p.scores, row), p.scores.denominator))),
  };
}

/** Excel allows 1,048,576 rows per sheet; longer score lists continue on further sheets. */
const rowsPerSheet = 1_048_575;
/** Rows written between yields to the event loop, so the file stream drains as rows are made. */
const rowsPerYield = 5000;

/** Bytes of sheet XML the zip writer may hold before the rows wait for it. */
const maxPending = 4 << 20;

/**
 * Waits until the zip writer has caught up with the sheet's rows. ExcelJS's streaming writer hands
 * each row's XML on without waiting, and the zip moves on only as the event loop turns (a file
 * write per turn), so a million rows of XML would pile up in memory ahead of it. This reads the
 * queue in front of the zip (the sheet stream's pipe, a readable-stream PassThrough) and gives the
 * event loop turns while it holds more than {@link maxPending} bytes. If a later ExcelJS is built
 * differently, it only yields once, as before.
 */
async function compressed(sheet: ExcelJS.Worksheet): Promise<void> {
  type Queue = { writableLength?: number; _writableState?: { length?: number } };
  const pipe = (sheet as unknown as { stream?: { pipes?: Queue[] } }).stream?.pipes?.[0];
  const pending = () => pipe?.writableLength ?? pipe?._writableState?.length ?? 0;
  do await new Promise((resolve) => setImmediate(resolve));
  while (pending() > maxPending);
}

/**
 * Streams the report as an XLSX workbook into `path`: score rows are made from the table and the
 * analysis one at a time and committed, so memory stays flat however many responses there are.
 * `rows` as in {@link buildReport}. Sheet names, headers and the matched / unmatched / missing words
 * are in `text`'s language (`--lang`).
 */
export async function writeReportWorkbook(
  path: string, report: AnalysisReport, table: Table, analysis: Analysis, rows: ReportRows, text: ExportText = englishText,
): Promise<void> {
  const { t } = text;
  const words = analyticsWords(text);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.created = new Date(report.generatedAt);
  const scoreHeader = [t('report.col.row'), t('report.cli.col.respondentId'), t('report.analytics.col.bestPersona')];
  for (const p of analysis.personas) {
    scoreHeader.push(t('report.cli.col.personaScore', { persona: p.name }));
    for (const r of p.scores.rules) scoreHeader.push(t('report.analytics.col.personaRule', { persona: p.name, rule: words.rule(r.rule) }));
  }
  const outcome = { matched: t('report.cli.outcome', { outcome: 'matched' }), unmatched: t('report.cli.outcome', { outcome: 'unmatched' }), missing: t('report.cli.outcome', { outcome: 'missing' }) };
  const scores = t('report.cli.sheet.scores');
  const ruleColumns = analysis.personas.map((p) => p.scores.rules.map((r) => table.columns.get(r.rule.column)));
  let sheet: ExcelJS.Worksheet | null = null;
  for (let i = 0; i < table.rowCount; i++) {
    if (i % rowsPerSheet === 0) {
      sheet?.commit();
      sheet = wb.addWorksheet(i === 0 ? scores : `${scores} ${i / rowsPerSheet + 1}`);
      const top = sheet.addRow(scoreHeader);
      top.font = { bold: true };
      top.commit();
    }
    const resp = responseOf(analysis, rows, i);
    const cells: (string | number | null)[] = [resp.row, resp.respondentId, resp.bestPersona];
    analysis.personas.forEach((p, k) => {
      cells.push(resp.scores[k]!);
      p.scores.rules.forEach((r, j) => {
        cells.push(r.matches(i) ? outcome.matched : cellValue(ruleColumns[k]![j], i) === null ? outcome.missing : outcome.unmatched);
      });
    });
    (sheet as ExcelJS.Worksheet | null)?.addRow(cells).commit();
    if (i % rowsPerYield === rowsPerYield - 1) await compressed(sheet as ExcelJS.Worksheet);
  }
  (sheet as ExcelJS.Worksheet | null)?.commit();
  const dist = wb.addWorksheet(t('report.analytics.sheet.distribution'));
  dist.addRow([t('report.col.persona'), t('report.analytics.col.scored'), t('report.cli.col.averageScore'), t('report.cli.col.bestScore'),
    t('report.analytics.strong'), t('report.analytics.moderate'), t('report.analytics.weak')]).font = { bold: true };
  for (const p of report.personas) dist.addRow([p.name, p.scored, p.averageScore, p.bestScore, p.distribution.strong, p.distribution.moderate, p.distribution.weak]);
  const cov = wb.addWorksheet(t('report.analytics.sheet.coverage'));
  // Units in the headers, as the app's exports: CSAT % and trust % are shares of 4–5 answers, CES a mean.
  cov.addRow([t('report.col.persona'), t('report.analytics.col.covered'), t('report.col.responses'), t('report.analytics.col.coverageShare'), t('report.col.csat'),
    t('report.col.satisfactionMean'), t('report.col.nps'), t('report.cli.col.npsMean'), t('report.col.trustPercent'), t('report.col.trustMean'), t('report.analytics.col.cesMean')]).font = { bold: true };
  for (const p of report.personas) {
    const m = p.liveMetrics;
    cov.addRow([p.name, p.coverage.covered, p.coverage.total, p.coverage.percent, m.csat, m.satisfaction, m.nps, m.npsMean, m.trustPercent, m.trust, m.effort].map((v) => (typeof v === 'number' ? round2(v) : v)));
  }
  cov.addRow([t('report.cli.noPersona'), report.uncovered.count, analysis.rowsInRange, report.uncovered.percent]);
  const ov = wb.addWorksheet(t('report.analytics.sheet.overlap'));
  ov.addRow([t('report.analytics.col.both'), ...report.personas.map((p) => p.name)]).font = { bold: true };
  report.overlap.matrix.forEach((row, i) => ov.addRow([report.personas[i]!.name, ...row]));
  for (const done of [dist, cov, ov]) done.commit();
  await wb.commit();
}
