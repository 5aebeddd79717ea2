/**
 * A promise-shaped client for the experiment worker, one per open experiment screen. Answers are
 * paired by id, so a slow answer for an older request never shows as the newer one's.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { Experiment } from '../../../common/experiments/model';
import type { Result } from '../../../common/result';
import type { ExperimentFigures, ExperimentRequest, ExperimentResponse, LogSummary } from './experimentProtocol';

type Ask = ExperimentRequest extends infer R ? R extends { id: number } ? Omit<R, 'id'> : never : never;

export interface ExperimentClient {
  load(key: string, header: DatasetHeaderDoc, chunks: DatasetChunkDoc[]): Promise<Result<LogSummary>>;
  analyse(key: string, experiment: Experiment, now: number): Promise<Result<ExperimentFigures>>;
  dispose(): void;
}

export function createExperimentClient(): ExperimentClient {
  const worker = new Worker(new URL('./experimentWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const waiting = new Map<number, (r: ExperimentResponse | Result<never>) => void>();
  const failAll = (text: string) => {
    for (const resolve of waiting.values()) resolve({ ok: false, code: 'internal', message: text });
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<ExperimentResponse>) => {
    const resolve = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    resolve?.(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(`The experiment worker stopped: ${event.message || 'unknown error'}.`);
  };
  function ask<T>(request: Ask, transfer: Transferable[] = []): Promise<Result<T>> {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, (r) => resolve(('type' in r ? r.result : r) as Result<T>));
      worker.postMessage({ ...request, id } as ExperimentRequest, transfer);
    });
  }
  return {
    load: (key, header, chunks) => ask<LogSummary>({ type: 'load', key, header, chunks }),
    analyse: (key, experiment, now) => ask<ExperimentFigures>({ type: 'analyse', key, experiment, now }),
    dispose() {
      failAll('The experiment screen was closed.');
      worker.terminate();
    },
  };
}
