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

/** The rows of the live-metrics block: the figure's key in {@link LiveMetrics} and the target it is held to. */
export const liveMetricRows = [
  { key: 'satisfaction', label: 'Satisfaction', target: 'satisfaction' },
  { key: 'nps', label: 'Loyalty (NPS)', target: 'loyalty' },
  { key: 'trust', label: 'Trust', target: 'trust' },
  { key: 'effort', label: 'Effort', target: 'effort' },
] as const;

/**
 * One live figure as text. Satisfaction, trust and effort are means of the answers on their own
 * scale (1–5 in the shipped samples) and NPS is −100 … 100, none of them a share of responses, so
 * every figure prints as a plain number with one decimal and no unit.
 */
export function formatLiveValue(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}
