/**
 * Evolution of a persona over 7, 30 or 90 days or a custom range, read from its daily snapshots
 * (anomaly flags on the series: `anomalies.ts`).
 */
import { dayName, parseDayName } from './days';
import { emptyMetrics, mergeMetrics, summariseMetrics, type LiveMetrics, type MetricAccumulator } from './metrics';
import type { PersonaSnapshotDoc } from './snapshots';

/** One day of an evolution chart; days without a snapshot have zero responses and null metrics. */
export interface EvolutionPoint {
  day: string;
  responses: number;
  /** Mean match score of the day's responses in percent, `null` without responses. */
  averagePercent: number | null;
  distribution: { strong: number; moderate: number; weak: number };
  live: LiveMetrics;
  /** The day's additive sums (answer counts per metric, for sample-size-aware anomaly checks). */
  sums: MetricAccumulator;
}

/** A range of days and the figures over all of it. */
export interface Evolution {
  from: string;
  to: string;
  points: EvolutionPoint[];
  /** The whole range summed. */
  total: EvolutionPoint;
}

/** A range: the last N days up to `today` (inclusive), or explicit days. */
export type EvolutionRange = { lastDays: number; today: string } | { from: string; to: string };

/** Builds the day-by-day series and range totals from one snapshot per day (see `latestPerDay`). */
export function evolution(snapshots: readonly PersonaSnapshotDoc[], range: EvolutionRange): Evolution {
  const [from, to] = 'lastDays' in range
    ? [(parseDayName(range.today) ?? 0) - Math.max(1, range.lastDays) + 1, parseDayName(range.today) ?? 0]
    : [parseDayName(range.from) ?? 0, parseDayName(range.to) ?? 0];
  const byDay = new Map(snapshots.map((s) => [s.day, s]));
  const points: EvolutionPoint[] = [];
  const total = { responses: 0, scoreSum: 0, distribution: { strong: 0, moderate: 0, weak: 0 }, sums: emptyMetrics() };
  for (let d = from; d <= to; d++) {
    const day = dayName(d);
    const m = byDay.get(day)?.metrics;
    points.push(point(day, m?.responses ?? 0, m?.scorePercentSum ?? 0, m?.distribution, m?.sums ?? emptyMetrics()));
    if (!m) continue;
    total.responses += m.responses;
    total.scoreSum += m.scorePercentSum;
    for (const k of ['strong', 'moderate', 'weak'] as const) total.distribution[k] += m.distribution[k];
    mergeMetrics(total.sums, m.sums);
  }
  return {
    from: dayName(from), to: dayName(Math.max(from, to)), points,
    total: point(`${dayName(from)}/${dayName(to)}`, total.responses, total.scoreSum, total.distribution, total.sums),
  };
}

function point(day: string, responses: number, scoreSum: number, distribution: EvolutionPoint['distribution'] | undefined, sums: MetricAccumulator): EvolutionPoint {
  return {
    day, responses, averagePercent: responses > 0 ? scoreSum / responses : null,
    distribution: distribution ?? { strong: 0, moderate: 0, weak: 0 }, live: summariseMetrics(sums), sums,
  };
}

export { detectAnomalies } from './anomalies';
export type { Anomaly, AnomalyOptions } from './anomalies';
