/**
 * Paths as compact keys: one character per stage (U+0100 + stage index), U+00FF for "and more".
 * Ranking and flags are shared by the kernel and the reference so both list paths identically.
 */
import type { PathCount } from './types';

/** Key of a path given as stage indexes (-1 at the end for "and more"). */
export function pathKey(stages: readonly number[]): string {
  return stages.map((s) => (s < 0 ? '\u00ff' : String.fromCharCode(0x100 + s))).join('');
}

/** The stages, loop, skip and completion flags of a path key over a journey of `k` stages. */
export function pathFlags(key: string, k: number): Omit<PathCount, 'customers'> {
  const stages = Array.from(key, (ch) => (ch === '\u00ff' ? -1 : ch.charCodeAt(0) - 0x100));
  const real = stages.filter((s) => s >= 0);
  const loops = new Set(real).size < real.length;
  // A skip: the path enters a stage while some earlier stage has not been visited yet.
  const visited = new Set<number>();
  let skips = false;
  for (const s of real) {
    for (let e = 0; e < s && !skips; e++) if (!visited.has(e)) skips = true;
    visited.add(s);
  }
  return { stages, loops, skips, completes: k > 0 && visited.has(k - 1) };
}

/** The `n` most common paths: most customers first, then shorter, then by stage order. */
export function rankPaths(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
}
