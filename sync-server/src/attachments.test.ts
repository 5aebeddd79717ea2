import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localPouch, Pouch, remotePouch } from './testing/clients';
import type { TestServer } from './testing/harness';
import { accounts, basic, call, startTestServer } from './testing/harness';

/** Attachments and `_compact` (issue 20 item 6, issue 22 item 4): PouchDB clients get their bytes. */

let server: TestServer;
let url: string;
const db = () => `${url}/acme-personas`;
const { acmeAdmin, acmeEditor, acmeViewer } = accounts;
const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
});
afterAll(async () => server.close());

describe('attachments', () => {
  test('inline attachments come back with attachments=true on GET, open_revs and _bulk_get', async () => {
    const put = await call(`${db()}/withatt`, acmeEditor, { method: 'PUT', body: { title: 'a', _attachments: { 'photo.bin': { content_type: 'application/octet-stream', data: bytes.toString('base64') } } } });
    expect(put.status).toBe(201);
    const stub = await call(`${db()}/withatt`, acmeViewer);
    expect(stub.body._attachments['photo.bin']).toMatchObject({ stub: true, length: bytes.length });
    const full = await call(`${db()}/withatt?attachments=true`, acmeViewer);
    expect(full.body._attachments['photo.bin'].data).toBe(bytes.toString('base64'));
    const open = await call(`${db()}/withatt?open_revs=${encodeURIComponent(JSON.stringify([put.body.rev]))}&latest=true&revs=true&attachments=true`, acmeViewer);
    expect(open.body[0].ok._attachments['photo.bin'].data).toBe(bytes.toString('base64'));
    const bulk = await call(`${db()}/_bulk_get?attachments=true&revs=true`, acmeViewer, { method: 'POST', body: { docs: [{ id: 'withatt', rev: put.body.rev }] } });
    expect(bulk.body.results[0].docs[0].ok._attachments['photo.bin'].data).toBe(bytes.toString('base64'));
  });

  test('standalone PUT, GET and DELETE of /db/doc/name, names with slashes included', async () => {
    const headers = { authorization: basic(acmeEditor), 'content-type': 'image/png' };
    const created = await fetch(`${db()}/standalone/dir/pic.png`, { method: 'PUT', headers, body: bytes });
    expect(created.status).toBe(201);
    const { rev } = (await created.json()) as { rev: string };
    const got = await fetch(`${db()}/standalone/dir/pic.png`, { headers: { authorization: basic(acmeViewer) } });
    expect([got.status, got.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
    expect((await call(`${db()}/standalone/other.png`, acmeViewer)).status).toBe(404);
    expect((await fetch(`${db()}/standalone/x.png`, { method: 'PUT', headers: { ...headers, authorization: basic(acmeViewer) }, body: bytes })).status).toBe(403);
    const stale = await fetch(`${db()}/standalone/dir/pic.png?rev=1-nope`, { method: 'DELETE', headers: { authorization: basic(acmeEditor) } });
    expect(stale.status).toBe(409);
    const removed = await call(`${db()}/standalone/dir/pic.png?rev=${rev}`, acmeEditor, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect((await call(`${db()}/standalone/dir/pic.png`, acmeViewer)).status).toBe(404);
  });

  test('broken inline attachments are a 400 and nothing is written', async () => {
    for (const att of [{ data: '!!not base64' }, 5, { data: 5 }]) {
      const res = await call(`${db()}/badatt`, acmeEditor, { method: 'PUT', body: { _attachments: { 'a.txt': att } } });
      expect(res.status).toBe(400);
    }
    expect((await call(`${db()}/badatt`, acmeViewer)).status).toBe(404);
  });

  test('a plain PouchDB client replicates attachments both ways with their bytes', async () => {
    const local = localPouch('att');
    await local.put({ _id: 'fromclient', _attachments: { 'c.bin': { content_type: 'application/octet-stream', data: bytes.toString('base64') } } });
    const remote = remotePouch(db(), acmeEditor);
    await Pouch.replicate(local, remote);
    const pushed = await fetch(`${db()}/fromclient/c.bin`, { headers: { authorization: basic(acmeViewer) } });
    expect(Buffer.from(await pushed.arrayBuffer())).toEqual(bytes);
    const back = localPouch('att');
    await Pouch.replicate(remote, back, { doc_ids: ['withatt', 'fromclient'] });
    for (const id of ['withatt', 'fromclient']) {
      const doc = (await back.get(id, { attachments: true })) as { _attachments: Record<string, { data: string }> };
      expect(Object.values(doc._attachments)[0]!.data).toBe(bytes.toString('base64'));
    }
    await Promise.all([local.destroy(), back.destroy()]);
  });
});

describe('_compact', () => {
  test('tenant admins compact; editors may not; old revision bodies are gone afterwards', async () => {
    const first = await call(`${db()}/compactme`, acmeEditor, { method: 'PUT', body: { v: 1 } });
    await call(`${db()}/compactme?rev=${first.body.rev}`, acmeEditor, { method: 'PUT', body: { v: 2 } });
    expect((await call(`${db()}/_compact`, acmeEditor, { method: 'POST' })).status).toBe(403);
    expect((await call(`${db()}/_compact`, acmeAdmin, { method: 'POST', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await call(`${db()}/_compact`, acmeAdmin, { method: 'POST' })).status).toBe(202);
    await expect.poll(async () => (await call(`${db()}/compactme?rev=${first.body.rev}`, acmeViewer)).status).toBe(404);
  });
});
