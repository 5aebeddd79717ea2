/**
 * A promise-shaped client for the import worker. One worker per screen; it is terminated with the
 * screen (see `useImportFlow`), which also cancels anything still running.
 */
import type { DatasetChunkDoc } from '../../../common/analytics/format';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../../common/import/importer';
import type { Result } from '../../../common/result';
import type { ImportRequest, ImportResponse, WorkerImportOptions } from './importProtocol';

/** A running import: its result and a way to cancel it. */
export interface RunningImport { result: Promise<Result<ImportSummary>>; cancel(): void }

/** Saves one chunk as the worker hands it over; resolves false when it could not (the import then stops). */
export type SaveChunk = (chunk: DatasetChunkDoc) => Promise<boolean>;

/** Talks to one import worker. */
export interface ImportClient {
  preview(file: Blob, fileName: string, timeZone: string): Promise<Result<ImportPreview>>;
  run(file: Blob, options: WorkerImportOptions, onProgress: (p: ImportProgress) => void, saveChunk: SaveChunk): RunningImport;
  dispose(): void;
}

interface Waiting {
  resolve: (r: ImportResponse) => void;
  progress?: (p: ImportProgress) => void;
  saveChunk?: SaveChunk;
}

/** Starts an import worker (Vite bundles the module worker; the CSP allows worker-src 'self'). */
export function createImportClient(): ImportClient {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const send = (request: ImportRequest) => worker.postMessage(request);
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    const msg = event.data;
    const entry = waiting.get(msg.id);
    if (!entry) return;
    if (msg.type === 'progress') entry.progress?.(msg.progress);
    else if (msg.type === 'chunk') {
      const save = entry.saveChunk ?? (async () => false);
      void save(msg.chunk).catch(() => false).then((ok) => send({ type: 'chunkSaved', id: msg.id, seq: msg.seq, ok }));
    } else {
      waiting.delete(msg.id);
      entry.resolve(msg);
    }
  };
  return {
    preview(file, fileName, timeZone) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { resolve: (r) => resolve(r.type === 'preview' ? r.result : failed()) });
        send({ type: 'preview', id, file, fileName, timeZone });
      });
    },
    run(file, options, onProgress, saveChunk) {
      const id = nextId++;
      const result = new Promise<Result<ImportSummary>>((resolve) => {
        waiting.set(id, { resolve: (r) => resolve(r.type === 'import' ? r.result : failed()), progress: onProgress, saveChunk });
        send({ type: 'import', id, file, options });
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
