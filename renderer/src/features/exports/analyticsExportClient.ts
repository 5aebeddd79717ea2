/**
 * Runs one analytics export in its own worker. `bytes()` for a PDF or an in-memory workbook;
 * `ready()` then `pull()` for a workbook main streams to disk. `cancel()` terminates the worker,
 * which stops any build at once.
 */
import type { WorkbookOp } from '../../../../common/export/analyticsXlsx';
import type { AnalyticsExportKind, AnalyticsExportMessage, AnalyticsExportRequest, AnalyticsExportStep } from './analyticsExportProtocol';

/** A running export worker. */
export interface AnalyticsExportRun {
  /** Resolves with the file (PDF, or workbook in web mode). */
  bytes(): Promise<Uint8Array>;
  /** Stream mode: resolves with the response row count once the data is scored. */
  ready(): Promise<number>;
  /** Stream mode: the next operation, null at the end. */
  pull(): Promise<WorkbookOp | null>;
  cancel(): void;
}

/** Starts an export worker; `onProgress` receives what it is doing and how far (0–1). */
export function startAnalyticsExport(
  kind: AnalyticsExportKind, body: Omit<Extract<AnalyticsExportRequest, { type: 'start' }>, 'type' | 'kind'>,
  onProgress: (step: AnalyticsExportStep, fraction: number) => void,
): AnalyticsExportRun {
  const worker = new Worker(new URL('./analyticsExportWorker.ts', import.meta.url), { type: 'module' });
  // One answer is awaited at a time: the first `bytes`/`ready`, then each `op` after a pull.
  let waiting: { resolve: (m: AnalyticsExportMessage) => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  const early: AnalyticsExportMessage[] = [];
  const fail = (e: Error) => {
    failure ??= e;
    waiting?.reject(e);
    waiting = null;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<AnalyticsExportMessage>) => {
    const msg = event.data;
    if (msg.type === 'progress') return onProgress(msg.step, msg.fraction);
    if (msg.type === 'error') return fail(new Error(msg.message));
    if (waiting) {
      const w = waiting;
      waiting = null;
      w.resolve(msg);
    } else early.push(msg);
  };
  worker.onerror = (event) => fail(new Error(event.message || 'The export stopped unexpectedly.'));
  worker.postMessage({ type: 'start', kind, ...body } satisfies AnalyticsExportRequest);
  const next = (): Promise<AnalyticsExportMessage> => {
    if (failure) return Promise.reject(failure);
    const queued = early.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
  };
  const expect = async <T extends AnalyticsExportMessage['type']>(type: T): Promise<Extract<AnalyticsExportMessage, { type: T }>> => {
    const msg = await next();
    if (msg.type !== type) throw new Error(`The export worker answered ${msg.type} instead of ${type}.`);
    return msg as Extract<AnalyticsExportMessage, { type: T }>;
  };
  return {
    bytes: async () => {
      const msg = await expect('bytes');
      worker.terminate();
      return msg.bytes;
    },
    ready: async () => (await expect('ready')).rows,
    pull: async () => {
      worker.postMessage({ type: 'pull' } satisfies AnalyticsExportRequest);
      const { op } = await expect('op');
      if (!op) worker.terminate();
      return op;
    },
    cancel: () => fail(new Error('Export cancelled.')),
  };
}
