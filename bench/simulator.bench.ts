/**
 * The journey simulator (issue 16 item 5): 100k generated customers through a 10-step flow (trigger,
 * email, split, waits, a wait-until with events, condition, SMS, update, exit) on the simulated
 * clock, with the same `simulate` the app's simulator worker runs. Prints interpreter steps per second.
 */
import { generateCustomers, simulate } from '../common/flowEngine';
import { edge, flowOf, node } from '../common/flowEngine/testFlows';
import type { BenchRow } from './report';
import { peakRssMb } from './report';

const customersN = 100_000;

function tenStepFlow() {
  return flowOf([
    node.trigger('t'), node.email('mail', 'Welcome {{first_name}}', 'Hello {{first_name}} from {{country}}'), node.random('ab', [['A', 50], ['B', 50]]),
    node.wait('w1', 1), node.waitUntilEvent('u', 'purchase', 7), node.condition('c', 'country', 'equals', 'US'),
    node.sms('sms', 'Thanks {{first_name}}'), node.setAttr('set', 'stage', 'nurtured'), node.wait('w2', 2), node.exit('x'),
  ], ['t', 'mail', 'ab'], [
    edge('ab', 'w1', 'A'), edge('ab', 'u', 'B'), edge('w1', 'u'), edge('u', 'c'), edge('u', 'c', 'timeout'),
    edge('c', 'sms', 'yes'), edge('c', 'set', 'no'), edge('sms', 'set'), edge('set', 'w2'), edge('w2', 'x'),
  ]);
}

export default async function run(report: (row: BenchRow) => void): Promise<void> {
  const customers = generateCustomers(customersN);
  const input = {
    flow: tenStepFlow(), journeyId: 'bench', version: 1, customers,
    options: { startAt: Date.UTC(2026, 0, 1), arrivalDays: 7, horizonDays: 60, branchWeights: {}, eventDelays: { u: { probability: 0.3, hours: 36 } }, journeys: [] },
  };
  simulate({ ...input, customers: customers.slice(0, 5000) }); // warm the JIT
  const start = performance.now();
  const result = simulate(input);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(result.message);
  const { steps, outcomes } = result.data;
  report({ name: `simulate ${customersN / 1000}k customers × 10-step flow`, value: ms, unit: 'ms' });
  report({ name: 'interpreter steps per second', value: steps / (ms / 1000), unit: 'steps/s' });
  report({ name: 'steps executed (log lines)', value: steps, unit: 'steps' });
  report({ name: 'runs exited', value: outcomes.exited ?? 0, unit: 'runs' });
  report({ name: 'peak RSS', value: peakRssMb(), unit: 'MB' });
  await Promise.resolve();
}
