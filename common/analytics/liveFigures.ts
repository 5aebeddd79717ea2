/**
 * The live-metrics block's figures as the persona canvas shows them, shared with the PDF exports so
 * screen and paper never disagree: all of a persona's days merged (the newest snapshot of each day),
 * and one formatting rule for every metric.
 */
import { emptyMetrics, mergeMetrics, summariseMetrics, type LiveMetrics } from './metrics';
import { latestPerDay, type PersonaSnapshotDoc } from './snapshots';

/** A persona's live metrics over all its snapshot days, and the days they span. */
export interface MergedLiveMetrics {
  live: LiveMetrics;
  /** First and last snapshot day, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
}

/**
 * Sums every day's newest snapshot of a persona into one set of figures (the block's "N matched
 * responses, first to last"); `null` before the first snapshot.
 */
export function mergedLiveMetrics(snapshots: readonly PersonaSnapshotDoc[]): MergedLiveMetrics | null {
  const days = latestPerDay(snapshots);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const live = summariseMetrics(days.reduce((acc, s) => mergeMetrics(acc, s.metrics.sums), emptyMetrics()));
  return { live, firstDay: first.day, lastDay: last.day };
}

/** A metric of the live-metrics block, named by the key its section data and its target use. */
export type LiveMetricKey = 'satisfaction' | 'loyalty' | 'trust' | 'effort';

/** Targets as the persona stores them (see `ExpectedMetrics` in common/persona). */
export interface LiveTargets {
  satisfaction?: number;
  loyalty?: number;
  trust?: number;
  /** The old "Effort %" target: compared with nothing. */
  effort?: number;
  ces?: number;
}

/** One row of the live-metrics block: its figure and the target held to it, always in one unit. */
export interface LiveMetricRow {
  key: LiveMetricKey;
  /** The name with its unit, as screen and every export print it. */
  label: string;
  /** `%` for shares, empty for scores. */
  unit: '%' | '';
  value(live: LiveMetrics): number | null;
  target(targets: LiveTargets): number | undefined;
}

/**
 * The rows of the live-metrics block. Satisfaction and trust targets are percentages ("Satisfaction
 * %", "Trust %"), so the figures beside them are top-2-box shares, not the 1–5 means; effort is shown
 * as CES (the mean effort answer) and held to the CES target, never to an old "Effort %" target.
 */
export const liveMetricRows: readonly LiveMetricRow[] = [
  { key: 'satisfaction', label: 'CSAT %', unit: '%', value: (l) => l.csat, target: (t) => t.satisfaction },
  { key: 'loyalty', label: 'Loyalty (NPS)', unit: '', value: (l) => l.nps, target: (t) => t.loyalty },
  { key: 'trust', label: 'Trust %', unit: '%', value: (l) => l.trustPercent, target: (t) => t.trust },
  { key: 'effort', label: 'CES', unit: '', value: (l) => l.effort, target: (t) => t.ces },
];

/** The row of a metric key; unknown keys (from a newer app) give `undefined`. */
export function liveMetricRow(key: string): LiveMetricRow | undefined {
  return liveMetricRows.find((r) => r.key === key);
}

/**
 * One live figure as text: shares as whole percentages ("73%", as targets are entered; they must
 * fit the PDF's metric cards), scores (NPS, CES) as a plain number with one decimal; "—" without data.
 */
export function formatLiveValue(value: number | null | undefined, unit: '%' | '' = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return unit === '%' ? `${value.toFixed(0)}%` : value.toFixed(1);
}

/** The target of one live metric as text in its figure's unit ("80%", "2.5"); `undefined` when none is set. */
export function liveTarget(targets: LiveTargets, key: string): string | undefined {
  const row = liveMetricRow(key);
  const t = row?.target(targets);
  return row && t !== undefined ? `${String(t)}${row.unit}` : undefined;
}
