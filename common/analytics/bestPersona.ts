/**
 * Which persona fits each response best, across all the personas of an analysis.
 */
import type { PersonaAnalysis } from './analyse';
import type { PersonaScores } from './kernels';

/**
 * Per row, the index of the best-scoring persona: strictly better wins, so the first wins ties, and
 * -1 when every score is 0 or out of scope. Scores are compared by rank among all the personas'
 * distinct scores (a double is exact enough to rank them: two different fractions with
 * denominators ≤ 10^7 differ by far more than a double's spacing, and equal fractions divide to the
 * same double), so the per-row work is integer. Rows go in blocks that keep the running best in the
 * CPU cache while every persona's codes pass over it.
 */
export function bestPersonas(results: readonly Pick<PersonaAnalysis, 'scores' | 'inScope'>[], n: number): Int16Array {
  const bestPersona = new Int16Array(n).fill(-1);
  const scoreOf = results.map(({ scores: { numeratorOf, denominator: den } }) => Array.from(numeratorOf, (v) => (den > 0 ? v / den : 0)));
  // Rank 0 is a score of 0, which never makes a persona the best.
  const distinct = [...new Set([0, ...scoreOf.flat()])].sort((a, b) => a - b);
  const rank = new Map(distinct.map((v, r) => [v, r]));
  const rankOf = scoreOf.map((scores) => Int32Array.from(scores, (v) => rank.get(v)!));
  const block = 4096;
  const bestRank = new Int32Array(block);
  for (let base = 0; base < n; base += block) {
    const end = Math.min(n, base + block);
    bestRank.fill(0);
    for (let p = 0; p < results.length; p++) updateBest(results[p]!.scores.codes, rankOf[p]!, results[p]!.inScope, base, end, bestRank, bestPersona, p);
  }
  return bestPersona;
}

/** Keeps, for rows `base` to `end`, the best persona so far; `bestRank` is indexed from `base`. */
function updateBest(
  codes: PersonaScores['codes'], rankOf: Int32Array, inScope: Uint8Array, base: number, end: number,
  bestRank: Int32Array, bestPersona: Int16Array, index: number,
): void {
  for (let i = base; i < end; i++) {
    // Branch-free integer selects: a data-dependent branch here mispredicts on most rows.
    const r = rankOf[codes[i]!]! * inScope[i]!;
    const prev = bestRank[i - base]!;
    const better = -((prev - r) >>> 31); // all ones when r > prev
    bestRank[i - base] = prev + ((r - prev) & better);
    bestPersona[i] = bestPersona[i]! + ((index - bestPersona[i]!) & better);
  }
}
