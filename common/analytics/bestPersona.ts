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
 * same double), so the per-row work is integer. Each persona's code maps to one integer key, its
 * rank above the persona's place (`rank << bits | (last - index)`): the largest key is the best
 * score, the first persona on ties, so a row keeps one running maximum and the persona is read from
 * it at the end. Rows go in blocks that keep the running keys in the CPU cache while every
 * persona's codes pass over them.
 */
export function bestPersonas(results: readonly Pick<PersonaAnalysis, 'scores' | 'inScope'>[], n: number): Int16Array {
  const bestPersona = new Int16Array(n).fill(-1);
  const scoreOf = results.map(({ scores: { numeratorOf, denominator: den } }) => Array.from(numeratorOf, (v) => (den > 0 ? v / den : 0)));
  // Rank 0 is a score of 0, which never makes a persona the best.
  const distinct = [...new Set([0, ...scoreOf.flat()])].sort((a, b) => a - b);
  const rank = new Map(distinct.map((v, r) => [v, r]));
  const bits = 32 - Math.clz32(results.length);
  const last = (1 << bits) - 1;
  // Keys stay below 2^31 (integers in V8's fast path); past that (thousands of personas with
  // thousands of distinct scores) the rows are compared one persona at a time instead.
  if (distinct.length * 2 ** bits > 2 ** 31) return bestByComparison(results, scoreOf, n);
  // Rank 0 keys 0, whichever the persona: nothing to pick.
  const keyOf = scoreOf.map((scores, p) => Int32Array.from(scores, (v) => { const r = rank.get(v)!; return r === 0 ? 0 : (r << bits) | (last - p); }));
  // Personas usually share one scope (the date range): then it is applied once per row, at the end.
  const shared = results.every((r) => r.inScope === results[0]?.inScope) ? results[0]?.inScope : undefined;
  const block = 4096;
  const bestKey = new Int32Array(block);
  for (let base = 0; base < n; base += block) {
    const end = Math.min(n, base + block);
    bestKey.fill(0);
    for (let p = 0; p < results.length; p++) {
      const { scores, inScope } = results[p]!;
      if (shared) updateBest(scores.codes, keyOf[p]!, base, end, bestKey);
      else updateBestScoped(scores.codes, keyOf[p]!, inScope, base, end, bestKey);
    }
    readBest(bestKey, shared, base, end, bits, last, bestPersona);
  }
  return bestPersona;
}

// Plain top-level functions and branch-free selects: a data-dependent branch here mispredicts on
// most rows. `bestKey` is indexed from `base`.
function updateBest(codes: PersonaScores['codes'], keyOf: Int32Array, base: number, end: number, bestKey: Int32Array): void {
  for (let i = base; i < end; i++) {
    const k = keyOf[codes[i]!]!;
    const prev = bestKey[i - base]!;
    bestKey[i - base] = prev + ((k - prev) & ((prev - k) >> 31));
  }
}

function updateBestScoped(codes: PersonaScores['codes'], keyOf: Int32Array, inScope: Uint8Array, base: number, end: number, bestKey: Int32Array): void {
  for (let i = base; i < end; i++) {
    const k = keyOf[codes[i]!]! * inScope[i]!;
    const prev = bestKey[i - base]!;
    bestKey[i - base] = prev + ((k - prev) & ((prev - k) >> 31));
  }
}

function readBest(bestKey: Int32Array, shared: Uint8Array | undefined, base: number, end: number, bits: number, last: number, out: Int16Array): void {
  for (let i = base; i < end; i++) {
    const key = bestKey[i - base]! * (shared ? shared[i]! : 1);
    // Key 0 (no score above 0, or out of scope) is -1; any other key names its persona.
    out[i] = key === 0 ? -1 : last - (key & last);
  }
}

/** The same answer by plain comparison of scores, row by row: for analyses too wide for keys. */
export function bestByComparison(results: readonly Pick<PersonaAnalysis, 'scores' | 'inScope'>[], scoreOf: number[][], n: number): Int16Array {
  const out = new Int16Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let best = 0;
    results.forEach(({ scores, inScope }, p) => {
      const v = inScope[i] === 1 ? scoreOf[p]![scores.codes[i]!]! : 0;
      if (v > best) { best = v; out[i] = p; }
    });
  }
  return out;
}
