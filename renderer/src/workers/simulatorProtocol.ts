/**
 * Messages between the flow view's simulator panel and the simulator worker. Cancelling terminates
 * the worker (a simulation is one synchronous loop), so there is no cancel message.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { JourneyFlow } from '../../../common/journey';
import type { SimulationOptions, SimulationReport } from '../../../common/flowEngine';
import type { Result } from '../../../common/result';

/** Who is simulated. */
export type SimPopulation =
  | { kind: 'generated'; count: number }
  | { kind: 'dataset'; header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }
  | { kind: 'eventLog'; header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] };

/** A simulation request. */
export interface SimRequest {
  type: 'run';
  flow: JourneyFlow;
  journeyId: string;
  version: number;
  population: SimPopulation;
  options: SimulationOptions;
}

/** An answer: progress (share of customers started), then the result. */
export type SimResponse =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: Result<SimulationReport> };
