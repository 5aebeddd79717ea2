/**
 * Tests for a numeric metric per customer (revenue, time to convert): Welch's t-test for the
 * difference in means, a log-scale interval for their ratio, and Mann-Whitney U for skewed values.
 */
import { normPpf, normSf, tPpf, tSf } from './distributions';
import type { Interval } from './proportions';

/** Sufficient statistics of one arm's values. */
export interface Moments { n: number; mean: number; variance: number }

/** Count, mean and sample variance (n − 1 in the denominator), computed in two passes for accuracy. */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0, comp = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
    comp += d;
  }
  // The compensation term removes the rounding error left in the mean (corrected two-pass formula).
  return { n, mean, variance: n > 1 ? (ss - (comp * comp) / n) / (n - 1) : NaN };
}

/** Welch's unequal-variance t-test of treatment − control (SciPy: ttest_ind(t, c, equal_var=False)). */
export function welch(t: Moments, c: Moments, confidence = 0.95): { t: number; df: number; p: number; difference: number } & Interval {
  const vt = t.variance / t.n, vc = c.variance / c.n;
  const se = Math.sqrt(vt + vc);
  const difference = t.mean - c.mean;
  const df = (vt + vc) ** 2 / (vt * vt / (t.n - 1) + vc * vc / (c.n - 1));
  if (!(se > 0) || !(df > 0)) return { t: NaN, df: NaN, p: NaN, difference, lower: NaN, upper: NaN };
  const stat = difference / se;
  const q = tPpf(1 - (1 - confidence) / 2, df);
  return { t: stat, df, p: 2 * tSf(Math.abs(stat), df), difference, lower: difference - q * se, upper: difference + q * se };
}

/**
 * Ratio of means treatment / control with a delta-method interval on the log scale
 * (Var log m̂ ≈ s² / (n m²)). Null when a mean is not positive: the log scale has no meaning there.
 */
export function meanRatio(t: Moments, c: Moments, confidence = 0.95): (Interval & { estimate: number }) | null {
  if (!(t.mean > 0) || !(c.mean > 0)) return null;
  const estimate = t.mean / c.mean;
  const se = Math.sqrt(t.variance / (t.n * t.mean ** 2) + c.variance / (c.n * c.mean ** 2));
  const z = normPpf(1 - (1 - confidence) / 2);
  return { estimate, lower: estimate * Math.exp(-z * se), upper: estimate * Math.exp(z * se) };
}

/** Ranks 1..n with ties given their average rank, and the tie group sizes. */
function rankWithTies(values: readonly number[]): { ranks: Float64Array; tieSizes: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  const tieSizes: number[] = [];
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    if (j > i) tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}

/**
 * The number of arrangements with each U for samples of sizes m ≤ n: the coefficients of the
 * Gaussian binomial [m + n choose m]_q, built as ∏ (1 − q^(n+i)) / (1 − q^i). BigInt because the
 * counts pass 2^53 and the tail coefficients must stay exact.
 */
function uCounts(m: number, n: number): bigint[] {
  const degree = m * n;
  const poly: bigint[] = new Array<bigint>(degree + 1).fill(0n);
  poly[0] = 1n;
  for (let i = 1; i <= m; i++) {
    const shift = n + i;
    for (let k = degree; k >= shift; k--) poly[k] = poly[k]! - poly[k - shift]!;
    for (let k = i; k <= degree; k++) poly[k] = poly[k]! + poly[k - i]!;
  }
  return poly;
}

/** Largest m·n for which the exact distribution is computed (SciPy's rule uses it only when one sample has ≤ 8 values). */
const maxExactCells = 8 * 200_000;

/**
 * Mann-Whitney U test, two-sided (SciPy: mannwhitneyu(t, c), method 'auto', continuity on):
 * exact when a sample has at most 8 values and there are no ties, otherwise the normal
 * approximation with the tie correction. `u` is the statistic of the treatment sample.
 */
export function mannWhitney(t: readonly number[], c: readonly number[]): { u: number; p: number; method: 'exact' | 'asymptotic' } {
  const n1 = t.length, n2 = c.length;
  const { ranks, tieSizes } = rankWithTies([...t, ...c]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const small = Math.min(n1, n2), large = Math.max(n1, n2);
  if (small <= 8 && tieSizes.length === 0 && small * large <= maxExactCells && small > 0) {
    const counts = uCounts(small, large);
    let tail = 0n, all = 0n;
    counts.forEach((v, k) => { all += v; if (k >= u) tail += v; });
    // Divide in BigInt first so a tiny tail keeps its digits.
    const scale = 10n ** 18n;
    const p = Number((tail * scale) / all) / 1e18;
    return { u: u1, p: Math.min(1, 2 * p), method: 'exact' };
  }
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((s, k) => s + k ** 3 - k, 0);
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (u - (n1 * n2) / 2 - 0.5) / s;
  return { u: u1, p: Math.min(1, 2 * normSf(z)), method: 'asymptotic' };
}
