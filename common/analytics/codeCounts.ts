/**
 * The per-persona pass every summary reads: a histogram of score codes over the rows in scope and
 * the coverage bitset, built a 32-row word at a time without branches. When the caller will want
 * day figures too, the same pass counts codes per day instead (`countCodesByDay`), so the day
 * figures need no pass of their own over every row: only the covered rows, found from the bitset.
 */

/**
 * Codes in scope and the coverage bitset (bit i of word i >> 5: row i is in scope and covered).
 * Four histograms take turns: consecutive rows often share a code, and adding to the counter the
 * previous row just wrote waits for that write to finish.
 */
export function countCodes(codes: ArrayLike<number>, inScope: Uint8Array, cover: Uint8Array, K: number, bits: Uint32Array): Uint32Array {
  const n = codes.length;
  const four = new Uint32Array(4 * K);
  for (let w = 0, base = 0; base < n; w++, base += 32) {
    let word = 0;
    const end = Math.min(n, base + 32);
    for (let i = base; i < end; i++) {
      const c = codes[i]!;
      const s = inScope[i]!;
      four[(i & 3) * K + c]! += s;
      word |= (cover[c]! & s) << (i - base);
    }
    bits[w] = word;
  }
  const hist = new Uint32Array(K);
  for (let c = 0; c < K; c++) hist[c] = four[c]! + four[K + c]! + four[2 * K + c]! + four[3 * K + c]!;
  return hist;
}

/**
 * Per-day histograms of codes, `[slot][code]` with the slots of `slotDays` (days 0 … dayCount - 1,
 * then undated rows in scope, then rows out of scope), and the coverage bitset as `countCodes`.
 * The histogram of the rows in scope is the sum of every slot but the last ({@link inScopeHistogram}).
 */
export function countCodesByDay(
  codes: ArrayLike<number>, slotDay: Uint16Array | Int32Array, inScope: Uint8Array, cover: Uint8Array, K: number, dayCount: number, bits: Uint32Array,
): Uint32Array {
  const n = codes.length;
  const hist = new Uint32Array((dayCount + 2) * K);
  for (let w = 0, base = 0; base < n; w++, base += 32) {
    let word = 0;
    const end = Math.min(n, base + 32);
    for (let i = base; i < end; i++) {
      const c = codes[i]!;
      hist[slotDay[i]! * K + c]! += 1;
      word |= (cover[c]! & inScope[i]!) << (i - base);
    }
    bits[w] = word;
  }
  return hist;
}

/** The histogram of codes in scope from per-day histograms: every slot but the last (out of scope). */
export function inScopeHistogram(byDay: Uint32Array, K: number, dayCount: number): Uint32Array {
  const hist = new Uint32Array(K);
  for (let d = 0; d <= dayCount; d++) {
    for (let c = 0; c < K; c++) hist[c]! += byDay[d * K + c]!;
  }
  return hist;
}
