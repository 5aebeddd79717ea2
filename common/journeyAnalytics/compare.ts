/**
 * Two periods or two segments side by side: the figures of each, and per stage the difference in
 * the share of starters who reached it (and in completion) with a 95 % interval, so a change can be
 * told from noise.
 */
import type { EventRule } from '../journey/eventRules';
import { analyseJourney } from './kernels';
import { proportionDifference } from './stats';
import type { AnalyseOptions, CustomerFilter, EventLog, JourneyFigures } from './types';

/** A difference of two rates (A − B) with its 95 % interval; null when a side has no starters. */
export type RateDifference = { difference: number; low: number; high: number } | null;

/** The comparison of two groups of customers. */
export interface JourneyComparison {
  a: JourneyFigures;
  b: JourneyFigures;
  /** Per stage: reachStrict / first stage's reachStrict, A − B. */
  reach: RateDifference[];
  /** Completion rate, A − B. */
  completion: RateDifference;
  /** Median time to complete, A − B (ms); null when a side has none. */
  medianTimeToComplete: number | null;
}

/** Compares the customers of two filters over the same log and journey. */
export function compareJourney(
  log: EventLog, stages: readonly { id: string; name: string; events?: EventRule[] }[],
  a: CustomerFilter, b: CustomerFilter, options: Omit<AnalyseOptions, 'filter'> = {},
): JourneyComparison {
  const fa = analyseJourney(log, stages, { ...options, filter: a });
  const fb = analyseJourney(log, stages, { ...options, filter: b });
  const startA = fa.stages[0]?.reachStrict ?? 0, startB = fb.stages[0]?.reachStrict ?? 0;
  const ma = fa.timeToComplete.median, mb = fb.timeToComplete.median;
  return {
    a: fa, b: fb,
    reach: fa.stages.map((s, i) => proportionDifference(s.reachStrict, startA, fb.stages[i]!.reachStrict, startB)),
    completion: proportionDifference(fa.completed, startA, fb.completed, startB),
    medianTimeToComplete: ma !== null && mb !== null ? ma - mb : null,
  };
}
