/**
 * Small statistics shared by the kernels and the reference: duration summaries on fixed buckets
 * (nearest-rank quantiles, so results are exact and comparable) and Newcombe's interval for a
 * difference of two proportions.
 */
import { durationBuckets, type DurationSummary } from './types';

/** Nearest-rank quantile of sorted values: the smallest value with at least p of the values at or below it. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** Bucket index of a duration in {@link durationBuckets}. */
export function bucketOf(ms: number): number {
  let b = 0;
  while (ms >= durationBuckets[b]!) b++;
  return b;
}

/** Summarises durations; sorts `values` in place (pass a copy to keep the order). */
export function summariseDurations(values: Float64Array): DurationSummary {
  values.sort();
  const buckets = new Array<number>(durationBuckets.length).fill(0);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    buckets[bucketOf(values[i]!)]! += 1;
  }
  return {
    count: values.length,
    median: nearestRank(values, 0.5),
    p90: nearestRank(values, 0.9),
    mean: values.length > 0 ? sum / values.length : null,
    buckets,
  };
}

/** A growable list of durations backed by a Float64Array (no boxing for millions of values). */
export class DurationList {
  private data = new Float64Array(64);
  private n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  summary(): DurationSummary {
    return summariseDurations(this.data.subarray(0, this.n));
  }
}

/** z for a two-sided 95 % interval. */
export const z95 = 1.959963984540054;

/** Wilson score interval of x successes in n trials. */
export function wilson(x: number, n: number, z = z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const denom = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, (centre - half) / denom), Math.min(1, (centre + half) / denom)];
}

/**
 * Difference p1 − p2 of two independent proportions with Newcombe's hybrid score interval
 * (method 10 of Newcombe 1998): it stays inside [−1, 1] and behaves with small counts and rates near
 * 0 or 1, where the textbook Wald interval does not. null when either group is empty.
 */
export function proportionDifference(x1: number, n1: number, x2: number, n2: number, z = z95): { difference: number; low: number; high: number } | null {
  if (n1 === 0 || n2 === 0) return null;
  const p1 = x1 / n1, p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const d = p1 - p2;
  return {
    difference: d,
    low: d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    high: d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  };
}
