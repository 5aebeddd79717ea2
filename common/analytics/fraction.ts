/**
 * Exact scores. A score is matched weight over total weight, both integers (weights are scaled to
 * hundredths), so buckets compare with integer arithmetic and 0.70 is exactly 0.70: the brief's
 * floating `matched / total * 100 >= 70` would misfile 7/10 if computed as 0.7000000000000001 or
 * 69.99999999999999. Round only for display.
 */

/** A score as an exact fraction; a persona without rules has denominator 0 and scores 0. */
export interface Score {
  numerator: number;
  denominator: number;
}

/** Match buckets of the brief: strong ≥ 70, moderate 50 – < 70, weak < 50. */
export type Bucket = 'strong' | 'moderate' | 'weak';

/** Lower bounds of the buckets, in percent. */
export const strongPercent = 70;
/** A response is covered by (and counted in the metrics of) a persona at or above this. */
export const coveredPercent = 50;

/** Whether `numerator / denominator ≥ percent / 100`, exactly. */
export function atLeastPercent(numerator: number, denominator: number, percent: number): boolean {
  return denominator > 0 && numerator * 100 >= percent * denominator;
}

/** The bucket of a score. */
export function bucketOf(numerator: number, denominator: number): Bucket {
  if (atLeastPercent(numerator, denominator, strongPercent)) return 'strong';
  return atLeastPercent(numerator, denominator, coveredPercent) ? 'moderate' : 'weak';
}

/** The score in percent as a float, for display and averages only. */
export function percentOf(numerator: number, denominator: number): number {
  return denominator > 0 ? (numerator * 100) / denominator : 0;
}

/** Compares two scores exactly: negative when a < b, 0 when equal, positive when a > b. */
export function compareScores(a: Score, b: Score): number {
  const an = a.denominator > 0 ? a.numerator : 0;
  const bn = b.denominator > 0 ? b.numerator : 0;
  return an * (b.denominator || 1) - bn * (a.denominator || 1);
}

/** Formats a percentage for display with a fixed number of decimals (default 0). */
export function formatPercent(value: number, decimals = 0): string {
  return `${value.toFixed(decimals)}%`;
}
