/**
 * A small seeded generator (mulberry32) shared by clustering, generated test data and the fault and
 * fuzz harnesses: clustering must give the same result for the same seed on
 * every laptop and in the CLI, which Math.random cannot.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indexes below `n`, in random order (all of them when count ≥ n). */
export function sampleIndexes(n: number, count: number, random: () => number): Int32Array {
  const take = Math.min(n, count);
  // Partial Fisher–Yates over a lazily materialised permutation: O(take) memory for any n.
  const swapped = new Map<number, number>();
  const out = new Int32Array(take);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const vj = swapped.get(j) ?? j;
    const vi = swapped.get(i) ?? i;
    swapped.set(j, vi);
    out[i] = vj;
  }
  return out;
}
