/**
 * `analyze`: import a responses file with the same importer as the app, score it against the
 * personas of an export file with the same engine, and write the report (JSON, or a workbook
 * streamed to the file).
 */
import { writeFile } from 'node:fs/promises';
import { analyse } from '../common/analytics/analyse';
import { matchedMetrics } from '../common/analytics/daily';
import { summariseMetrics } from '../common/analytics/metrics';
import { TableBuilder, type Table } from '../common/analytics/table';
import { IdSet } from '../common/import/idSet';
import { importInto, type ChunkSink } from '../common/import/importer';
import type { ColumnMapping } from '../common/import/mapping';
import type { FileInput } from '../common/import/source';
import type { DateOrder } from '../common/import/values';
import { buildAnalyticsPdf } from '../common/export/analyticsPdf';
import { prepareAnalytics } from '../common/export/analyticsReport';
import { englishText, reportCatalogueText, type ExportText } from '../common/i18n/exportText';
import { nodePdfFonts } from './pdfFonts';
import { CliError, parseMapping, parsePersonaFile } from './personas';
import { buildReport, columnIds, writeReportWorkbook, type ReportRows } from './report';

/** Inputs of one analysis run. */
export interface AnalyzeInput {
  /** The file's bytes, or (the command line) a source that reads it in slices. */
  responses: { name: string; data: FileInput };
  personas: { name: string; text: string };
  map?: { name: string; text: string };
  out: string;
  timeZone?: string;
  /** Day-month order of dates like 05/03/2024; guessed from the file when not given. */
  dateOrder?: DateOrder;
  now: number;
  /** The language of the workbook's and the PDF's labels, numbers and dates (`--lang`); English by default. */
  text?: ExportText;
}

/**
 * Smaller slices and chunks than the app's. Each slice's parsed rows and each chunk live until they
 * are decoded into the table, long enough for V8 to move them to the old generation, where they pile
 * up as garbage between full collections; the peak memory of a million-row run follows their size.
 * The chunks here are never stored, so their size does not matter otherwise.
 */
const cliSlices = { sliceBytes: 256 << 10, maxRows: 1000 };

/** Runs an analysis, writes the report to `input.out` and returns a one-line summary and warnings to show. */
export async function runAnalyze(input: AnalyzeInput): Promise<{ summary: string; warnings: string[] }> {
  const file = parsePersonaFile(input.personas.text, input.personas.name);
  let mapping: ColumnMapping | undefined = file.mapping;
  if (input.map) {
    let json: unknown;
    try {
      json = JSON.parse(input.map.text);
    } catch {
      throw new CliError(`${input.map.name} is not JSON.`);
    }
    mapping = parseMapping(json, input.map.name);
  }
  const sink = tableSink('cli', new Set(file.personas.flatMap((p) => p.rules.map((r) => r.column))));
  const ids = new IdSet();
  const fileRows = rowNumbers();
  const imported = await importInto(input.responses.data, {
    fileName: input.responses.name, now: input.now, datasetId: 'cli', timeZone: input.timeZone ?? 'UTC', ...cliSlices, ids, onRow: fileRows.push,
    ...(mapping ? { mapping } : {}), ...(input.dateOrder ? { dateOrder: input.dateOrder } : {}),
  }, sink);
  if (!imported.ok) throw new CliError(imported.message);
  const outcome = imported.data;
  const table = sink.table();
  const idOf = sink.idKey() === 'respondentId' ? importedIds(ids, table.rowCount) : columnIds(table);
  const rows: ReportRows = { id: idOf, fileRow: fileRows.at };
  const analysis = analyse(table, file.personas.map((p) => ({ ...p, datasetIds: undefined })), { topN: 10 });
  const metrics = analysis.personas.map((p) => summariseMetrics(matchedMetrics(table, p)));
  const xlsx = /\.xlsx$/i.test(input.out), pdf = /\.pdf$/i.test(input.out);
  const text = input.text ?? englishText;
  const report = buildReport(table, analysis, outcome, metrics, input.now, !xlsx && !pdf, rows);
  try {
    if (xlsx) await writeReportWorkbook(input.out, report, table, analysis, rows, text);
    else if (pdf) await writeFile(input.out, analyticsPdf(withIds(table, idOf), file.personas, input, text));
    else await writeFile(input.out, `${JSON.stringify(report, null, 2)}\n`);
  } catch (e) {
    throw new CliError(`${input.out} cannot be written (${(e as { code?: string }).code ?? String(e)}).`);
  }
  const summary = `${table.rowCount} responses × ${analysis.personas.length} personas` +
    (outcome.rejectedCount > 0 ? `, ${outcome.rejectedCount} rejected rows` : '') +
    (outcome.unreadableCount > 0 ? `, ${outcome.unreadableCount} unreadable values left out (listed in the report)` : '') +
    (outcome.duplicates > 0 ? `, ${outcome.duplicates} duplicates skipped` : '') + ` → ${input.out}`;
  const warnings = [...outcome.warnings];
  for (const u of outcome.unreadable.slice(0, 5)) warnings.push(`row ${u.row}, ${u.column}: ${u.reason}; the response is kept without it.`);
  if (outcome.unreadableCount > 5) warnings.push(`${outcome.unreadableCount - 5} more unreadable values; see "unreadableValues" in a JSON report.`);
  return { summary, warnings };
}

/**
 * Each row's respondent id from the import's duplicate check, which holds them in row order as bytes
 * (a string per row in the table was the largest part of the heap at a million rows).
 */
function importedIds(ids: IdSet, rows: number): ReportRows['id'] {
  if (ids.size === 0) return () => null;
  if (ids.size !== rows) throw new Error(`the import kept ${ids.size} ids for ${rows} rows`);
  return (row) => ids.idAt(row);
}

/** Each imported row's number in the file, in a typed array (4 bytes a row). */
function rowNumbers(): { push(fileRow: number): void; at(row: number): number } {
  let numbers = new Uint32Array(1 << 16);
  let length = 0;
  return {
    push: (fileRow) => {
      if (length === numbers.length) {
        const more = new Uint32Array(numbers.length * 2);
        more.set(numbers);
        numbers = more;
      }
      numbers[length++] = fileRow;
    },
    at: (row) => {
      if (!(row >= 0 && row < length)) throw new RangeError(`No row ${row} (${length} imported).`);
      return numbers[row]!;
    },
  };
}

/** The table with its `respondentId` column back, for the PDF report, which reads it from the table. */
function withIds(table: Table, idOf: ReportRows['id']): Table {
  if (table.columns.has('respondentId')) return table;
  const columns = new Map(table.columns);
  columns.set('respondentId', { type: 'id', values: Array.from({ length: table.rowCount }, (_, row) => idOf(row)) });
  return { ...table, columns };
}

/** The app's analytics PDF report of the whole file (no date range), in `text`'s language. */
function analyticsPdf(table: Table, personas: ReturnType<typeof parsePersonaFile>['personas'], input: AnalyzeInput, text: ExportText): Uint8Array {
  const { report } = prepareAnalytics(table, {
    title: text.t('report.analytics.title'), datasets: [{ id: 'cli', name: input.responses.name }], range: { from: null, to: null },
    timeZone: input.timeZone ?? 'UTC', generatedAt: input.now, personas: personas.map((p) => ({ ...p, datasetIds: undefined })),
  }, text);
  // The report's own text and its language's labels choose the fallback fonts, as in the app.
  return buildAnalyticsPdf(report, { fonts: nodePdfFonts(JSON.stringify(report) + reportCatalogueText(text.locale)), text });
}

/**
 * A sink that decodes each chunk into the table's typed arrays as the import makes it, so neither the
 * file's text nor the chunk documents are ever all in memory: only what scoring reads. Free text no
 * rule reads (comments) is left out: the report never shows it, and at a million rows it is the
 * largest column. So is the respondent id the import checks for duplicates (`idKey`, the first id
 * column), unless a rule reads it: the import's id set holds it already.
 */
function tableSink(datasetId: string, ruleColumns: ReadonlySet<string>): ChunkSink & { table(): Table; idKey(): string | null } {
  let builder: TableBuilder | null = null;
  let idKey: string | null = null;
  return {
    begin: (columns) => {
      idKey = columns.find((c) => c.type === 'id')?.key ?? null;
      const kept = columns.filter((c) => ruleColumns.has(c.key) || (c.type !== 'text' && c.key !== idKey));
      builder = new TableBuilder([{ datasetId, columns: kept }], 1 << 16);
    },
    idKey: () => idKey,
    add: (chunk) => { builder?.add(chunk); },
    discard: () => { builder = null; },
    table: () => {
      if (!builder) throw new Error('the import made no table');
      return builder.finish();
    },
  };
}
