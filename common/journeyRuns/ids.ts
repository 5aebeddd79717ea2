/**
 * Names and document ids of the execution engine's databases (engine/README.md). The engine keeps
 * runs, step logs and counters in per-tenant databases the laptops never replicate; the app reads
 * counters and single runs from them over HTTP. Ids put the partition first so a worker reads its
 * share with one key range, and the customer next so a lookup of one customer is a key range too.
 */

/** Run documents, customer events and daily counters: written together in one `_bulk_docs`. */
export const runsCollection = 'engine_runs';
/** Partition leases, journey controls (pause, kill), commands from the app, intake problems. */
export const controlCollection = 'engine_control';

/** How many partitions a tenant's runs are spread over unless the control database says otherwise. */
export const defaultPartitions = 16;

/** Longest customer id the engine accepts. */
export const maxCustomerIdLength = 200;

/** A customer id may hold any printable character except control characters; length checked too. */
export function isValidCustomerId(id: unknown): id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > maxCustomerIdLength) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

/**
 * FNV-1a over UTF-16 code units: a stable spread of customers over partitions that the app, the
 * engine and every engine version compute alike (the partition is part of stored ids).
 */
export function partitionOf(customerId: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    h ^= customerId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

const pad = (n: number): string => String(n).padStart(3, '0');
// `|` is encoded by encodeURIComponent, so it never occurs inside an encoded part: ids split
// unambiguously and a customer prefix never matches a longer customer id.
const part = (s: string): string => encodeURIComponent(s);

/** Key-range prefix of every run of one partition. */
export function partitionRunPrefix(partition: number): string {
  return `r|${pad(partition)}|`;
}

/** Key-range prefix of every run of one customer (all journeys). */
export function customerRunPrefix(customerId: string, partitions: number): string {
  return `${partitionRunPrefix(partitionOf(customerId, partitions))}${part(customerId)}|`;
}

/**
 * A run's id. `startKey` names what started it (an event id, a manual start command, a schedule
 * tick), so the same start delivered twice writes the same id and the second write is a conflict.
 */
export function runId(customerId: string, journeyId: string, startKey: string, partitions: number): string {
  return `${customerRunPrefix(customerId, partitions)}${part(journeyId)}|${part(startKey)}`;
}

/** Key-range prefix of the events waiting for one partition's runs. */
export function partitionEventPrefix(partition: number): string {
  return `e|${pad(partition)}|`;
}

/** A customer event's id (deduplicated by the sender's event id). */
export function eventDocId(customerId: string, eventId: string, partitions: number): string {
  return `${partitionEventPrefix(partitionOf(customerId, partitions))}${part(customerId)}|${part(eventId)}`;
}

/** Key-range prefix of one journey's daily counters (every day, every partition). */
export function journeyCounterPrefix(journeyId: string): string {
  return `c|${part(journeyId)}|`;
}

/** The counter document of one journey, UTC day and partition (written only by the partition's owner). */
export function counterId(journeyId: string, day: string, partition: number): string {
  return `${journeyCounterPrefix(journeyId)}${day}|${pad(partition)}`;
}

/** The slot document of one journey's schedule trigger in one partition (which slot fired last). */
export function scheduleSlotId(journeyId: string, nodeId: string, partition: number): string {
  return `s|${part(journeyId)}|${part(nodeId)}|${pad(partition)}`;
}

/** Key-range prefix of one start command's marks (one per partition, written when its runs are in). */
export function startMarkPrefix(commandId: string): string {
  return `t|${part(commandId)}|`;
}

/** The mark of a start command in one partition: every run of that partition's customers is written. */
export function startMarkId(commandId: string, partition: number): string {
  return `${startMarkPrefix(commandId)}${pad(partition)}`;
}

/** The lease document of one partition. */
export function leaseId(partition: number): string {
  return `lease|${pad(partition)}`;
}

/** The control document of one journey (pause, resume, kill). */
export function journeyControlId(journeyId: string): string {
  return `journey|${part(journeyId)}`;
}

/** The prefix of commands from the app or the command line (start for ids, retry a run). */
export const commandPrefix = 'cmd|';

/** Prefix of the intake problem summaries (bad signature, too large, unknown journey). */
export const intakePrefix = 'intake|';

/** The UTC day of a time, `YYYY-MM-DD`. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The end of a key range that starts with `prefix`. */
export function rangeEnd(prefix: string): string {
  return `${prefix}\ufff0`;
}
