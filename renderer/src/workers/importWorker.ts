/**
 * Parses and encodes survey files off the UI thread: papaparse, exceljs and the chunk encoder run
 * here so a million-row import never freezes the window. Pure common/import code does the work;
 * this file only routes messages, reads the picked File in slices and owns the abort controllers.
 */
import type { DatasetChunkDoc } from '../../../common/analytics/format';
import { blobSource } from '../../../common/import/bytes';
import { importInto, previewImport, type ChunkSink } from '../../../common/import/importer';
import { err } from '../../../common/result';
import type { ImportRequest, ImportResponse } from './importProtocol';

// The renderer's tsconfig types `self` as a Window; a worker only needs these two members.
const scope = self as unknown as {
  postMessage(message: ImportResponse): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

/**
 * Chunks handed to the screen and not yet saved. Two keep the screen's writer busy while the next
 * one is parsed; more would only pile chunks up in memory when writing is the slower side.
 */
const maxUnsaved = 2;

/** A running import: its abort controller and the chunks the screen still has to save. */
interface Running { controller: AbortController; saved(ok: boolean): void; wake(): void }

const running = new Map<number, Running>();
// A cancel can overtake its import (both are queued messages): remember it for when the import arrives.
const cancelledEarly = new Set<number>();

/** A sink that posts each chunk to the screen and waits while `maxUnsaved` are unanswered. */
function screenSink(id: number, controller: AbortController): { sink: ChunkSink } & Omit<Running, 'controller'> {
  let seq = 0;
  let unsaved = 0;
  let waiting: (() => void) | null = null;
  const wake = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };
  return {
    wake,
    sink: {
      async add(chunk: DatasetChunkDoc) {
        while (unsaved >= maxUnsaved && !controller.signal.aborted) await new Promise<void>((resolve) => { waiting = resolve; });
        if (controller.signal.aborted) return;
        unsaved += 1;
        scope.postMessage({ type: 'chunk', id, seq: seq++, chunk });
      },
      // The screen removes what it saved: it alone knows what reached the database.
      discard() {},
    },
    saved(ok) {
      unsaved -= 1;
      // A chunk the screen could not save ends the import; the screen reports its own error.
      if (!ok) controller.abort();
      wake();
    },
  };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    const job = running.get(request.id);
    if (job) {
      job.controller.abort();
      job.wake();
    } else cancelledEarly.add(request.id);
    return;
  }
  if (request.type === 'chunkSaved') {
    running.get(request.id)?.saved(request.ok);
    return;
  }
  if (request.type === 'preview') {
    void previewImport(blobSource(request.file), request.fileName, request.timeZone)
      .catch((e: unknown) => err('internal', `The file could not be read: ${e instanceof Error ? e.message : String(e)}`))
      .then((result) => scope.postMessage({ type: 'preview', id: request.id, result }));
    return;
  }
  const controller = new AbortController();
  if (cancelledEarly.delete(request.id)) controller.abort();
  const { sink, saved, wake } = screenSink(request.id, controller);
  running.set(request.id, { controller, saved, wake });
  const { append, ...options } = request.options;
  void importInto(blobSource(request.file), {
    ...options,
    ...(append ? { append } : {}),
    signal: controller.signal,
    onProgress: (progress) => scope.postMessage({ type: 'progress', id: request.id, progress }),
  }, sink)
    .catch((e: unknown) => err('internal', `The import failed: ${e instanceof Error ? e.message : String(e)}`))
    .then((result) => {
      running.delete(request.id);
      scope.postMessage({ type: 'import', id: request.id, result });
    });
};
