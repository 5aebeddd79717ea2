import type { SendOutcome, StepContext } from '../../common/flowEngine';
import type { RunDoc } from '../../common/journeyRuns/docs';
import type { Advanced } from './advance';
import { note, stepDoc } from './advance';
import type { JourneyDirectory } from './journeys';
import type { DeliveryPolicy, FrequencyCap, RateLimiter } from './policy';
import { backoffMs, quietUntil } from './policy';
import type { Log } from './worker';

/**
 * Delivery decisions around one send (engine/README.md, "Delivery semantics"): before it, quiet
 * hours, the frequency cap and the rate limit; after it, the next step, a retry with backoff, or the
 * dead letter.
 */

/** What the decisions need from the worker. */
export interface DeliveryDeps {
  policy: DeliveryPolicy;
  cap: FrequencyCap;
  rate: RateLimiter;
  directory: JourneyDirectory;
  ctx: StepContext;
  worker: string;
  log: Log;
  /** Look at the run again at `at` without writing it (rate limit). */
  later: (id: string, at: number) => void;
  /** Send now (after the current write). */
  sendNow: (id: string) => void;
}

/** Quiet hours, frequency cap and rate limit before a send; the send itself goes after the write. */
export function gate(d: DeliveryDeps, doc: RunDoc, now: number): Advanced | undefined {
  const channel = doc.outbox!.effect.message.channel;
  const p = d.policy;
  const quiet = quietUntil(p, now, doc.timeZone);
  const capped = quiet === undefined ? d.cap.nextAllowed(doc.customerId, now) : undefined;
  const until = quiet ?? capped;
  if (until !== undefined) {
    const next: RunDoc = { ...doc, notes: [...doc.notes], wakeAt: until, updatedAt: now };
    const why = quiet !== undefined ? `quiet hours in ${doc.timeZone ?? 'UTC'}` : `the frequency cap (${p.frequencyCap} messages in 24 hours)`;
    note(next, { at: now, nodeId: doc.state!.nodeId, kind: 'deferred', message: `The ${channel} message waits until ${new Date(until).toISOString()} because of ${why}.`, worker: d.worker });
    return { doc: next, delta: { journeyId: doc.journeyId, nodes: {}, sends: {}, started: 0, finished: {} }, steps: 0, handovers: [] };
  }
  const wait = d.rate.take(channel);
  if (wait > 0) {
    // Only in memory: a restart sends at once, which the rate limit of the new process then meters.
    d.later(doc._id, now + wait);
    return undefined;
  }
  d.sendNow(doc._id);
  return undefined;
}

/** Folds a provider's answer into the run: next step, a retry later, or the dead letter. */
export function settle(d: DeliveryDeps, doc: RunDoc, outcome: SendOutcome, now: number): Advanced {
  const program = d.directory.program(doc.journeyId, doc.version)!;
  const box = doc.outbox!;
  const key = box.effect.idempotencyKey;
  if (outcome.ok) {
    d.cap.record(doc.customerId, now);
    return stepDoc(doc, program, { type: 'sent', at: now, idempotencyKey: key, ...(box.recovered && !outcome.keyHonoured ? { possibleDuplicate: true } : {}) }, d.ctx);
  }
  const p = d.policy;
  const nodeId = doc.state!.nodeId;
  if (outcome.retryable && box.attempts < p.maxAttempts) {
    const delay = backoffMs(p, box.attempts, key, outcome.retryAfterMs);
    const next: RunDoc = { ...doc, notes: [...doc.notes], outbox: { ...box }, wakeAt: now + delay, updatedAt: now };
    note(next, { at: now, nodeId, kind: 'retry', message: `Try ${box.attempts} of ${p.maxAttempts} failed: ${outcome.reason} Next try in ${Math.round(delay / 1000)} s.`, worker: d.worker });
    d.log({ level: 'warn', msg: 'Send failed; will retry', run: doc._id, node: nodeId, attempt: box.attempts, reason: outcome.reason, retryInMs: delay });
    return { doc: next, delta: { journeyId: doc.journeyId, nodes: {}, sends: {}, started: 0, finished: {} }, steps: 0, handovers: [] };
  }
  const reason = outcome.retryable ? `${outcome.reason} (gave up after ${box.attempts} tries)` : outcome.reason;
  const a = stepDoc(doc, program, { type: 'sendFailed', at: now, idempotencyKey: key, reason }, d.ctx);
  note(a.doc, { at: now, nodeId, kind: 'deadLetter', message: `Not delivered: ${reason} Retry the run once the cause is fixed.`, worker: d.worker });
  d.log({ level: 'error', msg: 'Send dead-lettered', run: doc._id, node: nodeId, reason });
  return a;
}
