import { Worker } from 'node:worker_threads';

/**
 * A worker thread running one of the sync-load bench's modules (the writer, the sampled laptops),
 * so that what it times is not the delay of the thread running the other simulated laptops.
 * Workers do not inherit the main thread's tsx loader: the worker registers it, then loads the module.
 */
export function benchWorker(moduleUrl: string, data: unknown): Worker {
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}
