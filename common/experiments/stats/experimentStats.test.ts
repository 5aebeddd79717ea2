import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedLoss, probabilityToBeat } from './bayes';
import { mannWhitney, meanRatio, moments, welch } from './means';
import { holm } from './multiple';
import { controlSizeForMeans, controlSizeForProportions, powerForMeans, powerForProportions } from './planner';
import { chiSquareIndependence, contingencyChiSquare, fisherExact, newcombeDifference, riskRatio, twoProportionZ, wilson } from './proportions';
import type { Counts } from './proportions';
import { msprt } from './sequential';
import { sampleRatioTest } from './srm';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixture inputs are plain JSON read per kind */
type Case = { kind: string; inputs: any; expected: Record<string, number> };

/** Written by scripts/experimentsReference.py with SciPy; regenerate there, never by hand. */
const reference = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'scipy.json'), 'utf8')) as { scipy: string; cases: Case[] };

const counts = ([conversions, customers]: [number, number]): Counts => ({ conversions, customers });

/** Computes one fixture case with our code; the keys match the fixture's expected keys. */
function compute(c: Case): Record<string, number> {
  const i = c.inputs;
  switch (c.kind) {
    case 'wilson': return { ...wilson(i.x, i.n, i.confidence) };
    case 'newcombe': return { ...newcombeDifference(counts(i.t), counts(i.c), i.confidence) };
    case 'riskRatio': return { ...riskRatio(counts(i.t), counts(i.c), i.confidence)! };
    case 'twoProportionZ': return { ...twoProportionZ(counts(i.t), counts(i.c)) };
    case 'chiSquare': return { ...chiSquareIndependence(i.arms.map(counts)) };
    case 'fisher': return { p: fisherExact(counts(i.t), counts(i.c)).p };
    case 'welch': {
      const r = welch(moments(i.t), moments(i.c), i.confidence);
      return { t: r.t, df: r.df, p: r.p, lower: r.lower, upper: r.upper };
    }
    case 'meanRatio': return { ...meanRatio(moments(i.t), moments(i.c), i.confidence)! };
    case 'mannWhitney': {
      const r = mannWhitney(i.t, i.c);
      return { u: r.u, p: r.p };
    }
    case 'holm': return Object.fromEntries(holm(i.p).map((v, k) => [`p${k}`, v]));
    case 'srm': return { ...sampleRatioTest(i.observed, i.shares) };
    case 'bayes': return { probabilityToBeat: probabilityToBeat(counts(i.t), counts(i.c)), expectedLoss: expectedLoss(counts(i.t), counts(i.c)) };
    case 'msprt': {
      const r = msprt(i.looks.map(([difference, variance]: number[]) => ({ difference, variance })), i.tau2, i.alpha);
      return { p: r.p, lower: r.interval.lower, upper: r.interval.upper };
    }
    case 'planProportions': {
      const control = controlSizeForProportions(i.p1, i.delta, i.alpha, i.power, i.ratio);
      return { control, achieved: powerForProportions(i.p1, i.delta, i.alpha, Math.ceil(control), Math.ceil(control * i.ratio)) };
    }
    case 'planMeans': {
      const control = controlSizeForMeans(i.sd, i.delta, i.alpha, i.power, i.ratio);
      return { control, achieved: powerForMeans(i.sd, i.delta, i.alpha, Math.ceil(control), Math.ceil(control * i.ratio)) };
    }
    case 'contingency': return { ...contingencyChiSquare(i.table) };
    default: throw new Error(`No computation for fixture kind ${c.kind}`);
  }
}

describe('experiment statistics equal SciPy to 1e-9', () => {
  const cases = reference.cases;

  it('covers every statistic the results screen shows', () => {
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['wilson', 'newcombe', 'riskRatio', 'twoProportionZ', 'chiSquare', 'fisher', 'welch', 'meanRatio', 'mannWhitney', 'holm', 'srm', 'bayes', 'msprt', 'planProportions', 'planMeans', 'contingency'])
      expect(kinds, k).toContain(k);
  });

  cases.forEach((c, index) => {
    it(`${c.kind} #${index}`, () => {
      const got = compute(c);
      for (const [key, want] of Object.entries(c.expected)) {
        const value = got[key];
        expect(value, `${c.kind}.${key}`).toBeTypeOf('number');
        // Absolute for values up to 1 (probabilities, rates), relative above (statistics, sizes).
        expect(Math.abs(value! - want), `${c.kind}.${key}: ${value} vs SciPy ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }
    });
  });
});

describe('small and degenerate inputs', () => {
  it('uses the exact Mann-Whitney distribution for small samples without ties and the normal one with ties', () => {
    expect(mannWhitney([1, 2, 3], [4, 5, 6, 7]).method).toBe('exact');
    expect(mannWhitney([1, 2, 2], [4, 5, 6, 7]).method).toBe('asymptotic');
    // Complete separation of 3 vs 4: 1 arrangement of 35 on each side.
    expect(mannWhitney([1, 2, 3], [4, 5, 6, 7]).p).toBeCloseTo(2 / 35, 15);
  });

  it('gives no ratio when an arm has no conversions rather than an infinite interval', () => {
    expect(riskRatio({ conversions: 0, customers: 50 }, { conversions: 4, customers: 50 })).toBeNull();
    expect(meanRatio(moments([0, 0, 0]), moments([1, 2, 3]))).toBeNull();
  });

  it('Fisher gives p = 1 for a table exactly at its mode', () => {
    expect(fisherExact({ conversions: 5, customers: 10 }, { conversions: 5, customers: 10 }).p).toBe(1);
  });
});
