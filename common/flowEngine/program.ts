import type { Duration, FlowNode, JourneyFlow } from '../journey/flowModel';
import { outputHandles } from '../journey/flowModel';

/**
 * A published flow prepared for running: nodes by id and, per node, the target of each output.
 * Built once per journey version and shared by every run on it.
 */
export interface FlowProgram {
  journeyId: string;
  version: number;
  nodes: ReadonlyMap<string, FlowNode>;
  /** `next.get(nodeId)?.get(handle)`: the node an output leads to. */
  next: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Events that count as the journey's goal: one arriving ends the run as converted. */
  goalEvents: ReadonlySet<string>;
}

/** What a program is built from. */
export interface ProgramInput {
  journeyId: string;
  version: number;
  flow: JourneyFlow;
  /**
   * Goal event names. Today's flow model has no goal node: the goal is the journey's conversion
   * event (issue 14's goal events), passed in by the host.
   */
  goalEvents?: readonly string[];
}

/** Prepares a flow. Edges from unknown nodes or handles are ignored here (validateFlow reports them). */
export function buildProgram(input: ProgramInput): FlowProgram {
  const nodes = new Map(input.flow.nodes.map((n) => [n.id, n]));
  const next = new Map<string, Map<string, string>>();
  for (const e of input.flow.edges) {
    const source = nodes.get(e.source);
    if (!source || !nodes.has(e.target) || !outputHandles(source).includes(e.sourceHandle)) continue;
    let m = next.get(e.source);
    if (!m) next.set(e.source, (m = new Map()));
    // The first edge from a handle wins; a second one is a design error the validator shows.
    if (!m.has(e.sourceHandle)) m.set(e.sourceHandle, e.target);
  }
  return { journeyId: input.journeyId, version: input.version, nodes, next, goalEvents: new Set(input.goalEvents ?? []) };
}

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 } as const;

/** A duration in milliseconds. */
export function durationMs(d: Duration): number {
  return d.amount * unitMs[d.unit];
}
