/**
 * Anomaly flags on a persona's daily series, by a control limit that accounts for each day's sample
 * size (a Shewhart chart with a varying n). One fixed threshold cannot serve every metric: 15 points
 * is noise for an NPS day of five answers and unreachable on a 1–5 scale.
 *
 * The rule, per metric and day d with n_d answers and value x_d:
 * - spread: the per-answer standard deviation σ, pooled over the reference days (the preceding
 *   `trailingDays` days with answers): from the sums of squares for means (satisfaction, trust,
 *   effort, NPS mean); from the promoter and detractor counts for NPS, whose per-answer score is
 *   +100, 0 or −100 (σ² = 100²·((P + D)/N − ((P − D)/N)²));
 * - against the trailing mean μ (answer-weighted over the N answers of the reference days): flag
 *   when |x_d − μ| > z·σ·√(1/n_d + 1/N), the standard error of a difference of two means;
 * - against the persona's expected value E: flag when |x_d − E| > z·σ/√n_d (σ from the reference
 *   days, or from the day itself when there are none yet);
 * - z = 3 by default: under a stable process a day is flagged with probability ≈ 0.27 % per check
 *   (normal approximation); `anomalies.test.ts` measures the rate on generated stationary data.
 * - no flag on a day with fewer than `minAnswers` (5) answers, against a trailing mean of fewer
 *   than `minReferenceAnswers` (30) answers or 3 days, or when σ is 0 or unknown (snapshots older
 *   than engine version 2 carry no sums of squares).
 */
import type { MeanAccumulator, MetricName, NpsAccumulator } from './metrics';
import type { EvolutionPoint } from './evolution';

/** How to flag anomalies. */
export interface AnomalyOptions {
  metric: MetricName;
  /** Width of the control limit in standard errors (default 3). */
  sigmas?: number;
  /** The persona's expected value for the metric, in the metric's units, if set. */
  expected?: number;
  /** Days before the day that form its reference (default 14); days without answers are skipped. */
  trailingDays?: number;
  /** Fewest answers a day needs to be judged (default 5). */
  minAnswers?: number;
  /** Fewest answers the reference days need (default 30). */
  minReferenceAnswers?: number;
}

/** A day whose metric lies outside its control limit. */
export interface Anomaly {
  day: string;
  metric: MetricName;
  value: number;
  against: 'expected' | 'trailing';
  reference: number;
  deviation: number;
  /** The half-width of the limit the deviation passed (z standard errors), in the metric's units. */
  limit: number;
  /** The day's answers. */
  answers: number;
}

/** Answers, sum of per-answer values and sum of their squares, in the metric's own units. */
interface Moments { n: number; sum: number; sq: number | undefined }

function momentsOf(point: EvolutionPoint, metric: MetricName): Moments {
  if (metric === 'nps') {
    // Each answer scores +100 (promoter), 0 or −100 (detractor); squares are 100² for P and D alike.
    const a: NpsAccumulator = point.sums.nps;
    return { n: a.n, sum: 100 * (a.promoters - a.detractors), sq: 100 * 100 * (a.promoters + a.detractors) };
  }
  const a: MeanAccumulator = metric === 'npsMean' ? point.sums.nps : point.sums[metric];
  return { n: a.n, sum: a.sum, sq: a.sq };
}

function variance(m: Moments): number | null {
  if (m.sq === undefined || m.n < 2) return null;
  const v = (m.sq - (m.sum * m.sum) / m.n) / (m.n - 1);
  return v > 1e-12 ? v : null;
}

/** Flags days of a series against the expected value and against the preceding days. */
export function detectAnomalies(points: readonly EvolutionPoint[], options: AnomalyOptions): Anomaly[] {
  const z = options.sigmas ?? 3;
  const window = Math.max(1, options.trailingDays ?? 14);
  const minAnswers = options.minAnswers ?? 5;
  const minReference = options.minReferenceAnswers ?? 30;
  const out: Anomaly[] = [];
  const history: Moments[] = [];
  for (const p of points) {
    const day = momentsOf(p, options.metric);
    if (day.n === 0) continue;
    const value = day.sum / day.n;
    const ref = history.reduce<Moments>((acc, m) => ({
      n: acc.n + m.n, sum: acc.sum + m.sum, sq: acc.sq === undefined || m.sq === undefined ? undefined : acc.sq + m.sq,
    }), { n: 0, sum: 0, sq: 0 });
    const refVariance = history.length >= 3 && ref.n >= minReference ? variance(ref) : null;
    if (day.n >= minAnswers) {
      const flag = (against: Anomaly['against'], reference: number, se: number) => {
        const deviation = value - reference;
        if (Math.abs(deviation) > z * se) out.push({ day: p.day, metric: options.metric, value, against, reference, deviation, limit: z * se, answers: day.n });
      };
      if (options.expected !== undefined) {
        const v = refVariance ?? variance(day);
        if (v !== null) flag('expected', options.expected, Math.sqrt(v / day.n));
      }
      if (refVariance !== null) flag('trailing', ref.sum / ref.n, Math.sqrt(refVariance * (1 / day.n + 1 / ref.n)));
    }
    history.push(day);
    if (history.length > window) history.shift();
  }
  return out;
}
