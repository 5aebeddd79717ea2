import { describe, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { RunDoc } from '../../common/journeyRuns/docs';
import { leaseId } from '../../common/journeyRuns/ids';
import { tenantDatabaseName } from '../../common/sync/names';
import type { StoredDoc } from './couch';
import { CouchDb } from './couch';
import { JourneyDirectory } from './journeys';
import type { DeliveryPolicy } from './policy';
import { createSenders } from './senders';
import { HttpSender } from './senders/http';
import type { Transport } from './senders/types';
import { testPolicy } from './testing/engineHarness';
import { publish, until, writeNewRuns } from './testing/parts';
import { useTickParts } from './testing/tickParts';
import { Worker } from './worker';

/**
 * A partition changing hands and coming back, step by step. The workers here run no loops of their
 * own: the test calls their lease rounds and ticks itself, so each interleaving happens exactly
 * (the service runs the same calls from timers). Real parts all the same: the sync server, the
 * provider receiver, the engine's databases, leases and senders.
 */

const partitions = 4;
const parts = useTickParts();

/** A worker over the tenant's real databases, with its own clock, driven by the test; `answers` counts provider answers it got. */
async function worker(name: string, clock: () => number, policy: Partial<DeliveryPolicy> = {}): Promise<{ w: Worker; answers: () => number }> {
  const directory = new JourneyDirectory(new CouchDb(parts.admin, tenantDatabaseName('acme', 'journeys')), new CouchDb(parts.admin, tenantDatabaseName('acme', 'history')));
  await directory.refresh();
  const http = new HttpSender({ providerUrl: parts.receiver.url, timeoutMs: 30_000 });
  let answers = 0;
  const counted: Transport = { deliver: (d) => http.deliver(d).finally(() => { answers++; }) };
  const w = new Worker({
    worker: name, ...parts.dbs, directory, partitions, leaseTtlMs: 60_000, now: clock, log: () => undefined,
    senders: createSenders({ http: counted }), policy: { ...testPolicy, ...policy },
  });
  return { w, answers: () => answers };
}

/** Ticks a worker until `check` holds (sends finish between ticks); parked runs get another look each time, as the service's 2 s loop gives them. */
async function drive(w: Worker, check: () => Promise<boolean>, what: string): Promise<void> {
  await until(async () => {
    w.unpark();
    await w.tick();
    return check();
  }, 15_000, what);
}

/** Writes one new run for `customerId` (its owner starts it); returns its id. */
async function startRun(journeyId: string, customerId: string): Promise<string> {
  await writeNewRuns(parts.admin, 'acme', journeyId, [customerId], customerId, partitions);
  const [run] = await parts.dbs.runs.all<RunDoc>('r|', 'r|\ufff0');
  return run!._id;
}

const run = async (id: string): Promise<RunDoc> => (await parts.dbs.runs.get<RunDoc>(id))!;

/** Takes a partition's lease from its holder, as another worker's claim does (a write with the `_rev` read). */
async function takeLease(p: number, owner: string, expiresAt: number): Promise<void> {
  const lease = await parts.dbs.control.get<StoredDoc>(leaseId(p));
  expect(await parts.dbs.control.put({ ...lease!, owner, expiresAt })).toBeTruthy();
}

describe('a partition that changes hands and comes back', () => {
  it('settles a send only with the outcome of that send: a late answer from before the handover does not mark the next send sent', async () => {
    await publish(parts.admin, 'acme', 'two', flowOf([node.trigger('t'), node.sms('s1', 'One'), node.sms('s2', 'Two'), node.exit('x')], ['t', 's1', 's2', 'x']));
    const id = await startRun('two', 'c1');
    const p = (await run(id)).partition;
    let skew = 0;
    const { w: a, answers } = await worker('A', () => Date.now() + skew);
    await a.leases.round();
    expect(a.leases.holds(p)).toBe(true);

    // A sends the first SMS; the provider is slow to answer.
    parts.receiver.holdNext = 1;
    await drive(a, async () => parts.receiver.held === 1, 'the first send held at the provider');

    // A's lease runs out meanwhile and B takes the partition: B sends the first SMS again with the same
    // key (the provider answers from memory), moves on to the second, and defers it for its frequency cap.
    await takeLease(p, 'A', 0);
    const { w: b } = await worker('B', Date.now, { frequencyCap: 1 });
    await b.leases.round();
    expect(b.leases.holds(p)).toBe(true);
    await a.leases.round();
    expect(a.leases.holds(p)).toBe(false);
    await drive(b, async () => (await run(id)).notes.some((n) => n.kind === 'deferred'), 'the second send deferred by B');
    expect((await run(id)).state).toMatchObject({ status: 'sending', nodeId: 's2' });
    expect(parts.receiver.delivered.map((r) => JSON.parse(r.body).text)).toEqual(['One']);

    // B stops and hands the partition back; A reads the run again, at the second send.
    await b.stop(true);
    await a.leases.round();
    expect(a.leases.holds(p)).toBe(true);
    // Now the provider answers A's first request, long after it was settled by B.
    parts.receiver.release();
    const before = (await run(id))._rev;
    await drive(a, async () => answers() === 1, 'the late answer');
    // The answer is with A now; the ticks after it are where a stale outcome would be taken.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await a.tick();
    }
    expect(parts.receiver.requests).toHaveLength(2);
    const after = await run(id);
    expect(after.state).toMatchObject({ status: 'sending', nodeId: 's2' });
    expect(after.log.filter((l) => l.outcome === 'sent').map((l) => l.stepId)).toEqual(['s1#1']);
    expect(after._rev).toBe(before);

    // When the deferral ends, A really sends the second SMS.
    skew = 25 * 3_600_000;
    await drive(a, async () => (await run(id)).state?.status === 'exited', 'the run finished');
    expect(parts.receiver.delivered.map((r) => JSON.parse(r.body).text)).toEqual(['One', 'Two']);
    expect((await run(id)).log.filter((l) => l.outcome === 'sent').map((l) => l.stepId)).toEqual(['s1#1', 's2#1']);
  });

  it('moves a run it regains even when a copy of it was left in memory after the partition went', async () => {
    await publish(parts.admin, 'acme', 'later', flowOf([node.trigger('t'), node.wait('w', 1), node.sms('s', 'Later'), node.exit('x')], ['t', 'w', 's', 'x']));
    const id = await startRun('later', 'c2');
    const p = (await run(id)).partition;
    let skew = 0;
    const { w: a } = await worker('A', () => Date.now() + skew);
    await a.leases.round();
    await drive(a, async () => (await run(id)).state?.status === 'waiting', 'the run waiting a day');

    // Another worker claims the partition; A finds out at its next lease round and lets the run go.
    await takeLease(p, 'B', Date.now() + 600_000);
    await a.leases.round();
    expect(a.leases.holds(p)).toBe(false);
    // A document A's runs feed asked for while it still held the partition arrives after the loss (the
    // feed checks ownership before its read, and the read takes a moment): a copy sits in memory again.
    a.accept(await run(id));
    // The day passes while B holds the partition: A looks at the copy, may not move it, and lets it be.
    skew = 25 * 3_600_000;
    for (let i = 0; i < 5; i++) await a.tick();
    expect((await run(id)).state?.status).toBe('waiting');

    // B hands the partition back. A reads the partition in again and the run, due long ago, moves on.
    await takeLease(p, 'B', 0);
    await a.leases.round();
    expect(a.leases.holds(p)).toBe(true);
    await drive(a, async () => (await run(id)).state?.status === 'exited', 'the regained run finished');
    expect(parts.receiver.delivered.map((r) => JSON.parse(r.body).text)).toEqual(['Later']);
  });
});
