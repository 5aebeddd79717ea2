/**
 * A promise-shaped client for the import worker. One worker per screen; it is terminated with the
 * screen (see `useImportWorker`), which also cancels anything still running.
 */
import type { ImportOutcome, ImportPreview, ImportProgress } from '../../../common/import/importer';
import type { Result } from '../../../common/result';
import type { ImportRequest, ImportResponse, WorkerImportOptions } from './importProtocol';

/** A running import: its result and a way to cancel it. */
export interface RunningImport { result: Promise<Result<ImportOutcome>>; cancel(): void }

/** Talks to one import worker. */
export interface ImportClient {
  preview(bytes: Uint8Array, fileName: string, timeZone: string): Promise<Result<ImportPreview>>;
  run(bytes: Uint8Array, options: WorkerImportOptions, onProgress: (p: ImportProgress) => void): RunningImport;
  dispose(): void;
}

/** Starts an import worker (Vite bundles the module worker; the CSP allows worker-src 'self'). */
export function createImportClient(): ImportClient {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: ImportResponse) => void; progress?: (p: ImportProgress) => void }>();
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    const msg = event.data;
    const entry = waiting.get(msg.id);
    if (!entry) return;
    if (msg.type === 'progress') entry.progress?.(msg.progress);
    else {
      waiting.delete(msg.id);
      entry.resolve(msg);
    }
  };
  const send = (request: ImportRequest) => worker.postMessage(request);
  // A copy, not a transfer: the screen keeps the bytes for the import after the preview.
  const copy = (bytes: Uint8Array) => bytes.slice().buffer;
  return {
    preview(bytes, fileName, timeZone) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { resolve: (r) => resolve(r.type === 'preview' ? r.result : failed()) });
        send({ type: 'preview', id, bytes: copy(bytes), fileName, timeZone });
      });
    },
    run(bytes, options, onProgress) {
      const id = nextId++;
      const result = new Promise<Result<ImportOutcome>>((resolve) => {
        waiting.set(id, { resolve: (r) => resolve(r.type === 'import' ? r.result : failed()), progress: onProgress });
        send({ type: 'import', id, bytes: copy(bytes), options });
      });
      return { result, cancel: () => send({ type: 'cancel', id }) };
    },
    dispose() {
      worker.terminate();
      for (const entry of waiting.values()) entry.resolve({ type: 'import', id: 0, result: failed('cancelled') });
      waiting.clear();
    },
  };
}

function failed(code: 'internal' | 'cancelled' = 'internal'): Result<never> {
  return { ok: false, code, message: code === 'cancelled' ? 'Import cancelled; nothing was saved.' : 'The import worker gave an unexpected answer.' };
}
