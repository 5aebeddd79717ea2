import { describe, expect, test } from 'vitest';
import { simulate, maxSimulatedCustomers, type SimulationInput, type SimulationOptions } from './simulate';
import { customersFromEventLog, customersFromTable, generateCustomers } from './population';
import { edge, flowOf, node } from './testFlows';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import type { Table } from '../analytics/table';

const day = 86_400_000;
const options = (patch: Partial<SimulationOptions> = {}): SimulationOptions =>
  ({ startAt: Date.UTC(2026, 0, 1), arrivalDays: 0, horizonDays: 30, branchWeights: {}, eventDelays: {}, journeys: [], ...patch });

// Welcome email, A/B split: A gets an SMS after 2 days, B a condition no generated customer meets.
const abFlow = flowOf([
  node.trigger('t'), node.email('mail', 'Hi {{first_name}}', 'Welcome'), node.random('ab', [['A', 70], ['B', 30]]),
  node.wait('w', 2), node.sms('sms', 'Still there, {{first_name}}?'), node.exit('doneA'),
  node.condition('c', 'country', 'equals', 'ZZ'), node.ticket('vip'), node.exit('doneB'),
], ['t', 'mail', 'ab'], [edge('ab', 'w', 'A'), edge('w', 'sms'), edge('sms', 'doneA'), edge('ab', 'c', 'B'), edge('c', 'vip', 'yes'), edge('c', 'doneB', 'no'), edge('vip', 'doneB')]);

const input = (patch: Partial<SimulationInput> = {}): SimulationInput =>
  ({ flow: abFlow, journeyId: 'j', version: 1, customers: generateCustomers(1000), options: options(), ...patch });

describe('simulate', () => {
  test('counts per node, arm sizes near the split, a step no one reaches, messages per day', () => {
    const r = simulate(input());
    if (!r.ok) throw new Error(r.message);
    const rep = r.data;
    expect(rep.customers).toBe(1000);
    expect(rep.nodes.mail).toEqual({ reached: 1000, waiting: 0, ended: 0, failed: 0 });
    const [a, b] = rep.arms[0]!.arms;
    expect(a!.count + b!.count).toBe(1000);
    expect(Math.abs(a!.count - 700)).toBeLessThan(50);
    expect(rep.nodes.sms!.reached).toBe(a!.count);
    expect(rep.unreached).toEqual(['vip']);
    expect(rep.nodes.doneB!.ended).toBe(b!.count);
    expect(rep.messagesPerDay).toEqual([{ day: 0, counts: { email: 1000 } }, { day: 2, counts: { sms: a!.count } }]);
    expect(rep.timeToExit).toEqual({ count: 1000, median: 2 * day, p90: 2 * day }); // 70 % wait 2 days
    expect(rep.outcomes).toEqual({ exited: 1000 });
  });

  test('runs still waiting when time runs out are counted where they wait', () => {
    const r = simulate(input({ options: options({ horizonDays: 1 }) }));
    if (!r.ok) throw new Error(r.message);
    expect(r.data.nodes.w!.waiting).toBe(r.data.arms[0]!.arms[0]!.count);
    expect(r.data.outcomes.waiting).toBe(r.data.arms[0]!.arms[0]!.count);
  });

  test('branch weights decide what data cannot; event delays drive wait-untils, the rest time out', () => {
    const flow = flowOf([node.trigger('t'), node.condition('c', 'loyalty', 'atLeast', 5), node.waitUntilEvent('u', 'purchase', 3), node.exit('bought'), node.exit('late'), node.exit('no')],
      ['t', 'c'], [edge('c', 'u', 'yes'), edge('c', 'no', 'no'), edge('u', 'bought'), edge('u', 'late', 'timeout')]);
    const r = simulate(input({ flow, customers: generateCustomers(4000), options: options({ branchWeights: { c: { yes: 3, no: 1 } }, eventDelays: { u: { probability: 0.4, hours: 12 } } }) }));
    if (!r.ok) throw new Error(r.message);
    const { nodes } = r.data;
    expect(Math.abs(nodes.u!.reached / 4000 - 0.75)).toBeLessThan(0.03);
    expect(Math.abs(nodes.bought!.ended / nodes.u!.reached - 0.4)).toBeLessThan(0.04);
    expect(nodes.bought!.ended + nodes.late!.ended).toBe(nodes.u!.reached);
    // An event later than the timeout never arrives in time.
    const slow = simulate(input({ flow, options: options({ eventDelays: { u: { probability: 1, hours: 100 } } }) }));
    expect(slow.ok && slow.data.nodes.bought!.reached).toBe(0);
  });

  test('missing template variables show as failures on their step, with the variable named', () => {
    const customers = [...generateCustomers(3), { id: 'anon', attributes: {} }];
    const r = simulate(input({ customers }));
    if (!r.ok) throw new Error(r.message);
    expect(r.data.nodes.mail!.failed).toBe(1);
    expect(r.data.failures).toEqual([expect.objectContaining({ nodeId: 'mail', code: 'missing-variable', count: 1 })]);
    expect(r.data.failures[0]!.example).toContain('{{first_name}}');
  });

  test('bad input gets a clear message', () => {
    const cases: [Partial<SimulationInput>, string][] = [
      [{ flow: flowOf([node.email('e')]) }, 'no trigger'],
      [{ flow: flowOf([node.trigger('t'), node.random('r', [['A', 10], ['B', 10]]), node.exit('x')], ['t', 'r'], [edge('r', 'x', 'A'), edge('r', 'x', 'B')]) }, 'add up to 20'],
      [{ customers: [] }, 'population is empty'],
      [{ customers: { length: maxSimulatedCustomers + 1 } as never }, 'over the simulator\'s limit of 200,000'],
      [{ options: options({ horizonDays: 0 }) }, 'between 1 and 3,650 days'],
      [{ options: options({ triggerNodeId: 'mail' }) }, 'not in this flow'],
    ];
    for (const [patch, message] of cases) {
      const r = simulate(input(patch));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(message);
    }
  });

  test('go-to hands over to a journey the directory knows and fails for one it does not', () => {
    const flow = flowOf([node.trigger('t'), node.goto('g', 'next')], ['t', 'g']);
    const known = simulate(input({ flow, options: options({ journeys: [{ journeyId: 'next', version: 2 }] }) }));
    expect(known.ok && known.data.outcomes).toEqual({ handedOver: 1000 });
    const unknown = simulate(input({ flow }));
    expect(unknown.ok && unknown.data.failures[0]!.code).toBe('unknown-journey');
  });

  test('the same input gives the same report', () => {
    expect(simulate(input({ options: options({ arrivalDays: 7 }) }))).toEqual(simulate(input({ options: options({ arrivalDays: 7 }) })));
  });
});

describe('populations', () => {
  test('respondents: the id column names them, other answered columns are attributes', () => {
    const table: Table = {
      rowCount: 2, datasetIds: ['d'], datasetOfRow: new Uint16Array(2), waveIds: ['w'], waveOfRow: new Uint32Array(2),
      columns: new Map<string, Table['columns'] extends Map<string, infer C> ? C : never>([
        ['rid', { type: 'id', values: ['r-1', null] }],
        ['nps', { type: 'number', values: Float64Array.from([9, Number.NaN]) }],
        ['plan', { type: 'category', dict: ['pro'], codes: Int32Array.from([0, -1]) }],
      ]),
    };
    expect(customersFromTable(table)).toEqual([{ id: 'r-1', attributes: { rid: 'r-1', nps: 9, plan: 'pro' } }, { id: 'row-2', attributes: {} }]);
  });

  test('event log customers carry the latest value of each property', () => {
    const log = eventLogFromPlain([
      { customer: 'a', event: 'visit', time: 2, properties: { plan: 'pro' } },
      { customer: 'a', event: 'visit', time: 1, properties: { plan: 'free', channel: 'web' } },
      { customer: 'b', event: 'buy', time: 5, properties: {} },
    ]);
    const byId = Object.fromEntries(customersFromEventLog(log).map((c) => [c.id, c.attributes]));
    expect(byId).toEqual({ a: { plan: 'pro', channel: 'web' }, b: {} });
  });

  test('generated customers are the same for the same seed and have the attributes the templates use', () => {
    expect(generateCustomers(5, 3)).toEqual(generateCustomers(5, 3));
    expect(Object.keys(generateCustomers(1)[0]!.attributes).sort()).toEqual(['country', 'email', 'first_name', 'last_name', 'phone']);
  });

  test('a schedule trigger starts the whole population at each slot of the simulated days, in its own time zone', () => {
    const weekly = flowOf([
      node.trigger('t', { type: 'schedule', every: { amount: 1, unit: 'days' }, time: '09:00', timeZone: 'Asia/Tokyo', weekdays: [1, 4] }),
      node.email('mail', 'News', 'Hello {{first_name}}'), node.exit('x'),
    ], ['t', 'mail', 'x']);
    // 2026-01-01 (UTC) is a Thursday; Mondays and Thursdays at 09:00 Tokyo are 00:00 UTC on those days.
    const r = simulate(input({ flow: weekly, customers: generateCustomers(50), options: options({ horizonDays: 14, arrivalDays: 3 }) }));
    if (!r.ok) throw new Error(r.message);
    expect(r.data.started).toBe(4 * 50);
    expect(r.data.messagesPerDay).toEqual([0, 4, 7, 11].map((d) => ({ day: d, counts: { email: 50 } })));
    const none = simulate(input({ flow: weekly, options: options({ horizonDays: 1, startAt: Date.UTC(2026, 0, 2) }) }));
    expect(none.ok ? '' : none.message).toMatch(/fires no slot within the simulated days/);
    const big = simulate(input({ flow: weekly, customers: generateCustomers(maxSimulatedCustomers), options: options({ horizonDays: 14 }) }));
    expect(big.ok ? '' : big.message).toMatch(/4 slots × 200,000 customers is over the simulator's limit/);
  });
});
