/**
 * The Bayesian view of conversion rates: each arm's rate has a Beta(1 + conversions,
 * 1 + non-conversions) posterior (uniform prior). Probability to beat control and expected loss are
 * computed in closed form (sums of Beta functions, exact up to rounding), not by Monte Carlo, so the
 * figures are the same every time and match numerical integration in SciPy to 1e-9.
 */
import { lnBeta } from './distributions';
import type { Counts } from './proportions';

/** The most terms a closed-form sum may take (it has as many terms as the smaller conversion count). */
export const maxBayesTerms = 5_000_000;

/** Beta posterior parameters for an arm under the uniform prior. */
export function posterior(counts: Counts): { a: number; b: number } {
  return { a: 1 + counts.conversions, b: 1 + counts.customers - counts.conversions };
}

/**
 * P(X > Y) for X ~ Beta(a, b), Y ~ Beta(c, d) with integer a (Evan Miller's closed form):
 * Σ_{i<a} B(c + i, b + d) / ((b + i) B(1 + i, b) B(c, d)). When c is the smaller count the
 * symmetric sum 1 − P(Y > X) is shorter.
 */
export function probGreater(a: number, b: number, c: number, d: number): number {
  if (c < a) return 1 - probGreater(c, d, a, b);
  if (a > maxBayesTerms) throw new RangeError(`Too many conversions for the closed form (${a}).`);
  const base = lnBeta(c, d);
  let sum = 0;
  for (let i = 0; i < a; i++) sum += Math.exp(lnBeta(c + i, b + d) - Math.log(b + i) - lnBeta(1 + i, b) - base);
  return sum;
}

/** Probability that the treatment's true rate is above the control's. */
export function probabilityToBeat(t: Counts, c: Counts): number {
  const x = posterior(t), y = posterior(c);
  return probGreater(x.a, x.b, y.a, y.b);
}

/**
 * Expected loss of shipping the treatment: E[max(p_control − p_treatment, 0)], in rate units.
 * E[p_c · 1{p_c > p_t}] = mean_c · P(Beta(a_c + 1, b_c) > p_t), and likewise for p_t, so the loss
 * is a difference of two closed-form probabilities.
 */
export function expectedLoss(t: Counts, c: Counts): number {
  const x = posterior(t), y = posterior(c);
  const meanC = y.a / (y.a + y.b), meanT = x.a / (x.a + x.b);
  const loss = meanC * probGreater(y.a + 1, y.b, x.a, x.b) - meanT * probGreater(y.a, y.b, x.a + 1, x.b);
  return Math.max(0, loss);
}
