/**
 * Funnels of several groups of customers in one pass (issue 14, persona–journey correlation): each
 * customer of the log belongs to at most one group (a persona), and the pass counts, per group and for
 * the whole log, who reached each stage in order, who completed, where they stopped and how long
 * completion took. One sort and one walk whatever the number of groups, where running the journey
 * kernel once per persona would sort the log once per persona. `personaReference.ts` is the plain
 * version the tests compare it with.
 */
import { stagesOfEvents, type StageSpec } from './match';
import { customerOrder } from './order';
import { DurationList } from './stats';
import type { DurationSummary, EventLog } from './types';

/** The funnel of one group of customers. */
export interface GroupFunnel {
  /** Customers of the group with at least one event in the log. */
  customers: number;
  /** Customers of the group with at least one event matching a stage. */
  matched: number;
  /** Per stage: customers who reached it after every earlier stage, in order (greedy, first start). */
  reach: number[];
  /** Per stage: customers whose furthest stage in order is this one (0 for the last stage). */
  dropOff: number[];
  /** Customers who reached the last stage in order. */
  completed: number;
  /** First stage entry to last stage entry of those who completed. */
  timeToComplete: DurationSummary;
}

/**
 * Funnels of `groups` groups; `group[c]` is the group of log customer `c` (-1: none). The result has
 * `groups + 1` entries: one per group, then the whole log (every customer, grouped or not), so a
 * group can be compared with the rest.
 */
export function groupFunnels(log: EventLog, stages: readonly StageSpec[], group: Int32Array, groups: number): GroupFunnel[] {
  if (group.length !== log.customers.length) throw new Error(`group has ${group.length} entries for ${log.customers.length} customers`);
  const stageOf = stagesOfEvents(log, stages);
  const { order, start, duplicate } = customerOrder(log, stageOf);
  const k = stages.length;
  const all = groups;
  // furthest[g * (k + 1) + p]: customers of group g whose progress in order is exactly p.
  const furthest = new Int32Array((groups + 1) * (k + 1));
  const customers = new Int32Array(groups + 1);
  const matched = new Int32Array(groups + 1);
  const toComplete = Array.from({ length: groups + 1 }, () => new DurationList());
  const { time } = log;
  for (let c = 0; c < log.customers.length; c++) {
    const lo = start[c]!, hi = start[c + 1]!;
    if (lo === hi) continue;
    const g = group[c]!;
    if (g >= groups) throw new Error(`customer ${c} is in group ${g}; there are ${groups}`);
    let p = 0, any = false, first = 0, last = 0;
    for (let i = lo; i < hi; i++) {
      if (duplicate[i] === 1) continue;
      const row = order[i]!;
      const s = stageOf[row]!;
      if (s < 0) continue;
      any = true;
      if (p < k && s === p) {
        if (p === 0) first = time[row]!;
        if (p === k - 1) last = time[row]!;
        p++;
      }
    }
    customers[all]!++;
    if (g >= 0) customers[g]!++;
    if (!any) continue;
    matched[all]!++;
    furthest[all * (k + 1) + p]!++;
    if (g >= 0) { matched[g]!++; furthest[g * (k + 1) + p]!++; }
    if (p === k && k > 0) {
      toComplete[all]!.push(last - first);
      if (g >= 0) toComplete[g]!.push(last - first);
    }
  }
  return Array.from({ length: groups + 1 }, (_, g) => {
    const base = g * (k + 1);
    const reach = new Array<number>(k).fill(0);
    let atLeast = 0;
    for (let s = k - 1; s >= 0; s--) { atLeast += furthest[base + s + 1]!; reach[s] = atLeast; }
    return {
      customers: customers[g]!, matched: matched[g]!, reach,
      dropOff: reach.map((_, s) => (s === k - 1 ? 0 : furthest[base + s + 1]!)),
      completed: k > 0 ? reach[k - 1]! : 0,
      timeToComplete: toComplete[g]!.summary(),
    };
  });
}
