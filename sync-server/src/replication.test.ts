import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SyncHttpError } from '../../common/sync/fetch';
import type { RxClient } from './testing/clients';
import { eventually, localPouch, openRxClient, Pouch, remotePouch, replicateNotes, snapshot } from './testing/clients';
import type { TestServer } from './testing/harness';
import { accounts, call, startTestServer, testPassword } from './testing/harness';

let server: TestServer;
const open: RxClient[] = [];
const client = async (label: string): Promise<RxClient> => {
  const c = await openRxClient(label);
  open.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server.close();
});

describe('RxDB replicateCouchDB against the server', () => {
  test('pushes from one client, pulls into a fresh one, and streams live edits both ways', async () => {
    const url = `${server.url}/acme-personas`;
    const a = await client('a');
    const ra = replicateNotes(a, { url, login: accounts.acmeEditor });
    await a.notes.bulkInsert(Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, title: `persona ${i}`, n: i })));
    await ra.state.awaitInSync();
    const onServer = await call(`${url}/_all_docs`, accounts.admin);
    expect(onServer.body.rows).toHaveLength(120);

    const b = await client('b');
    const rb = replicateNotes(b, { url, login: accounts.acmeViewer, batchSize: 17 });
    await rb.state.awaitInitialReplication();
    expect(await snapshot(b)).toEqual(await snapshot(a));

    await a.notes.upsert({ id: 'p5', title: 'edited on A', n: 5 });
    await eventually(async () => (await b.notes.findOne('p5').exec())?.title === 'edited on A');
    await (await a.notes.findOne('p7').exec())?.remove();
    await eventually(async () => (await b.notes.findOne('p7').exec()) === null);
    await ra.state.cancel();
    await rb.state.cancel();
  });

  test('a viewer pulls but every push is refused with a clear 403 and nothing reaches the server', async () => {
    const url = `${server.url}/acme-journeys`;
    await call(`${url}/j1`, accounts.acmeEditor, { method: 'PUT', body: { title: 'journey', n: 1 } });
    const v = await client('viewer');
    const rv = replicateNotes(v, { url, login: accounts.acmeViewer });
    const errors: unknown[] = [];
    rv.state.error$.subscribe((e) => errors.push(e));
    await rv.state.awaitInitialReplication();
    expect((await snapshot(v)).map((d) => d.id)).toEqual(['j1']);
    await v.notes.insert({ id: 'j2', title: 'viewer tries', n: 2 });
    await eventually(() => errors.length > 0);
    expect(JSON.stringify(errors[0])).toContain('Viewers cannot change documents');
    expect((await call(`${url}/j2`, accounts.admin)).status).toBe(404);
    await rv.state.cancel();
  });

  test('three clients edit offline, reconnect, and end identical with every non-conflicting edit kept', async () => {
    const url = `${server.url}/acme-history`;
    const clients = [await client('x'), await client('y'), await client('z')];
    const ids = clients.map((_, i) => `offline-${i}`);
    const seed = clients[0];
    if (!seed) throw new Error('no client');
    await seed.notes.bulkInsert(Array.from({ length: 10 }, (_, i) => ({ id: `shared${i}`, title: 'base', n: 0 })));
    let states = clients.map((c, i) => replicateNotes(c, { url, login: accounts.acmeEditor, identifier: `h${i}` }).state);
    for (const s of states) await s.awaitInSync();
    await eventually(async () => (await Promise.all(clients.map(snapshot))).every((s) => s.length === 10));
    // Offline: replication stopped, each edits its own doc, a shared doc, and the same contested doc.
    for (const s of states) await s.cancel();
    for (const [i, c] of clients.entries()) {
      await c.notes.insert({ id: ids[i] ?? '', title: `made offline by ${i}`, n: i });
      await c.notes.upsert({ id: `shared${i + 1}`, title: `edited by ${i}`, n: i });
      await c.notes.upsert({ id: 'shared0', title: `contested by ${i}`, n: i, by: String(i) });
    }
    states = clients.map((c, i) => replicateNotes(c, { url, login: accounts.acmeEditor, identifier: `h${i}` }).state);
    for (const s of states) await s.awaitInSync();
    for (const s of states) s.reSync();
    for (const s of states) await s.awaitInSync();
    await eventually(async () => {
      const snaps = await Promise.all(clients.map(snapshot));
      return snaps.every((s) => JSON.stringify(s) === JSON.stringify(snaps[0]));
    });
    const final = await snapshot(seed);
    for (const [i] of clients.entries()) {
      expect(final.find((d) => d.id === `offline-${i}`)?.title).toBe(`made offline by ${i}`);
      expect(final.find((d) => d.id === `shared${i + 1}`)?.title).toBe(`edited by ${i}`);
    }
    // RxDB's default handler lets the server's state win a contested document: one of the edits.
    expect(['contested by 0', 'contested by 1', 'contested by 2']).toContain(final.find((d) => d.id === 'shared0')?.title);
    for (const s of states) await s.cancel();
  });

  test('an expired session gives one clear 401 and no retry storm', async () => {
    const url = `${server.url}/acme-settings`;
    const login = await call(`${server.url}/_session`, undefined, { method: 'POST', body: { name: accounts.acmeEditor, password: testPassword } });
    const token = login.body.token as string;
    const c = await client('expiring');
    const { state, fetch } = replicateNotes(c, { url, authorization: () => `Bearer ${token}`, retryTime: 10 });
    await state.awaitInitialReplication();
    const errors: unknown[] = [];
    state.error$.subscribe((e) => errors.push(e));
    server.advance(3 * 3600_000);
    // A write on the server wakes the client's longpoll; its next request carries the expired token.
    await call(`${url}/s1`, accounts.acmeEditor, { method: 'PUT', body: { title: 't', n: 1 } });
    await eventually(() => errors.length >= 20);
    expect(fetch.authFailure).toBeInstanceOf(SyncHttpError);
    expect(fetch.authFailure?.reason).toBe('Session expired. Sign in again.');
    const refused = server.responses.filter((r) => r.status === 401 && r.authorization === `Bearer ${token}`);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(2);
    await state.cancel();
    server.advance(-3 * 3600_000);
  });
});

describe('PouchDB replicator against the server', () => {
  test('replicates revision trees exactly, conflicts included, in and out again', async () => {
    const source = localPouch();
    await source.bulkDocs(
      [
        { _id: 'd1', _rev: '1-a', _revisions: { start: 1, ids: ['a'] }, v: 0 },
        { _id: 'd1', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, v: 1 },
        { _id: 'd1', _rev: '2-c', _revisions: { start: 2, ids: ['c', 'a'] }, v: 2 },
        ...Array.from({ length: 300 }, (_, i) => ({ _id: `doc${i}`, _rev: `1-r${i}`, _revisions: { start: 1, ids: [`r${i}`] }, i })),
      ],
      { new_edits: false },
    );
    const remote = remotePouch(`${server.url}/acme-assets`, accounts.acmeEditor);
    const up = await Pouch.replicate(source, remote, { batch_size: 64 });
    expect([up.ok, up.doc_write_failures]).toEqual([true, 0]);
    const target = localPouch();
    const down = await Pouch.replicate(remotePouch(`${server.url}/acme-assets`, accounts.acmeViewer), target);
    expect([down.ok, down.docs_written]).toEqual([true, 302]);
    const d1 = (await target.get('d1', { conflicts: true })) as { _rev: string; _conflicts: string[] };
    expect([d1._rev, d1._conflicts]).toEqual(['2-c', ['2-b']]);
    expect((await target.info()).doc_count).toBe(301);
    // A second run finds nothing to do: checkpoints (_local docs) were stored on both sides.
    const again = await Pouch.replicate(source, remote);
    expect(again.docs_written).toBe(0);
  });

  test('three PouchDB replicas edit offline and converge with every revision kept as a conflict', async () => {
    const url = `${server.url}/acme-templates`;
    const replicas = [localPouch(), localPouch(), localPouch()];
    const first = replicas[0];
    if (!first) throw new Error('no replica');
    await first.put({ _id: 'tpl', title: 'base' });
    for (const r of replicas) await Pouch.replicate(first, r);
    for (const [i, r] of replicas.entries()) {
      const doc = (await r.get('tpl')) as Record<string, unknown>;
      await r.put({ ...doc, title: `offline ${i}` });
      await r.put({ _id: `own${i}`, title: `own ${i}` });
    }
    for (const r of replicas) await Pouch.replicate(r, remotePouch(url, accounts.acmeEditor));
    for (const r of replicas) await Pouch.replicate(remotePouch(url, accounts.acmeEditor), r);
    const views = await Promise.all(replicas.map((r) => r.get('tpl', { conflicts: true }) as Promise<{ _rev: string; _conflicts: string[]; title: string }>));
    const winners = new Set(views.map((v) => `${v._rev}|${[...v._conflicts].sort().join(',')}`));
    expect(winners.size).toBe(1);
    expect(views[0]?._conflicts).toHaveLength(2);
    for (const r of replicas) expect((await r.allDocs()).rows.map((x) => (x as { id: string }).id).sort()).toEqual(['own0', 'own1', 'own2', 'tpl']);
  });

  test('a viewer cannot push with the replicator: each document is refused', async () => {
    const source = localPouch();
    await source.put({ _id: 'nope', v: 1 });
    const result = await Pouch.replicate(source, remotePouch(`${server.url}/acme-datasets`, accounts.acmeViewer)).then(
      (r) => r,
      (e: unknown) => ({ ok: false, doc_write_failures: 1, error: e }),
    );
    expect(result.ok).toBe(false);
    expect((await call(`${server.url}/acme-datasets/nope`, accounts.admin)).status).toBe(404);
  });

  test('live PouchDB sync carries an edit from one replica to another through the server', async () => {
    const url = `${server.url}/acme-snapshots`;
    const a = localPouch();
    const b = localPouch();
    const ha = Pouch.replicate(a, remotePouch(url, accounts.acmeEditor), { live: true, retry: true });
    const hb = Pouch.replicate(remotePouch(url, accounts.acmeEditor), b, { live: true, retry: true });
    await a.put({ _id: 'live1', v: 42 });
    await eventually(async () => ((await b.get('live1').catch(() => null)) as { v?: number } | null)?.v === 42);
    ha.cancel();
    hb.cancel();
  });
});
