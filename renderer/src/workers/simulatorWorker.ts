/**
 * The journey simulator off the UI thread: builds the population (generated, a dataset's respondents
 * or an event log's customers) and runs common/flowEngine's simulate over it. Nothing is sent.
 */
import { decodeDatasets } from '../../../common/analytics/table';
import { customersFromEventLog, customersFromTable, generateCustomers, maxSimulatedCustomers, simulate, type SimCustomer } from '../../../common/flowEngine';
import { decodeEvents } from '../../../common/journeyAnalytics';
import { err, type Result } from '../../../common/result';
import type { SimPopulation, SimRequest, SimResponse } from './simulatorProtocol';

const scope = self as unknown as {
  postMessage(message: SimResponse): void;
  onmessage: ((event: MessageEvent<SimRequest>) => void) | null;
};

const tooMany = (n: number) => err('too-large', `${n.toLocaleString('en')} customers is over the simulator's limit of ${maxSimulatedCustomers.toLocaleString('en')}.`);

/** The population's customers; sizes are checked before anything big is built. */
function population(p: SimPopulation): Result<SimCustomer[]> {
  if (p.kind === 'generated') {
    if (!Number.isInteger(p.count) || p.count < 1) return err('invalid-argument', 'Generate at least 1 customer.');
    if (p.count > maxSimulatedCustomers) return tooMany(p.count);
    return { ok: true, data: generateCustomers(p.count) };
  }
  if (p.kind === 'dataset') {
    if (p.header.rowCount > maxSimulatedCustomers) return tooMany(p.header.rowCount);
    return { ok: true, data: customersFromTable(decodeDatasets([{ header: p.header, chunks: p.chunks }])) };
  }
  const log = decodeEvents([{ header: p.header, chunks: p.chunks }]);
  if (log.customers.length > maxSimulatedCustomers) return tooMany(log.customers.length);
  return { ok: true, data: customersFromEventLog(log) };
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const customers = population(request.population);
    if (!customers.ok) {
      scope.postMessage({ type: 'result', result: customers });
      return;
    }
    const result = simulate({ flow: request.flow, journeyId: request.journeyId, version: request.version, customers: customers.data, options: request.options },
      (fraction) => scope.postMessage({ type: 'progress', fraction }));
    scope.postMessage({ type: 'result', result });
  } catch (e) {
    // A chunk this version cannot read (a newer app wrote it), or a bug: say so rather than hang.
    scope.postMessage({ type: 'result', result: err('internal', `The simulation stopped: ${e instanceof Error ? e.message : String(e)}`) });
  }
};
