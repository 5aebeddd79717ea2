import { hash32 } from '../analytics/hash';

/**
 * A number in [0, 1) fixed by its parts: the same customer, journey version and node always draw the
 * same value, on any machine, so a retried or replayed step lands in the same arm.
 */
export function stableDraw(...parts: readonly (string | number)[]): number {
  // JSON keeps the parts apart ("a","bc" differs from "ab","c"). hash32 is hashString's first 32 bits.
  return hash32(JSON.stringify(parts)) / 4294967296;
}

/** The arm a draw falls in, by percent weights in order (weights that do not sum to 100 are scaled). */
export function pickArm<T extends { percent: number }>(arms: readonly T[], draw: number): T | undefined {
  const total = arms.reduce((s, a) => s + Math.max(0, a.percent), 0);
  if (total <= 0) return undefined;
  let acc = 0;
  const target = draw * total;
  for (const arm of arms) {
    acc += Math.max(0, arm.percent);
    if (target < acc) return arm;
  }
  return arms[arms.length - 1];
}
