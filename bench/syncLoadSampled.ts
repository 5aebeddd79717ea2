import type { Worker } from 'node:worker_threads';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { FleetOptions, FleetResult } from './syncLoadFleet';
import { startFleet } from './syncLoadFleet';
import { benchWorker } from './syncLoadThread';

/**
 * The sampled laptops of the sync-load bench on a worker thread of their own. They time every
 * document they receive (notify); on the thread running the other hundreds of laptops, that time
 * included the thread's event-loop delay (sync10: p99 76 ms at doorbell 500), which belongs to the
 * load generator, not to the server. Messages: the worker says `ready` once its laptops wait,
 * is told `stop`, and answers with what it measured.
 */

/** The sampled laptops, started on a worker: resolves once they wait; `stop` resolves with their figures. */
export async function startSampledFleet(options: FleetOptions): Promise<{ stop(): Promise<FleetResult> }> {
  const worker: Worker = benchWorker(import.meta.url, options);
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`sync-load sampled laptops exited (${code}) without a result`)));
  });
  failed.catch(() => undefined);
  const next = (): Promise<unknown> => Promise.race([new Promise((resolve) => worker.once('message', resolve)), failed]);
  const ready = await next();
  if (ready !== 'ready') throw new Error(`sync-load sampled laptops: unexpected message ${JSON.stringify(ready)}`);
  return {
    async stop() {
      const result = next();
      worker.postMessage('stop');
      const measured = (await result) as FleetResult;
      await worker.terminate();
      return measured;
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  // A failure to start is an unhandled rejection: the worker ends with it and `failed` above reports it.
  void startFleet(workerData as FleetOptions).then((fleet) => {
    port.once('message', () => void fleet.stop().then((result) => port.postMessage(result)));
    port.postMessage('ready');
  });
}
