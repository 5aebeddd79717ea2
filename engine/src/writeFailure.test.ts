import { describe, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { CounterDoc, RunDoc } from '../../common/journeyRuns/docs';
import { tenantDatabaseName } from '../../common/sync/names';
import type { BulkResult } from './couch';
import { CouchDb } from './couch';
import { JourneyDirectory } from './journeys';
import { createSenders } from './senders';
import { HttpSender } from './senders/http';
import { testPolicy } from './testing/engineHarness';
import { publish, until, writeNewRuns } from './testing/parts';
import { HttpRequestError } from './httpRequest';
import { useTickParts } from './testing/tickParts';
import { Worker } from './worker';

/**
 * A batch write that fails: the server answers with an error or the connection drops, before the
 * write or after it landed. The runs of that batch must move on, every message sent once, and the
 * counters must count each step once. Real parts: the sync server, the provider receiver, a worker
 * driven tick by tick by the test; only the answer of one `_bulk_docs` is taken away.
 */

const partitions = 4;
const parts = useTickParts();

/** The runs database, with the next `_bulk_docs` failing before it is sent or after it landed. */
class FlakyRuns extends CouchDb {
  failNext: 'before' | 'after' | undefined;
  override async bulk(docs: readonly { _id: string }[]): Promise<BulkResult[]> {
    const fail = this.failNext;
    this.failNext = undefined;
    if (fail === 'before') throw new HttpRequestError('ECONNRESET', 'POST /_bulk_docs: socket hang up');
    const results = await super.bulk(docs);
    if (fail === 'after') throw new HttpRequestError('ECONNRESET', 'POST /_bulk_docs: the answer was lost');
    return results;
  }
}

/** A worker holding every partition, with the journey's published version read in. */
async function startedWorker(runs: CouchDb, journeyId: string): Promise<Worker> {
  const directory = new JourneyDirectory(new CouchDb(parts.admin, tenantDatabaseName('acme', 'journeys')), new CouchDb(parts.admin, tenantDatabaseName('acme', 'history')));
  await directory.refresh();
  expect(await directory.load(journeyId, 1, Date.now())).toBe(true);
  const w = new Worker({
    worker: 'A', runs, control: parts.dbs.control, directory, partitions, leaseTtlMs: 60_000, log: () => undefined,
    senders: createSenders({ http: new HttpSender({ providerUrl: parts.receiver.url, timeoutMs: 30_000 }) }), policy: testPolicy,
  });
  await w.leases.round();
  return w;
}

async function startRuns(journeyId: string, customers: string[]): Promise<void> {
  await writeNewRuns(parts.admin, 'acme', journeyId, customers, journeyId, partitions);
}

/** The counters summed over every partition: started, exited, SMS sent, and runs that entered `s1`. */
async function totals(): Promise<{ started: number; exited: number; sms: number; enteredS1: number }> {
  const counters = await parts.dbs.runs.all<CounterDoc>('c|', 'c|\ufff0');
  const sum = (f: (c: CounterDoc) => number | undefined): number => counters.reduce((s, c) => s + (f(c) ?? 0), 0);
  return { started: sum((c) => c.started), exited: sum((c) => c.finished.exited), sms: sum((c) => c.sends.sms), enteredS1: sum((c) => c.nodes.s1?.entered) };
}

describe('a batch write that fails', () => {
  for (const when of ['before', 'after'] as const) {
    it(`moves the batch's runs on and counts each step once when the write fails ${when === 'before' ? 'before reaching the server' : 'after it landed (the answer was lost)'}`, async () => {
      await publish(parts.admin, 'acme', 'one', flowOf([node.trigger('t'), node.sms('s1', 'Hello'), node.exit('x')], ['t', 's1', 'x']));
      const customers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
      await startRuns('one', customers);
      const runs = new FlakyRuns(parts.admin, parts.dbs.runs.name);
      const w = await startedWorker(runs, 'one');
      expect(w.size).toBe(customers.length);

      // The first batch starts every run; its write fails.
      runs.failNext = when;
      await expect(w.tick()).rejects.toThrow(/_bulk_docs: (socket hang up|the answer was lost)/);
      expect(parts.receiver.requests).toHaveLength(0);

      await until(async () => {
        await w.tick();
        return (await parts.dbs.runs.all<RunDoc>('r|', 'r|\ufff0')).every((r) => r.state?.status === 'exited');
      }, 15_000, 'every run finished after the failed write');
      expect(parts.receiver.delivered).toHaveLength(customers.length);
      expect(new Set(parts.receiver.requests.map((r) => r.key)).size).toBe(customers.length);
      expect(await totals()).toEqual({ started: 6, exited: 6, sms: 6, enteredS1: 6 });
    });
  }
});
