import { entryTrigger, finishedStatuses, startRun, stepRun } from '../../common/flowEngine';
import type { FlowProgram, RunInput, StepContext, StepResult } from '../../common/flowEngine';
import type { EngineNote, RunDoc } from '../../common/journeyRuns/docs';
import { maxLogEntries } from '../../common/journeyRuns/docs';
import { runId } from '../../common/journeyRuns/ids';
import type { Delta } from './tally';
import { emptyDelta, tallyFailed, tallyFinish, tallyLog } from './tally';

/**
 * One transition of a run document: feed the interpreter, then fold its answer into the document
 * (state, log, timer, outbox) and into a counter delta. Pure apart from mutating the copy it returns.
 */

/** The result of one transition. */
export interface Advanced {
  doc: RunDoc;
  delta: Delta;
  /** Interpreter steps executed (nodes run). */
  steps: number;
  /** Go-to runs to create (same customer, so the same partition). */
  handovers: StepResult['effects'];
}

/** A copy of a run document that a transition may change. */
function copy(doc: RunDoc): RunDoc {
  return { ...doc, log: [...doc.log], notes: [...doc.notes], ...(doc.events ? { events: [...doc.events] } : {}) };
}

/** Appends an engine note (capped). */
export function note(doc: RunDoc, n: EngineNote): void {
  doc.notes.push(n);
  if (doc.notes.length > maxLogEntries) doc.notes.splice(0, doc.notes.length - maxLogEntries);
}

function fold(doc: RunDoc, result: StepResult, delta: Delta): Advanced {
  const before = doc.state;
  tallyLog(delta, before?.nodeId, result.log);
  const s = result.state;
  const wasFailed = before?.status === 'failed';
  if (finishedStatuses.has(s.status) && s.status !== 'failed') tallyFinish(delta, s.nodeId, s.status);
  if (s.status === 'failed' && !wasFailed) tallyFailed(delta, s.nodeId, 1);
  doc.state = s;
  delete doc.start;
  for (const { runId: _runId, ...line } of result.log) doc.log.push(line);
  if (doc.log.length > maxLogEntries) doc.log.splice(0, doc.log.length - maxLogEntries);
  if (result.wakeAt === null) delete doc.wakeAt;
  else doc.wakeAt = result.wakeAt;
  const send = result.effects.find((e) => e.kind === 'send');
  if (send && send.kind === 'send') doc.outbox = { effect: send, attempts: 0 };
  else if (s.status !== 'sending') delete doc.outbox;
  doc.updatedAt = Math.max(doc.updatedAt, s.updatedAt);
  return { doc, delta, steps: s.steps - (before?.steps ?? 0), handovers: result.effects.filter((e) => e.kind === 'startRun') };
}

/** Starts a new run document (state null). Its trigger '' means the program's entry trigger (go-to). */
export function startDoc(doc: RunDoc, program: FlowProgram, ctx: StepContext, now: number): Advanced {
  const next = copy(doc);
  const delta = emptyDelta(doc.journeyId);
  delta.started = 1;
  const start = doc.start ?? { triggerNodeId: '', at: now, attributes: {} };
  const trigger = start.triggerNodeId || entryTrigger(program) || '';
  const result = startRun(program, {
    runId: doc._id, customerId: doc.customerId, triggerNodeId: trigger, at: now, attributes: start.attributes,
    ...(start.response ? { response: start.response } : {}), ...(start.handoverDepth ? { handoverDepth: start.handoverDepth } : {}),
  }, ctx);
  return fold(next, result, delta);
}

/** Feeds one input to a started run. */
export function stepDoc(doc: RunDoc, program: FlowProgram, input: RunInput, ctx: StepContext): Advanced {
  const next = copy(doc);
  const delta = emptyDelta(doc.journeyId);
  if (input.type === 'retry' && doc.state?.status === 'failed') tallyFailed(delta, doc.state.nodeId, -1);
  if (input.type === 'sent') delta.sends[doc.outbox?.effect.message.channel ?? 'unknown'] = 1;
  return fold(next, stepRun(program, doc.state!, input, ctx), delta);
}

/** The kill switch: the run ends where it is, counted as killed. */
export function killDoc(doc: RunDoc, now: number, worker: string): Advanced {
  const next = copy(doc);
  const delta = emptyDelta(doc.journeyId);
  const nodeId = doc.state?.nodeId ?? doc.start?.triggerNodeId ?? '';
  if (doc.state?.status === 'failed') tallyFailed(delta, nodeId, -1);
  if (doc.state) tallyFinish(delta, nodeId, 'killed');
  else delta.finished.killed = 1;
  next.killed = true;
  delete next.wakeAt;
  delete next.outbox;
  next.updatedAt = now;
  note(next, { at: now, nodeId, kind: 'killed', message: 'Stopped by the journey\'s kill switch.', worker });
  return { doc: next, delta, steps: 0, handovers: [] };
}

/** True when the run will never move again (finished, killed; a failed run waits for Retry). */
export function isOver(doc: RunDoc): boolean {
  return doc.killed === true || (doc.state !== null && doc.state.status !== 'failed' && finishedStatuses.has(doc.state.status));
}

/** A go-to: the new run of the same customer (same partition), written in the same batch as the run that handed over. */
export function handoverDoc(from: RunDoc, h: Extract<StepResult['effects'][number], { kind: 'startRun' }>, now: number, partitions: number): Advanced {
  const doc: RunDoc = {
    _id: runId(from.customerId, h.journeyId, `goto-${h.idempotencyKey}`, partitions), type: 'run', journeyId: h.journeyId, version: h.version,
    partition: from.partition, customerId: from.customerId, ...(from.timeZone ? { timeZone: from.timeZone } : {}), state: null, log: [], notes: [],
    start: { triggerNodeId: '', at: now, attributes: h.attributes, handoverDepth: h.handoverDepth }, createdAt: now, updatedAt: now,
  };
  return { doc, delta: emptyDelta(h.journeyId), steps: 0, handovers: [] };
}

/**
 * A run read at a partition claim while `sending`: its last owner may have sent and died before
 * recording it, so it is sent again with the same key, and a channel that ignores keys logs it as a
 * possible duplicate.
 */
export function recover(doc: RunDoc, now: number, worker: string): RunDoc {
  if (doc.state?.status !== 'sending' || !doc.outbox) return doc;
  doc.outbox.recovered = true;
  note(doc, { at: now, nodeId: doc.state.nodeId, kind: 'recovered', message: 'Picked up by another engine process while sending; sent again with the same idempotency key.', worker });
  return doc;
}

/** Divides a fresh wait by `scale` (tests and the bench compress "wait 1 day" into moments; 1 in production). */
export function compressWait(doc: RunDoc, scale: number): void {
  const wait = doc.state?.status === 'waiting' ? doc.state.wait : undefined;
  if (scale === 1 || !wait || wait.until === null || doc.wakeAt !== wait.until || wait.until - wait.since <= 0) return;
  wait.until = wait.since + Math.max(1, Math.round((wait.until - wait.since) / scale));
  doc.wakeAt = wait.until;
}
