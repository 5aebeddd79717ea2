/**
 * Tests and intervals for conversion rates (counts of converted customers out of assigned ones).
 * Each function mirrors a SciPy routine named in its comment; `experimentStats.test.ts` compares
 * them with values SciPy produced (scripts/experimentsReference.py).
 */
import { chi2Sf, hypergeomPmf, normPpf, normSf } from './distributions';

/** A two-sided interval. */
export interface Interval { lower: number; upper: number }

/** Conversions out of customers in one arm. */
export interface Counts { conversions: number; customers: number }

/** Wilson score interval for x/n (SciPy: binomtest(x, n).proportion_ci(confidence, 'wilson')). */
export function wilson(x: number, n: number, confidence = 0.95): Interval {
  if (n <= 0) return { lower: NaN, upper: NaN };
  const z = normPpf(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = x / n;
  const center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, center - half), upper: Math.min(1, center + half) };
}

/**
 * Newcombe's hybrid score interval (method 10 of Newcombe 1998) for p_treatment − p_control,
 * built from the two Wilson intervals. SciPy has no routine; the reference combines SciPy's Wilson
 * intervals with the same formula.
 */
export function newcombeDifference(t: Counts, c: Counts, confidence = 0.95): Interval & { estimate: number } {
  const p1 = t.conversions / t.customers;
  const p2 = c.conversions / c.customers;
  const w1 = wilson(t.conversions, t.customers, confidence);
  const w2 = wilson(c.conversions, c.customers, confidence);
  const d = p1 - p2;
  return {
    estimate: d,
    lower: d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}

/**
 * Ratio p_treatment / p_control with the Katz log interval (SciPy:
 * relative_risk(...).confidence_interval). Null when either arm has no conversions: the log
 * interval is then unbounded and a number would pretend.
 */
export function riskRatio(t: Counts, c: Counts, confidence = 0.95): (Interval & { estimate: number }) | null {
  if (t.conversions === 0 || c.conversions === 0) return null;
  const estimate = (t.conversions / t.customers) / (c.conversions / c.customers);
  const se = Math.sqrt(1 / t.conversions - 1 / t.customers + 1 / c.conversions - 1 / c.customers);
  const z = normPpf(1 - (1 - confidence) / 2);
  return { estimate, lower: Math.exp(Math.log(estimate) - z * se), upper: Math.exp(Math.log(estimate) + z * se) };
}

/** Two-proportion z-test with the pooled variance, two-sided. Its z² equals the 2×2 chi-square. */
export function twoProportionZ(t: Counts, c: Counts): { z: number; p: number } {
  const pooled = (t.conversions + c.conversions) / (t.customers + c.customers);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / t.customers + 1 / c.customers));
  if (!(se > 0)) return { z: NaN, p: NaN };
  const z = (t.conversions / t.customers - c.conversions / c.customers) / se;
  return { z, p: 2 * normSf(Math.abs(z)) };
}

/**
 * Pearson chi-square test of independence on arms × (converted, not converted), without Yates'
 * correction (SciPy: chi2_contingency(table, correction=False)).
 */
export function chiSquareIndependence(arms: readonly Counts[]): { statistic: number; df: number; p: number } {
  const table = arms.map((a) => [a.conversions, a.customers - a.conversions]);
  return contingencyChiSquare(table);
}

/** Pearson chi-square on any r × c table of counts (rows or columns that are all zero are dropped). */
export function contingencyChiSquare(table: readonly (readonly number[])[]): { statistic: number; df: number; p: number } {
  const rows = table.filter((r) => r.some((v) => v > 0));
  const width = rows[0]?.length ?? 0;
  const cols = [...Array(width).keys()].filter((j) => rows.some((r) => r[j]! > 0));
  const total = rows.reduce((s, r) => s + cols.reduce((a, j) => a + r[j]!, 0), 0);
  if (rows.length < 2 || cols.length < 2) return { statistic: NaN, df: 0, p: NaN };
  const rowSum = rows.map((r) => cols.reduce((a, j) => a + r[j]!, 0));
  const colSum = cols.map((j) => rows.reduce((a, r) => a + r[j]!, 0));
  let statistic = 0;
  rows.forEach((r, i) => cols.forEach((j, k) => {
    const e = (rowSum[i]! * colSum[k]!) / total;
    statistic += (r[j]! - e) ** 2 / e;
  }));
  const df = (rows.length - 1) * (cols.length - 1);
  return { statistic, df, p: chi2Sf(statistic, df) };
}

/** The smallest expected cell count of the 2 × 2 table (below 5 the chi-square approximation is poor). */
export function smallestExpected(t: Counts, c: Counts): number {
  const n = t.customers + c.customers;
  const conv = t.conversions + c.conversions;
  return Math.min(t.customers, c.customers) * Math.min(conv, n - conv) / n;
}

/**
 * Fisher's exact test on [[t conversions, t non-conversions], [c conversions, c non-conversions]],
 * two-sided: the probability of every table with these margins no more likely than the observed
 * one (SciPy: fisher_exact, with its relative tolerance 1e-14 for "equally likely").
 */
export function fisherExact(t: Counts, c: Counts): { oddsRatio: number; p: number } {
  const a = t.conversions, b = t.customers - t.conversions, cc = c.conversions, d = c.customers - c.conversions;
  const oddsRatio = b * cc === 0 ? (a * d === 0 ? NaN : Infinity) : (a * d) / (b * cc);
  const total = a + b + cc + d, rowA = a + b, colA = a + cc;
  const lo = Math.max(0, colA - (total - rowA)), hi = Math.min(rowA, colA);
  const observed = hypergeomPmf(a, total, colA, rowA);
  let p = 0;
  for (let k = lo; k <= hi; k++) {
    const pk = hypergeomPmf(k, total, colA, rowA);
    if (pk <= observed * (1 + 1e-14)) p += pk;
  }
  return { oddsRatio, p: Math.min(1, p) };
}
