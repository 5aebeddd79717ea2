import type { Senders } from '../../common/flowEngine';
import type { CouchDb } from './couch';
import type { JourneyDirectory } from './journeys';
import type { DeliveryPolicy } from './policy';

/** Options of the engine's work loop (engine/src/worker.ts). */

/** A JSON log line writer. */
export type Log = (entry: Record<string, unknown>) => void;

/** Options of {@link Worker}. */
export interface WorkerOptions {
  worker: string;
  runs: CouchDb;
  control: CouchDb;
  directory: JourneyDirectory;
  senders: Senders;
  policy: DeliveryPolicy;
  partitions: number;
  leaseTtlMs: number;
  log: Log;
  now?: () => number;
  /** Runs advanced per write. */
  batchSize?: number;
  /** Sends in flight at once. */
  sendConcurrency?: number;
  /** Divides every wait by this factor (tests and the bench compress "wait 1 day" into moments); 1 in production. */
  waitScale?: number;
  /** Told after each successful write: steps executed and, per written run, ms from due to written. */
  onWritten?: (steps: number, docs: number, latenciesMs: number[]) => void;
}
