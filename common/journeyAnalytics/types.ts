/**
 * The in-memory event log the journey kernels read, and the figures they produce. An event log is
 * columnar: one entry per event in typed arrays, customers, event names and property values
 * dictionary-encoded, so 10M events cost about 20 bytes each.
 */
import type { CardFigures, CardSpec } from './cards';

/** A dictionary-encoded property column: `codes[i]` indexes `dict`, -1 is missing. */
export interface PropertyColumn {
  /** The property's name as the log writes it (e.g. `channel`, `$browser`, `device.category`). */
  name: string;
  dict: string[];
  codes: Int32Array;
}

/** Events in columns. Order is arbitrary (the kernels sort per customer). */
export interface EventLog {
  length: number;
  /** Customer of each event, into `customers`. */
  customer: Int32Array;
  customers: string[];
  /** Event name of each event, into `events`. */
  event: Int32Array;
  events: string[];
  /** Time of each event, ms since the epoch (UTC). */
  time: Float64Array;
  /** Other columns (channel included), by name. */
  properties: PropertyColumn[];
}

/** Fixed bucket upper bounds (ms) of time distributions, so two implementations agree exactly. */
export const durationBuckets: readonly number[] = [
  60_000, 5 * 60_000, 15 * 60_000, 3_600_000, 6 * 3_600_000, 86_400_000, 3 * 86_400_000, 7 * 86_400_000, 30 * 86_400_000, Infinity,
];
/** Labels of {@link durationBuckets}. */
export const durationBucketLabels: readonly string[] = ['< 1 min', '1–5 min', '5–15 min', '15–60 min', '1–6 h', '6–24 h', '1–3 d', '3–7 d', '7–30 d', '≥ 30 d'];

/** Summary of a set of durations (ms): count, median and p90 by nearest rank, and a histogram. */
export interface DurationSummary {
  count: number;
  /** null when count is 0. */
  median: number | null;
  p90: number | null;
  mean: number | null;
  /** Counts per {@link durationBuckets} bucket. */
  buckets: number[];
}

/** Figures of one stage. */
export interface StageFigures {
  stageId: string;
  name: string;
  /** Customers who reached the stage after every earlier stage, in order (greedy, first start). */
  reachStrict: number;
  /** Customers with any event of the stage, whatever came before. */
  reachAny: number;
  /** reachStrict / previous stage's reachStrict (1 for the first stage; null when the previous is 0). */
  conversionStrict: number | null;
  /** reachAny / previous stage's reachAny (may exceed 1: order is ignored). */
  conversionAny: number | null;
  /** Customers whose furthest stage in order is this one (0 for the last stage). */
  dropOff: number;
  /** dropOff / reachStrict (null when no one reached it). */
  dropOffRate: number | null;
  /** From entering the stage to its last event before entering the next (customers who moved on; all who reached the last stage). */
  timeInStage: DurationSummary;
  /** From entering this stage to entering the next (null for the last stage). */
  timeToNext: DurationSummary | null;
  /** Active customers whose latest event belongs to this stage. */
  current: number;
}

/** One path: stages visited in time order, repeats of the same stage in a row collapsed. */
export interface PathCount {
  /** Stage indexes; a path longer than the limit ends with -1 ("and more"). */
  stages: number[];
  customers: number;
  /** A stage occurs twice (the customer went back). */
  loops: boolean;
  /** The path enters a stage before visiting every earlier one. */
  skips: boolean;
  /** The last stage is on the path. */
  completes: boolean;
}

/**
 * Customers who went straight from one stage to another: the next stage event after an event of
 * `from` belongs to `to` (unmatched events in between are ignored and repeats of a stage in a row are
 * one visit, as in paths). `to > from + 1` skips stages, `to < from` goes back (a loop). Counted over
 * the whole path, however long, not only the part a listed path shows.
 */
export interface StageTransition {
  from: number;
  to: number;
  /** Distinct customers who made this move at least once. */
  customers: number;
  /** Moves in all (a customer going round a loop twice counts twice). */
  moves: number;
}

/** Everything computed for one journey over one event log (or one segment of it). */
export interface JourneyFigures {
  /** Events read, after duplicates were dropped. */
  events: number;
  duplicates: number;
  /** Distinct customers in the (filtered) log. */
  customers: number;
  /** Customers with at least one event matching a stage. */
  matchedCustomers: number;
  stages: StageFigures[];
  /** Customers who reached the last stage in order. */
  completed: number;
  /** completed / first stage's reachStrict. */
  completionRate: number | null;
  /** First stage entry to last stage entry. */
  timeToComplete: DurationSummary;
  /** Most frequent paths, most customers first (ties: shorter, then lexicographic). */
  topPaths: PathCount[];
  /** Distinct paths. */
  pathCount: number;
  /** Every stage-to-stage move made at least once, by `from` then `to`. */
  transitions: StageTransition[];
  /** The "now" of current-stage counts and the inactivity cut-off used. */
  asOf: number;
  inactiveAfterMs: number;
  /** Customers with stage events whose latest one is older than the cut-off. */
  inactive: number;
  /** Events matching no stage (nor a card, when cards were given), by name, most frequent first. */
  unmatched: { name: string; count: number }[];
  /** Figures of the cards given in the options ({@link AnalyseOptions.cards}), in their order. */
  cards?: CardFigures[];
}

/** Which customers an analysis covers. */
export type CustomerFilter =
  | { kind: 'all' }
  /** Customers whose first event (of any kind) is in [from, to). */
  | { kind: 'period'; from: number; to: number }
  /** Customers whose first event has `property` in `values`. */
  | { kind: 'property'; property: string; values: string[] };

/** Options of an analysis. */
export interface AnalyseOptions {
  /** Paths listed (default 20). */
  topPaths?: number;
  /** Path length kept before "and more" (default 12). */
  maxPathLength?: number;
  /** Default: the latest event time. */
  asOf?: number;
  /** Default 30 days. */
  inactiveAfterMs?: number;
  filter?: CustomerFilter;
  /** Unmatched event names listed (default 50). */
  unmatchedListed?: number;
  /** Touchpoint cards with event rules to count (their events are no longer unmatched). */
  cards?: CardSpec[];
}
