/**
 * An always-valid sequential test: the mixture sequential probability ratio test (mSPRT) of
 * Johari, Pekelis and Walsh (2017) for the difference treatment − control under a normal
 * approximation. Its p-value may be read after every look without inflating the false-positive rate.
 *
 * Mixing distribution: the true difference θ ~ N(0, τ²) under the alternative. We take τ equal to
 * the planned minimum detectable effect (in the metric's units), so the test is most powerful for
 * effects of the size the experiment was planned to find.
 */
import type { Interval } from './proportions';

/** One look at the cumulative data: the estimated difference and its variance. */
export interface Look { difference: number; variance: number }

/** The mixture likelihood ratio Λ for one look (θ₀ = 0). */
export function mixtureRatio(look: Look, tau2: number): number {
  const v = look.variance;
  return Math.sqrt(v / (v + tau2)) * Math.exp((look.difference ** 2 * tau2) / (2 * v * (v + tau2)));
}

/** Half-width of the always-valid interval at one look: {θ : Λ(θ) < 1/α}. */
function halfWidth(look: Look, tau2: number, alpha: number): number {
  const v = look.variance;
  return Math.sqrt(((2 * v * (v + tau2)) / tau2) * (Math.log(1 / alpha) + 0.5 * Math.log((v + tau2) / v)));
}

/**
 * Runs the test over looks in time order. The p-value is the running minimum of min(1, 1/Λ) and
 * the interval the running intersection, as the always-valid definitions require. Looks with no
 * variance (no data yet) are skipped.
 */
export function msprt(looks: readonly Look[], tau2: number, alpha: number): { p: number; interval: Interval; looks: number } {
  let p = 1, lower = -Infinity, upper = Infinity, used = 0;
  for (const look of looks) {
    if (!(look.variance > 0) || !Number.isFinite(look.difference)) continue;
    used++;
    p = Math.min(p, 1 / mixtureRatio(look, tau2));
    const h = halfWidth(look, tau2, alpha);
    lower = Math.max(lower, look.difference - h);
    upper = Math.min(upper, look.difference + h);
  }
  return { p: Math.min(1, p), interval: { lower, upper }, looks: used };
}
