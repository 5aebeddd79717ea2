/**
 * The anomaly rule (anomalies.ts) on generated data: its false-alarm rate on stationary series, its
 * respect for sample size, and that it still sees a real shift.
 */
import { describe, expect, test } from 'vitest';
import { detectAnomalies } from './anomalies';
import type { EvolutionPoint } from './evolution';
import { addMean, addNps, emptyMetrics, summariseMetrics, type MetricName } from './metrics';

/** A small seeded generator (mulberry32), so every run sees the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a discrete distribution given as weights of the values 0…k or 1…k. */
function draw(rand: () => number, weights: readonly number[], first: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return first + i;
  }
  return first + weights.length - 1;
}

const satisfactionWeights = [0.05, 0.1, 0.2, 0.4, 0.25]; // 1–5, mean 3.7
const effortWeights = [0.3, 0.25, 0.15, 0.1, 0.1, 0.05, 0.05]; // 1–7
const npsWeights = [0.02, 0.02, 0.03, 0.03, 0.05, 0.05, 0.1, 0.15, 0.2, 0.2, 0.15]; // 0–10, NPS ≈ +10

interface DayPlan { answers: number; shift?: number }

/** Days of a stable process: `plan` gives each day's answers; `shift` moves satisfaction answers up or down by that many points. */
function series(rand: () => number, plan: readonly DayPlan[]): EvolutionPoint[] {
  return plan.map((d, i) => {
    const sums = emptyMetrics();
    for (let k = 0; k < d.answers; k++) {
      const sat = draw(rand, satisfactionWeights, 1) + (d.shift ?? 0);
      addMean(sums.satisfaction, Math.min(5, Math.max(1, sat)));
      addMean(sums.effort, draw(rand, effortWeights, 1));
      addNps(sums.nps, draw(rand, npsWeights, 0));
    }
    sums.responses = d.answers;
    const day = `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return { day, responses: d.answers, averagePercent: null, distribution: { strong: 0, moderate: 0, weak: 0 }, live: summariseMetrics(sums), sums };
  });
}

describe('false alarms on stationary data', () => {
  // 40 series of 300 days, 0 to 80 answers a day: about 11,000 judged days per metric.
  const rand = random(13);
  const all = Array.from({ length: 40 }, () => series(rand, Array.from({ length: 300 }, () => ({ answers: Math.floor(rand() * 81) }))));
  const metrics: MetricName[] = ['satisfaction', 'nps', 'npsMean', 'effort'];

  test('the trailing-mean check flags under 1 % of stable days for every metric (3 standard errors: ≈ 0.3 % expected)', () => {
    for (const metric of metrics) {
      let judged = 0, flagged = 0;
      for (const s of all) {
        judged += s.filter((p, i) => i >= 3 && p.sums.satisfaction.n >= 5).length;
        flagged += detectAnomalies(s, { metric }).length;
      }
      const rate = flagged / judged;
      expect([metric, rate < 0.01]).toEqual([metric, true]);
      expect(judged).toBeGreaterThan(10_000);
    }
  });

  test('against a correct expected value, under 1 % of stable days are flagged', () => {
    let judged = 0, flagged = 0;
    for (const s of all) {
      judged += s.filter((p) => p.sums.nps.n >= 5).length;
      // The process's true NPS: 50 % promoters − 28 % detractors = +22 (weights above).
      flagged += detectAnomalies(s, { metric: 'nps', expected: 100 * (0.2 + 0.15 - (0.02 + 0.02 + 0.03 + 0.03 + 0.05 + 0.05 + 0.1)) }).length;
    }
    expect(flagged / judged).toBeLessThan(0.01);
  });

  test('the old fixed threshold (15 NPS points from the 7-day mean) flagged more than one stable day in ten (36 % here)', () => {
    // Kept as the measured reason for the change: the same data, judged the old way.
    let judged = 0, flagged = 0;
    for (const s of all) {
      const values = s.map((p) => p.live.nps).filter((v): v is number => v !== null);
      values.forEach((v, i) => {
        if (i === 0) return;
        const prior = values.slice(Math.max(0, i - 7), i);
        judged += 1;
        if (Math.abs(v - prior.reduce((a, b) => a + b, 0) / prior.length) > 15) flagged += 1;
      });
    }
    expect(flagged / judged).toBeGreaterThan(0.09);
  });
});

describe('sample size', () => {
  test('a day of 3 answers is never judged, however far it lies', () => {
    const rand = random(5);
    const s = series(rand, [...Array.from({ length: 20 }, () => ({ answers: 40 })), { answers: 3, shift: -4 }]);
    expect(detectAnomalies(s, { metric: 'satisfaction' })).toEqual([]);
  });

  test('a drop of 0.8 points on a 1–5 scale in a day of 60 answers is flagged against the trailing mean, with its limit', () => {
    const rand = random(7);
    const s = series(rand, [...Array.from({ length: 20 }, () => ({ answers: 60 })), { answers: 60, shift: -1 }]);
    const found = detectAnomalies(s, { metric: 'satisfaction' });
    expect(found.map((a) => [a.day, a.against])).toEqual([[s.at(-1)!.day, 'trailing']]);
    expect(found[0]!.deviation).toBeLessThan(-found[0]!.limit);
    expect(found[0]!.limit).toBeGreaterThan(0.3);
    expect(found[0]!.limit).toBeLessThan(0.6);
  });

  test('without sums of squares (snapshots before engine version 2) a mean metric is not judged; NPS still is', () => {
    const rand = random(9);
    const s = series(rand, [...Array.from({ length: 20 }, () => ({ answers: 60 })), { answers: 60, shift: -2 }]);
    for (const p of s) delete p.sums.satisfaction.sq;
    expect(detectAnomalies(s, { metric: 'satisfaction' })).toEqual([]);
  });
});
