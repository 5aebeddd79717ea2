/**
 * Live metrics of a persona from its matched responses (score ≥ 50): satisfaction (as CSAT %, the
 * top-2-box share, and as a mean), loyalty (NPS), trust (top-2-box share and mean) and effort (CES:
 * the mean effort answer, the brief's `AVG(effort_score)`). Kept as additive sums and counts so a day's figures, a range's and the
 * all-time figures are sums of the same accumulators (snapshots store them; evolution adds them).
 */

/** Sum and count of one numeric metric (missing values are skipped, not counted as 0). */
export interface MeanAccumulator {
  n: number;
  sum: number;
  /**
   * Sum of squares, for the spread the anomaly rule needs (`anomalies.ts`). Absent in snapshots
   * written before engine version 2; merging with one leaves it absent (unknown).
   */
  sq?: number;
  /**
   * Top-2-box count on the 1–5 scale (answers of 4 or 5), kept for satisfaction and trust. Absent in
   * snapshots written before engine version 3 (unknown); merging with one leaves it absent.
   */
  top2?: number;
  /** Answers that are not a whole number from 1 to 5: with any, no top-2-box share is given. */
  offScale?: number;
}

/** NPS counts: promoters score 9–10, detractors 0–6, passives 7–8 (values outside 0–10 are skipped). */
export interface NpsAccumulator extends MeanAccumulator {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Additive metrics of a set of matched responses. */
export interface MetricAccumulator {
  /** Matched responses. */
  responses: number;
  satisfaction: MeanAccumulator;
  nps: NpsAccumulator;
  trust: MeanAccumulator;
  effort: MeanAccumulator;
}

/** Display-ready metrics; a mean is `null` when no matched response had the value. */
export interface LiveMetrics {
  responses: number;
  /** Mean satisfaction answer on its own scale. */
  satisfaction: number | null;
  /**
   * CSAT %: the share of satisfaction answers that are 4 or 5 on the 1–5 scale (top-2-box), 0–100;
   * `null` without answers, when any answer is off the 1–5 scale, or from snapshots older than
   * engine version 3.
   */
  csat: number | null;
  /** % promoters − % detractors, −100 … 100; `null` without NPS answers. */
  nps: number | null;
  /** Mean of the 0–10 answers. */
  npsMean: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  /** Mean trust answer on its own scale. */
  trust: number | null;
  /** Trust %: top-2-box share of the trust answers on the 1–5 scale, like {@link LiveMetrics.csat}. */
  trustPercent: number | null;
  /** CES: the mean effort answer on its own scale (lower means less effort). */
  effort: number | null;
}

/** The metric names and the column keys they are read from by default. */
export const metricColumns = { satisfaction: 'satisfaction', nps: 'nps', trust: 'trust', effort: 'effort' } as const;

/** Names of the mean metrics an anomaly check can watch. */
export type MetricName = 'satisfaction' | 'nps' | 'npsMean' | 'trust' | 'effort';

/** An empty accumulator. */
export function emptyMetrics(): MetricAccumulator {
  return {
    responses: 0,
    satisfaction: { n: 0, sum: 0, sq: 0, top2: 0, offScale: 0 },
    nps: { n: 0, sum: 0, sq: 0, promoters: 0, passives: 0, detractors: 0 },
    trust: { n: 0, sum: 0, sq: 0, top2: 0, offScale: 0 },
    effort: { n: 0, sum: 0, sq: 0 },
  };
}

/** Adds a mean value when present. */
export function addMean(acc: MeanAccumulator, v: number): void {
  if (Number.isNaN(v)) return;
  acc.n += 1;
  acc.sum += v;
  if (acc.sq !== undefined) acc.sq += v * v;
  if (acc.top2 !== undefined && acc.offScale !== undefined) {
    if (v === 4 || v === 5) acc.top2 += 1;
    else if (v !== 1 && v !== 2 && v !== 3) acc.offScale += 1;
  }
}

/** Adds one NPS answer when it is a number from 0 to 10. */
export function addNps(acc: NpsAccumulator, v: number): void {
  if (!(v >= 0 && v <= 10)) return;
  acc.n += 1;
  acc.sum += v;
  if (acc.sq !== undefined) acc.sq += v * v;
  if (v >= 9) acc.promoters += 1;
  else if (v <= 6) acc.detractors += 1;
  else acc.passives += 1;
}

/** Adds `b` into `a` (in place) and returns `a`. */
export function mergeMetrics(a: MetricAccumulator, b: MetricAccumulator): MetricAccumulator {
  a.responses += b.responses;
  for (const k of ['satisfaction', 'trust', 'effort', 'nps'] as const) {
    a[k].n += b[k].n;
    a[k].sum += b[k].sum;
    a[k].sq = sumOrUnknown(a[k].sq, b[k].sq);
  }
  for (const k of ['satisfaction', 'trust'] as const) {
    a[k].top2 = sumOrUnknown(a[k].top2, b[k].top2);
    a[k].offScale = sumOrUnknown(a[k].offScale, b[k].offScale);
  }
  a.nps.promoters += b.nps.promoters;
  a.nps.passives += b.nps.passives;
  a.nps.detractors += b.nps.detractors;
  return a;
}

function sumOrUnknown(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}

/**
 * The top-2-box share (0–100) of a 1–5 answer set: answers of 4 or 5 over all answers. `null` with no
 * answers, with answers off the 1–5 scale (the share would not mean "satisfied"), or when the counts
 * are unknown (old snapshots).
 */
export function topBoxPercent(m: MeanAccumulator): number | null {
  if (m.n === 0 || m.top2 === undefined || m.offScale === undefined || m.offScale > 0) return null;
  return (m.top2 * 100) / m.n;
}

/** NPS from counts: % promoters − % detractors; `null` with no answers. */
export function npsScore(promoters: number, detractors: number, n: number): number | null {
  return n > 0 ? ((promoters - detractors) * 100) / n : null;
}

/** Turns an accumulator into display-ready metrics. */
export function summariseMetrics(acc: MetricAccumulator): LiveMetrics {
  const mean = (m: MeanAccumulator) => (m.n > 0 ? m.sum / m.n : null);
  return {
    responses: acc.responses,
    satisfaction: mean(acc.satisfaction),
    csat: topBoxPercent(acc.satisfaction),
    nps: npsScore(acc.nps.promoters, acc.nps.detractors, acc.nps.n),
    npsMean: mean(acc.nps),
    promoters: acc.nps.promoters,
    passives: acc.nps.passives,
    detractors: acc.nps.detractors,
    trust: mean(acc.trust),
    trustPercent: topBoxPercent(acc.trust),
    effort: mean(acc.effort),
  };
}
