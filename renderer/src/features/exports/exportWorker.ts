/// <reference lib="webworker" />
import { loadPdfFonts } from './fonts';
import { runExportJob, type ExportRequest, type ExportResponse } from './jobs';

// Building a PDF subsets a 750 KB font and draws every section; in a worker the window keeps
// painting and the user can cancel by terminating the worker.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, job } = event.data;
  try {
    const bytes = await runExportJob(job, loadPdfFonts);
    const reply: ExportResponse = { id, ok: true, bytes };
    scope.postMessage(reply, [bytes.buffer]);
  } catch (e) {
    const reply: ExportResponse = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    scope.postMessage(reply);
  }
};
