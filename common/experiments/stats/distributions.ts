/**
 * The probability distributions the experiment statistics need, from @stdlib (ports of Cephes and
 * Boost, accurate to about 1e-15). Upper tails are computed directly, never as 1 − cdf, so small
 * p-values keep their digits.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import betaln from '@stdlib/math-base-special-betaln';

/** P(Z ≤ z) for a standard normal. */
export const normCdf = (z: number): number => normalCdf(z, 0, 1);

/** P(Z > z) for a standard normal (by symmetry, exact in the far tail). */
export const normSf = (z: number): number => normalCdf(-z, 0, 1);

/** The standard normal quantile. */
export const normPpf = (p: number): number => normalQuantile(p, 0, 1);

/** P(T > t) for Student's t with `df` degrees of freedom. */
export const tSf = (t: number, df: number): number => tCdf(-t, df);

/** Student's t quantile. */
export const tPpf = (p: number, df: number): number => tQuantile(p, df);

/** P(X > x) for chi-square with `df` degrees of freedom (regularised upper incomplete gamma). */
export function chi2Sf(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** P(X = k) for a hypergeometric draw of `draws` from `total` holding `successes` successes. */
export const hypergeomPmf = (k: number, total: number, successes: number, draws: number): number =>
  hypergeometricPmf(k, total, successes, draws);

/** ln B(a, b). */
export const lnBeta = (a: number, b: number): number => betaln(a, b);
