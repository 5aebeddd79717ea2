import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { blankBody } from '../../../common/persona/document';
import { createSyncFetch } from '../../../common/sync/fetch';
import { accounts, basic, call, startTestServer } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { startPouchDbServer } from '../../../sync-server/src/testing/couchServers';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { covers, startSync } from './engine';
import type { SyncSession } from './engine';
import { startDoorbell } from './doorbell';
import type { RingPosition } from './doorbell';

/**
 * Rings from our server say up to which feed position the rung collection had changed, so a
 * laptop whose pull already reached it does not pull again (issue 22); against a CouchDB-like
 * server rings carry nothing and every ring is pulled, as before.
 */

let server: TestServer | undefined;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await server?.close();
  server = undefined;
});

const editor = basic(accounts.acmeEditor);
const persona = (id: string) => ({ _id: id, name: id, createdAt: 1, updatedAt: 1 });

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A doorbell watch that records what it hears. */
function listen(url: string, authorization?: string) {
  const heard: { collection: string; upTo?: RingPosition }[] = [];
  const bell = startDoorbell({
    url, fetch: createSyncFetch({ authorization: () => authorization }), clientId: 'listener',
    onRing: (collection, upTo) => void heard.push({ collection, ...(upTo ? { upTo } : {}) }), onReconnect: () => {}, onError: () => {},
  });
  cleanup.push(async () => bell.stop());
  return heard;
}

describe('rings carry the feed position on our server', () => {
  test('a ring written after a push carries the collection’s update_seq and epoch', async () => {
    server = await startTestServer();
    const heard = listen(`${server.url}/acme-doorbell/`, editor);
    await new Promise((r) => setTimeout(r, 200));
    await call(`${server.url}/acme-personas/_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { docs: [persona('p1'), persona('p2')] } });
    const info = (await call(`${server.url}/acme-personas`, accounts.acmeEditor)).body as { update_seq: number; cx_epoch: string };
    const writer = startDoorbell({ url: `${server.url}/acme-doorbell/`, fetch: createSyncFetch({ authorization: () => editor }), clientId: 'writer', onRing: () => {}, onReconnect: () => {}, onError: () => {} });
    cleanup.push(async () => writer.stop());
    writer.ring('personas');
    await until(() => heard.length > 0);
    expect(heard[0]).toEqual({ collection: 'personas', upTo: { seq: info.update_seq, epoch: info.cx_epoch } });
    expect(info.update_seq).toBe(2);
  });

  test('documents that are not rings are stored as sent', async () => {
    server = await startTestServer();
    for (const [db, id] of [['acme-doorbell', 'nocollection'], ['acme-doorbell', 'doorbell~x'], ['acme-doorbell', 'unknown~x'], ['acme-personas', 'personas~x']] as const) {
      await call(`${server.url}/${db}/${id}`, accounts.acmeEditor, { method: 'PUT', body: { at: 1, createdAt: 1, updatedAt: 1, name: 'x' } });
      const stored = (await call(`${server.url}/${db}/${id}`, accounts.acmeEditor)).body as Record<string, unknown>;
      expect(stored.cx_seq, `${db}/${id}`).toBeUndefined();
    }
  });

  test('a laptop whose pull already covers a ring does not pull again', { timeout: 30_000 }, async () => {
    server = await startTestServer();
    const pulls: string[] = [];
    const longpolls: string[] = [];
    const base = globalThis.fetch.bind(globalThis);
    const counting: typeof fetch = (input, init) => {
      const url = String(input);
      if (url.includes('/acme-personas/_changes')) pulls.push(url);
      if (url.includes('/acme-doorbell/_changes')) longpolls.push(url);
      return base(input, init);
    };
    const db: Workspace = await createDatabase(getRxStorageMemory(), `ring${Math.random().toString(36).slice(2, 8)}`, { author: 'b', only: ['personas', 'history'] });
    const session: SyncSession = startSync(db, { serverUrl: server.url, tenant: 'acme', clientId: 'b', fetch: createSyncFetch({ fetch: counting, authorization: () => editor }), log: () => {} });
    cleanup.push(async () => {
      await session.stop();
      await db.close();
    });
    await session.awaitInSync();
    await until(() => longpolls.length > 0);
    const ring = () => call(`${server!.url}/acme-doorbell/personas~a`, accounts.acmeEditor, { method: 'GET' }).then(async (current) => {
      const rev = (current.body as { _rev?: string })._rev;
      await call(`${server!.url}/acme-doorbell/personas~a`, accounts.acmeEditor, { method: 'PUT', body: { ...(rev ? { _rev: rev } : {}), at: Date.now() } });
    });
    // A teammate's write and its ring: the laptop pulls it.
    await call(`${server.url}/acme-personas/_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { docs: [{ ...blankBody('Dana'), _id: 'p1', createdAt: 1, updatedAt: 1, updatedBy: 'a' }] } });
    await ring();
    await until(async () => (await db.personas.findOne('p1').exec()) !== null);
    // The same position rung again (a late ring for a write already pulled): no pull.
    const before = pulls.length;
    const polls = longpolls.length;
    await ring();
    await until(() => longpolls.length > polls);
    await new Promise((r) => setTimeout(r, 300));
    expect(pulls.length).toBe(before);
  });
});

describe('a CouchDB-like server', () => {
  test('rings carry no position there, so every ring is pulled', { timeout: 60_000 }, async () => {
    const couch = await startPouchDbServer();
    cleanup.push(() => couch.close());
    const admin = `Basic ${btoa(`${couch.admin.name}:${couch.admin.password}`)}`;
    for (const db of ['acme-doorbell', 'acme-personas']) expect((await fetch(`${couch.url}/${db}`, { method: 'PUT', headers: { authorization: admin } })).ok).toBe(true);
    const heard = listen(`${couch.url}/acme-doorbell/`, admin);
    await new Promise((r) => setTimeout(r, 300));
    const writer = startDoorbell({ url: `${couch.url}/acme-doorbell/`, fetch: createSyncFetch({ authorization: () => admin }), clientId: 'writer', onRing: () => {}, onReconnect: () => {}, onError: () => {} });
    cleanup.push(async () => writer.stop());
    writer.ring('personas');
    await until(() => heard.length > 0);
    expect(heard[0]).toEqual({ collection: 'personas' });
  });
});

describe('covers', () => {
  test('only a pull at or past the ring, in the same epoch, covers it', () => {
    const cases: [Parameters<typeof covers>[0], RingPosition, boolean][] = [
      [{ sequence: 5, epoch: 'e' }, { seq: 5, epoch: 'e' }, true],
      [{ sequence: '7', epoch: 'e' }, { seq: 5, epoch: 'e' }, true],
      [{ sequence: 4, epoch: 'e' }, { seq: 5, epoch: 'e' }, false],
      [{ sequence: 9, epoch: 'old' }, { seq: 5, epoch: 'e' }, false],
      [{ sequence: 9 }, { seq: 5, epoch: 'e' }, false],
      [{ sequence: 9, epoch: 'e' }, { seq: 5 }, false],
      [undefined, { seq: 0, epoch: 'e' }, false],
    ];
    for (const [pulled, ring, expected] of cases) expect(covers(pulled, ring), JSON.stringify([pulled, ring])).toBe(expected);
  });
});
