import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runChaos, startLaptop } from './syncChaos/run';
import type { Laptop } from './syncChaos/run';

/**
 * Issue 20's reliability bar, in every `npm test`: five seeds of three laptops (the app's real sync
 * layer, every collection) through a seeded fault proxy with a SIGKILL of the real server in each.
 * `npm run stress:sync` runs the same with 100 seeds and prints a summary.
 */
let laptops: Laptop[] = [];
beforeAll(async () => {
  laptops = await Promise.all([startLaptop(), startLaptop(), startLaptop()]);
}, 60_000);
afterAll(() => {
  for (const l of laptops) l.kill();
});

describe('three laptops through faults and a server SIGKILL', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    test(`seed ${seed}: converged, no acknowledged write lost`, { timeout: 120_000 }, async () => {
      const summary = await runChaos(laptops, { seed, steps: 45 });
      expect(summary.lost).toEqual([]);
      expect(summary.converged).toBe(true);
      const injected = Object.entries(summary.faults).filter(([k]) => k !== 'pass').reduce((n, [, v]) => n + v, 0);
      expect(injected).toBeGreaterThan(0);
    });
  }
});
