/**
 * Shapes of the engine's documents (engine/README.md, "Data"). The engine writes them; the app reads
 * counters and single runs and writes only journey controls and commands. Every field is plain JSON.
 */

import type { Attributes, Effect, RunState, StepLogEntry } from '../flowEngine/ports';
import type { MigrateFields } from './migrate';

/** A note the engine adds to a run's log besides the interpreter's own lines (deferrals, retries, kill). */
export interface EngineNote {
  at: number;
  nodeId: string;
  kind: 'deferred' | 'retry' | 'deadLetter' | 'killed' | 'paused' | 'userRetry' | 'recovered' | 'migrated';
  /** A sentence for the user. */
  message: string;
  /** Which engine process wrote it. */
  worker: string;
}

/**
 * The send a run is stopped at (the interpreter's `sending` state), kept with the run so another
 * worker can perform it after a crash with the same idempotency key.
 */
export interface Outbox {
  effect: Extract<Effect, { kind: 'send' }>;
  /** Tries made so far. */
  attempts: number;
  /** Set when the run was recovered by another worker while sending: a channel that ignores keys may deliver twice. */
  recovered?: true;
}

/**
 * A step log line as a run document keeps it: the interpreter's line without its `runId`, which is
 * the document's own id (it was a third of a finished run's bytes, written again with every step).
 * Documents written before keep it in each line; readers never need it.
 */
export type RunLogLine = Omit<StepLogEntry, 'runId'> & { runId?: string };

/** A journey run document: one customer through one published version of one journey. */
export interface RunDoc {
  _id: string;
  _rev?: string;
  type: 'run';
  journeyId: string;
  /** The published version the run follows: the one it started on, or the one a migrate command moved it to. */
  version: number;
  partition: number;
  customerId: string;
  /** IANA time zone for quiet hours, e.g. `Europe/Berlin`; UTC when absent. */
  timeZone?: string;
  /** The interpreter's state (status, node, attributes, wait, failure…); null until the owner starts the run. */
  state: RunState | null;
  /** How to start it, while `state` is null (written by intake, commands and go-to). */
  start?: { triggerNodeId: string; at: number; attributes: Attributes; response?: Attributes; handoverDepth?: number };
  /** Step log, oldest first (the last {@link maxLogEntries}). */
  log: RunLogLine[];
  /** Engine notes, oldest first (the last {@link maxLogEntries}). */
  notes: EngineNote[];
  /** When the engine looks at the run next (a wait, a retry, quiet hours, the rate limit); absent: no timer. */
  wakeAt?: number;
  /** The send in progress, while `state.status` is `sending`. */
  outbox?: Outbox;
  /** Set by the kill switch: the run ended without finishing its flow. */
  killed?: true;
  /** The last move to another version (a migrate command): which command, from which version, when. */
  migrated?: { command: string; from: number; at: number };
  /** Event ids already applied, so a redelivered event is not applied twice (the last 100). */
  events?: string[];
  createdAt: number;
  updatedAt: number;
}

/** A customer event stored for a partition's owner to apply (webhook/event intake). */
export interface EventDoc {
  _id: string;
  _rev?: string;
  type: 'event';
  customerId: string;
  eventId: string;
  name: string;
  at: number;
  properties: Attributes;
  receivedAt: number;
}

/** Log entries kept in a run document. */
export const maxLogEntries = 200;

/** Per-node tallies of one journey, day and partition. */
export interface NodeTally {
  /** Runs that reached the node. */
  entered: number;
  /** Runs that left it (moved on or finished there). */
  left: number;
  /** Runs dead-lettered at the node, minus those retried. */
  failed: number;
}

/** The daily counter document of one journey and partition (written by the partition's owner only). */
export interface CounterDoc {
  _id: string;
  _rev?: string;
  type: 'counter';
  journeyId: string;
  day: string;
  partition: number;
  nodes: Record<string, NodeTally>;
  /** Sends made, by channel. */
  sends: Record<string, number>;
  /** Runs started and finished (by final status). */
  started: number;
  finished: Record<string, number>;
}

/** Pause, resume and kill switch of one journey, written by the app. */
export interface JourneyControlDoc {
  _id: string;
  _rev?: string;
  type: 'journeyControl';
  journeyId: string;
  /** `paused`: no run moves until resumed. `killed`: every run ends as killed, no new run starts. */
  state: 'running' | 'paused' | 'killed';
  updatedAt: number;
  updatedBy?: string;
}

/** A command from the app or the command line; the engine sets `doneAt` (and `result`) when it has acted. */
export type CommandDoc = {
  _id: string;
  _rev?: string;
  type: 'command';
  createdAt: number;
  createdBy?: string;
  doneAt?: number;
  result?: string;
} & (
  | { command: 'start'; journeyId: string; customers: StartCustomer[]; pinned?: StartPin; claimedBy?: string }
  | { command: 'retry'; runId: string }
  | MigrateFields
);

/**
 * What a start command's first reader fixes for every engine process (engine/src/commands.ts): the
 * version and trigger all its runs start on, so a publish half way through splits no command.
 */
export interface StartPin {
  version: number;
  triggerNodeId: string;
}

/** A start command's mark in one partition (`t|<command>|<partition>`), written by the partition's owner once its runs are in. */
export interface StartMarkDoc {
  _id: string;
  _rev?: string;
  type: 'startMark';
  command: string;
  journeyId: string;
  partition: number;
  /** Runs this command started in the partition. */
  started: number;
  /** Runs of the partition that were there already (an earlier try of the command). */
  existing: number;
  at: number;
  worker: string;
}

/** A customer named in a start command. */
export interface StartCustomer {
  id: string;
  attributes?: Attributes;
  timeZone?: string;
}

/** Most customers one start command may carry. */
export const maxStartCustomers = 10_000;

/** A day's summary of refused intake at one engine process. */
export interface IntakeProblemsDoc {
  _id: string;
  _rev?: string;
  type: 'intake';
  day: string;
  worker: string;
  /** Count per reason code (`bad-signature`, `too-large`, `unknown-journey`, `bad-payload`, `stale-timestamp`). */
  counts: Record<string, number>;
  /** The latest problems, newest last (at most 20). */
  recent: { at: number; code: string; message: string }[];
}
