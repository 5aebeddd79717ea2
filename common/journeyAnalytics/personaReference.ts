/**
 * The plain reference of {@link groupFunnels}: split the plain events by the group of their
 * customer and run the reference journey analysis on each part and on the whole. Too slow for real
 * logs; tests compare the one-pass kernel with it.
 */
import type { GroupFunnel } from './groupFunnels';
import type { StageSpec } from './match';
import { referenceAnalyse, type PlainEvent } from './reference';

/** Funnels per group (`groupOf` gives a customer's group, -1 none), then the whole log. */
export function referenceGroupFunnels(events: readonly PlainEvent[], stages: readonly StageSpec[], groupOf: (customer: string) => number, groups: number): GroupFunnel[] {
  const parts: PlainEvent[][] = Array.from({ length: groups }, () => []);
  for (const e of events) {
    const g = groupOf(e.customer);
    if (g >= 0) parts[g]!.push(e);
  }
  return [...parts, [...events]].map((part) => {
    const f = referenceAnalyse(part, stages, { topPaths: 0 });
    return {
      customers: f.customers, matched: f.matchedCustomers,
      reach: f.stages.map((s) => s.reachStrict), dropOff: f.stages.map((s) => s.dropOff),
      completed: f.completed, timeToComplete: f.timeToComplete,
    };
  });
}
