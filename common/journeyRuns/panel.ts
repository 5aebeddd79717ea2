/**
 * What the app's Runs panel makes of the engine's documents (engine/README.md, "Data"): counts per
 * flow node summed over days and partitions, the engine's liveness from its heartbeats, a customer's
 * runs as rows of steps and sends, and checks of what the user types. Pure, shared with the engine's
 * tests so both read the documents the same way.
 */

import { idempotencyKey } from '../flowEngine';
import type { EngineNote, RunDoc, CounterDoc } from './docs';
import { isValidCustomerId, maxCustomerIdLength } from './ids';

/** What a node card shows for a published journey. */
export interface LiveNodeCounts {
  /** Runs at the node now, moving (sending, starting). */
  active: number;
  /** Runs at the node now, waiting (wait and wait-until nodes). */
  waiting: number;
  /** Runs that have left the node (moved on or finished there). */
  done: number;
  /** Runs dead-lettered at the node and not yet retried. */
  failed: number;
}

/**
 * Sums daily counters into per-node counts. A run at a node has entered it and not left it; a failed
 * one is counted only as failed. Wait nodes hold waiting runs, every other node active ones.
 */
export function liveNodeCounts(counters: readonly CounterDoc[], waitNodes: ReadonlySet<string>): Record<string, LiveNodeCounts> {
  const sums = new Map<string, { entered: number; left: number; failed: number }>();
  for (const c of counters) {
    for (const [node, t] of Object.entries(c.nodes ?? {})) {
      const s = sums.get(node) ?? { entered: 0, left: 0, failed: 0 };
      s.entered += t.entered ?? 0;
      s.left += t.left ?? 0;
      s.failed += t.failed ?? 0;
      sums.set(node, s);
    }
  }
  const out: Record<string, LiveNodeCounts> = {};
  for (const [node, s] of sums) {
    const failed = Math.max(0, s.failed);
    const here = Math.max(0, s.entered - s.left - failed);
    out[node] = { active: waitNodes.has(node) ? 0 : here, waiting: waitNodes.has(node) ? here : 0, done: Math.max(0, s.left), failed };
  }
  return out;
}

/** Runs started and finished (by outcome) over every counter. */
export function runTotals(counters: readonly CounterDoc[]): { started: number; finished: Record<string, number> } {
  const finished: Record<string, number> = {};
  let started = 0;
  for (const c of counters) {
    started += c.started ?? 0;
    for (const [k, n] of Object.entries(c.finished ?? {})) finished[k] = (finished[k] ?? 0) + n;
  }
  return { started, finished };
}

/** A dead-lettered run, listed per journey so the app finds failures without reading every run. */
export interface FailureDoc {
  _id: string;
  _rev?: string;
  type: 'failure';
  journeyId: string;
  runId: string;
  customerId: string;
  version: number;
  nodeId: string;
  code: string;
  message: string;
  at: number;
}

/** Key-range prefix of one journey's failures. */
export function journeyFailurePrefix(journeyId: string): string {
  return `f|${encodeURIComponent(journeyId)}|`;
}

/** The failure document of a run (written and deleted with the run by its partition's owner). */
export function failureId(journeyId: string, runId: string): string {
  return `${journeyFailurePrefix(journeyId)}${encodeURIComponent(runId)}`;
}

/** The failure document for a failed run, or undefined when the run is not failed. */
export function failureOf(run: RunDoc): FailureDoc | undefined {
  const s = run.state;
  if (!s || s.status !== 'failed' || run.killed) return undefined;
  return {
    _id: failureId(run.journeyId, run._id), type: 'failure', journeyId: run.journeyId, runId: run._id, customerId: run.customerId,
    version: run.version, nodeId: s.failure?.nodeId ?? s.nodeId, code: s.failure?.code ?? 'failed', message: s.failure?.message ?? 'The run failed.', at: s.updatedAt,
  };
}

/** The engine's settings document in the control database: what the app needs to find runs. */
export const engineSettingsId = 'settings';

/** The engine's settings as the app reads them. */
export interface EngineSettingsDoc {
  _id: typeof engineSettingsId;
  _rev?: string;
  type: 'settings';
  partitions: number;
}

/** A worker heartbeat as the control database holds it. */
export interface HeartbeatDoc {
  _id: string;
  type: 'worker';
  worker: string;
  expiresAt: number;
}

/** Engine processes whose heartbeat has not run out. */
export function liveWorkers(heartbeats: readonly HeartbeatDoc[], now: number): string[] {
  return heartbeats.filter((h) => h.type === 'worker' && h.expiresAt > now).map((h) => h.worker).sort();
}

/** Why a typed customer id cannot be looked up (the app words each one). */
export type CustomerIdProblem = 'empty' | 'tooLong' | 'control';

/** Checks a customer id typed into the lookup: the trimmed id, or what is wrong with it. */
export function checkCustomerId(input: string): { ok: true; id: string } | { ok: false; problem: CustomerIdProblem } {
  const id = input.trim();
  if (id.length === 0) return { ok: false, problem: 'empty' };
  if (id.length > maxCustomerIdLength) return { ok: false, problem: 'tooLong' };
  if (!isValidCustomerId(id)) return { ok: false, problem: 'control' };
  return { ok: true, id };
}

/** One row of a run's history: a step of the flow or an engine note. */
export interface HistoryRow {
  at: number;
  nodeId: string;
  /** Step outcome (`sent`, `waiting`…) or note kind (`retry`, `deadLetter`…). */
  what: string;
  /** The idempotency key of a send (sending, sent, possible duplicate, failed send). */
  key?: string;
  message?: string;
  source: 'step' | 'note';
}

const sendOutcomes = new Set(['sending', 'sent', 'possibleDuplicate']);

/** A run's step log and engine notes in time order, each send with its idempotency key. */
export function runHistory(run: RunDoc): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const sendingVisits = new Set<string>();
  for (const l of run.log) if (l.outcome === 'sending') sendingVisits.add(l.stepId);
  for (const l of run.log) {
    const visit = Number(l.stepId.slice(l.stepId.lastIndexOf('#') + 1));
    const isSend = sendOutcomes.has(l.outcome) || (l.outcome === 'failed' && sendingVisits.has(l.stepId));
    rows.push({
      at: l.at, nodeId: l.nodeId, what: l.outcome, source: 'step',
      ...(isSend && Number.isInteger(visit) ? { key: idempotencyKey(run._id, l.nodeId, visit) } : {}),
      ...(l.message ? { message: l.message } : {}),
    });
  }
  for (const n of run.notes as EngineNote[]) rows.push({ at: n.at, nodeId: n.nodeId, what: n.kind, message: n.message, source: 'note' });
  // Stable: a note written in the same millisecond as a step stays after it.
  return rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.at - b.r.at || a.i - b.i).map(({ r }) => r);
}

/** What the lookup shows about one run. */
export interface RunSummary {
  runId: string;
  journeyId: string;
  version: number;
  /** `starting` while the engine has not started it yet; `killed` after the kill switch. */
  status: string;
  nodeId: string | undefined;
  startedAt: number;
  updatedAt: number;
  failure?: string;
}

/** The summary of a run document. */
export function runSummary(run: RunDoc): RunSummary {
  const s = run.state;
  return {
    runId: run._id, journeyId: run.journeyId, version: run.version,
    status: run.killed ? 'killed' : s ? s.status : 'starting',
    nodeId: s?.nodeId ?? run.start?.triggerNodeId,
    startedAt: s?.startedAt ?? run.createdAt, updatedAt: run.updatedAt,
    ...(s?.failure ? { failure: s.failure.message } : {}),
  };
}

/** What a map stage shows: runs now at its steps (moving or waiting) and runs failed at them. */
export interface StageRunCounts {
  active: number;
  waiting: number;
  failed: number;
}

/**
 * Sums the live counts of the steps tied to each stage (a step's `stageId`). "Done" is left out: a
 * run passes several steps of a stage, so the steps' done counts do not add up to customers.
 * Stages with no steps are absent.
 */
export function stageRunCounts(nodes: readonly { id: string; stageId?: string }[], counts: Readonly<Record<string, LiveNodeCounts>>): Record<string, StageRunCounts> {
  const out: Record<string, StageRunCounts> = {};
  for (const n of nodes) {
    if (n.stageId === undefined) continue;
    const sum = out[n.stageId] ?? { active: 0, waiting: 0, failed: 0 };
    const c = counts[n.id];
    if (c) {
      sum.active += c.active;
      sum.waiting += c.waiting;
      sum.failed += c.failed;
    }
    out[n.stageId] = sum;
  }
  return out;
}

/** Steps whose runs count as waiting rather than active (wait and wait-until). */
export function waitNodeIds(nodes: readonly { id: string; kind: string }[]): Set<string> {
  return new Set(nodes.filter((n) => n.kind === 'wait').map((n) => n.id));
}
