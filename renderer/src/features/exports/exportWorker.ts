/// <reference lib="webworker" />
import { uncoveredCharacters } from '../../../../common/export/fonts';
import { exportText } from '../../../../common/i18n/exportText';
import { loadPdfFonts } from './fonts';
import { jobText, runExportJob, type ExportRequest, type ExportResponse } from './jobs';

// Building a PDF subsets a 750 KB font and draws every section; in a worker the window keeps
// painting and the user can cancel by terminating the worker.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, job, locale } = event.data;
  const text = exportText(locale);
  try {
    const bytes = await runExportJob(job, loadPdfFonts, text);
    // Fonts are loaded (and cached) by then; only PDFs print text in a font.
    const pdf = job.kind.endsWith('Pdf') || job.kind === 'journeyTiles';
    const missing = pdf ? uncoveredCharacters(jobText(job, text), await loadPdfFonts(jobText(job, text))) : [];
    const reply: ExportResponse = { id, ok: true, bytes, ...(missing.length > 0 ? { missing } : {}) };
    scope.postMessage(reply, [bytes.buffer]);
  } catch (e) {
    const reply: ExportResponse = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    scope.postMessage(reply);
  }
};
