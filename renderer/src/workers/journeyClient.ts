/**
 * A promise-shaped client for the journey analytics worker; one per screen, terminated with it.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { AnalyseOptions, CustomerFilter, EventImportOutcome, JourneyComparison, JourneyFigures, PersonaReport, PersonaReportInput, StageSpec } from '../../../common/journeyAnalytics';
import type { Result } from '../../../common/result';
import type { JourneyRequest, JourneyResponse, LoadedLog, WorkerEventImportOptions } from './journeyProtocol';

/** A request without its id (a distributive Omit over the union). */
type Ask = JourneyRequest extends infer R ? R extends { id: number } ? Omit<R, 'id'> : never : never;

/** Talks to one journey worker. */
export interface JourneyClient {
  importEvents(bytes: Uint8Array, options: WorkerEventImportOptions, onProgress: (fraction: number) => void): { result: Promise<Result<EventImportOutcome>>; cancel(): void };
  load(key: string, datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[]): Promise<Result<LoadedLog>>;
  analyse(key: string, stages: StageSpec[], options: AnalyseOptions): Promise<Result<JourneyFigures>>;
  compare(key: string, stages: StageSpec[], a: CustomerFilter, b: CustomerFilter, options: AnalyseOptions): Promise<Result<JourneyComparison>>;
  loadSurvey(key: string, datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[]): Promise<Result<{ key: string; rows: number }>>;
  personas(key: string, surveyKey: string, input: PersonaReportInput): Promise<Result<PersonaReport>>;
  dispose(): void;
}

/** Starts a journey worker. */
export function createJourneyClient(): JourneyClient {
  const worker = new Worker(new URL('./journeyWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: JourneyResponse) => void; progress?: (f: number) => void }>();
  worker.onmessage = (event: MessageEvent<JourneyResponse>) => {
    const msg = event.data;
    const entry = waiting.get(msg.id);
    if (!entry) return;
    if (msg.type === 'progress') entry.progress?.(msg.fraction);
    else { waiting.delete(msg.id); entry.resolve(msg); }
  };
  function ask<T>(request: Ask, pick: (r: JourneyResponse) => Result<T> | null, progress?: (f: number) => void, transfer: Transferable[] = []) {
    const id = nextId++;
    const result = new Promise<Result<T>>((resolve) => {
      waiting.set(id, { resolve: (r) => resolve(pick(r) ?? failed()), ...(progress ? { progress } : {}) });
      worker.postMessage({ ...request, id }, transfer);
    });
    return { id, result };
  }
  return {
    importEvents(bytes, options, onProgress) {
      const buffer = bytes.slice().buffer;
      const { id, result } = ask<EventImportOutcome>({ type: 'import', bytes: buffer, options }, (r) => (r.type === 'import' ? r.result : null), onProgress, [buffer]);
      return { result, cancel: () => worker.postMessage({ type: 'cancel', id } satisfies JourneyRequest) };
    },
    load: (key, datasets) => ask<LoadedLog>({ type: 'load', key, datasets }, (r) => (r.type === 'load' ? r.result : null)).result,
    analyse: (key, stages, options) => ask<JourneyFigures>({ type: 'analyse', key, stages, options }, (r) => (r.type === 'analyse' ? r.result : null)).result,
    compare: (key, stages, a, b, options) => ask<JourneyComparison>({ type: 'compare', key, stages, a, b, options }, (r) => (r.type === 'compare' ? r.result : null)).result,
    loadSurvey: (key, datasets) => ask<{ key: string; rows: number }>({ type: 'loadSurvey', key, datasets }, (r) => (r.type === 'loadSurvey' ? r.result : null)).result,
    personas: (key, surveyKey, input) => ask<PersonaReport>({ type: 'personas', key, surveyKey, input }, (r) => (r.type === 'personas' ? r.result : null)).result,
    dispose() {
      worker.terminate();
      for (const entry of waiting.values()) entry.resolve({ type: 'analyse', id: 0, result: failed('cancelled') });
      waiting.clear();
    },
  };
}

function failed(code: 'internal' | 'cancelled' = 'internal'): Result<never> {
  return { ok: false, code, message: code === 'cancelled' ? 'Cancelled; nothing was saved.' : 'The journey worker gave an unexpected answer.' };
}
