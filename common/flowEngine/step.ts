import type { FlowNode } from '../journey/flowModel';
import type { FlowProgram } from './program';
import type { CustomerEvent, RunInput, RunStart, RunState, StepContext, StepResult } from './ports';
import { defaultStepCap, finishedStatuses, maxHandovers } from './ports';
import { evaluateCondition } from './conditions';
import { actionStep } from './actions';
import { durationMs } from './program';
import { pickArm, stableDraw } from './split';
import type { Walk } from './walk';
import { end, entry, fail, finish, idempotencyKey, newWalk, visitOf } from './walk';

/**
 * The interpreter: pure functions from (run state, input) to (new state, log, effects, timer). See
 * ports.ts for how a host drives them. A call never throws for bad data in a run: it fails the run's
 * step with a message instead, so the user sees it.
 */

/** Starts a run at a trigger and walks until it must stop. */
export function startRun(program: FlowProgram, start: RunStart, ctx: StepContext): StepResult {
  const state: RunState = {
    v: 1, runId: start.runId, journeyId: program.journeyId, journeyVersion: program.version, customerId: start.customerId,
    status: 'completed', nodeId: start.triggerNodeId, triggerNodeId: start.triggerNodeId, handoverDepth: start.handoverDepth ?? 0,
    attributes: { ...start.attributes }, response: { ...(start.response ?? {}) }, personaMatch: { ...(start.personaMatch ?? {}) },
    visits: {}, steps: 0, nextSeq: 0, startedAt: start.at, updatedAt: start.at,
  };
  const w = newWalk(program, ctx, state, start.at);
  const trigger = program.nodes.get(start.triggerNodeId);
  if (!trigger || trigger.kind !== 'trigger') fail(w, start.triggerNodeId, 'invalid-flow', 'This run was started at a step that is not a trigger of this journey version.');
  else run(w, trigger.id, false);
  return finish(w);
}

/** Feeds one input (timer, event, send result, retry) to a run. */
export function stepRun(program: FlowProgram, prior: RunState, input: RunInput, ctx: StepContext): StepResult {
  const state: RunState = { ...prior, attributes: { ...prior.attributes }, response: { ...prior.response }, visits: { ...prior.visits } };
  const w = newWalk(program, ctx, state, input.at);
  if (finishedStatuses.has(state.status)) {
    // An ended run ignores late timers and events untouched; only a failed run takes a retry.
    if (input.type !== 'retry' || state.status !== 'failed') return { state: prior, log: [], effects: [], wakeAt: null };
    const nodeId = state.failure?.nodeId ?? state.nodeId;
    delete state.failure;
    delete state.endedAt;
    state.status = 'completed';
    // A retried send reuses its key (the visit is not counted again): the provider may have the first attempt.
    run(w, nodeId, true);
    return finish(w);
  }
  switch (input.type) {
    case 'event': onEvent(w, input.event); break;
    case 'timer': onTimer(w); break;
    case 'sent': {
      const p = state.pending;
      if (state.status !== 'sending' || !p || p.idempotencyKey !== input.idempotencyKey) break; // a stale answer for an earlier send
      delete state.pending;
      entry(w, p.nodeId, input.possibleDuplicate ? 'possibleDuplicate' : 'sent', {
        message: input.possibleDuplicate ? 'Sent again after a restart; this provider ignores idempotency keys, so the customer may have it twice.' : undefined,
      });
      follow(w, p.nodeId, 'out');
      break;
    }
    case 'sendFailed': {
      const p = state.pending;
      if (state.status !== 'sending' || !p || p.idempotencyKey !== input.idempotencyKey) break;
      delete state.pending;
      fail(w, p.nodeId, 'send-failed', `Not delivered: ${input.reason}`);
      break;
    }
    case 'retry': break; // only failed runs retry
  }
  return finish(w);
}

/** Leaves a node through an output: on to its target, or the run completes when nothing is connected. */
function follow(w: Walk, nodeId: string, handle: string): void {
  const target = w.program.next.get(nodeId)?.get(handle);
  if (target === undefined) end(w, nodeId, 'completed');
  else run(w, target, false);
}

/**
 * Executes nodes from `startId` until the run stops. Iterative (a long chain of steps must not grow
 * the stack): each node either stops the run or names the next node through `follow`, which re-enters
 * here; the step budget ends loops with no wait.
 */
function run(w: Walk, startId: string, revisit: boolean): void {
  let nodeId = startId;
  let again = revisit;
  for (;;) {
    if (w.budget-- <= 0) {
      fail(w, nodeId, 'step-cap', `Stopped after ${w.ctx.stepCap ?? defaultStepCap} steps without a pause: the flow loops with no wait. Add a wait to the loop.`);
      return;
    }
    const node = w.program.nodes.get(nodeId);
    if (!node) {
      fail(w, nodeId, 'invalid-flow', 'This step is missing from the journey version the run follows.');
      return;
    }
    if (!again) w.state.visits[nodeId] = visitOf(w, nodeId) + 1;
    again = false;
    w.state.steps++;
    w.state.nodeId = nodeId;
    const handle = execute(w, node);
    if (handle === null) return;
    const target = w.program.next.get(nodeId)?.get(handle);
    if (target === undefined) {
      end(w, nodeId, 'completed');
      return;
    }
    nodeId = target;
  }
}

/** Runs one node: the output to leave by, or null when the run stopped here (wait, send, end, failure). */
function execute(w: Walk, node: FlowNode): string | null {
  const s = w.state;
  switch (node.kind) {
    case 'trigger':
      entry(w, node.id, 'entered');
      return 'out';
    case 'action':
      return actionStep(w, node);
    case 'wait': {
      const c = node.config;
      if (c.mode === 'duration') {
        s.status = 'waiting';
        s.wait = { nodeId: node.id, mode: 'duration', since: w.at, until: w.at + durationMs(c.duration) };
        entry(w, node.id, 'waiting');
        return null;
      }
      if (untilMet(w, node)) {
        entry(w, node.id, 'resumed', { handle: 'out', message: 'The condition already held.' });
        return 'out';
      }
      s.status = 'waiting';
      s.wait = { nodeId: node.id, mode: 'until', since: w.at, until: c.timeout ? w.at + durationMs(c.timeout) : null };
      entry(w, node.id, 'waiting');
      return null;
    }
    case 'condition': {
      const r = evaluateCondition(node.config, s);
      const handle = r === true ? 'yes' : r === false ? 'no' : choose(w, node.id, ['yes', 'no'], 'no');
      entry(w, node.id, 'branch', { handle });
      return handle;
    }
    case 'multiSplit': {
      const candidates: string[] = [];
      let decided: string | null = null;
      for (const b of node.config.branches) {
        const r = evaluateCondition(b.condition, s);
        if (r === true) { decided = b.id; candidates.push(b.id); break; }
        if (r === undefined) candidates.push(b.id);
      }
      if (decided === null) candidates.push('else');
      // Without a chooser an undecided branch counts as not matching: the first that holds, or else.
      const handle = candidates.length === 1 ? candidates[0]! : choose(w, node.id, candidates, decided ?? 'else');
      entry(w, node.id, 'branch', { handle });
      return handle;
    }
    case 'randomSplit': {
      const arm = pickArm(node.config.branches, stableDraw(s.customerId, w.program.journeyId, w.program.version, node.id));
      if (!arm) {
        fail(w, node.id, 'invalid-flow', 'This split has no branch with a share above 0 %.');
        return null;
      }
      entry(w, node.id, 'branch', { handle: arm.id, message: arm.label });
      return arm.id;
    }
    case 'exit':
      end(w, node.id, 'exited', node.config.reason);
      return null;
    case 'goto':
      goTo(w, node);
      return null;
  }
}

function choose(w: Walk, nodeId: string, handles: string[], fallback: string): string {
  const chooser = w.ctx.undecided;
  if (!chooser) return fallback;
  const picked = chooser({ nodeId, handles, draw: stableDraw(w.state.runId, nodeId, visitOf(w, nodeId)) });
  return handles.includes(picked) ? picked : fallback;
}

/** Whether a wait-until's condition holds now, or held for an event since the run started. */
function untilMet(w: Walk, node: Extract<FlowNode, { kind: 'wait' }>): boolean {
  if (node.config.mode !== 'until') return false;
  const condition = node.config.condition;
  if (evaluateCondition(condition, w.state) === true) return true;
  const events = w.ctx.events?.eventsSince(w.state.customerId, w.state.startedAt) ?? [];
  return events.some((e) => evaluateCondition(condition, { ...w.state, response: eventFacts(w.state.response, e) }) === true);
}

function eventFacts(response: RunState['response'], e: CustomerEvent): RunState['response'] {
  return { ...response, ...e.properties, event: e.name };
}

function onEvent(w: Walk, e: CustomerEvent): void {
  const s = w.state;
  s.response = eventFacts(s.response, e);
  if (w.program.goalEvents.has(e.name)) {
    end(w, s.nodeId, 'converted', `Goal reached: ${e.name}`);
    return;
  }
  if (s.status !== 'waiting' || s.wait?.mode !== 'until') return;
  const node = w.program.nodes.get(s.wait.nodeId);
  if (!node || node.kind !== 'wait' || node.config.mode !== 'until') return;
  const r = evaluateCondition(node.config.condition, s);
  const met = r === true || (r === undefined && choose(w, node.id, ['out', 'wait'], 'wait') === 'out');
  if (!met) return;
  s.status = 'completed';
  delete s.wait;
  entry(w, node.id, 'resumed', { handle: 'out', message: `Event ${e.name}` });
  follow(w, node.id, 'out');
}

function onTimer(w: Walk): void {
  const s = w.state;
  const wait = s.wait;
  if (s.status !== 'waiting' || !wait || wait.until === null || w.at < wait.until) return; // early or stale timer
  s.status = 'completed';
  delete s.wait;
  const handle = wait.mode === 'duration' ? 'out' : 'timeout';
  entry(w, wait.nodeId, wait.mode === 'duration' ? 'resumed' : 'timedOut', { handle });
  follow(w, wait.nodeId, handle);
}

function goTo(w: Walk, node: Extract<FlowNode, { kind: 'goto' }>): void {
  const s = w.state;
  const id = node.config.journeyId;
  if (!id) return fail(w, node.id, 'unknown-journey', 'Go to journey: no journey is chosen in this step.');
  const target = w.ctx.journeys.published(id);
  if (!target) return fail(w, node.id, 'unknown-journey', `Go to journey: journey "${id}" does not exist or has never been published.`);
  if (!target.acceptsRuns) return fail(w, node.id, 'journey-closed', `Go to journey: journey "${id}" is paused or stopped and takes no new customers.`);
  if (s.handoverDepth >= maxHandovers) {
    return fail(w, node.id, 'step-cap', `Go to journey: ${maxHandovers} journeys in a row handed this customer on; the journeys send each other in a loop.`);
  }
  w.effects.push({
    kind: 'startRun', idempotencyKey: idempotencyKey(s.runId, node.id, visitOf(w, node.id)), customerId: s.customerId,
    journeyId: target.journeyId, version: target.version, attributes: { ...s.attributes }, fromRunId: s.runId, handoverDepth: s.handoverDepth + 1,
  });
  s.handedOverTo = { journeyId: target.journeyId, version: target.version };
  end(w, node.id, 'handedOver', `Continues in journey "${target.journeyId}" v${target.version}`);
}
