import { expect, test } from 'vitest';
import { edge, flowOf, node } from '../../../../../common/flowEngine/testFlows';
import { defaultForm, formOptions, sameDesign, type SimForm } from './simForm';

const flow = flowOf([node.trigger('t'), node.condition('c', 'nps', 'atLeast', 9), node.waitUntilEvent('u', 'buy', 2), node.exit('x')],
  ['t', 'c'], [edge('c', 'u', 'yes'), edge('c', 'x', 'no'), edge('u', 'x'), edge('u', 'x', 'timeout')]);
const form = (patch: Partial<SimForm> = {}): SimForm => ({ ...defaultForm(flow), ...patch });

test('the form becomes simulator options: percents as weights, event chances as probabilities', () => {
  const r = formOptions(form({ branches: { c: { yes: 80, no: 20 } }, events: { u: { percent: 25, hours: 6 } } }), flow, 1000, []);
  expect(r).toEqual({ ok: true, data: {
    triggerNodeId: 't', startAt: 1000, arrivalDays: 0, horizonDays: 30, branchWeights: { c: { yes: 80, no: 20 } }, eventDelays: { u: { probability: 0.25, hours: 6 } }, journeys: [],
  } });
});

test('each bad field gets its own sentence', () => {
  const cases: [Partial<SimForm>, string][] = [
    [{ count: 0 }, 'Generate between 1 and 200,000 customers.'],
    [{ count: Number.NaN }, 'Generate between 1 and 200,000 customers.'],
    [{ count: 1.5 }, 'Generate between 1 and 200,000 customers.'],
    [{ count: 200_001 }, 'Generate between 1 and 200,000 customers.'],
    [{ population: 'dataset' }, 'Choose the data whose customers to simulate.'],
    [{ horizonDays: 0 }, 'Simulate between 1 and 3,650 days.'],
    [{ arrivalDays: 31 }, 'Arrivals must spread over 0 days up to the simulated period.'],
    [{ branches: { c: { yes: 0, no: 0 } } }, 'c: give at least one branch a chance above 0 %.'],
    [{ branches: { c: { yes: 120, no: 0 } } }, 'c: a branch\'s chance must be between 0 and 100 %.'],
    [{ events: { u: { percent: -1, hours: 1 } } }, 'u: the event\'s chance must be between 0 and 100 %.'],
    [{ events: { u: { percent: 10, hours: Number.NaN } } }, 'u: the event\'s delay must be between 0 and 87,600 hours.'],
  ];
  for (const [patch, message] of cases) {
    const r = formOptions(form(patch), flow, 0, []);
    expect(r.ok ? 'ok' : r.message).toBe(message);
  }
});

test('moving steps keeps the counts of a simulation; changing a step does not', () => {
  const moved = { ...flow, nodes: flow.nodes.map((n) => ({ ...n, position: { x: n.position.x + 50, y: 0 } })) };
  expect(sameDesign(flow, moved)).toBe(true);
  const renamed = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'x' ? { ...n, label: 'Bye' } : n)) };
  expect(sameDesign(flow, renamed)).toBe(false);
  expect(sameDesign(flow, { ...flow, edges: flow.edges.slice(1) })).toBe(false);
});
