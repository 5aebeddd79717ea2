import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RxClient } from './testing/clients';
import { eventually, localPouch, openRxClient, Pouch, remotePouch, replicateNotes, snapshot } from './testing/clients';
import { startFaultProxy } from './testing/faultProxy';
import type { TestServer } from './testing/harness';
import { accounts, call, startTestServer } from './testing/harness';

/**
 * Clients replicate through a seeded fault proxy (drops before and after forwarding, delays,
 * resets, 503s). When the faults stop, everything must converge: no write acknowledged by the
 * server lost, none duplicated. The server must also never log a bug while being abused.
 */

let server: TestServer;
const clients: RxClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await server.close();
});

describe('replication behind a fault proxy', { timeout: 120_000 }, () => {
  for (const seed of [1, 2]) {
    test(`PouchDB replicas converge through faults (seed ${seed})`, async () => {
      const proxy = await startFaultProxy({ target: server.url, seed, rate: 0.3, maxDelayMs: 100 });
      const url = `${proxy.url}/acme-history`;
      const a = localPouch();
      const b = localPouch();
      await a.bulkDocs(Array.from({ length: 150 }, (_, i) => ({ _id: `s${seed}-a${i}`, v: i })));
      await b.bulkDocs(Array.from({ length: 150 }, (_, i) => ({ _id: `s${seed}-b${i}`, v: i })));
      const opts = { live: true, retry: true, batch_size: 20, back_off_function: () => 20 };
      const start = () => [
        Pouch.replicate(a, remotePouch(url, accounts.acmeEditor), opts),
        Pouch.replicate(b, remotePouch(url, accounts.acmeEditor), opts),
        Pouch.replicate(remotePouch(url, accounts.acmeEditor), a, opts),
        Pouch.replicate(remotePouch(url, accounts.acmeEditor), b, opts),
      ];
      let handles = start();
      const count = async (db: ReturnType<typeof localPouch>) => (await db.allDocs({ startkey: `s${seed}-`, endkey: `s${seed}-\uffff` })).rows.length;
      // Wait until a good share of faults happened (or 20 s, if a cut stalled every replication),
      // then calm the network and let it settle.
      const faultsBy = Date.now() + 20_000;
      await eventually(() => proxy.counts.dropAfter + proxy.counts.reset + proxy.counts.dropBefore >= 6 || Date.now() > faultsBy);
      proxy.setRate(0);
      // PouchDB's HTTP client sometimes loses a request whose socket the proxy cut (its promise
      // rejects unhandled and that replication never resumes; about 1 run in 8). Restarting the
      // replications every 20 s until they settle, as a user reopening the app would, is allowed:
      // what is checked is that the server lost nothing and both replicas converge.
      const settled = async () => (await count(a)) === 300 && (await count(b)) === 300;
      for (let attempt = 0; attempt < 4 && !(await settled()); attempt++) {
        const deadline = Date.now() + 20_000;
        await eventually(async () => (await settled()) || Date.now() > deadline);
        if (!(await settled())) {
          for (const h of handles) h.cancel();
          handles = start();
        }
      }
      await eventually(settled);
      for (const h of handles) h.cancel();
      const onServer = await call(`${server.url}/acme-history/_all_docs?startkey=%22s${seed}-%22&endkey=%22s${seed}-%EF%BF%BF%22`, accounts.admin);
      expect(onServer.body.rows).toHaveLength(300);
      await proxy.close();
    });
  }

  test('RxDB clients with the app fetch converge through faults and lose no acknowledged write', async () => {
    const proxy = await startFaultProxy({ target: server.url, seed: 42, rate: 0.25, maxDelayMs: 100 });
    const url = `${proxy.url}/acme-journeys`;
    const a = await openRxClient('fa');
    const b = await openRxClient('fb');
    clients.push(a, b);
    const ra = replicateNotes(a, { url, login: accounts.acmeEditor, batchSize: 10, retryTime: 20, identifier: 'fa' });
    const rb = replicateNotes(b, { url, login: accounts.acmeEditor, batchSize: 10, retryTime: 20, identifier: 'fb' });
    for (let round = 0; round < 6; round++) {
      await a.notes.bulkInsert(Array.from({ length: 10 }, (_, i) => ({ id: `a${round}-${i}`, title: 'from a', n: i })));
      await b.notes.bulkInsert(Array.from({ length: 10 }, (_, i) => ({ id: `b${round}-${i}`, title: 'from b', n: i })));
    }
    await eventually(() => proxy.counts.dropAfter + proxy.counts.reset + proxy.counts.dropBefore >= 4);
    proxy.setRate(0);
    // The app's sync layer re-syncs on reconnect and on a timer; here the test does it.
    await eventually(async () => {
      ra.state.reSync();
      rb.state.reSync();
      const [sa, sb] = [await snapshot(a), await snapshot(b)];
      return sa.length === 120 && JSON.stringify(sa) === JSON.stringify(sb);
    }, 100);
    const onServer = await call(`${server.url}/acme-journeys/_all_docs`, accounts.admin);
    expect(onServer.body.rows.filter((r: { id: string }) => /^[ab]\d-/.test(r.id))).toHaveLength(120);
    await ra.state.cancel();
    await rb.state.cancel();
    await proxy.close();
    expect(server.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
