import { describe, expect, test } from 'vitest';
import { compareJourney } from './compare';
import { eventLogFromPlain } from './eventLog';
import { generateEvents, generatedStages } from './generate';
import { referenceAnalyse, type PlainEvent } from './reference';
import { proportionDifference, wilson } from './stats';

describe('comparison', () => {
  test("Newcombe's interval matches the published example (56/70 vs 48/80: 0.2000, 0.0524 to 0.3339)", () => {
    const d = proportionDifference(56, 70, 48, 80)!;
    expect(d.difference).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
    // Wilson 81/263 (Newcombe 1998, Table I): 0.2553 to 0.3662.
    const [lo, hi] = wilson(81, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  test('intervals stay within [-1, 1] at the extremes and are null for an empty side', () => {
    for (const [x1, n1, x2, n2] of [[0, 10, 10, 10], [10, 10, 0, 10], [1, 1, 0, 1], [0, 5, 0, 5]] as const) {
      const d = proportionDifference(x1, n1, x2, n2)!;
      expect(d.low).toBeGreaterThanOrEqual(-1);
      expect(d.high).toBeLessThanOrEqual(1);
      expect(d.low).toBeLessThanOrEqual(d.difference);
      expect(d.high).toBeGreaterThanOrEqual(d.difference);
    }
    expect(proportionDifference(1, 0, 1, 2)).toBeNull();
  });

  test('two segments: each side equals the reference on that segment, and the difference is of their rates', () => {
    const events: PlainEvent[] = [];
    generateEvents({ customers: 2000, seed: 11, messy: true }, (customer, event, time, channel, plan) => {
      events.push({ customer, event, time, properties: plan ? { channel, plan } : { channel } });
    });
    const log = eventLogFromPlain(events);
    const web = { kind: 'property' as const, property: 'channel', values: ['web'] };
    const app = { kind: 'property' as const, property: 'channel', values: ['app'] };
    const c = compareJourney(log, generatedStages, web, app);
    expect(c.a).toEqual(referenceAnalyse(events, generatedStages, { filter: web }));
    expect(c.b).toEqual(referenceAnalyse(events, generatedStages, { filter: app }));
    const last = c.a.stages.length - 1;
    expect(c.reach[last]!.difference).toBeCloseTo(c.a.completed / c.a.stages[0]!.reachStrict - c.b.completed / c.b.stages[0]!.reachStrict, 12);
    expect(c.reach[0]!.difference).toBe(0);
    // Same generator for both channels: the 95 % interval of the completion difference covers 0.
    expect(c.completion!.low).toBeLessThan(0);
    expect(c.completion!.high).toBeGreaterThan(0);
  });
});
