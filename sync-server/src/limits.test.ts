import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from './testing/harness';
import { accounts, basic, call, startTestServer } from './testing/harness';

/**
 * Requests that used to hold the whole server or answer 500 (issue 22): each is now refused with a
 * CouchDB-shaped 4xx, cut to a limit, or worked in slices that let other requests through.
 */

let server: TestServer;
let url: string;
const db = () => `${url}/acme-personas`;
const { acmeEditor, acmeViewer, admin, otherEditor } = accounts;

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 64 * 1024, limits: { bulkDocs: 50, bulkGet: 40, allDocsKeys: 30, revsDiffIds: 20, revsLimit: 100 } });
  url = server.url;
});
afterAll(async () => server.close());

const revIds = (n: number, salt: string): string[] => Array.from({ length: n }, (_, i) => `${salt}${(n - i).toString(16).padStart(8, '0')}`);

describe('per-request caps', () => {
  test('a `_revisions` list is cut to the revision limit before it is merged', async () => {
    const ids = revIds(5000, 'a');
    const put = await call(`${db()}/longhistory?new_edits=false`, acmeEditor, { method: 'PUT', body: { _rev: `5000-${ids[0]}`, _revisions: { start: 5000, ids }, v: 1 } });
    expect(put.status).toBe(201);
    const got = await call(`${db()}/longhistory?revs=true`, acmeViewer);
    expect(got.body._rev).toBe(`5000-${ids[0]}`);
    expect(got.body._revisions.ids).toEqual(ids.slice(0, 100));
    const bulk = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { new_edits: false, docs: [{ _id: 'long2', _rev: `5000-${ids[0]}`, _revisions: { start: 5000, ids } }] } });
    expect(bulk.status).toBe(201);
    expect((await call(`${db()}/long2?revs=true`, acmeViewer)).body._revisions.ids).toHaveLength(100);
  });

  test('malformed `_revisions` are a 400, not a crash', async () => {
    for (const revisions of [5, { start: 1, ids: [] }, { start: 1, ids: ['a', 'b'] }, { start: 'x', ids: ['a'] }, { start: 2, ids: [1, 2] }]) {
      const res = await call(`${db()}/badrevs?new_edits=false`, acmeEditor, { method: 'PUT', body: { _rev: '2-a', _revisions: revisions } });
      expect([JSON.stringify(revisions), res.status, res.body.error]).toEqual([JSON.stringify(revisions), 400, 'bad_request']);
    }
  });

  test('too many docs, keys or ids in one request get a 413 naming the limit', async () => {
    const docs = Array.from({ length: 51 }, (_, i) => ({ _id: `cap${i}` }));
    const bulk = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs } });
    expect([bulk.status, bulk.body.error]).toEqual([413, 'max_bulk_docs_count_exceeded']);
    expect(bulk.body.reason).toMatch(/51 given, at most 50/);
    expect((await call(`${db()}/cap0`, acmeViewer)).status).toBe(404);
    expect((await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: docs.slice(0, 50) } })).status).toBe(201);
    const get = await call(`${db()}/_bulk_get`, acmeViewer, { method: 'POST', body: { docs: docs.slice(0, 41).map((d) => ({ id: d._id })) } });
    expect([get.status, get.body.error]).toEqual([413, 'max_bulk_get_count_exceeded']);
    const keys = docs.slice(0, 31).map((d) => d._id);
    expect((await call(`${db()}/_all_docs`, acmeViewer, { method: 'POST', body: { keys } })).body.error).toBe('max_keys_count_exceeded');
    expect((await call(`${db()}/_all_docs?keys=${encodeURIComponent(JSON.stringify(keys))}`, acmeViewer)).status).toBe(413);
    const diff = Object.fromEntries(keys.slice(0, 21).map((k) => [k, ['1-a']]));
    expect((await call(`${db()}/_revs_diff`, acmeViewer, { method: 'POST', body: diff })).body.error).toBe('max_revs_diff_count_exceeded');
  });

  test('requests within the caps answer as one PouchDB call would, across slices', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({ _id: `slice${String(i).padStart(2, '0')}`, n: i }));
    await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs } });
    const keys = [...docs.map((d) => d._id).reverse().slice(0, 28), 'nosuch'];
    const all = await call(`${db()}/_all_docs`, acmeViewer, { method: 'POST', body: { keys, include_docs: true, skip: 2, limit: 25, descending: true } });
    expect(all.body.rows.map((r: { key: string }) => r.key)).toEqual(keys.slice(2, 27).reverse());
    const got = await call(`${db()}/_bulk_get`, acmeViewer, { method: 'POST', body: { docs: keys.map((id) => ({ id })) } });
    expect(got.body.results.map((r: { id: string }) => r.id)).toEqual(keys);
    expect(got.body.results.at(-1).docs[0].error.error).toBe('not_found');
  });

  test('JSON nested deeper than the limit is a 400 in bodies and query parameters', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const put = await call(`${db()}/deep`, acmeEditor, { method: 'PUT', raw: `{"a":${deep}}` });
    expect([put.status, put.body.error]).toEqual([400, 'bad_request']);
    expect(put.body.reason).toMatch(/nested deeper than 64/);
    const inQuery = await call(`${db()}/_all_docs?key=${'['.repeat(3000)}${']'.repeat(3000)}`, acmeViewer);
    expect([inQuery.status, inQuery.body.error]).toEqual([400, 'query_parse_error']);
    const fine = '['.repeat(60) + ']'.repeat(60);
    expect((await call(`${db()}/deepok`, acmeEditor, { method: 'PUT', raw: `{"a":${fine}}` })).status).toBe(201);
  });

  test('a body member starting with `_` is doc_validation 400 on every write path', async () => {
    const put = await call(`${db()}/under`, acmeEditor, { method: 'PUT', body: { _foo: 1 } });
    expect([put.status, put.body]).toEqual([400, { error: 'doc_validation', reason: 'Bad special document member: _foo' }]);
    expect((await call(db(), acmeEditor, { method: 'POST', body: { _id: 'under', _bar: 1 } })).status).toBe(400);
    expect((await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: [{ _id: 'under' }, { _id: 'under2', _x: 1 }] } })).body.error).toBe('doc_validation');
    expect((await call(`${db()}/under`, acmeViewer)).status).toBe(404);
    expect(server.log.lines.some((l) => l.msg === 'request failed')).toBe(false);
  });

  test('document ids up to the id limit work; longer ones are a 400', async () => {
    // 4096 characters (URLs are capped at 16 KiB of headers, so a long id is mostly ASCII).
    const id = 'é'.repeat(1000) + 'x'.repeat(3096);
    expect((await call(`${db()}/${encodeURIComponent(id)}`, acmeEditor, { method: 'PUT', body: { ok: 1 } })).status).toBe(201);
    expect((await call(`${db()}/${encodeURIComponent(id)}`, acmeViewer)).body._id).toBe(id);
    expect((await call(`${db()}/${encodeURIComponent(id + 'x')}`, acmeEditor, { method: 'PUT', body: { ok: 1 } })).status).toBe(400);
  });

  test('an over-limit body is read and dropped, so the client gets the 413 rather than a reset', async () => {
    // 8 MiB sent a chunk at a time against a 64 KiB limit: without draining, the server answered
    // and closed while the client was still sending, and fetch failed with a reset.
    const chunk = new TextEncoder().encode('x'.repeat(512 * 1024));
    for (let i = 0; i < 2; i++) {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (sent++ < 16) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await fetch(`${db()}/_bulk_docs`, { method: 'POST', headers: { authorization: basic(acmeEditor), 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([413, 'too_large']);
    }
  });

  test('a body that stalls gets a 408 and its connection closed', async () => {
    const slow = await startTestServer({ limits: { bodyIdleMs: 200 } });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${slow.url}/acme-personas/_bulk_docs`, { method: 'POST', headers: { authorization: basic(acmeEditor), 'content-type': 'application/json', 'content-length': 100 } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write('{"docs":[');
      });
      expect(status).toBe(408);
    } finally {
      await slow.close();
    }
  });
});

describe('access before work', () => {
  test('a viewer or another tenant is refused before the body is parsed', async () => {
    const malformed = '{"docs":[{"_id": nope';
    expect((await call(`${db()}/_bulk_docs`, acmeViewer, { method: 'POST', raw: malformed })).status).toBe(403);
    expect((await call(`${db()}/_bulk_docs`, otherEditor, { method: 'POST', raw: malformed })).status).toBe(404);
    expect((await call(`${db()}/x`, otherEditor, { method: 'PUT', raw: malformed })).status).toBe(404);
    expect((await call(db(), acmeViewer, { method: 'POST', raw: malformed })).status).toBe(403);
  });
});

describe('feeds and filters', () => {
  test('a longpoll on a database deleted meanwhile answers 404, not 500', async () => {
    expect((await call(`${url}/acme-doomed`, admin, { method: 'PUT' })).status).toBe(201);
    const waiting = call(`${url}/acme-doomed/_changes?feed=longpoll&since=now`, acmeViewer);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await call(`${url}/acme-doomed`, admin, { method: 'DELETE' })).status).toBe(200);
    const res = await waiting;
    expect([res.status, res.body.error]).toEqual([404, 'not_found']);
    expect(server.log.lines.some((l) => l.msg === 'request failed')).toBe(false);
  });

  test('a filter that does not exist is 404; a malformed one 400', async () => {
    expect((await call(`${db()}/_changes?filter=nosuch/f`, acmeViewer)).status).toBe(404);
    await call(`${db()}/_design/app`, accounts.acmeAdmin, { method: 'PUT', body: { filters: { mine: 'function(doc){return true}' } } });
    expect((await call(`${db()}/_changes?filter=app/other`, acmeViewer)).status).toBe(404);
    expect((await call(`${db()}/_changes?filter=app/mine`, acmeViewer)).status).toBe(400);
    expect((await call(`${db()}/_changes?filter=noslash`, acmeViewer)).status).toBe(400);
  });
});

describe('heavy requests yield', () => {
  test('while the largest allowed _bulk_docs runs, /_up and another tenant are answered first', async () => {
    const big = await startTestServer();
    try {
      const docs = Array.from({ length: 10_000 }, (_, i) => ({ _id: `bulk${i}`, title: `document ${i}`, n: i }));
      const order: string[] = [];
      const heavy = call(`${big.url}/acme-personas/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs } }).then((r) => {
        order.push('bulk');
        return r;
      });
      // Let the body arrive and the work start.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const up = call(`${big.url}/_up`, undefined).then(() => order.push('up'));
      const other = call(`${big.url}/other-personas/_all_docs`, otherEditor).then(() => order.push('other'));
      await Promise.all([heavy, up, other]);
      expect((await heavy).status).toBe(201);
      expect(order.indexOf('bulk')).toBe(2);
    } finally {
      await big.close();
    }
  });
});
