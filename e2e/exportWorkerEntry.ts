// Test-only worker entry for e2e/exports.spec.ts: the app's export jobs with fonts handed in by the
// test (the app's worker fetches them through a Vite asset URL instead).
import { runExportJob, type ExportJob } from '../renderer/src/features/exports/jobs';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };
scope.onmessage = async (event: MessageEvent<{ job: ExportJob; regular: Uint8Array; bold: Uint8Array }>) => {
  const { job, regular, bold } = event.data;
  const t0 = performance.now();
  try {
    const bytes = await runExportJob(job, async () => ({ regular, bold }));
    scope.postMessage({ ok: true, bytes, ms: performance.now() - t0 });
  } catch (e) {
    scope.postMessage({ ok: false, message: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  }
};
