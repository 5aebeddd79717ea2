import { describe, expect, test } from 'vitest';
import { eventLogFromPlain } from './eventLog';
import { generateEvents, generatedStages, shuffle } from './generate';
import { analyseJourney } from './kernels';
import type { StageSpec } from './match';
import { referenceAnalyse, type PlainEvent } from './reference';

const day = 86_400_000;

function generated(customers: number, seed: number, messy = true) {
  const events: PlainEvent[] = [];
  const known = generateEvents({ customers, seed, messy }, (customer, event, time, channel, plan) => {
    events.push({ customer, event, time, properties: plan ? { channel, plan } : { channel } });
  });
  return { events: shuffle(events, seed + 1), known };
}

describe('journey figures', () => {
  test('the reference recovers the funnel the generator wrote (duplicates, restarts, skips, shuffled rows)', () => {
    const { events, known } = generated(3000, 7);
    const ref = referenceAnalyse(events, generatedStages, { topPaths: 100 });
    expect(ref.stages.map((s) => s.reachStrict)).toEqual(known.reachStrict);
    expect(ref.stages.map((s) => s.reachAny)).toEqual(known.reachAny);
    expect(ref.matchedCustomers).toBe(known.matchedCustomers);
    expect(ref.customers).toBe(known.customers);
    expect(ref.duplicates).toBe(known.duplicates);
    expect(ref.stages[2]!.reachAny).toBeGreaterThan(ref.stages[2]!.reachStrict);
    expect(ref.topPaths.some((p) => p.loops)).toBe(true);
    expect(ref.topPaths.some((p) => p.skips)).toBe(true);
  });

  test('kernels equal the reference on generated logs, whole and filtered', () => {
    for (const seed of [1, 2, 3]) {
      // Seed 3 rounds times to the hour so many events share an instant (ties between stages and names).
      const events = generated(1500, seed).events.map((e) => (seed === 3 ? { ...e, time: Math.floor(e.time / 3_600_000) * 3_600_000 } : e));
      const log = eventLogFromPlain(events);
      const start = Date.UTC(2024, 0, 1);
      for (const options of [
        {},
        { topPaths: 50, maxPathLength: 3, inactiveAfterMs: 5 * day },
        { asOf: start + 30 * day, inactiveAfterMs: 10 * day },
        { filter: { kind: 'period' as const, from: start, to: start + 20 * day } },
        { filter: { kind: 'property' as const, property: 'channel', values: ['web', 'email'] } },
        { filter: { kind: 'property' as const, property: 'nope', values: ['web'] } },
      ]) {
        expect(analyseJourney(log, generatedStages, options)).toEqual(referenceAnalyse(events, generatedStages, options));
      }
    }
  });

  test('a hand-made log: every figure as defined', () => {
    const h = 3_600_000;
    const stages: StageSpec[] = [
      { id: 'a', name: 'A', events: [{ match: 'equals', values: ['a'] }] },
      { id: 'b', name: 'B', events: [{ match: 'equals', values: ['b'] }] },
      { id: 'c', name: 'C', events: [{ match: 'equals', values: ['c'] }] },
    ];
    const ev = (customer: string, event: string, hours: number): PlainEvent => ({ customer, event, time: hours * h });
    const events = [
      ev('1', 'a', 0), ev('1', 'a', 2), ev('1', 'b', 5), ev('1', 'c', 6), ev('1', 'c', 6), // duplicate c at 6 h
      ev('2', 'b', 1), ev('2', 'a', 3), ev('2', 'x', 4), // b before a: strict reach of B fails
      ev('3', 'a', 10), ev('3', 'b', 11), ev('3', 'a', 12), // restart
      ev('4', 'x', 0),
      ev('5', 'b', 20), ev('5', 'a', 20), // same instant: the earlier stage counts first
    ];
    const f = analyseJourney(eventLogFromPlain(events), stages, { inactiveAfterMs: 3 * h });
    expect(f.customers).toBe(5);
    expect(f.matchedCustomers).toBe(4);
    expect(f.duplicates).toBe(1);
    expect(f.stages.map((s) => s.reachStrict)).toEqual([4, 3, 1]);
    expect(f.stages.map((s) => s.reachAny)).toEqual([4, 4, 1]);
    expect(f.stages.map((s) => s.dropOff)).toEqual([1, 2, 0]);
    expect(f.stages[0]!.timeInStage).toMatchObject({ count: 3, median: 0, p90: 2 * h });
    expect(f.stages[0]!.timeToNext).toMatchObject({ count: 3, median: h, p90: 5 * h });
    expect(f.completed).toBe(1);
    expect(f.completionRate).toBeCloseTo(1 / 4);
    expect(f.timeToComplete).toMatchObject({ count: 1, median: 6 * h });
    // As of 20 h with a 3 h cut-off: only customer 5 (in B) is active; 1, 2 and 3 have gone quiet.
    expect(f.asOf).toBe(20 * h);
    expect(f.stages.map((s) => s.current)).toEqual([0, 1, 0]);
    expect(f.inactive).toBe(3);
    expect(f.unmatched).toEqual([{ name: 'x', count: 2 }]);
    expect(f.topPaths.map((p) => [p.stages, p.loops, p.skips, p.completes])).toEqual([
      [[0, 1], false, false, false], [[1, 0], false, true, false], [[0, 1, 0], true, false, false], [[0, 1, 2], false, false, true],
    ]);
    expect(f.transitions).toEqual([
      { from: 0, to: 1, customers: 3, moves: 3 }, { from: 1, to: 0, customers: 2, moves: 2 }, { from: 1, to: 2, customers: 1, moves: 1 },
    ]);
    expect(f).toEqual(referenceAnalyse(events, stages, { inactiveAfterMs: 3 * h }));
  });

  test('moves between stages: skips and loops counted per customer and per move, over the whole path', () => {
    const stages: StageSpec[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), events: [{ match: 'equals', values: [id] }] }));
    const walk = (customer: string, names: string, channel = 'web'): PlainEvent[] =>
      Array.from(names, (event, i) => ({ customer, event, time: i * 60_000, properties: { channel } }));
    const events = [
      ...walk('loop', 'abababd'), // round the A–B loop three times, then skips C
      ...walk('skip', 'ad'), // A straight to D
      ...walk('noise', 'axxc', 'app'), // unmatched events between stages are not stages: A → C
      ...walk('back', 'abcb', 'app'), // C back to B
    ];
    // Paths cut at two stages must not cut the moves: the loop's later moves still count.
    const f = analyseJourney(eventLogFromPlain(events), stages, { maxPathLength: 2 });
    expect(f.transitions).toEqual([
      { from: 0, to: 1, customers: 2, moves: 4 }, { from: 0, to: 2, customers: 1, moves: 1 }, { from: 0, to: 3, customers: 1, moves: 1 },
      { from: 1, to: 0, customers: 1, moves: 2 }, { from: 1, to: 2, customers: 1, moves: 1 }, { from: 1, to: 3, customers: 1, moves: 1 },
      { from: 2, to: 1, customers: 1, moves: 1 },
    ]);
    const app = analyseJourney(eventLogFromPlain(events), stages, { filter: { kind: 'property', property: 'channel', values: ['app'] } });
    expect(app.transitions).toEqual([
      { from: 0, to: 1, customers: 1, moves: 1 }, { from: 0, to: 2, customers: 1, moves: 1 }, { from: 1, to: 2, customers: 1, moves: 1 }, { from: 2, to: 1, customers: 1, moves: 1 },
    ]);
    expect(f).toEqual(referenceAnalyse(events, stages, { maxPathLength: 2 }));
    expect(analyseJourney(eventLogFromPlain(walk('one', 'aaa')), stages).transitions).toEqual([]);
  });

  test('property conditions pick the first stage whose rule holds, falling back to a plain rule', () => {
    const stages: StageSpec[] = [
      { id: 'free', name: 'Free', events: [{ match: 'equals', values: ['buy'], where: [{ property: 'plan', values: ['free'] }] }] },
      { id: 'any', name: 'Any', events: [{ match: 'startsWith', values: ['bu'] }] },
      { id: 'pro', name: 'Pro', events: [{ match: 'equals', values: ['buy'], where: [{ property: 'plan', values: ['pro'] }] }] },
    ];
    const events: PlainEvent[] = [
      { customer: 'a', event: 'buy', time: 1, properties: { plan: 'free' } },
      { customer: 'b', event: 'buy', time: 1, properties: { plan: 'pro' } },
      { customer: 'c', event: 'buy', time: 1 },
    ];
    const f = analyseJourney(eventLogFromPlain(events), stages);
    expect(f.stages.map((s) => s.reachAny)).toEqual([1, 2, 0]);
    expect(f).toEqual(referenceAnalyse(events, stages));
  });

  test('an empty log and a journey without stages give empty figures, not errors', () => {
    expect(analyseJourney(eventLogFromPlain([]), generatedStages)).toMatchObject({ customers: 0, completed: 0, completionRate: null });
    const f = analyseJourney(eventLogFromPlain([{ customer: 'a', event: 'x', time: 0 }]), []);
    expect(f).toMatchObject({ customers: 1, matchedCustomers: 0, completionRate: null, stages: [] });
  });
});
