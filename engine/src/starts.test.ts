import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { CommandDoc, RunDoc, StartMarkDoc } from '../../common/journeyRuns/docs';
import { tenantDatabaseName } from '../../common/sync/names';
import type { TestServer } from '../../sync-server/src/testing/harness';
import { startTestServer, testPassword } from '../../sync-server/src/testing/harness';
import type { PinnedStart, StartCommand } from './commands';
import { pinStartCommand } from './commands';
import type { CouchServer, StoredDoc } from './couch';
import { CouchDb } from './couch';
import { JourneyDirectory } from './journeys';
import { createSenders } from './senders';
import { HttpSender } from './senders/http';
import { engineDatabases } from './service';
import { testPolicy } from './testing/engineHarness';
import type { Receiver } from './testing/parts';
import { adminOf, publish, startReceiver, until, writeNewRuns } from './testing/parts';
import { Worker } from './worker';

/**
 * Start commands carried out by the partitions' holders (engine/src/starts.ts): each run's first
 * write is its first move, a partition is marked when its runs are in, the command is closed with
 * the totals, and a partition started again (crash, handover) starts nobody twice. The workers run
 * no loops of their own: the test calls their lease rounds and ticks. Real sync server and databases.
 */

const partitions = 4;
let sync: TestServer;
let admin: CouchServer;
let receiver: Receiver;
let dbs: { runs: CouchDb; control: CouchDb };
let skew = 0;

beforeEach(async () => {
  sync = await startTestServer();
  admin = adminOf(sync.url, testPassword);
  receiver = await startReceiver();
  dbs = await engineDatabases(admin, 'acme');
  skew = 0;
  await publish(admin, 'acme', 'promo', flowOf([node.trigger('t'), node.wait('w', 1), node.exit('x')], ['t', 'w', 'x']));
});
afterEach(async () => {
  await receiver.close();
  await sync.close();
});

async function worker(name: string): Promise<{ w: Worker; directory: JourneyDirectory }> {
  const directory = new JourneyDirectory(new CouchDb(admin, tenantDatabaseName('acme', 'journeys')), new CouchDb(admin, tenantDatabaseName('acme', 'history')));
  await directory.refresh();
  const w = new Worker({
    worker: name, ...dbs, directory, partitions, leaseTtlMs: 600_000, now: () => Date.now() + skew, log: () => undefined,
    senders: createSenders({ http: new HttpSender({ providerUrl: receiver.url }) }), policy: testPolicy,
  });
  await w.leases.round();
  return { w, directory };
}

const customers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];

/** Writes the start command and pins it as the first reader does; returns the pinned command. */
async function command(directory: JourneyDirectory): Promise<PinnedStart> {
  const cmd: StartCommand = { _id: 'cmd|promo-1', type: 'command', command: 'start', journeyId: 'promo', customers: [...customers.map((id) => ({ id })), { id: '' }], createdAt: Date.now() };
  const rev = await dbs.control.put(cmd);
  const pinned = await pinStartCommand({ ...cmd, _rev: rev }, { control: dbs.control, directory, worker: 'A', now: Date.now, log: () => undefined });
  expect(pinned?.pinned.version).toBe(1);
  return pinned!;
}

/** Ticks until the command is closed; returns its result sentence. */
async function closed(w: Worker): Promise<string> {
  let result: string | undefined;
  await until(async () => {
    w.unpark();
    await w.tick();
    result = (await dbs.control.get<CommandDoc>('cmd|promo-1'))?.result;
    return result !== undefined;
  }, 15_000, 'the start command closed');
  return result!;
}

const runs = (): Promise<RunDoc[]> => dbs.runs.all<RunDoc>('r|', 'r|\ufff0');

describe('a start command carried out by the partitions\' holders', () => {
  it('writes each run already started (its first revision is its first move), marks every partition and closes the command with the totals', async () => {
    const { w, directory } = await worker('A');
    w.starts.request(await command(directory));
    expect(await closed(w)).toBe('Started 7 runs on v1; 1 refused (empty, over 200 characters, control characters, or past 10000 ids).');
    const written = await runs();
    expect(written.map((r) => r.customerId).sort()).toEqual(customers);
    for (const r of written) {
      expect(r.state?.status).toBe('waiting');
      expect(r._rev).toMatch(/^1-/);
      // Log lines do not repeat the run's id (the document's own).
      expect(r.log.map((l) => l.runId)).toEqual(r.log.map(() => undefined));
      expect(r.log.map((l) => l.outcome)).toEqual(['entered', 'waiting']);
    }
    const marks = await dbs.runs.all<StartMarkDoc>('t|', 't|\ufff0');
    expect(marks).toHaveLength(partitions);
    expect(marks.reduce((s, m) => s + m.started, 0)).toBe(7);
  });

  it('starts only what is missing when a partition is started again: runs read in and runs already finished count as started before', async () => {
    // An earlier try wrote three runs (not started) and died before any mark.
    await writeNewRuns(admin, 'acme', 'promo', ['c1', 'c2', 'c3'], 'promo-1', partitions);
    const { w: a, directory } = await worker('A');
    const cmd = await command(directory);
    a.starts.request(cmd);
    expect(await closed(a)).toBe('Started 4 runs on v1; 3 already started by this command; 1 refused (empty, over 200 characters, control characters, or past 10000 ids).');
    expect((await runs()).map((r) => r.state?.status)).toEqual(customers.map(() => 'waiting'));

    // Every run finishes. Then the marks are lost and the command is open again (as after a crash
    // before they were written): another process starts it again and starts nobody.
    skew = 25 * 3_600_000;
    await until(async () => {
      await a.tick();
      return (await runs()).every((r) => r.state?.status === 'exited');
    }, 15_000, 'every run exited');
    await a.stop(true);
    const revs = new Map((await runs()).map((r) => [r._id, r._rev]));
    const marks = await dbs.runs.all<StoredDoc>('t|', 't|\ufff0');
    await dbs.runs.bulk(marks.map((m) => ({ ...m, _deleted: true })));
    const done = (await dbs.control.get<StoredDoc>('cmd|promo-1'))!;
    const { doneAt: _doneAt, result: _result, ...open } = done;
    await dbs.control.put(open);
    const { w: b } = await worker('B');
    b.starts.request((await dbs.control.get<PinnedStart>('cmd|promo-1'))!);
    expect(await closed(b)).toBe('Started 0 runs on v1; 7 already started by this command; 1 refused (empty, over 200 characters, control characters, or past 10000 ids).');
    expect(new Map((await runs()).map((r) => [r._id, r._rev]))).toEqual(revs);
  });

  it('writes the runs of a paused journey as they are, closes the command, and starts them on Resume', async () => {
    const { w, directory } = await worker('A');
    directory.setControl({ _id: 'journey|promo', type: 'journeyControl', journeyId: 'promo', state: 'paused', updatedAt: Date.now() });
    w.starts.request(await command(directory));
    expect(await closed(w)).toMatch(/^Started 7 runs on v1/);
    expect((await runs()).map((r) => r.state)).toEqual(customers.map(() => null));
    directory.setControl({ _id: 'journey|promo', type: 'journeyControl', journeyId: 'promo', state: 'running', updatedAt: Date.now() });
    w.journeyChanged('promo');
    await until(async () => {
      w.unpark();
      await w.tick();
      return (await runs()).every((r) => r.state?.status === 'waiting');
    }, 15_000, 'the runs started after Resume');
  });
});
