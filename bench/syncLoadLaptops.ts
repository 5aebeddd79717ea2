import type { Mode, Pulls, Target } from './syncLoadFleet';
import { startFleet } from './syncLoadFleet';
import { startSampledFleet } from './syncLoadSampled';
import { runWriter } from './syncLoadWriter';

/**
 * Simulated laptops for `bench/syncLoad.bench.ts`: the wire pattern of the app's sync layer, not
 * the app itself (500 RxDB instances do not fit one process). Each laptop holds its live
 * connection(s) open and pulls what it is told about (syncLoadFleet.ts); a shared scheduler writes
 * at a fixed rate from random laptops (open loop: a slow server does not slow the offered load).
 *
 * - `longpoll`: one `_changes?feed=longpoll&include_docs=true` per collection per laptop, as RxDB's
 *   live replication does when each collection keeps its own stream.
 * - `doorbell`: one longpoll per laptop on the tenant's doorbell database; a writer pushes with
 *   `_bulk_docs` then updates its `<collection>~<laptop>` ring document, and every other laptop
 *   pulls only the collections whose rings it saw (renderer/src/sync/doorbell.ts), skipping those
 *   whose ring position (`cx_seq`, our server only) its last pull already reached, then polls the
 *   doorbell again, as the app does. On our server the doorbell answer carries the pages those
 *   pulls would fetch (`carried`, the default); `SYNC_LOAD_PULLS=after` pulls them itself, and
 *   `beside` polls again at once and pulls beside it, as the app did before (syncLoadFleet.ts).
 *
 * Three threads, so that each figure is timed where nothing else delays it: the writer
 * (syncLoadWriter.ts, write latency), the first {@link sampledLaptops} laptops (syncLoadSampled.ts,
 * notify: the time from a write being sent to a laptop holding the document), and this one with
 * every other laptop, which only makes the load.
 */

export type { Mode, Pulls, Target } from './syncLoadFleet';

/** What one run measured. */
export interface LoadResult {
  offered: number;
  writesDone: number;
  writeMs: number[];
  notifyMs: number[];
  errors: number;
  firstError?: string;
  /** Requests sent, by kind (write, ring, longpoll, pull), set-up reads excluded. */
  requests: Record<string, number>;
}

const sampledLaptops = 50;

/** Runs `laptops` simulated laptops against `target` for `seconds`, writing `rate` documents per second. */
export async function runLoad(target: Target, mode: Mode, laptops: number, rate: number, seconds: number, pulls: Pulls = 'carried'): Promise<LoadResult> {
  const collections = Object.keys(target.dbs);
  const sampled = Math.min(sampledLaptops, laptops);
  const fleets = [await startSampledFleet({ target, mode, from: 0, to: sampled, sampled: true, pulls })];
  try {
    if (laptops > sampled) fleets.push(await startFleet({ target, mode, from: sampled, to: laptops, sampled: false, pulls }));
  } catch (error) {
    await fleets[0]!.stop();
    throw error;
  }
  const result: LoadResult = { offered: 0, writesDone: 0, writeMs: [], notifyMs: [], errors: 0, requests: {} };
  try {
    // Let every live connection settle into its wait before writing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const written = await runWriter({ target, mode, laptops, rate, seconds, collections });
    Object.assign(result, { offered: written.offered, writesDone: written.writesDone, writeMs: written.writeMs, errors: written.errors, firstError: written.firstError });
    Object.assign(result.requests, written.requests);
    // Give the last notifications time to arrive, then stop the live loops.
    await new Promise((resolve) => setTimeout(resolve, 2000));
  } finally {
    for (const fleet of await Promise.all(fleets.map((f) => f.stop()))) {
      // 300,000 samples in a minute: pushed one by one (spread arguments overflow the stack).
      for (const ms of fleet.notifyMs) result.notifyMs.push(ms);
      result.errors += fleet.errors;
      result.firstError ??= fleet.firstError;
      for (const [kind, n] of Object.entries(fleet.requests)) result.requests[kind] = (result.requests[kind] ?? 0) + n;
    }
  }
  return result;
}

/** The p-th percentile (0–100) of `values`, or NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
