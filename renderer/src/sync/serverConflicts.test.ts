import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { createSyncFetch } from '../../../common/sync/fetch';
import { tenantDatabaseName } from '../../../common/sync/names';
import { startPouchDbServer } from '../../../sync-server/src/testing/couchServers';
import { accounts, basic, startTestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import type { SyncSession } from './engine';

/**
 * Issue 20, item 4: a persona with conflicting leaf revisions on the server (two laptops on the two
 * sides of a partitioned CouchDB cluster, or a PouchDB client writing with `new_edits: false`)
 * reaches the app, is merged like any conflict (an edit made on one leaf only survives, the name
 * both leaves changed is kept in history for Sync → Conflicts) and the losing leaf is deleted on
 * the server. Against our server and against pouchdb-server.
 */

interface Server { url: string; auth: string; close(): Promise<void> }

async function ours(): Promise<Server> {
  const server = await startTestServer();
  return { url: server.url, auth: basic(accounts.acmeEditor), close: () => server.close() };
}

async function pouchdbServer(): Promise<Server> {
  const server = await startPouchDbServer();
  const auth = `Basic ${btoa(`${server.admin.name}:${server.admin.password}`)}`;
  for (const c of ['personas', 'history', 'doorbell']) {
    const made = await fetch(`${server.url}/${tenantDatabaseName('acme', c)}`, { method: 'PUT', headers: { authorization: auth } });
    if (!made.ok) throw new Error(`could not create ${c}: ${made.status}`);
  }
  return { url: server.url, auth, close: () => server.close() };
}

const open: { db: Workspace; session: SyncSession }[] = [];
let current: Server | undefined;
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.session.stop();
    await o.db.close();
  }
  await current?.close();
  current = undefined;
});

async function laptop(server: Server, name: string) {
  const db = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  const session = startSync(db, {
    serverUrl: server.url, tenant: 'acme', clientId: name, writerId: `${name}-writer`,
    fetch: createSyncFetch({ authorization: () => server.auth }), safetyResyncMs: 300, retryMs: 200, log: () => {},
  });
  open.push({ db, session });
  return { db, session };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe.each([['our sync server', ours], ['pouchdb-server', pouchdbServer]] as const)('conflicting leaves on %s', { timeout: 60_000 }, (_, start) => {
  test('reach the app, merge like any conflict, and the losing leaf is deleted on the server', async () => {
    const server = (current = await start());
    const personas = `${server.url}/${tenantDatabaseName('acme', 'personas')}`;
    const get = async (path: string) => (await (await fetch(`${personas}/${path}`, { headers: { authorization: server.auth, accept: 'application/json' } })).json()) as Record<string, unknown>;

    // A teammate's laptop made the persona and it reached the server.
    const { db } = await laptop(server, 'ana');
    let n = 0;
    const persona = { ...createBlankPersona({ ids: () => `p1-s${n++}`, now: 1_700_000_000_000, author: 'ana' }, 'Original'), id: 'p1', role: 'Buyer' };
    await db.personas.insert(persona as never);
    await until(async () => (await get('p1')).name === 'Original', 'the persona on the server');
    const root = await get('p1');
    const [, hash] = String(root._rev).split('-');

    // Two cluster nodes accepted an edit each during a partition: two leaves on top of the same revision.
    const { _rev: _r, ...body } = root;
    const left = { ...body, _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', hash] }, name: 'Left side name', role: 'Decision maker', updatedAt: 1_700_000_001_000 };
    const right = { ...body, _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', hash] }, name: 'Right side name', updatedAt: 1_700_000_002_000 };
    const written = await fetch(`${personas}/_bulk_docs`, { method: 'POST', headers: { authorization: server.auth, 'content-type': 'application/json' }, body: JSON.stringify({ docs: [left, right], new_edits: false }) });
    expect(written.status).toBe(201);
    expect((await get('p1?conflicts=true'))._conflicts).toEqual(['2-aaaa']);

    // The laptop settles it: the role only the losing leaf changed survives; the name both leaves
    // changed is one of them, the other kept in history.
    await until(async () => (await get('p1?conflicts=true'))._conflicts === undefined, 'the losing leaf to be deleted on the server');
    const settled = await get('p1');
    expect(settled.role).toBe('Decision maker');
    expect(['Left side name', 'Right side name']).toContain(settled.name);
    const other = settled.name === 'Left side name' ? 'Right side name' : 'Left side name';
    await until(async () => (await db.personas.findOne('p1').exec())?.name === settled.name, 'the laptop to hold the settled persona');
    const kept = await db.history.find({ selector: { kind: 'conflict', entityId: 'p1' } }).exec();
    expect(kept.map((h) => (h.snapshot as { name?: string }).name)).toContain(other);
    // The loser is a deleted leaf now, not a conflict: every leaf but the winner is deleted.
    const leaves = (await (await fetch(`${personas}/p1?open_revs=all`, { headers: { authorization: server.auth, accept: 'application/json' } })).json()) as { ok: { _rev: string; _deleted?: boolean } }[];
    expect(leaves.filter((l) => !l.ok._deleted).map((l) => l.ok._rev)).toEqual([String(settled._rev)]);
  });
});
