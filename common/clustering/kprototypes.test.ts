import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildFeatures } from './features';
import { plantedSurvey } from './generate';
import { defaultGamma, kPrototypes, refine } from './kprototypes';
import { adjustedRandIndex, silhouette } from './quality';
import { referenceKPrototypes, type ReferenceRow } from './reference';

function referenceRows(f: ReturnType<typeof buildFeatures>['features']): ReferenceRow[] {
  const nNum = f.numeric.length, nCat = f.categorical.length;
  return Array.from({ length: f.rows }, (_, r) => ({
    num: Array.from({ length: nNum }, (_, j) => { const x = f.num[r * nNum + j]!; return Number.isNaN(x) ? null : x; }),
    cat: Array.from({ length: nCat }, (_, j) => { const x = f.cat[r * nCat + j]!; return x < 0 ? null : x; }),
  }));
}

describe('k-prototypes', () => {
  test('equals the plain reference from the same starting prototypes (clusters, cost) on many generated data sets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 20, max: 120 }), (seed, k, rows) => {
        const { table, columns } = plantedSurvey({ rows, personas: 3, seed, missing: 0.1 });
        const { features: f } = buildFeatures(table, columns);
        // Starting prototypes: the first k rows (missing numbers at 0, missing choices as -1).
        const start = referenceRows(f).slice(0, k).map((row) => ({ num: row.num.map((x) => x ?? 0), cat: row.cat.map((x) => x ?? -1) }));
        const means = Float64Array.from(start.flatMap((p) => p.num));
        const modes = Int32Array.from(start.flatMap((p) => p.cat));
        const fast = refine(f, k, means, modes, { gamma: defaultGamma, maxIterations: 50 });
        const plain = referenceKPrototypes(referenceRows(f), start, defaultGamma, 50);
        expect(Array.from(fast.assignments)).toEqual(plain.assignments);
        expect(fast.cost).toBeCloseTo(plain.cost, 9);
      }),
      { numRuns: 40 },
    );
  });

  test('recovers planted personas (adjusted Rand index ≥ 0.9) and is deterministic for a seed', () => {
    for (const [personas, seed] of [[3, 1], [4, 2], [5, 3], [6, 4]] as const) {
      const { table, labels, columns } = plantedSurvey({ rows: 3000, personas, seed });
      const { features, problems } = buildFeatures(table, columns);
      expect(problems).toEqual([]);
      const runs = [11, 12, 13].map((s) => kPrototypes(features, { k: personas, seed: s }));
      const best = runs.reduce((a, b) => (b.cost < a.cost ? b : a));
      expect(adjustedRandIndex(best.assignments, labels), `${personas} personas`).toBeGreaterThanOrEqual(0.9);
      expect(Array.from(kPrototypes(features, { k: personas, seed: 11 }).assignments)).toEqual(Array.from(runs[0]!.assignments));
    }
  });

  test('the silhouette is highest at the planted number of personas', () => {
    const { table, columns } = plantedSurvey({ rows: 2000, personas: 4, seed: 9 });
    const { features } = buildFeatures(table, columns);
    const byK = [2, 3, 4, 5, 6].map((k) => {
      const run = kPrototypes(features, { k, seed: 5 });
      return { k, score: silhouette(features, run.assignments, k, defaultGamma, { sample: 800 }) };
    });
    expect(byK.reduce((a, b) => (b.score > a.score ? b : a)).k).toBe(4);
  });

  test('k outside 1..rows is refused', () => {
    const { table, columns } = plantedSurvey({ rows: 10, personas: 2, seed: 1 });
    const { features } = buildFeatures(table, columns);
    for (const k of [0, -1, 1.5, 11]) expect(() => kPrototypes(features, { k, seed: 1 })).toThrow(RangeError);
  });
});

describe('adjusted Rand index', () => {
  test('is 1 for the same grouping under other names, and near 0 for unrelated labels', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])).toBe(1);
    // scikit-learn's documented example: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714…
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    const a = Array.from({ length: 5000 }, (_, i) => i % 4), b = Array.from({ length: 5000 }, (_, i) => Math.floor(i / 7) % 3);
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.02);
  });
});
