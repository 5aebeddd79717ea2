/**
 * Parses and encodes survey files off the UI thread: papaparse, exceljs and the chunk encoder run
 * here so a million-row import never freezes the window. Pure common/import code does the work;
 * this file only routes messages and owns the abort controllers.
 */
import { importDataset, previewImport } from '../../../common/import/importer';
import { err } from '../../../common/result';
import type { ImportRequest, ImportResponse } from './importProtocol';

// The renderer's tsconfig types `self` as a Window; a worker only needs these two members.
const scope = self as unknown as {
  postMessage(message: ImportResponse): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

const running = new Map<number, AbortController>();
// A cancel can overtake its import (both are queued messages): remember it for when the import arrives.
const cancelledEarly = new Set<number>();

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    const controller = running.get(request.id);
    if (controller) controller.abort();
    else cancelledEarly.add(request.id);
    return;
  }
  if (request.type === 'preview') {
    void previewImport(request.bytes, request.fileName, request.timeZone)
      .catch((e: unknown) => err('internal', `The file could not be read: ${e instanceof Error ? e.message : String(e)}`))
      .then((result) => scope.postMessage({ type: 'preview', id: request.id, result }));
    return;
  }
  const controller = new AbortController();
  if (cancelledEarly.delete(request.id)) controller.abort();
  running.set(request.id, controller);
  const { append, ...options } = request.options;
  void importDataset(request.bytes, {
    ...options,
    ...(append ? { append } : {}),
    signal: controller.signal,
    onProgress: (progress) => scope.postMessage({ type: 'progress', id: request.id, progress }),
  })
    .catch((e: unknown) => err('internal', `The import failed: ${e instanceof Error ? e.message : String(e)}`))
    .then((result) => {
      running.delete(request.id);
      scope.postMessage({ type: 'import', id: request.id, result });
    });
};
