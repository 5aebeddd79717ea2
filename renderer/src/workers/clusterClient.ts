/**
 * A promise-shaped client for the clustering worker. Cancel terminates the worker, because a
 * k-prototypes pass over 100k rows is synchronous and a message would wait for it to end; the next
 * search starts a fresh worker.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { Result } from '../../../common/result';
import type { ClusterRequest, ClusterResponse, ClusterView, FindOutcome, FindRequest } from './clusterProtocol';

/** A request without its id (a distributive Omit over the union). */
type Ask = ClusterRequest extends infer R ? R extends { id: number } ? Omit<R, 'id'> : never : never;

export interface ClusterClient {
  find(datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[], request: FindRequest, onProgress: (fraction: number) => void): { result: Promise<Result<FindOutcome>>; cancel(): void };
  view(k: number): Promise<Result<ClusterView>>;
  dispose(): void;
}

const cancelled: Result<never> = { ok: false, code: 'cancelled', message: 'Stopped. Nothing was saved.' };

export function createClusterClient(): ClusterClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { answer: (r: ClusterResponse) => void; fail: (r: Result<never>) => void; progress?: (f: number) => void }>();
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./clusterWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ClusterResponse>) => {
      const msg = event.data;
      const entry = waiting.get(msg.id);
      if (!entry) return;
      if (msg.type === 'progress') entry.progress?.(msg.fraction);
      else { waiting.delete(msg.id); entry.answer(msg); }
    };
    w.onerror = (event) => {
      event.preventDefault();
      stop({ ok: false, code: 'internal', message: `The clustering worker stopped: ${event.message || 'unknown error'}.` });
    };
    worker = w;
    return w;
  };
  const stop = (answer: Result<never>) => {
    worker?.terminate();
    worker = null;
    for (const entry of waiting.values()) entry.fail(answer);
    waiting.clear();
  };
  function ask<T>(request: Ask, pick: (r: ClusterResponse) => Result<T> | null, progress?: (f: number) => void): Promise<Result<T>> {
    const id = nextId++;
    return new Promise<Result<T>>((resolve) => {
      waiting.set(id, {
        answer: (r) => resolve(pick(r) ?? { ok: false, code: 'internal', message: 'The clustering worker gave an unexpected answer.' }),
        fail: resolve,
        ...(progress ? { progress } : {}),
      });
      start().postMessage({ ...request, id } as ClusterRequest);
    });
  }
  return {
    find(datasets, request, onProgress) {
      const result = ask<FindOutcome>({ type: 'find', datasets, request }, (r) => (r.type === 'find' ? r.result : null), onProgress);
      return { result, cancel: () => stop(cancelled) };
    },
    view: (k) => ask<ClusterView>({ type: 'view', k }, (r) => (r.type === 'view' ? r.result : null)),
    dispose: () => stop(cancelled),
  };
}
