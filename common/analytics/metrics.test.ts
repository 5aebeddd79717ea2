import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addMean, addNps, emptyMetrics, mergeMetrics, npsScore, summariseMetrics } from './metrics';

test('NPS is % promoters − % detractors over the 0–10 answers, and their mean', () => {
  fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(Number.NaN, -1, 11, 10.5, 8.5))), (answers) => {
    const acc = emptyMetrics();
    for (const a of answers) addNps(acc.nps, a);
    const valid = answers.filter((a) => a >= 0 && a <= 10);
    const promoters = valid.filter((a) => a >= 9).length;
    const detractors = valid.filter((a) => a <= 6).length;
    const live = summariseMetrics(acc);
    if (valid.length === 0) {
      expect([live.nps, live.npsMean]).toEqual([null, null]);
      return;
    }
    expect(live.nps).toBeCloseTo(((promoters - detractors) / valid.length) * 100, 10);
    expect(live.nps!).toBeGreaterThanOrEqual(-100);
    expect(live.nps!).toBeLessThanOrEqual(100);
    expect(live.npsMean).toBeCloseTo(valid.reduce((s, a) => s + a, 0) / valid.length, 10);
    expect(live.promoters + live.passives + live.detractors).toBe(valid.length);
  }));
});

test('NPS of the classic example: 6 promoters, 2 passives, 2 detractors of 10 is 40', () => {
  expect(npsScore(6, 2, 10)).toBe(40);
  expect(npsScore(0, 0, 0)).toBeNull();
});

test('metrics of two halves merged equal the metrics of the whole', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 1, max: 5, noNaN: true }), fc.integer({ min: 0, max: 10 }))), fc.nat(), (rows, cut) => {
    const fill = (part: typeof rows) => {
      const acc = emptyMetrics();
      for (const [sat, nps] of part) { acc.responses += 1; addMean(acc.satisfaction, sat); addNps(acc.nps, nps); }
      return acc;
    };
    const k = rows.length === 0 ? 0 : cut % rows.length;
    const merged = summariseMetrics(mergeMetrics(fill(rows.slice(0, k)), fill(rows.slice(k))));
    const whole = summariseMetrics(fill(rows));
    expect(merged.responses).toBe(whole.responses);
    expect(merged.nps).toBe(whole.nps);
    if (whole.satisfaction === null) expect(merged.satisfaction).toBeNull();
    else expect(merged.satisfaction).toBeCloseTo(whole.satisfaction, 9);
  }));
});

test('missing metric values are skipped, not counted as zero', () => {
  const acc = emptyMetrics();
  for (const v of [4, Number.NaN, 2]) addMean(acc.trust, v);
  expect(summariseMetrics(acc).trust).toBe(3);
  expect(summariseMetrics(acc).effort).toBeNull();
});
