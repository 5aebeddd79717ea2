/**
 * Sample ratio mismatch: a chi-square goodness-of-fit test of the customers each arm received
 * against the planned split (SciPy: chisquare(observed, expected)). A broken split means the arms
 * differ by more than the treatment, so every other figure is suspect.
 */
import { chi2Sf } from './distributions';

/** Below this p-value the split is called broken (the usual SRM threshold: false alarms 1 in 1000). */
export const srmThreshold = 0.001;

/** The test of observed arm sizes against planned shares (shares need not sum to 1; they are normalised). */
export function sampleRatioTest(observed: readonly number[], plannedShares: readonly number[]): { statistic: number; df: number; p: number } {
  const total = observed.reduce((s, v) => s + v, 0);
  const shareSum = plannedShares.reduce((s, v) => s + v, 0);
  let statistic = 0;
  observed.forEach((o, i) => {
    const e = (total * plannedShares[i]!) / shareSum;
    statistic += (o - e) ** 2 / e;
  });
  const df = observed.length - 1;
  return { statistic, df, p: chi2Sf(statistic, df) };
}
