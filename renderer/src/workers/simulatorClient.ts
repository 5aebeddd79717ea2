/**
 * Starts a simulator worker for one simulation; cancelling terminates it at once.
 */
import type { SimulationReport } from '../../../common/flowEngine';
import type { Result } from '../../../common/result';
import type { SimRequest, SimResponse } from './simulatorProtocol';

/** A running simulation. */
export interface SimulationRun {
  result: Promise<Result<SimulationReport>>;
  cancel(): void;
}

/** Runs one simulation in a fresh worker. */
export function runSimulation(request: SimRequest, onProgress: (fraction: number) => void): SimulationRun {
  const worker = new Worker(new URL('./simulatorWorker.ts', import.meta.url), { type: 'module' });
  let settle: (r: Result<SimulationReport>) => void = () => undefined;
  const result = new Promise<Result<SimulationReport>>((resolve) => { settle = resolve; });
  worker.onmessage = (event: MessageEvent<SimResponse>) => {
    const msg = event.data;
    if (msg.type === 'progress') onProgress(msg.fraction);
    else { settle(msg.result); worker.terminate(); }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle({ ok: false, code: 'internal', message: `The simulator worker failed: ${event.message || 'unknown error'}` });
    worker.terminate();
  };
  worker.postMessage({ ...request, type: 'run' } satisfies SimRequest);
  return {
    result,
    cancel() {
      worker.terminate();
      settle({ ok: false, code: 'cancelled', message: 'Simulation cancelled.' });
    },
  };
}
