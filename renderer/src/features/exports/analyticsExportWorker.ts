/// <reference lib="webworker" />
import { decodeDatasets } from '../../../../common/analytics/table';
import { buildAnalyticsPdf } from '../../../../common/export/analyticsPdf';
import { exportText, reportCatalogueText } from '../../../../common/i18n/exportText';
import { prepareAnalytics, type PreparedAnalytics } from '../../../../common/export/analyticsReport';
import { analyticsWorkbookOps, buildAnalyticsXlsx, type WorkbookOp } from '../../../../common/export/analyticsXlsx';
import { journeySection } from '../../../../common/export/journeySection';
import { decodeEvents } from '../../../../common/journeyAnalytics/eventStore';
import type { AnalyticsExportMessage, AnalyticsExportRequest } from './analyticsExportProtocol';
import { loadPdfFonts } from './fonts';

// Web mode writes the workbook here, streamed into a zip (ExcelJS's streaming writer needs Node's fs
// and streams, which a browser does not have). In Electron this worker only produces rows, a chunk
// per pull, and main streams them to disk, so neither side ever holds the whole workbook.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalyticsExportMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
let ops: Generator<WorkbookOp, void, undefined> | null = null;

function prepare(request: Extract<AnalyticsExportRequest, { type: 'start' }>): PreparedAnalytics {
  post({ type: 'progress', step: 'reading', fraction: 0 });
  const table = decodeDatasets(request.datasets);
  post({ type: 'progress', step: 'scoring', fraction: 0 });
  const prepared = prepareAnalytics(table, request.input, exportText(request.locale));
  if (request.journeys && request.journeys.length > 0) {
    post({ type: 'progress', step: 'events', fraction: 0 });
    prepared.report.journeys = request.journeys.map(({ source, events }) => {
      const survey = source.survey ? request.datasets.find((d) => d.header.datasetId === source.survey!.datasetId) : undefined;
      return journeySection(source, decodeEvents([events]), survey ? decodeDatasets([survey]) : null, request.input.personas);
    });
  }
  return prepared;
}

async function start(request: Extract<AnalyticsExportRequest, { type: 'start' }>): Promise<void> {
  const prepared = prepare(request);
  const text = exportText(request.locale);
  const total = Math.max(1, prepared.rows.length);
  if (request.kind === 'stream') {
    ops = analyticsWorkbookOps(prepared, undefined, text);
    post({ type: 'ready', rows: prepared.rows.length });
    return;
  }
  const bytes = request.kind === 'pdf'
    // The report's own text and its language's labels pick the fallback fonts (a persona named in
    // Japanese, or Hindi labels, print rather than blanks).
    ? buildAnalyticsPdf(prepared.report, { fonts: await loadPdfFonts(JSON.stringify(prepared.report) + reportCatalogueText(text.locale)), text })
    : await buildAnalyticsXlsx(prepared, { text, onProgress: (done) => post({ type: 'progress', step: 'writing', fraction: Math.min(1, done / total) }) });
  post({ type: 'bytes', bytes }, [bytes.buffer]);
}

scope.onmessage = (event: MessageEvent<AnalyticsExportRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'start') {
      void start(request).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    if (!ops) throw new Error('The export has not started.');
    const next = ops.next();
    post({ type: 'op', op: next.done ? null : next.value });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
