import { describe, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { RunDoc } from '../../common/journeyRuns/docs';
import { tenantDatabaseName } from '../../common/sync/names';
import { CouchDb } from './couch';
import { JourneyDirectory } from './journeys';
import { createSenders } from './senders';
import { HttpSender } from './senders/http';
import { testPolicy } from './testing/engineHarness';
import { publish, until, writeNewRuns } from './testing/parts';
import { useTickParts } from './testing/tickParts';
import { Worker } from './worker';

/**
 * How one tick shares its batch between runs that are ready (new starts, send outcomes) and runs
 * whose timer is due. A start burst makes tens of thousands of runs ready at once; when due timers
 * only filled what the ready set left, no run under way moved until the burst was through. The
 * worker here runs no loop of its own: the test calls its lease round and ticks.
 */

const parts = useTickParts();

const start = (key: string, customers: string[]): Promise<void> => writeNewRuns(parts.admin, 'acme', 'later', customers, key, 4);

const runsOf = async (customers: string[]): Promise<RunDoc[]> =>
  (await parts.dbs.runs.all<RunDoc>('r|', 'r|\ufff0')).filter((r) => customers.includes(r.customerId));

describe('a tick while many runs are ready', () => {
  it('gives runs whose timer is due up to half of the batch, so runs under way keep moving during a start burst', async () => {
    await publish(parts.admin, 'acme', 'later', flowOf([node.trigger('t'), node.wait('w', 1), node.exit('x')], ['t', 'w', 'x']));
    let skew = 0;
    const directory = new JourneyDirectory(new CouchDb(parts.admin, tenantDatabaseName('acme', 'journeys')), new CouchDb(parts.admin, tenantDatabaseName('acme', 'history')));
    await directory.refresh();
    const w = new Worker({
      worker: 'A', ...parts.dbs, directory, partitions: 4, leaseTtlMs: 600_000, now: () => Date.now() + skew, log: () => undefined, batchSize: 4,
      senders: createSenders({ http: new HttpSender({ providerUrl: parts.receiver.url }) }), policy: testPolicy,
    });
    await w.leases.round();

    // Two runs under way: started, now waiting a day.
    const early = ['e1', 'e2'];
    await start('early', early);
    for (const doc of await runsOf(early)) w.accept(doc);
    // (The first look parks them while the journey's version is read.)
    await until(async () => {
      w.unpark();
      await w.tick();
      return (await runsOf(early)).every((r) => r.state?.status === 'waiting');
    }, 10_000, 'the early runs waiting');

    // A day later a burst of six new runs arrives (as the runs feed hands them over): more than a batch.
    skew = 25 * 3_600_000;
    const burst = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    await start('burst', burst);
    for (const doc of await runsOf(burst)) w.accept(doc);

    // One tick of four: both due runs finish and two new runs start (the ready set alone would have taken all four).
    await w.tick();
    expect((await runsOf(early)).map((r) => r.state?.status)).toEqual(['exited', 'exited']);
    expect((await runsOf(burst)).filter((r) => r.state !== null)).toHaveLength(2);

    // The rest of the burst follows on the next ticks.
    await w.tick();
    await w.tick();
    expect((await runsOf(burst)).map((r) => r.state?.status)).toEqual(burst.map(() => 'waiting'));
  });
});
