/**
 * Event-log counts on the flow view (issue 14 item 4): a flow step inherits the event rules of the
 * map stage it belongs to, so it shows that stage's figures from the imported log, the same numbers
 * as the map's funnel strip: customers who reached the stage in order, its share of the previous
 * stage, and customers there now. An edge from a step of one stage to a step of the next stage (in
 * map order) shows the customers who moved on between them, which is the next stage's reach in order.
 * An edge that skips stages forward or goes back to an earlier stage shows the customers who made
 * that very move (the kernels' stage-to-stage transitions: the next stage event after one of the
 * source's stage belongs to the target's). Steps without a stage, or whose stage has no rules, get no
 * count: the log cannot say who reached them. Edges inside one stage get none either: the log does
 * not say which branch a customer took.
 * These are counts of what customers did (the event log), not of what the engine sent (its runs).
 */
import type { JourneyFlow } from '../journey/flowModel';
import type { Stage } from '../journey/mapModel';
import type { JourneyFigures } from './types';

/** What a step shows. */
export interface FlowNodeEventCount {
  stageId: string;
  stageName: string;
  /** Customers who reached the step's stage in order (the funnel's figure). */
  reach: number;
  /** reach / the previous stage's reach; null for the first stage or when the previous has none. */
  share: number | null;
  /** Active customers whose latest stage event is this stage. */
  current: number;
}

/**
 * What an edge shows: `next` (into the following stage: customers who moved on in order), `skip`
 * (forward past one or more stages) or `back` (to an earlier stage), with the customers who did it.
 */
export interface FlowEdgeEventCount {
  kind: 'next' | 'skip' | 'back';
  customers: number;
}

/** Counts per step id and per edge id; steps and edges the log says nothing about are absent. */
export interface FlowEventCounts {
  nodes: Record<string, FlowNodeEventCount>;
  edges: Record<string, FlowEdgeEventCount>;
}

/** The flow's counts from figures computed over the map's stages (in map order). */
export function flowEventCounts(flow: JourneyFlow, stages: readonly Pick<Stage, 'id' | 'name' | 'events'>[], figures: JourneyFigures): FlowEventCounts {
  // Stage position in the map, for stages with rules whose figures are at hand.
  const index = new Map<string, number>();
  stages.forEach((s, i) => {
    if ((s.events ?? []).length > 0 && figures.stages[i]?.stageId === s.id) index.set(s.id, i);
  });
  const nodes: Record<string, FlowNodeEventCount> = {};
  const stageOfNode = new Map<string, number>();
  for (const n of flow.nodes) {
    const i = n.stageId === undefined ? undefined : index.get(n.stageId);
    if (i === undefined) continue;
    const f = figures.stages[i]!;
    stageOfNode.set(n.id, i);
    nodes[n.id] = { stageId: f.stageId, stageName: stages[i]!.name, reach: f.reachStrict, share: i === 0 ? null : f.conversionStrict, current: f.current };
  }
  const moved = new Map<number, number>();
  const k = figures.stages.length;
  for (const t of figures.transitions) moved.set(t.from * k + t.to, t.customers);
  const edges: Record<string, FlowEdgeEventCount> = {};
  for (const e of flow.edges) {
    const from = stageOfNode.get(e.source);
    const to = stageOfNode.get(e.target);
    if (from === undefined || to === undefined || from === to) continue;
    if (to === from + 1) edges[e.id] = { kind: 'next', customers: figures.stages[to]!.reachStrict };
    else edges[e.id] = { kind: to > from ? 'skip' : 'back', customers: moved.get(from * k + to) ?? 0 };
  }
  return { nodes, edges };
}
