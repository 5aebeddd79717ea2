import { describe, expect, it } from 'vitest';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import { analyseExperiment } from './analyse';
import type { Experiment } from './model';
import { experimentProblems } from './model';
import { sampleExperiment, sampleExperimentLog } from './sampleLog';
import type { SampleOptions } from './sampleLog';
import { decide } from './verdict';

const start = Date.UTC(2026, 4, 1);
const day = 86_400_000;

const experiment = (over: Partial<Experiment> = {}) => sampleExperiment(start, over);

const log = (o: Partial<SampleOptions> = {}) => eventLogFromPlain(sampleExperimentLog({
  seed: 7, start, days: 14, customersPerDay: 400,
  arms: [{ value: 'A', rate: 0.10, share: 1 }, { value: 'B', rate: 0.14, share: 1 }], ...o,
}));

describe('experiment results and verdict', () => {
  it('ships a clear winner after the planned end, with SRM passing and the guardrail fine', () => {
    const e = experiment();
    const r = analyseExperiment(log(), e, e.plannedEnd + day);
    expect(r.problems).toEqual([]);
    expect(r.srm?.passed).toBe(true);
    expect(r.arms.map((a) => a.customers).reduce((s, n) => s + n, 0)).toBe(14 * 400);
    expect(r.comparisons[0]!.difference.estimate).toBeGreaterThan(0.02);
    expect(r.comparisons[0]!.test.name).toBe('two-proportion z-test');
    expect(r.comparisons[0]!.bayes!.probabilityToBeat).toBeGreaterThan(0.99);
    expect(decide(e, r).kind).toBe('ship');
  });

  it('keeps running before the planned end when nothing is conclusive, and says the fixed result is not valid yet', () => {
    const e = experiment();
    const r = analyseExperiment(log({ days: 3, arms: [{ value: 'A', rate: 0.1, share: 1 }, { value: 'B', rate: 0.1, share: 1 }] }), e, start + 3 * day);
    expect(r.fixedValid).toBe(false);
    const v = decide(e, r);
    expect(v.kind).toBe('keep-running');
    expect(v.reasons.join(' ')).toMatch(/not valid before the planned end/);
  });

  it('shows a sample ratio mismatch first and refuses to ship even a big winner', () => {
    const e = experiment();
    const r = analyseExperiment(log({ arms: [{ value: 'A', rate: 0.1, share: 1 }, { value: 'B', rate: 0.2, share: 0.8 }] }), e, e.plannedEnd + day);
    expect(r.problems[0]!.code).toBe('srm');
    expect(r.srm!.passed).toBe(false);
    expect(decide(e, r).kind).toBe('dont-ship');
  });

  it('names an arm with no traffic and computes no figures', () => {
    const e = experiment({ arms: [{ name: 'Control', value: 'A', share: 1 }, { name: 'Typo', value: 'b', share: 1 }] });
    const r = analyseExperiment(log(), e, e.plannedEnd + day);
    expect(r.problems.map((p) => p.code)).toContain('arm-no-traffic');
    expect(r.problems.find((p) => p.code === 'unknown-arm')?.message).toMatch(/B/);
    expect(r.comparisons).toEqual([]);
    expect(decide(e, r).kind).toBe('keep-running');
  });

  it('says so when the metric has no events', () => {
    const e = experiment({ primaryMetric: { kind: 'conversion', event: 'purchse' } });
    const r = analyseExperiment(log(), e, e.plannedEnd + day);
    expect(r.problems.map((p) => p.code)).toEqual(['metric-no-events']);
    expect(r.arms).toEqual([]);
  });

  it('detects a split that changed mid-test', () => {
    const e = experiment();
    const r = analyseExperiment(log({ changeSplit: { day: 7, shares: [3, 1] } }), e, e.plannedEnd + day);
    const split = r.problems.find((p) => p.code === 'split-changed');
    expect(split?.message).toMatch(/first period/);
    expect(decide(e, r).kind).toBe('dont-ship');
  });

  it('does not flag a stable unequal split', () => {
    const e = experiment({ arms: [{ name: 'Control', value: 'A', share: 3 }, { name: 'B', value: 'B', share: 1 }] });
    const r = analyseExperiment(log({ arms: [{ value: 'A', rate: 0.1, share: 3 }, { value: 'B', rate: 0.1, share: 1 }] }), e, e.plannedEnd + day);
    expect(r.problems).toEqual([]);
  });

  it('refuses a worse guardrail, and uses Welch and Mann-Whitney for revenue', () => {
    const e = experiment({ primaryMetric: { kind: 'value', event: 'purchase', property: 'amount' }, mde: 1 });
    const r = analyseExperiment(log({ arms: [{ value: 'A', rate: 0.1, share: 1 }, { value: 'B', rate: 0.1, share: 1, complaintRate: 0.05 }] }), e, e.plannedEnd + day);
    expect(r.comparisons[0]!.test.name).toBe("Welch's t-test");
    expect(r.comparisons[0]!.mannWhitney).not.toBeNull();
    expect(r.guardrails[0]!.worse).toBe(true);
    expect(decide(e, r).kind).toBe('dont-ship');
  });

  it('applies Holm across three arms', () => {
    const e = experiment({ arms: [{ name: 'A', value: 'A', share: 1 }, { name: 'B', value: 'B', share: 1 }, { name: 'C', value: 'C', share: 1 }] });
    const r = analyseExperiment(log({ arms: [{ value: 'A', rate: 0.1, share: 1 }, { value: 'B', rate: 0.1, share: 1 }, { value: 'C', rate: 0.16, share: 1 }] }), e, e.plannedEnd + day);
    expect(r.comparisons).toHaveLength(2);
    for (const c of r.comparisons) expect(c.test.holmP).toBeGreaterThanOrEqual(c.test.p);
    expect(decide(e, r)).toMatchObject({ kind: 'ship', arm: 'C' });
  });

  it('refuses settings that cannot be analysed', () => {
    const bad = experiment({ arms: [{ name: 'A', value: 'A', share: 0 }], alpha: 0.5, mde: 2, plannedEnd: start });
    expect(experimentProblems(bad).length).toBeGreaterThanOrEqual(4);
    expect(experimentProblems(experiment())).toEqual([]);
  });
});
