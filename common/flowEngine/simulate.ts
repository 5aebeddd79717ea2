import { hasBlockingProblems, validateFlow } from '../journey/validateFlow';
import type { JourneyFlow } from '../journey/flowModel';
import { err, ok, type Result } from '../result';
import type { Attributes, Channel, JourneyLookup, RunState, StepContext, StepResult, UndecidedChooser } from './ports';
import { buildProgram, type FlowProgram } from './program';
import { stableDraw } from './split';
import { startRun, stepRun } from './step';
import { MinHeap } from './heap';
import { slotsBetween } from './schedule';
import { summarise, type SimulationReport } from './simulateReport';

/**
 * The offline simulator (issue 16 item 5): the same interpreter on a simulated clock over a
 * population, with every send answered "sent" at once and nothing leaving the machine. Where data
 * cannot decide a condition, the designer's branch probabilities do; wait-untils get their event
 * after a designed delay with a designed probability, else they time out.
 */

/** Simulated customers at most (memory: a run state each). */
export const maxSimulatedCustomers = 200_000;
const dayMs = 86_400_000;

/** One simulated customer. */
export interface SimCustomer {
  id: string;
  attributes: Attributes;
}

/** The designer's guesses for what the data cannot decide. */
export interface SimulationOptions {
  /** Trigger every customer enters at (default: the flow's first trigger). */
  triggerNodeId?: string;
  /** Start of the simulated time, epoch ms. */
  startAt: number;
  /** Customers arrive spread evenly-at-random over this many days (0: all at once); a schedule trigger starts everyone at each of its slots instead. */
  arrivalDays: number;
  /** Simulated time stops this many days after the start; runs still waiting then count as waiting. */
  horizonDays: number;
  /** Per condition or multi-split node: weight per output handle, used when data cannot decide. Missing: equal. */
  branchWeights: Record<string, Record<string, number>>;
  /** Per wait-until node: the chance the awaited event comes, and after how many hours. Missing: never comes. */
  eventDelays: Record<string, { probability: number; hours: number }>;
  /** Journeys go-to may hand over to (others fail as unknown, as in the engine). */
  journeys: readonly { journeyId: string; version: number }[];
}

/** What the simulation runs. */
export interface SimulationInput {
  flow: JourneyFlow;
  journeyId: string;
  version: number;
  customers: readonly SimCustomer[];
  options: SimulationOptions;
}

/** Checks input before anything runs: a clear sentence for each way it cannot. */
export function checkSimulation(input: SimulationInput): Result<{ program: FlowProgram; triggerNodeId: string; slots: number[] | null }> {
  const { flow, customers, options } = input;
  const triggers = flow.nodes.filter((n) => n.kind === 'trigger');
  if (triggers.length === 0) return err('invalid-argument', 'This flow has no trigger: add one so customers have a way in.');
  const problems = validateFlow(flow).filter((p) => p.severity === 'error' && p.code !== 'goto-target');
  if (hasBlockingProblems(problems)) {
    return err('invalid-argument', `Fix the flow first (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems[0]!.message}`);
  }
  if (customers.length === 0) return err('invalid-argument', 'The population is empty: choose data with customers in it, or generate at least 1.');
  if (customers.length > maxSimulatedCustomers) {
    return err('too-large', `${customers.length.toLocaleString('en')} customers is over the simulator's limit of ${maxSimulatedCustomers.toLocaleString('en')}.`);
  }
  if (!(options.horizonDays >= 1 && options.horizonDays <= 3650)) return err('invalid-argument', 'Simulate between 1 and 3,650 days.');
  if (!(options.arrivalDays >= 0 && options.arrivalDays <= options.horizonDays)) return err('invalid-argument', 'Arrivals must spread over 0 days up to the simulated period.');
  const triggerNodeId = options.triggerNodeId ?? triggers[0]!.id;
  const trigger = triggers.find((t) => t.id === triggerNodeId);
  if (!trigger) return err('invalid-argument', 'The chosen trigger is not in this flow.');
  let slots: number[] | null = null;
  if (trigger.kind === 'trigger' && trigger.config.type === 'schedule') {
    // A schedule starts the whole population (its audience here) at every slot in the simulated days.
    slots = slotsBetween(trigger.config, options.startAt, options.startAt + options.horizonDays * dayMs, maxSimulatedCustomers + 1);
    if (slots.length === 0) return err('invalid-argument', 'The schedule fires no slot within the simulated days: simulate more days.');
    if (slots.length * customers.length > maxSimulatedCustomers) {
      return err('too-large', `${slots.length.toLocaleString('en')} slots × ${customers.length.toLocaleString('en')} customers is over the simulator's limit of ${maxSimulatedCustomers.toLocaleString('en')} runs: simulate fewer days or customers.`);
    }
  }
  return ok({ program: buildProgram({ journeyId: input.journeyId, version: input.version, flow }), triggerNodeId, slots });
}

/** Counters the run loop fills. */
export interface Tally {
  /** Messages by day (from the start) and channel. */
  perDay: Map<number, Map<Channel, number>>;
  /** First-visit arm counts per random split. */
  arms: Map<string, Map<string, number>>;
  steps: number;
}

/** Runs a whole simulation (call from a worker: it is synchronous). `onProgress` gets the share of customers started. */
export function simulate(input: SimulationInput, onProgress?: (fraction: number) => void): Result<SimulationReport> {
  const checked = checkSimulation(input);
  if (!checked.ok) return checked;
  const { program, triggerNodeId, slots } = checked.data;
  const { customers, options } = input;
  const directory = new Map(options.journeys.map((j) => [j.journeyId, j]));
  const journeys: JourneyLookup = { published: (id) => { const j = directory.get(id); return j ? { ...j, acceptsRuns: true } : null; } };
  const ctx: StepContext = { journeys, undecided: chooser(options) };
  const tally: Tally = { perDay: new Map(), arms: new Map(), steps: 0 };
  // One run per customer, or per customer and slot for a schedule: run i is customer i % n.
  const n = customers.length;
  const runs = n * (slots?.length ?? 1);
  const states: RunState[] = new Array<RunState>(runs);
  const horizon = options.startAt + options.horizonDays * dayMs;
  // Wake-ups: (time, run, kind). Arrivals go in the same queue so time runs forward once.
  const queue = new MinHeap();
  for (let i = 0; i < runs; i++) {
    const at = slots ? slots[Math.floor(i / n)]! : options.startAt + Math.floor(stableDraw('arrive', customers[i]!.id, i) * options.arrivalDays * dayMs);
    queue.push(at, i, 0);
  }
  let started = 0;
  const record = (i: number, r: StepResult) => {
    let res = r;
    for (;;) {
      count(program, tally, options.startAt, res);
      if (res.state.status !== 'sending') break;
      // Nothing is sent: every message is taken as delivered at once.
      res = stepRun(program, res.state, { type: 'sent', at: res.state.updatedAt, idempotencyKey: res.state.pending!.idempotencyKey }, ctx);
    }
    states[i] = res.state;
    if (res.state.status === 'waiting') schedule(queue, program, options, res.state, i);
  };
  while (queue.size > 0) {
    const top = queue.pop()!;
    if (top.at > horizon) break;
    const i = top.index;
    if (top.kind === 0) {
      const c = customers[i % n]!;
      record(i, startRun(program, { runId: `sim-${i}`, customerId: c.id, triggerNodeId, at: top.at, attributes: c.attributes }, ctx));
      if (++started % 10_000 === 0) onProgress?.(started / runs);
      continue;
    }
    const s = states[i]!;
    if (s.status !== 'waiting') continue;
    if (top.kind === 1) record(i, stepRun(program, s, { type: 'timer', at: top.at }, ctx));
    else record(i, stepRun(program, s, { type: 'event', at: top.at, event: { name: simulatedEventName(program, s.wait!.nodeId), at: top.at, properties: {} } }, ctx));
  }
  onProgress?.(1);
  return ok({ ...summarise(program, states.filter((s) => s !== undefined), tally, customers.length), slots: slots?.length ?? 0 });
}

/** Picks by the designer's weights among the handles the data left open (equal weights when none set). */
function chooser(options: SimulationOptions): UndecidedChooser {
  return ({ nodeId, handles, draw }) => {
    // A wait-until asks when a simulated event arrives: the event is the one it waits for.
    if (handles.includes('wait')) return 'out';
    const weights = options.branchWeights[nodeId] ?? {};
    const w = handles.map((h) => Math.max(0, weights[h] ?? (Object.keys(weights).length === 0 ? 1 : 0)));
    const total = w.reduce((a, b) => a + b, 0);
    if (total <= 0) return handles[Math.min(handles.length - 1, Math.floor(draw * handles.length))]!;
    let acc = 0;
    for (let k = 0; k < handles.length; k++) {
      acc += w[k]!;
      if (draw * total < acc) return handles[k]!;
    }
    return handles[handles.length - 1]!;
  };
}

/** The event a wait-until waits for, when its rules name one (`event = purchase`). */
function simulatedEventName(program: FlowProgram, nodeId: string): string {
  const node = program.nodes.get(nodeId);
  if (node?.kind === 'wait' && node.config.mode === 'until') {
    const rule = node.config.condition.rules.find((r) => r.source === 'response' && r.field === 'event' && r.operator === 'equals');
    if (rule && rule.value !== undefined) return String(rule.value);
  }
  return 'simulated event';
}

function schedule(queue: MinHeap, program: FlowProgram, options: SimulationOptions, s: RunState, i: number): void {
  const wait = s.wait!;
  if (wait.mode === 'until') {
    const design = options.eventDelays[wait.nodeId];
    const visit = s.visits[wait.nodeId] ?? 0;
    if (design && stableDraw('event', s.runId, wait.nodeId, visit) < design.probability) {
      const at = wait.since + design.hours * 3_600_000;
      if (wait.until === null || at < wait.until) {
        queue.push(at, i, 2);
        return;
      }
    }
  }
  if (wait.until !== null) queue.push(wait.until, i, 1);
}

function count(program: FlowProgram, tally: Tally, startAt: number, r: StepResult): void {
  tally.steps += r.log.length;
  for (const e of r.effects) {
    if (e.kind !== 'send') continue;
    const day = Math.floor((r.state.updatedAt - startAt) / dayMs);
    let row = tally.perDay.get(day);
    if (!row) tally.perDay.set(day, (row = new Map()));
    row.set(e.message.channel, (row.get(e.message.channel) ?? 0) + 1);
  }
  for (const l of r.log) {
    if (l.outcome !== 'branch' || l.stepId !== `${l.nodeId}#1` || program.nodes.get(l.nodeId)?.kind !== 'randomSplit') continue;
    let arms = tally.arms.get(l.nodeId);
    if (!arms) tally.arms.set(l.nodeId, (arms = new Map()));
    arms.set(l.handle!, (arms.get(l.handle!) ?? 0) + 1);
  }
}
