import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Target } from './syncLoadHttp';
import { clientOf, http } from './syncLoadHttp';
import { benchWorker } from './syncLoadThread';

/**
 * The sync-load bench's writer, on a worker thread: at `rate` documents a second it pushes one
 * document with `_bulk_docs` from a laptop (spread over all of them) and, in `doorbell` mode, then
 * updates that laptop's ring for the collection, one ring at a time per laptop as the app does.
 * Open loop: a slow server does not slow the offered load. On its own thread so a write's latency
 * is the server's and the network's, not the delay of the thread running 500 simulated laptops.
 */

export interface WriterOptions {
  target: Target;
  mode: 'longpoll' | 'doorbell';
  laptops: number;
  rate: number;
  seconds: number;
  collections: string[];
}

/** What the writer measured. */
export interface WriterResult {
  offered: number;
  writesDone: number;
  writeMs: number[];
  errors: number;
  firstError?: string;
  requests: Record<string, number>;
}

/** Runs the writer on a worker thread and resolves with what it measured. */
export function runWriter(options: WriterOptions): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const worker = benchWorker(import.meta.url, options);
    worker.once('message', (result: WriterResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`sync-load writer exited (${code}) without a result`)));
  });
}

async function write(options: WriterOptions): Promise<WriterResult> {
  const { target, mode, laptops, rate, seconds, collections } = options;
  const result: WriterResult = { offered: 0, writesDone: 0, writeMs: [], errors: 0, requests: { write: 0, ring: 0 } };
  const fail = (error: unknown): void => {
    result.errors++;
    result.firstError ??= error instanceof Error ? error.message : String(error).slice(0, 200);
  };
  const client = clientOf(target);
  const call = (method: string, path: string, body?: unknown) => http(client, method, path, body);
  const ringRevs = new Map<string, string>();
  // A laptop rings one document at a time (the app's doorbell does too): rings queue per laptop.
  const ringQueue = new Map<number, Promise<void>>();
  const one = async (laptop: number, n: number): Promise<void> => {
    const collection = collections[n % collections.length]!;
    const sentAt = Date.now();
    const doc = { _id: `l${laptop}-${n}`, writer: laptop, sentAt, title: `persona ${n}`, body: 'x'.repeat(600) };
    result.requests.write!++;
    const res = await call('POST', `/${target.dbs[collection]}/_bulk_docs`, { docs: [doc] });
    if (res.status !== 201) throw new Error(`write ${res.status}`);
    result.writeMs.push(Date.now() - sentAt);
    result.writesDone++;
    if (mode !== 'doorbell') return;
    const ring = `${collection}~l${laptop}`;
    const previous = ringQueue.get(laptop) ?? Promise.resolve();
    const mine = previous.then(async () => {
      const rev = ringRevs.get(ring);
      result.requests.ring!++;
      const rang = await call('PUT', `/${target.doorbell}/${encodeURIComponent(ring)}`, { ...(rev ? { _rev: rev } : {}), at: sentAt });
      if (rang.status !== 201) throw new Error(`ring ${rang.status}`);
      ringRevs.set(ring, (rang.json as { rev: string }).rev);
    });
    ringQueue.set(laptop, mine.catch(() => undefined));
    await mine;
  };
  // Let every live connection settle into its wait before writing.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const stopAt = started + seconds * 1000;
  for (let n = 0; performance.now() < stopAt; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    result.offered++;
    pending.push(one((n * 7919) % laptops, n).catch(fail));
  }
  await Promise.all(pending);
  client.destroy();
  return result;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void write(workerData as WriterOptions).then((result) => port.postMessage(result));
}
