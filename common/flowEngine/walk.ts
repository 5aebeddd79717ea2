import type { Effect, RunState, StepContext, StepFailureCode, StepLogEntry, StepResult } from './ports';
import { defaultStepCap } from './ports';
import type { FlowProgram } from './program';
import { hashString } from '../analytics/hash';

/** The working copy of one interpreter call and the helpers every node kind uses to record what it did. */

/** The idempotency key of a step: the same for every attempt, different for each visit of the node. */
export function idempotencyKey(runId: string, nodeId: string, visit: number): string {
  return hashString(`${runId}\u0000${nodeId}\u0000${visit}`);
}

/** Mutable working copy of one call. */
export interface Walk {
  program: FlowProgram;
  ctx: StepContext;
  state: RunState;
  log: StepLogEntry[];
  effects: Effect[];
  at: number;
  /** Steps left for this input. */
  budget: number;
}

export function newWalk(program: FlowProgram, ctx: StepContext, state: RunState, at: number): Walk {
  return { program, ctx, state, log: [], effects: [], at, budget: ctx.stepCap ?? defaultStepCap };
}

export function finish(w: Walk): StepResult {
  w.state.updatedAt = Math.max(w.state.updatedAt, w.at);
  const wait = w.state.status === 'waiting' ? w.state.wait : undefined;
  return { state: w.state, log: w.log, effects: w.effects, wakeAt: wait?.until ?? null };
}

export function visitOf(w: Walk, nodeId: string): number {
  return w.state.visits[nodeId] ?? 0;
}

/** Appends a log line for the node's current visit. */
export function entry(w: Walk, nodeId: string, outcome: StepLogEntry['outcome'], extra: { handle?: string; message?: string } = {}): void {
  const line: StepLogEntry = { runId: w.state.runId, seq: w.state.nextSeq++, at: w.at, nodeId, stepId: `${nodeId}#${visitOf(w, nodeId)}`, outcome };
  if (extra.handle !== undefined) line.handle = extra.handle;
  if (extra.message !== undefined) line.message = extra.message;
  w.log.push(line);
}

/** Ends the run as failed at a node, with a message the user can act on. */
export function fail(w: Walk, nodeId: string, code: StepFailureCode, message: string): void {
  const s = w.state;
  s.status = 'failed';
  s.nodeId = nodeId;
  s.failure = { nodeId, code, message };
  s.endedAt = w.at;
  delete s.wait;
  entry(w, nodeId, 'failed', { message });
}

export function end(w: Walk, nodeId: string, status: 'exited' | 'completed' | 'converted' | 'handedOver', reason?: string): void {
  const s = w.state;
  s.status = status;
  s.nodeId = nodeId;
  s.endedAt = w.at;
  if (reason !== undefined) s.endReason = reason;
  delete s.wait;
  delete s.pending;
  entry(w, nodeId, status, reason !== undefined ? { message: reason } : {});
}

