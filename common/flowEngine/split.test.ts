import { expect, test } from 'vitest';
import { buildProgram } from './program';
import { startRun } from './step';
import { pickArm, stableDraw } from './split';
import { contextWith, edge, flowOf, node, startOf } from './testFlows';
import { triggerMatches } from './triggers';
import { nextSlot } from './schedule';
import { renderTemplate } from './template';

const splitFlow = flowOf([node.trigger('t'), node.random('r', [['A', 20], ['B', 30], ['C', 50]]), node.exit('xa'), node.exit('xb'), node.exit('xc')],
  ['t', 'r'], [edge('r', 'xa', 'A'), edge('r', 'xb', 'B'), edge('r', 'xc', 'C')]);

test('split arms over 10k customers come within 1.5 points of the weights', () => {
  const p = buildProgram({ journeyId: 'j', version: 1, flow: splitFlow });
  const counts: Record<string, number> = { xa: 0, xb: 0, xc: 0 };
  for (let i = 0; i < 10_000; i++) counts[startRun(p, startOf(`customer-${i}`), contextWith()).state.nodeId]! += 1;
  expect(Math.abs(counts.xa! / 100 - 20)).toBeLessThan(1.5);
  expect(Math.abs(counts.xb! / 100 - 30)).toBeLessThan(1.5);
  expect(Math.abs(counts.xc! / 100 - 50)).toBeLessThan(1.5);
});

test('the same customer and version land in the same arm; another version reshuffles', () => {
  const v1 = buildProgram({ journeyId: 'j', version: 1, flow: splitFlow });
  const v2 = buildProgram({ journeyId: 'j', version: 2, flow: splitFlow });
  let moved = 0;
  for (let i = 0; i < 500; i++) {
    const a = startRun(v1, startOf(`c${i}`), contextWith()).state.nodeId;
    expect(startRun(v1, { ...startOf(`c${i}`), runId: `other-${i}` }, contextWith()).state.nodeId).toBe(a);
    if (startRun(v2, startOf(`c${i}`), contextWith()).state.nodeId !== a) moved++;
  }
  expect(moved).toBeGreaterThan(100);
});

test('draws keep their parts apart and stay in [0, 1)', () => {
  expect(stableDraw('a', 'bc')).not.toBe(stableDraw('ab', 'c'));
  for (let i = 0; i < 1000; i++) {
    const d = stableDraw(i);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(1);
  }
  expect(pickArm([{ percent: 0 }, { percent: 0 }], 0.5)).toBeUndefined();
  expect(pickArm([{ percent: 0, id: 'a' }, { percent: 100, id: 'b' }], 0)).toEqual({ percent: 100, id: 'b' });
});

test('triggers fire for their intake only; survey score ranges are inclusive', () => {
  const p = buildProgram({
    journeyId: 'j', version: 1,
    flow: flowOf([node.trigger('ev', { type: 'event', eventName: 'signup' }), node.trigger('sv', { type: 'surveyResponse', surveyId: 's1', minScore: 0, maxScore: 6 }),
      node.trigger('seg', { type: 'segmentEntry', segmentId: 'vip' }), node.trigger('m'), node.trigger('sch', { type: 'schedule', every: { amount: 1, unit: 'days' } })]),
  });
  expect(triggerMatches(p, { type: 'event', name: 'signup' })).toEqual(['ev']);
  expect(triggerMatches(p, { type: 'event', name: 'Signup' })).toEqual([]);
  expect(triggerMatches(p, { type: 'surveyResponse', surveyId: 's1', score: 6 })).toEqual(['sv']);
  expect(triggerMatches(p, { type: 'surveyResponse', surveyId: 's1', score: 7 })).toEqual([]);
  expect(triggerMatches(p, { type: 'surveyResponse', surveyId: 's1' })).toEqual([]);
  expect(triggerMatches(p, { type: 'segmentEntry', segmentId: 'vip' })).toEqual(['seg']);
  expect(triggerMatches(p, { type: 'manual' })).toEqual(['m']);
  expect(triggerMatches(p, { type: 'schedule', triggerNodeId: 'sch' })).toEqual(['sch']);
  const day = 86_400_000;
  expect(nextSlot({ type: 'schedule', every: { amount: 1, unit: 'days' }, startAt: 1000 }, 0)).toBe(1000);
  expect(nextSlot({ type: 'schedule', every: { amount: 1, unit: 'days' }, startAt: 1000 }, 1000)).toBe(1000 + day);
});

test('templates: spaces inside braces, customer_id, and blank values count as missing', () => {
  expect(renderTemplate('Hi {{ first_name }} ({{customer_id}})', { first_name: 'Zoë' }, 'c1')).toEqual({ ok: true, text: 'Hi Zoë (c1)' });
  expect(renderTemplate('{{a}}{{b}}{{a}}', { b: '  ' }, 'c')).toEqual({ ok: false, missing: ['a', 'b'] });
  expect(renderTemplate('no variables {single}', {}, 'c')).toEqual({ ok: true, text: 'no variables {single}' });
});

test('a draw is the first 32 bits of hashString, so arms stay where the first version put them', async () => {
  const { hashString } = await import('../analytics/hash');
  for (const parts of [['c1', 'j', 1, 'n'], ['x'], [42]]) {
    expect(stableDraw(...parts)).toBe(parseInt(hashString(JSON.stringify(parts)).slice(0, 8), 16) / 4294967296);
  }
});
