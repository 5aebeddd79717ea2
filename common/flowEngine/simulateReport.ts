import type { Channel, RunState, RunStatus, StepFailureCode } from './ports';
import type { FlowProgram } from './program';
import type { Tally } from './simulate';

/** Per node: customers who reached it, are waiting there at the end, ended there, failed there. */
export interface NodeFigures {
  reached: number;
  waiting: number;
  ended: number;
  failed: number;
}

/** What a simulation shows. */
export interface SimulationReport {
  customers: number;
  /** Runs started inside the simulated period (one per customer; per customer and slot for a schedule). */
  started: number;
  /** Schedule slots in the simulated period (0 when the trigger is not a schedule). */
  slots: number;
  nodes: Record<string, NodeFigures>;
  /** Steps no simulated customer reached, in flow order. */
  unreached: string[];
  /** Runs by final status (`waiting` and `sending`: still going when time ran out). */
  outcomes: Partial<Record<RunStatus, number>>;
  /** From start to the run's end (exit, completion, goal, hand-over), ms; nearest rank. */
  timeToExit: { count: number; median: number | null; p90: number | null };
  /** Messages per simulated day (0 = the first day) and channel, days with messages only. */
  messagesPerDay: { day: number; counts: Partial<Record<Channel, number>> }[];
  /** Random splits: customers per arm on their first pass. */
  arms: { nodeId: string; label: string; arms: { handle: string; label: string; percent: number; count: number }[] }[];
  /** Failures by step and reason, with one example message. */
  failures: { nodeId: string; code: StepFailureCode; count: number; example: string }[];
  /** Interpreter steps executed. */
  steps: number;
}

const endedStatuses: ReadonlySet<RunStatus> = new Set(['exited', 'completed', 'converted', 'handedOver']);

/** Nearest-rank quantile of sorted values. */
function rank(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Folds the final run states and the tally into the report. */
export function summarise(program: FlowProgram, states: readonly RunState[], tally: Tally, customers: number): SimulationReport {
  const nodes: Record<string, NodeFigures> = {};
  for (const id of program.nodes.keys()) nodes[id] = { reached: 0, waiting: 0, ended: 0, failed: 0 };
  const outcomes: Partial<Record<RunStatus, number>> = {};
  const durations: number[] = [];
  const failures = new Map<string, { nodeId: string; code: StepFailureCode; count: number; example: string }>();
  for (const s of states) {
    for (const id in s.visits) if (nodes[id]) nodes[id].reached++;
    outcomes[s.status] = (outcomes[s.status] ?? 0) + 1;
    const here = nodes[s.nodeId];
    if (s.status === 'waiting' || s.status === 'sending') { if (here) here.waiting++; }
    else if (s.status === 'failed') {
      if (here) here.failed++;
      const f = s.failure!;
      const key = `${f.nodeId}\u0000${f.code}`;
      const row = failures.get(key);
      if (row) row.count++;
      else failures.set(key, { nodeId: f.nodeId, code: f.code, count: 1, example: f.message });
    } else if (endedStatuses.has(s.status)) {
      if (here) here.ended++;
      durations.push(s.endedAt! - s.startedAt);
    }
  }
  const sorted = Float64Array.from(durations).sort();
  const arms = [...tally.arms.keys()].sort().flatMap((nodeId) => {
    const node = program.nodes.get(nodeId);
    if (node?.kind !== 'randomSplit') return [];
    const counts = tally.arms.get(nodeId)!;
    return [{ nodeId, label: node.label, arms: node.config.branches.map((b) => ({ handle: b.id, label: b.label, percent: b.percent, count: counts.get(b.id) ?? 0 })) }];
  });
  return {
    customers,
    started: states.length,
    slots: 0,
    nodes,
    unreached: [...program.nodes.keys()].filter((id) => nodes[id]!.reached === 0),
    outcomes,
    timeToExit: { count: sorted.length, median: rank(sorted, 0.5), p90: rank(sorted, 0.9) },
    messagesPerDay: [...tally.perDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, m]) => ({ day, counts: Object.fromEntries(m) })),
    arms,
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
    steps: tally.steps,
  };
}
