/**
 * Sample size and power for comparing one treatment with the control, two-sided, normal
 * approximation (the formulas of Fleiss for proportions and of the two-sample z-test for means),
 * with an allocation ratio r = n_treatment / n_control so unequal splits are planned correctly.
 */
import { normCdf, normPpf } from './distributions';

/** Control customers needed to detect `delta` (absolute, in rate units) from baseline `p1`. */
export function controlSizeForProportions(p1: number, delta: number, alpha: number, power: number, ratio = 1): number {
  const p2 = p1 + delta;
  const za = normPpf(1 - alpha / 2), zb = normPpf(power);
  const pBar = (p1 + ratio * p2) / (1 + ratio);
  const root = za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / ratio)) + zb * Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / ratio);
  return (root * root) / (delta * delta);
}

/** Control customers needed to detect a difference `delta` in means when values have standard deviation `sd`. */
export function controlSizeForMeans(sd: number, delta: number, alpha: number, power: number, ratio = 1): number {
  const za = normPpf(1 - alpha / 2), zb = normPpf(power);
  return ((za + zb) ** 2 * sd * sd * (1 + 1 / ratio)) / (delta * delta);
}

/** Power reached for proportions with the given arm sizes and true difference `delta`. */
export function powerForProportions(p1: number, delta: number, alpha: number, nControl: number, nTreatment: number): number {
  const p2 = p1 + delta;
  const za = normPpf(1 - alpha / 2);
  const ratio = nTreatment / nControl;
  const pBar = (p1 + ratio * p2) / (1 + ratio);
  const null0 = Math.sqrt(pBar * (1 - pBar) * (1 / nControl + 1 / nTreatment));
  const alt = Math.sqrt((p1 * (1 - p1)) / nControl + (p2 * (1 - p2)) / nTreatment);
  return normCdf((Math.abs(delta) - za * null0) / alt);
}

/** Power reached for means with the given arm sizes. */
export function powerForMeans(sd: number, delta: number, alpha: number, nControl: number, nTreatment: number): number {
  const za = normPpf(1 - alpha / 2);
  return normCdf(Math.abs(delta) / (sd * Math.sqrt(1 / nControl + 1 / nTreatment)) - za);
}
