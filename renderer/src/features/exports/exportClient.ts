import type { ExportJob, ExportResponse } from './jobs';

/** A running export: its bytes, and a way to stop it. */
export interface RunningExport {
  result: Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; cancelled?: boolean }>;
  cancel(): void;
}

/**
 * Runs one export in its own worker and ends the worker after: exports are occasional, and a fresh
 * worker per export makes cancel simply `terminate()` with nothing left half-done.
 */
export function startExport(job: ExportJob): RunningExport {
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  let settle: (r: Awaited<RunningExport['result']>) => void = () => undefined;
  const result = new Promise<Awaited<RunningExport['result']>>((resolve) => { settle = resolve; });
  worker.onmessage = (event: MessageEvent<ExportResponse>) => {
    const msg = event.data;
    settle(msg.ok ? { ok: true, bytes: msg.bytes } : { ok: false, message: msg.message });
    worker.terminate();
  };
  worker.onerror = (event) => {
    settle({ ok: false, message: `The export stopped unexpectedly (${event.message || 'worker error'}).` });
    worker.terminate();
  };
  worker.postMessage({ id: 1, job });
  return {
    result,
    cancel() {
      worker.terminate();
      settle({ ok: false, message: 'Export cancelled.', cancelled: true });
    },
  };
}
